// Global IDs (Relay): "Typename:id" in base64. Mutation inputs decode them here so a wrong or
// foreign ID becomes a typed UNKNOWN_* error instead of a generic failure.
import { DomainError, type ErrorCode } from '@ntm/domain';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';

export type NodeTypename =
  | 'Province'
  | 'District'
  | 'Commune'
  | 'CriteriaSet'
  | 'Criterion'
  | 'FundingSource'
  | 'Plan'
  | 'Project'
  | 'PlanSnapshot'
  | 'AuditEntry';

/** The error for an ID that is not of the expected type, and the message param naming it. */
const unknown: Record<NodeTypename, { code: ErrorCode; param: string }> = {
  Province: { code: 'INVALID_SCOPE', param: 'scope' },
  District: { code: 'UNKNOWN_DISTRICT', param: 'district' },
  Commune: { code: 'UNKNOWN_COMMUNE', param: 'commune' },
  CriteriaSet: { code: 'UNKNOWN_CRITERIA_SET', param: 'set' },
  Criterion: { code: 'UNKNOWN_CRITERION', param: 'criterion' },
  FundingSource: { code: 'UNKNOWN_SOURCE', param: 'source' },
  Plan: { code: 'UNKNOWN_PLAN', param: 'plan' },
  Project: { code: 'UNKNOWN_PROJECT', param: 'project' },
  PlanSnapshot: { code: 'UNKNOWN_SNAPSHOT', param: 'snapshot' },
  AuditEntry: { code: 'UNKNOWN_AUDIT_ENTRY', param: 'entry' },
};

export function unknownIdError(typename: NodeTypename, globalId: string, field?: string): DomainError {
  const { code, param } = unknown[typename];
  return new DomainError(code, { [param]: globalId, ...(field ? { field } : {}) });
}

/** The numeric id inside a global ID of the given type, or null when it is not one. */
export function tryDecodeId(globalId: string, typename: NodeTypename): number | null {
  try {
    const decoded = decodeGlobalID(globalId);
    if (decoded.typename !== typename || !/^\d{1,9}$/.test(decoded.id)) return null;
    return Number(decoded.id);
  } catch {
    return null;
  }
}

export function decodeId(globalId: string, typename: NodeTypename, field: string): number {
  const id = tryDecodeId(globalId, typename);
  if (id === null) throw unknownIdError(typename, globalId, field);
  return id;
}

export function encodeId(typename: NodeTypename, id: number): string {
  return encodeGlobalID(typename, id);
}
