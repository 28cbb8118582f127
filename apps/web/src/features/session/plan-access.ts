// What a user may change on a plan's editing screens, from the operations their role may call
// (`me.permissions`) and the plan's status: only a draft changes. The workflow steps and the
// consultations come per plan from the API instead (they also depend on scope); the server
// still decides every call.
import type { PlanStatus } from '@ntm/graphql-client';

/** Editable; read-only because the plan is no longer a draft; or read-only for this role. */
export type EditAccess = 'editable' | 'planLocked' | 'roleReadOnly';

export function editAccessOf(
  status: PlanStatus,
  can: (operation: string) => boolean,
  operation: string,
): EditAccess {
  if (status !== 'DRAFT') return 'planLocked';
  return can(operation) ? 'editable' : 'roleReadOnly';
}
