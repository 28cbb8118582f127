// What a user may change on a plan's editing screens, from the operations their role may call
// (`me.permissions`) and the plan's status: only a draft changes. The workflow steps and the
// consultations come per plan from the API instead (they also depend on scope); the server
// still decides every call.
import type { PlanStatus } from '@ntm/graphql-client';
import type { PlanTab } from '../../app/routes';

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

/** A unit whose criterion status can be set: a commune, or the district itself. */
export type StatusUnit = { communeId: string } | { districtId: string };

/**
 * May the caller record a criterion status of this unit? Statuses belong to the unit, not the
 * plan, so the plan's status does not matter; a commune officer sets only their own commune's.
 */
export function canSetCriterionStatus(
  can: (operation: string) => boolean,
  ownCommuneId: string | null,
  unit: StatusUnit,
): boolean {
  if (!can('Mutation.setCriterionStatus')) return false;
  if (ownCommuneId === null) return true;
  return 'communeId' in unit && unit.communeId === ownCommuneId;
}

/** Tabs only some roles can use, with the operation the tab is for; the others are for everyone. */
const TAB_OPERATION: Partial<Record<PlanTab, string>> = { optimize: 'Mutation.optimizePlan' };

export function isTabAvailable(tab: PlanTab, can: (operation: string) => boolean): boolean {
  const operation = TAB_OPERATION[tab];
  return operation === undefined || can(operation);
}
