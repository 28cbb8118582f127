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
  | 'Project';

const unknownCode: Record<NodeTypename, ErrorCode> = {
  Province: 'INVALID_SCOPE',
  District: 'INVALID_SCOPE',
  Commune: 'UNKNOWN_COMMUNE',
  CriteriaSet: 'UNKNOWN_CRITERION',
  Criterion: 'UNKNOWN_CRITERION',
  FundingSource: 'UNKNOWN_SOURCE',
  Plan: 'UNKNOWN_PLAN',
  Project: 'UNKNOWN_PROJECT',
};

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
  if (id === null) throw new DomainError(unknownCode[typename], { field, id: globalId });
  return id;
}

export function encodeId(typename: NodeTypename, id: number): string {
  return encodeGlobalID(typename, id);
}
