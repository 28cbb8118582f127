/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AccessScopeLevel =
  | 'ALL'
  | 'COMMUNE'
  | 'DISTRICT'
  | 'PROVINCE';

export type AllocationCellInput = {
  /** New amount; 0 clears the cell. */
  amount: string;
  communeId: string | number;
  criterionId: string | number;
  /** The version this change is based on (0 for a cell never written). When the cell has moved on, the change is a conflict, never a silent overwrite. Omit only to overwrite deliberately. */
  expectedVersion?: number | null | undefined;
  sourceId: string | number;
};

export type AuditAction =
  | 'DELETE'
  | 'INSERT'
  | 'UPDATE';

/** What kind of thing changed. */
export type AuditEntity =
  /** A cell of the grid. */
  | 'ALLOCATION'
  | 'CRITERION_STATUS'
  | 'DISTRICT_CRITERION_STATUS'
  | 'FUNDING_CAP'
  | 'PLAN'
  /** A commune's target in a plan. */
  | 'PLAN_COMMUNE'
  /** A named version of a plan was taken. */
  | 'PLAN_SNAPSHOT'
  | 'PROJECT';

export type AuditLogFilter = {
  actor?: string | null | undefined;
  batchId?: string | null | undefined;
  communeId?: string | number | null | undefined;
  criterionId?: string | number | null | undefined;
  entity?: AuditEntity | null | undefined;
  /** Changes at or after this time. */
  from?: string | null | undefined;
  planId?: string | number | null | undefined;
  sourceId?: string | number | null | undefined;
  /** Changes before this time. */
  to?: string | null | undefined;
};

/** Where a change came from. */
export type AuditOrigin =
  | 'API'
  | 'GRID'
  | 'IMPORT'
  | 'OPTIMIZER'
  | 'SEED'
  | 'SYSTEM';

export type CommuneKind =
  /** Phường (urban ward) */
  | 'PHUONG'
  /** Thị trấn (town) */
  | 'THI_TRAN'
  /** Xã (rural commune) */
  | 'XA';

export type ConflictMode =
  /** Any conflict rejects the whole batch (default). */
  | 'ALL_OR_NOTHING'
  /** Apply the cells without conflict; report the others. */
  | 'APPLY_OTHERS';

export type CreatePlanSnapshotInput = {
  /** e.g. "Bản trình HĐND 15/8/2022". */
  name: string;
  note?: string | null | undefined;
  planId: string | number;
};

/** Stable error codes. Clients branch on these, never on message text. */
export type ErrorCode =
  | 'AMOUNT_TOO_LARGE'
  | 'BATCH_REJECTED'
  | 'BATCH_TOO_LARGE'
  | 'COMMUNE_NOT_IN_PLAN'
  | 'CRITERION_NOT_IN_SET'
  | 'DUPLICATE_CELL'
  | 'FORBIDDEN'
  | 'FRACTIONAL_AMOUNT'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'INVALID_CREDENTIALS'
  | 'INVALID_EXPIRY'
  | 'INVALID_INPUT'
  | 'INVALID_NAME'
  | 'INVALID_PERIOD'
  | 'INVALID_QUARTER'
  | 'INVALID_SCOPE'
  | 'INVALID_STATUS_TRANSITION'
  | 'INVALID_TARGET'
  | 'LOGIN_THROTTLED'
  | 'NEGATIVE_AMOUNT'
  | 'NOT_AN_AMOUNT'
  | 'NOT_REVERTIBLE'
  | 'PLAN_LOCKED'
  | 'REVERT_CONFLICT'
  | 'SOURCE_NOT_ELIGIBLE'
  | 'UNAUTHENTICATED'
  | 'UNKNOWN_API_TOKEN'
  | 'UNKNOWN_AUDIT_ENTRY'
  | 'UNKNOWN_COMMUNE'
  | 'UNKNOWN_CRITERIA_SET'
  | 'UNKNOWN_CRITERION'
  | 'UNKNOWN_DISTRICT'
  | 'UNKNOWN_PLAN'
  | 'UNKNOWN_PROJECT'
  | 'UNKNOWN_SESSION'
  | 'UNKNOWN_SNAPSHOT'
  | 'UNKNOWN_SOURCE'
  | 'USERNAME_TAKEN'
  | 'VERSION_CONFLICT'
  | 'WEAK_PASSWORD';

/** Ethnic-minority and mountain area zone (Khu vực I/II/III; III = đặc biệt khó khăn). */
export type EthnicZone =
  | 'ZONE_I'
  | 'ZONE_II'
  | 'ZONE_III';

export type FundingSourceKind =
  | 'CENTRAL'
  | 'COMMUNE'
  /** People's contributions. */
  | 'COMMUNITY'
  | 'CREDIT'
  | 'DISTRICT'
  | 'ENTERPRISE'
  /** Vốn lồng ghép from other programs. */
  | 'INTEGRATED'
  /** Program 135 / ethnic-minority program money. */
  | 'PROGRAM'
  | 'PROVINCE';

/** The NTM standard a commune aims for. */
export type NtmLevel =
  /** Đạt chuẩn (standard) */
  | 'DAT_CHUAN'
  /** Kiểu mẫu (model) */
  | 'KIEU_MAU'
  /** Nâng cao (advanced) */
  | 'NANG_CAO';

/** draft → submitted → approved → locked. Only a draft can be edited. */
export type PlanStatus =
  | 'APPROVED'
  | 'DRAFT'
  | 'LOCKED'
  | 'SUBMITTED';

export type RestorePlanSnapshotInput = {
  /** Name of the new draft plan. */
  name: string;
  snapshotId: string | number;
};

export type ResyncReason =
  /** The client fell too far behind the stream. */
  | 'OVERFLOW'
  /** The server lost its database listener for a while. */
  | 'RECONNECTED';

/** Give exactly one: an audit entry, or a batch id (everything saved together). */
export type RevertChangeInput = {
  auditId?: string | number | null | undefined;
  batchId?: string | null | undefined;
};

export type Role =
  /** Quản trị: everything, everywhere. */
  | 'ADMIN'
  /** Reads the district's plans, writes their commune's cells. */
  | 'COMMUNE_OFFICER'
  /** HĐND: reads, and moves plans along the approval workflow. */
  | 'COUNCIL_REVIEWER'
  /** Plans of one district. */
  | 'DISTRICT_PLANNER'
  /** Plans of one province. */
  | 'PROVINCE_PLANNER'
  /** Reads only. */
  | 'VIEWER';

export type ScopeLevel =
  | 'DISTRICT'
  | 'PROVINCE';

export type SetAllocationsInput = {
  /** At most 50000 cells. */
  cells: Array<AllocationCellInput>;
  conflictMode?: ConflictMode | null | undefined;
  planId: string | number;
};

export type SetCriterionStatusInput = {
  assessedOn?: string | null | undefined;
  criterionId: string | number;
  isMet: boolean;
  note?: string | null | undefined;
  /** A Commune ID (commune criteria) or a District ID (district criteria). */
  unitId: string | number;
};

export type SetFundingCapInput = {
  amount: string;
  isConfirmed: boolean;
  note?: string | null | undefined;
  planId: string | number;
  sourceId: string | number;
};

export type SourceCommitmentStatus =
  /** Allocated within the confirmed cap. */
  | 'OK'
  /** Allocated beyond the cap (capital-construction debt). */
  | 'OVER_CAP'
  /** Allocated from money that is not confirmed yet (debt risk). */
  | 'UNCONFIRMED';

export type SpreadThinKind =
  /** Money on a criterion the commune already meets. */
  | 'MET_CRITERION'
  /** Money on a commune not targeted this period while targets still lack money. */
  | 'NON_TARGET_COMMUNE'
  /** More money than the criterion still needs. */
  | 'OVER_FUNDED';

export type GridAnalysisFragment = { totals: { allocated: string, confirmedCaps: string, expectedCaps: string, shortfall: string, debtRisk: string, targetCommunes: number, fundedTargetCommunes: number }, communes: Array<{ communeId: string, deadline: string | null, deadlineLabel: string | null, isOverdue: boolean, isFunded: boolean, reachesStandard: boolean, criteriaMet: number, criteriaTotal: number, cost: string, allocated: string, shortfall: string, commune: { name: string }, uncostedCriteria: Array<{ id: string }>, unmet: Array<{ criterionId: string, cost: string, allocated: string, shortfall: string, isCosted: boolean }> }>, sources: Array<{ sourceId: string, allocated: string, cap: string | null, confirmedCap: string, debtRisk: string, overCap: string, unconfirmedAllocated: string, isConfirmed: boolean, status: SourceCommitmentStatus }>, spreadThin: Array<{ kind: SpreadThinKind, amount: string, communeId: string, criterionId: string | null, commune: { name: string } }> };

export type GridPlanSummaryFragment = { id: string, revision: number, fundingCaps: Array<{ amount: string, isConfirmed: boolean, source: { id: string } }>, analysis: { totals: { allocated: string, confirmedCaps: string, expectedCaps: string, shortfall: string, debtRisk: string, targetCommunes: number, fundedTargetCommunes: number }, communes: Array<{ communeId: string, deadline: string | null, deadlineLabel: string | null, isOverdue: boolean, isFunded: boolean, reachesStandard: boolean, criteriaMet: number, criteriaTotal: number, cost: string, allocated: string, shortfall: string, commune: { name: string }, uncostedCriteria: Array<{ id: string }>, unmet: Array<{ criterionId: string, cost: string, allocated: string, shortfall: string, isCosted: boolean }> }>, sources: Array<{ sourceId: string, allocated: string, cap: string | null, confirmedCap: string, debtRisk: string, overCap: string, unconfirmedAllocated: string, isConfirmed: boolean, status: SourceCommitmentStatus }>, spreadThin: Array<{ kind: SpreadThinKind, amount: string, communeId: string, criterionId: string | null, commune: { name: string } }> } };

export type AllocationGridQueryVariables = Exact<{
  planId: string | number;
}>;


export type AllocationGridQuery = { plan: { name: string, status: PlanStatus, periodStartYear: number, periodEndYear: number, id: string, revision: number, criteriaSet: { id: string, groups: Array<{ id: string, code: string, nameVi: string, nameEn: string, position: number }>, criteria: Array<{ id: string, number: number, nameVi: string, nameEn: string, groupId: string | null }> }, communes: Array<{ isTarget: boolean, priority: number, targetLevel: NtmLevel | null, deadline: string | null, deadlineLabel: string | null, commune: { id: string, name: string, kind: CommuneKind, isProgram135: boolean, isAtk: boolean, isBorder: boolean, isIsland: boolean, ethnicZone: EthnicZone | null, criteriaStatus: Array<{ isMet: boolean, criterion: { id: string } }> } }>, grid: { communeIds: Array<string>, criterionIds: Array<string>, sourceIds: Array<string>, communeIndex: number[], criterionIndex: number[], sourceIndex: number[], amounts: string[], versions: number[] }, fundingCaps: Array<{ amount: string, isConfirmed: boolean, source: { id: string } }>, analysis: { totals: { allocated: string, confirmedCaps: string, expectedCaps: string, shortfall: string, debtRisk: string, targetCommunes: number, fundedTargetCommunes: number }, communes: Array<{ communeId: string, deadline: string | null, deadlineLabel: string | null, isOverdue: boolean, isFunded: boolean, reachesStandard: boolean, criteriaMet: number, criteriaTotal: number, cost: string, allocated: string, shortfall: string, commune: { name: string }, uncostedCriteria: Array<{ id: string }>, unmet: Array<{ criterionId: string, cost: string, allocated: string, shortfall: string, isCosted: boolean }> }>, sources: Array<{ sourceId: string, allocated: string, cap: string | null, confirmedCap: string, debtRisk: string, overCap: string, unconfirmedAllocated: string, isConfirmed: boolean, status: SourceCommitmentStatus }>, spreadThin: Array<{ kind: SpreadThinKind, amount: string, communeId: string, criterionId: string | null, commune: { name: string } }> } } | null, fundingSources: Array<{ id: string, code: string, kind: FundingSourceKind, nameVi: string, nameEn: string, position: number, eligibleCommuneFlags: Array<string>, needsCouncilApproval: boolean }> };

export type GridCellConflictFragment = { communeId: string, criterionId: string, sourceId: string, attemptedAmount: string, expectedVersion: number, currentVersion: number, currentAmount: string, changedBy: string | null, changedAt: string | null };

export type SaveAllocationsMutationVariables = Exact<{
  input: SetAllocationsInput;
}>;


export type SaveAllocationsMutation = { setAllocations:
    | { __typename: 'BatchRejectedError', code: ErrorCode, message: string, errorCount: number, cellErrors: Array<{ index: number, code: ErrorCode, message: string, communeId: string | null, criterionId: string | null, sourceId: string | null }> }
    | { __typename: 'InputError', code: ErrorCode, message: string, field: string | null }
    | { __typename: 'SetAllocationsPayload', batchId: string, changedCount: number, cells: Array<{ communeId: string, criterionId: string, sourceId: string, amount: string, version: number }>, conflicts: Array<{ communeId: string, criterionId: string, sourceId: string, attemptedAmount: string, expectedVersion: number, currentVersion: number, currentAmount: string, changedBy: string | null, changedAt: string | null }>, plan: { id: string, revision: number, fundingCaps: Array<{ amount: string, isConfirmed: boolean, source: { id: string } }>, analysis: { totals: { allocated: string, confirmedCaps: string, expectedCaps: string, shortfall: string, debtRisk: string, targetCommunes: number, fundedTargetCommunes: number }, communes: Array<{ communeId: string, deadline: string | null, deadlineLabel: string | null, isOverdue: boolean, isFunded: boolean, reachesStandard: boolean, criteriaMet: number, criteriaTotal: number, cost: string, allocated: string, shortfall: string, commune: { name: string }, uncostedCriteria: Array<{ id: string }>, unmet: Array<{ criterionId: string, cost: string, allocated: string, shortfall: string, isCosted: boolean }> }>, sources: Array<{ sourceId: string, allocated: string, cap: string | null, confirmedCap: string, debtRisk: string, overCap: string, unconfirmedAllocated: string, isConfirmed: boolean, status: SourceCommitmentStatus }>, spreadThin: Array<{ kind: SpreadThinKind, amount: string, communeId: string, criterionId: string | null, commune: { name: string } }> } } }
    | { __typename: 'VersionConflictError', code: ErrorCode, message: string, conflicts: Array<{ communeId: string, criterionId: string, sourceId: string, attemptedAmount: string, expectedVersion: number, currentVersion: number, currentAmount: string, changedBy: string | null, changedAt: string | null }> }
   };

export type GridPlanSummaryQueryVariables = Exact<{
  planId: string | number;
}>;


export type GridPlanSummaryQuery = { plan: { id: string, revision: number, fundingCaps: Array<{ amount: string, isConfirmed: boolean, source: { id: string } }>, analysis: { totals: { allocated: string, confirmedCaps: string, expectedCaps: string, shortfall: string, debtRisk: string, targetCommunes: number, fundedTargetCommunes: number }, communes: Array<{ communeId: string, deadline: string | null, deadlineLabel: string | null, isOverdue: boolean, isFunded: boolean, reachesStandard: boolean, criteriaMet: number, criteriaTotal: number, cost: string, allocated: string, shortfall: string, commune: { name: string }, uncostedCriteria: Array<{ id: string }>, unmet: Array<{ criterionId: string, cost: string, allocated: string, shortfall: string, isCosted: boolean }> }>, sources: Array<{ sourceId: string, allocated: string, cap: string | null, confirmedCap: string, debtRisk: string, overCap: string, unconfirmedAllocated: string, isConfirmed: boolean, status: SourceCommitmentStatus }>, spreadThin: Array<{ kind: SpreadThinKind, amount: string, communeId: string, criterionId: string | null, commune: { name: string } }> } } | null };

export type GridCellsQueryVariables = Exact<{
  planId: string | number;
}>;


export type GridCellsQuery = { plan: { id: string, revision: number, grid: { communeIds: Array<string>, criterionIds: Array<string>, sourceIds: Array<string>, communeIndex: number[], criterionIndex: number[], sourceIndex: number[], amounts: string[], versions: number[] }, fundingCaps: Array<{ amount: string, isConfirmed: boolean, source: { id: string } }>, analysis: { totals: { allocated: string, confirmedCaps: string, expectedCaps: string, shortfall: string, debtRisk: string, targetCommunes: number, fundedTargetCommunes: number }, communes: Array<{ communeId: string, deadline: string | null, deadlineLabel: string | null, isOverdue: boolean, isFunded: boolean, reachesStandard: boolean, criteriaMet: number, criteriaTotal: number, cost: string, allocated: string, shortfall: string, commune: { name: string }, uncostedCriteria: Array<{ id: string }>, unmet: Array<{ criterionId: string, cost: string, allocated: string, shortfall: string, isCosted: boolean }> }>, sources: Array<{ sourceId: string, allocated: string, cap: string | null, confirmedCap: string, debtRisk: string, overCap: string, unconfirmedAllocated: string, isConfirmed: boolean, status: SourceCommitmentStatus }>, spreadThin: Array<{ kind: SpreadThinKind, amount: string, communeId: string, criterionId: string | null, commune: { name: string } }> } } | null };

export type GridCellHistoryQueryVariables = Exact<{
  planId: string | number;
  communeId: string | number;
  criterionId: string | number;
  sourceId: string | number;
}>;


export type GridCellHistoryQuery = { plan: { id: string, cellHistory: Array<{ id: string, at: string, actor: string, origin: AuditOrigin, action: AuditAction, before: { amount: string | null } | null, after: { amount: string | null } | null }> } | null };

export type PlanAuditLogQueryVariables = Exact<{
  filter: AuditLogFilter;
  first: number;
  after?: string | null | undefined;
}>;


export type PlanAuditLogQuery = { auditLog: { edges: Array<{ cursor: string, node: { id: string, at: string, actor: string, origin: AuditOrigin, action: AuditAction, entity: AuditEntity, entityKey: string, batchId: string | null, requestId: string | null, commune: { id: string, name: string } | null, criterion: { id: string, number: number, name: string } | null, source: { id: string, code: string, name: string } | null, before: { amount: string | null, isConfirmed: boolean | null, isMet: boolean | null, status: string | null, name: string | null, version: number | null, revertOf: string | null } | null, after: { amount: string | null, isConfirmed: boolean | null, isMet: boolean | null, status: string | null, name: string | null, version: number | null, revertOf: string | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AuditEntryFieldsFragment = { id: string, at: string, actor: string, origin: AuditOrigin, action: AuditAction, entity: AuditEntity, entityKey: string, batchId: string | null, requestId: string | null, commune: { id: string, name: string } | null, criterion: { id: string, number: number, name: string } | null, source: { id: string, code: string, name: string } | null, before: { amount: string | null, isConfirmed: boolean | null, isMet: boolean | null, status: string | null, name: string | null, version: number | null, revertOf: string | null } | null, after: { amount: string | null, isConfirmed: boolean | null, isMet: boolean | null, status: string | null, name: string | null, version: number | null, revertOf: string | null } | null };

export type AuditFilterOptionsQueryVariables = Exact<{
  planId: string | number;
}>;


export type AuditFilterOptionsQuery = { plan: { id: string, communes: Array<{ commune: { id: string, name: string } }> } | null, fundingSources: Array<{ id: string, code: string, name: string }> };

export type RevertChangeMutationVariables = Exact<{
  input: RevertChangeInput;
}>;


export type RevertChangeMutation = { revertChange:
    | { __typename: 'InputError', code: ErrorCode, message: string }
    | { __typename: 'RevertChangePayload', batchId: string, revertedCount: number }
    | { __typename: 'RevertConflictError', code: ErrorCode, message: string, conflicts: Array<{ entity: AuditEntity, communeId: string | null, criterionId: string | null, sourceId: string | null, currentAmount: string | null, currentVersion: number, expectedVersion: number, changedAt: string | null, changedBy: string | null, commune: { id: string, name: string } | null }> }
   };

export type CriteriaStatusMatrixQueryVariables = Exact<{
  id: string | number;
  criteriaSetId: string | number;
  districtCriteriaSetId?: string | number | null | undefined;
}>;


export type CriteriaStatusMatrixQuery = { plan: { id: string, criteriaSet: { id: string, groups: Array<{ id: string, code: string, nameVi: string, nameEn: string, position: number }>, criteria: Array<{ id: string, number: number, groupId: string | null, nameVi: string, nameEn: string }> }, districtCriteriaSet: { id: string, criteria: Array<{ id: string, number: number, nameVi: string, nameEn: string }> } | null, district: { id: string, name: string, criteriaStatus: Array<{ isMet: boolean, version: number, criterion: { id: string } }> } | null, communes: Array<{ isTarget: boolean, deadline: string | null, commune: { id: string, name: string, kind: CommuneKind, isProgram135: boolean, criteriaStatus: Array<{ isMet: boolean, version: number, criterion: { id: string } }> } }> } | null };

export type SetCriterionStatusMutationVariables = Exact<{
  input: SetCriterionStatusInput;
}>;


export type SetCriterionStatusMutation = { setCriterionStatus:
    | { __typename: 'CriterionStatusPayload', status: { isMet: boolean, version: number, criterion: { id: string } } }
    | { __typename: 'InputError', code: ErrorCode, message: string, field: string | null }
   };

export type SourceCommitmentFieldsFragment = { sourceId: string, allocated: string, cap: string | null, confirmedCap: string, debtRisk: string, overCap: string, unconfirmedAllocated: string, isConfirmed: boolean, status: SourceCommitmentStatus };

export type FundingCapFieldsFragment = { amount: string, isConfirmed: boolean, note: string | null, version: number, updatedAt: string, source: { id: string } };

export type FundingCapsQueryVariables = Exact<{
  id: string | number;
}>;


export type FundingCapsQuery = { fundingSources: Array<{ id: string, code: string, nameVi: string, nameEn: string, eligibility: string, needsCouncilApproval: boolean, position: number }>, plan: { id: string, status: PlanStatus, fundingCaps: Array<{ amount: string, isConfirmed: boolean, note: string | null, version: number, updatedAt: string, source: { id: string } }>, analysis: { totals: { allocated: string, confirmedCaps: string, expectedCaps: string, debtRisk: string }, sources: Array<{ sourceId: string, allocated: string, cap: string | null, confirmedCap: string, debtRisk: string, overCap: string, unconfirmedAllocated: string, isConfirmed: boolean, status: SourceCommitmentStatus }> } } | null };

export type SetFundingCapMutationVariables = Exact<{
  input: SetFundingCapInput;
}>;


export type SetFundingCapMutation = { setFundingCap:
    | { __typename: 'FundingCapPayload', cap: { amount: string, isConfirmed: boolean, note: string | null, version: number, updatedAt: string, source: { id: string } }, plan: { id: string, analysis: { totals: { allocated: string, confirmedCaps: string, expectedCaps: string, debtRisk: string }, sources: Array<{ sourceId: string, allocated: string, cap: string | null, confirmedCap: string, debtRisk: string, overCap: string, unconfirmedAllocated: string, isConfirmed: boolean, status: SourceCommitmentStatus }> } } }
    | { __typename: 'InputError', code: ErrorCode, message: string, field: string | null }
   };

export type PlanOverviewQueryVariables = Exact<{
  id: string | number;
  criteriaSetId: string | number;
}>;


export type PlanOverviewQuery = { plan: { id: string, communes: Array<{ isTarget: boolean, commune: { id: string, name: string, progress: { met: number, total: number, reachesStandard: boolean } } }>, analysis: { totals: { allocated: string, confirmedCaps: string, expectedCaps: string, shortfall: string, debtRisk: string, targetCommunes: number, fundedTargetCommunes: number }, sources: Array<{ sourceId: string, allocated: string, cap: string | null, confirmedCap: string, debtRisk: string, isConfirmed: boolean, status: SourceCommitmentStatus, source: { id: string, code: string, nameVi: string, nameEn: string, position: number } }>, communes: Array<{ communeId: string, criteriaMet: number, criteriaTotal: number, cost: string, allocated: string, shortfall: string, deadline: string | null, isFunded: boolean, isOverdue: boolean, commune: { name: string } }> } } | null };

export type PlanChangedSubscriptionVariables = Exact<{
  planId: string | number;
}>;


export type PlanChangedSubscription = { planChanged:
    | { __typename: 'CapChanged', planId: string, actor: string, sourceId: string, amount: string, isConfirmed: boolean, version: number }
    | { __typename: 'CellsChanged', planId: string, actor: string, origin: string, batchId: string, cellCount: number, cells: Array<{ communeId: string, criterionId: string, sourceId: string, amount: string, version: number }> | null }
    | { __typename: 'CriterionStatusChanged', planId: string, actor: string, communeId: string | null, districtId: string | null, criterionId: string, isMet: boolean, version: number }
    | { __typename: 'PlanStatusChanged', planId: string, actor: string, status: PlanStatus, version: number }
    | { __typename: 'ResyncRequired', planId: string, reason: ResyncReason }
    | { __typename: 'ViewersChanged', planId: string, viewers: Array<{ sessionId: string, name: string | null, actor: string, since: string, isYou: boolean }> }
   };

export type PlanHeaderQueryVariables = Exact<{
  id: string | number;
}>;


export type PlanHeaderQuery = { plan: { id: string, name: string, status: PlanStatus, scopeLevel: ScopeLevel, periodStartYear: number, periodEndYear: number, revision: number, district: { id: string, name: string } | null, province: { name: string }, criteriaSet: { id: string }, districtCriteriaSet: { id: string } | null } | null };

export type PlansListQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PlansListQuery = { plans: { edges: Array<{ node: { id: string, name: string, scopeLevel: ScopeLevel, periodStartYear: number, periodEndYear: number, status: PlanStatus, revision: number, district: { name: string } | null, province: { name: string }, analysis: { totals: { allocated: string, confirmedCaps: string, expectedCaps: string, shortfall: string, debtRisk: string, targetCommunes: number, fundedTargetCommunes: number } } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { name: string, displayName: string, role: Role, scopeLevel: AccessScopeLevel, permissions: Array<string>, province: { id: string, name: string } | null, district: { id: string, name: string } | null, commune: { id: string, name: string } | null } };

export type LoginMutationVariables = Exact<{
  login: string;
  password: string;
}>;


export type LoginMutation = { login:
    | { __typename: 'InputError', code: ErrorCode, message: string }
    | { __typename: 'LoginPayload', me: { name: string } }
   };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout:
    | { __typename: 'DonePayload' }
    | { __typename: 'InputError', code: ErrorCode, message: string }
   };

export type PlanSnapshotsQueryVariables = Exact<{
  planId: string | number;
}>;


export type PlanSnapshotsQuery = { plan: { id: string, snapshots: Array<{ id: string, name: string, note: string | null, createdAt: string, createdBy: string, total: string, cellCount: number }>, communes: Array<{ commune: { id: string, name: string } }>, criteriaSet: { id: string, criteria: Array<{ id: string, number: number, name: string }> } } | null, fundingSources: Array<{ id: string, code: string, name: string }> };

export type SnapshotFieldsFragment = { id: string, name: string, note: string | null, createdAt: string, createdBy: string, total: string, cellCount: number };

export type DiffTotalFieldsFragment = { id: string | null, name: string, before: string, after: string, delta: string, changedCells: number };

export type PlanDiffQueryVariables = Exact<{
  planId: string | number;
  from: string | number;
  to?: string | number | null | undefined;
  firstCells?: number | null | undefined;
}>;


export type PlanDiffQuery = { plan: { id: string, diff:
      | { __typename: 'InputError', code: ErrorCode, message: string }
      | { __typename: 'PlanDiff', from: { id: string, name: string }, to: { id: string, name: string } | null, total: { id: string | null, name: string, before: string, after: string, delta: string, changedCells: number }, byCommune: Array<{ id: string | null, name: string, before: string, after: string, delta: string, changedCells: number }>, byCriterion: Array<{ id: string | null, name: string, before: string, after: string, delta: string, changedCells: number }>, bySource: Array<{ id: string | null, name: string, before: string, after: string, delta: string, changedCells: number }>, cells: Array<{ communeId: string, criterionId: string, sourceId: string, before: string, after: string, delta: string }> }
     } | null };

export type CreatePlanSnapshotMutationVariables = Exact<{
  input: CreatePlanSnapshotInput;
}>;


export type CreatePlanSnapshotMutation = { createPlanSnapshot:
    | { __typename: 'InputError', code: ErrorCode, message: string, field: string | null }
    | { __typename: 'PlanSnapshotPayload', snapshot: { id: string, name: string, note: string | null, createdAt: string, createdBy: string, total: string, cellCount: number } }
   };

export type RestorePlanSnapshotMutationVariables = Exact<{
  input: RestorePlanSnapshotInput;
}>;


export type RestorePlanSnapshotMutation = { restorePlanSnapshot:
    | { __typename: 'InputError', code: ErrorCode, message: string, field: string | null }
    | { __typename: 'RestorePlanSnapshotPayload', plan: { id: string, name: string, revision: number, status: PlanStatus } }
   };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const GridAnalysisFragmentDoc = new TypedDocumentString(`
    fragment GridAnalysis on PlanAnalysis {
  totals {
    allocated
    confirmedCaps
    expectedCaps
    shortfall
    debtRisk
    targetCommunes
    fundedTargetCommunes
  }
  communes {
    communeId
    commune {
      name
    }
    deadline
    deadlineLabel
    isOverdue
    isFunded
    reachesStandard
    criteriaMet
    criteriaTotal
    cost
    allocated
    shortfall
    uncostedCriteria {
      id
    }
    unmet {
      criterionId
      cost
      allocated
      shortfall
      isCosted
    }
  }
  sources {
    sourceId
    allocated
    cap
    confirmedCap
    debtRisk
    overCap
    unconfirmedAllocated
    isConfirmed
    status
  }
  spreadThin {
    kind
    amount
    communeId
    commune {
      name
    }
    criterionId
  }
}
    `, {"fragmentName":"GridAnalysis"}) as unknown as TypedDocumentString<GridAnalysisFragment, unknown>;
export const GridPlanSummaryFragmentDoc = new TypedDocumentString(`
    fragment GridPlanSummary on Plan {
  id
  revision
  fundingCaps {
    amount
    isConfirmed
    source {
      id
    }
  }
  analysis {
    ...GridAnalysis
  }
}
    fragment GridAnalysis on PlanAnalysis {
  totals {
    allocated
    confirmedCaps
    expectedCaps
    shortfall
    debtRisk
    targetCommunes
    fundedTargetCommunes
  }
  communes {
    communeId
    commune {
      name
    }
    deadline
    deadlineLabel
    isOverdue
    isFunded
    reachesStandard
    criteriaMet
    criteriaTotal
    cost
    allocated
    shortfall
    uncostedCriteria {
      id
    }
    unmet {
      criterionId
      cost
      allocated
      shortfall
      isCosted
    }
  }
  sources {
    sourceId
    allocated
    cap
    confirmedCap
    debtRisk
    overCap
    unconfirmedAllocated
    isConfirmed
    status
  }
  spreadThin {
    kind
    amount
    communeId
    commune {
      name
    }
    criterionId
  }
}`, {"fragmentName":"GridPlanSummary"}) as unknown as TypedDocumentString<GridPlanSummaryFragment, unknown>;
export const GridCellConflictFragmentDoc = new TypedDocumentString(`
    fragment GridCellConflict on CellConflict {
  communeId
  criterionId
  sourceId
  attemptedAmount
  expectedVersion
  currentVersion
  currentAmount
  changedBy
  changedAt
}
    `, {"fragmentName":"GridCellConflict"}) as unknown as TypedDocumentString<GridCellConflictFragment, unknown>;
export const AuditEntryFieldsFragmentDoc = new TypedDocumentString(`
    fragment AuditEntryFields on AuditEntry {
  id
  at
  actor
  origin
  action
  entity
  entityKey
  batchId
  requestId
  commune {
    id
    name
  }
  criterion {
    id
    number
    name
  }
  source {
    id
    code
    name
  }
  before {
    amount
    isConfirmed
    isMet
    status
    name
    version
    revertOf
  }
  after {
    amount
    isConfirmed
    isMet
    status
    name
    version
    revertOf
  }
}
    `, {"fragmentName":"AuditEntryFields"}) as unknown as TypedDocumentString<AuditEntryFieldsFragment, unknown>;
export const SourceCommitmentFieldsFragmentDoc = new TypedDocumentString(`
    fragment SourceCommitmentFields on SourceCommitment {
  sourceId
  allocated
  cap
  confirmedCap
  debtRisk
  overCap
  unconfirmedAllocated
  isConfirmed
  status
}
    `, {"fragmentName":"SourceCommitmentFields"}) as unknown as TypedDocumentString<SourceCommitmentFieldsFragment, unknown>;
export const FundingCapFieldsFragmentDoc = new TypedDocumentString(`
    fragment FundingCapFields on FundingCap {
  amount
  isConfirmed
  note
  version
  updatedAt
  source {
    id
  }
}
    `, {"fragmentName":"FundingCapFields"}) as unknown as TypedDocumentString<FundingCapFieldsFragment, unknown>;
export const SnapshotFieldsFragmentDoc = new TypedDocumentString(`
    fragment SnapshotFields on PlanSnapshot {
  id
  name
  note
  createdAt
  createdBy
  total
  cellCount
}
    `, {"fragmentName":"SnapshotFields"}) as unknown as TypedDocumentString<SnapshotFieldsFragment, unknown>;
export const DiffTotalFieldsFragmentDoc = new TypedDocumentString(`
    fragment DiffTotalFields on DiffTotal {
  id
  name
  before
  after
  delta
  changedCells
}
    `, {"fragmentName":"DiffTotalFields"}) as unknown as TypedDocumentString<DiffTotalFieldsFragment, unknown>;
export const AllocationGridDocument = new TypedDocumentString(`
    query AllocationGrid($planId: ID!) {
  plan(id: $planId) {
    ...GridPlanSummary
    name
    status
    periodStartYear
    periodEndYear
    criteriaSet {
      id
      groups {
        id
        code
        nameVi
        nameEn
        position
      }
      criteria {
        id
        number
        nameVi
        nameEn
        groupId
      }
    }
    communes {
      isTarget
      priority
      targetLevel
      deadline
      deadlineLabel
      commune {
        id
        name
        kind
        isProgram135
        isAtk
        isBorder
        isIsland
        ethnicZone
        criteriaStatus {
          isMet
          criterion {
            id
          }
        }
      }
    }
    grid {
      communeIds
      criterionIds
      sourceIds
      communeIndex
      criterionIndex
      sourceIndex
      amounts
      versions
    }
  }
  fundingSources {
    id
    code
    kind
    nameVi
    nameEn
    position
    eligibleCommuneFlags
    needsCouncilApproval
  }
}
    fragment GridAnalysis on PlanAnalysis {
  totals {
    allocated
    confirmedCaps
    expectedCaps
    shortfall
    debtRisk
    targetCommunes
    fundedTargetCommunes
  }
  communes {
    communeId
    commune {
      name
    }
    deadline
    deadlineLabel
    isOverdue
    isFunded
    reachesStandard
    criteriaMet
    criteriaTotal
    cost
    allocated
    shortfall
    uncostedCriteria {
      id
    }
    unmet {
      criterionId
      cost
      allocated
      shortfall
      isCosted
    }
  }
  sources {
    sourceId
    allocated
    cap
    confirmedCap
    debtRisk
    overCap
    unconfirmedAllocated
    isConfirmed
    status
  }
  spreadThin {
    kind
    amount
    communeId
    commune {
      name
    }
    criterionId
  }
}
fragment GridPlanSummary on Plan {
  id
  revision
  fundingCaps {
    amount
    isConfirmed
    source {
      id
    }
  }
  analysis {
    ...GridAnalysis
  }
}`) as unknown as TypedDocumentString<AllocationGridQuery, AllocationGridQueryVariables>;
export const SaveAllocationsDocument = new TypedDocumentString(`
    mutation SaveAllocations($input: SetAllocationsInput!) {
  setAllocations(input: $input) {
    __typename
    ... on SetAllocationsPayload {
      batchId
      changedCount
      cells {
        communeId
        criterionId
        sourceId
        amount
        version
      }
      conflicts {
        ...GridCellConflict
      }
      plan {
        ...GridPlanSummary
      }
    }
    ... on VersionConflictError {
      code
      message
      conflicts {
        ...GridCellConflict
      }
    }
    ... on BatchRejectedError {
      code
      message
      errorCount
      cellErrors {
        index
        code
        message
        communeId
        criterionId
        sourceId
      }
    }
    ... on InputError {
      code
      message
      field
    }
  }
}
    fragment GridAnalysis on PlanAnalysis {
  totals {
    allocated
    confirmedCaps
    expectedCaps
    shortfall
    debtRisk
    targetCommunes
    fundedTargetCommunes
  }
  communes {
    communeId
    commune {
      name
    }
    deadline
    deadlineLabel
    isOverdue
    isFunded
    reachesStandard
    criteriaMet
    criteriaTotal
    cost
    allocated
    shortfall
    uncostedCriteria {
      id
    }
    unmet {
      criterionId
      cost
      allocated
      shortfall
      isCosted
    }
  }
  sources {
    sourceId
    allocated
    cap
    confirmedCap
    debtRisk
    overCap
    unconfirmedAllocated
    isConfirmed
    status
  }
  spreadThin {
    kind
    amount
    communeId
    commune {
      name
    }
    criterionId
  }
}
fragment GridPlanSummary on Plan {
  id
  revision
  fundingCaps {
    amount
    isConfirmed
    source {
      id
    }
  }
  analysis {
    ...GridAnalysis
  }
}
fragment GridCellConflict on CellConflict {
  communeId
  criterionId
  sourceId
  attemptedAmount
  expectedVersion
  currentVersion
  currentAmount
  changedBy
  changedAt
}`) as unknown as TypedDocumentString<SaveAllocationsMutation, SaveAllocationsMutationVariables>;
export const GridPlanSummaryDocument = new TypedDocumentString(`
    query GridPlanSummary($planId: ID!) {
  plan(id: $planId) {
    ...GridPlanSummary
  }
}
    fragment GridAnalysis on PlanAnalysis {
  totals {
    allocated
    confirmedCaps
    expectedCaps
    shortfall
    debtRisk
    targetCommunes
    fundedTargetCommunes
  }
  communes {
    communeId
    commune {
      name
    }
    deadline
    deadlineLabel
    isOverdue
    isFunded
    reachesStandard
    criteriaMet
    criteriaTotal
    cost
    allocated
    shortfall
    uncostedCriteria {
      id
    }
    unmet {
      criterionId
      cost
      allocated
      shortfall
      isCosted
    }
  }
  sources {
    sourceId
    allocated
    cap
    confirmedCap
    debtRisk
    overCap
    unconfirmedAllocated
    isConfirmed
    status
  }
  spreadThin {
    kind
    amount
    communeId
    commune {
      name
    }
    criterionId
  }
}
fragment GridPlanSummary on Plan {
  id
  revision
  fundingCaps {
    amount
    isConfirmed
    source {
      id
    }
  }
  analysis {
    ...GridAnalysis
  }
}`) as unknown as TypedDocumentString<GridPlanSummaryQuery, GridPlanSummaryQueryVariables>;
export const GridCellsDocument = new TypedDocumentString(`
    query GridCells($planId: ID!) {
  plan(id: $planId) {
    ...GridPlanSummary
    grid {
      communeIds
      criterionIds
      sourceIds
      communeIndex
      criterionIndex
      sourceIndex
      amounts
      versions
    }
  }
}
    fragment GridAnalysis on PlanAnalysis {
  totals {
    allocated
    confirmedCaps
    expectedCaps
    shortfall
    debtRisk
    targetCommunes
    fundedTargetCommunes
  }
  communes {
    communeId
    commune {
      name
    }
    deadline
    deadlineLabel
    isOverdue
    isFunded
    reachesStandard
    criteriaMet
    criteriaTotal
    cost
    allocated
    shortfall
    uncostedCriteria {
      id
    }
    unmet {
      criterionId
      cost
      allocated
      shortfall
      isCosted
    }
  }
  sources {
    sourceId
    allocated
    cap
    confirmedCap
    debtRisk
    overCap
    unconfirmedAllocated
    isConfirmed
    status
  }
  spreadThin {
    kind
    amount
    communeId
    commune {
      name
    }
    criterionId
  }
}
fragment GridPlanSummary on Plan {
  id
  revision
  fundingCaps {
    amount
    isConfirmed
    source {
      id
    }
  }
  analysis {
    ...GridAnalysis
  }
}`) as unknown as TypedDocumentString<GridCellsQuery, GridCellsQueryVariables>;
export const GridCellHistoryDocument = new TypedDocumentString(`
    query GridCellHistory($planId: ID!, $communeId: ID!, $criterionId: ID!, $sourceId: ID!) {
  plan(id: $planId) {
    id
    cellHistory(
      communeId: $communeId
      criterionId: $criterionId
      sourceId: $sourceId
      first: 50
    ) {
      id
      at
      actor
      origin
      action
      before {
        amount
      }
      after {
        amount
      }
    }
  }
}
    `) as unknown as TypedDocumentString<GridCellHistoryQuery, GridCellHistoryQueryVariables>;
export const PlanAuditLogDocument = new TypedDocumentString(`
    query PlanAuditLog($filter: AuditLogFilter!, $first: Int!, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...AuditEntryFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment AuditEntryFields on AuditEntry {
  id
  at
  actor
  origin
  action
  entity
  entityKey
  batchId
  requestId
  commune {
    id
    name
  }
  criterion {
    id
    number
    name
  }
  source {
    id
    code
    name
  }
  before {
    amount
    isConfirmed
    isMet
    status
    name
    version
    revertOf
  }
  after {
    amount
    isConfirmed
    isMet
    status
    name
    version
    revertOf
  }
}`) as unknown as TypedDocumentString<PlanAuditLogQuery, PlanAuditLogQueryVariables>;
export const AuditFilterOptionsDocument = new TypedDocumentString(`
    query AuditFilterOptions($planId: ID!) {
  plan(id: $planId) {
    id
    communes {
      commune {
        id
        name
      }
    }
  }
  fundingSources {
    id
    code
    name
  }
}
    `) as unknown as TypedDocumentString<AuditFilterOptionsQuery, AuditFilterOptionsQueryVariables>;
export const RevertChangeDocument = new TypedDocumentString(`
    mutation RevertChange($input: RevertChangeInput!) {
  revertChange(input: $input) {
    __typename
    ... on InputError {
      code
      message
    }
    ... on RevertConflictError {
      code
      message
      conflicts {
        entity
        communeId
        criterionId
        sourceId
        commune {
          id
          name
        }
        currentAmount
        currentVersion
        expectedVersion
        changedAt
        changedBy
      }
    }
    ... on RevertChangePayload {
      batchId
      revertedCount
    }
  }
}
    `) as unknown as TypedDocumentString<RevertChangeMutation, RevertChangeMutationVariables>;
export const CriteriaStatusMatrixDocument = new TypedDocumentString(`
    query CriteriaStatusMatrix($id: ID!, $criteriaSetId: ID!, $districtCriteriaSetId: ID) {
  plan(id: $id) {
    id
    criteriaSet {
      id
      groups {
        id
        code
        nameVi
        nameEn
        position
      }
      criteria {
        id
        number
        groupId
        nameVi
        nameEn
      }
    }
    districtCriteriaSet {
      id
      criteria {
        id
        number
        nameVi
        nameEn
      }
    }
    district {
      id
      name
      criteriaStatus(criteriaSetId: $districtCriteriaSetId) {
        isMet
        version
        criterion {
          id
        }
      }
    }
    communes {
      isTarget
      deadline
      commune {
        id
        name
        kind
        isProgram135
        criteriaStatus(criteriaSetId: $criteriaSetId) {
          isMet
          version
          criterion {
            id
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CriteriaStatusMatrixQuery, CriteriaStatusMatrixQueryVariables>;
export const SetCriterionStatusDocument = new TypedDocumentString(`
    mutation SetCriterionStatus($input: SetCriterionStatusInput!) {
  setCriterionStatus(input: $input) {
    __typename
    ... on CriterionStatusPayload {
      status {
        isMet
        version
        criterion {
          id
        }
      }
    }
    ... on InputError {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<SetCriterionStatusMutation, SetCriterionStatusMutationVariables>;
export const FundingCapsDocument = new TypedDocumentString(`
    query FundingCaps($id: ID!) {
  fundingSources {
    id
    code
    nameVi
    nameEn
    eligibility
    needsCouncilApproval
    position
  }
  plan(id: $id) {
    id
    status
    fundingCaps {
      ...FundingCapFields
    }
    analysis {
      totals {
        allocated
        confirmedCaps
        expectedCaps
        debtRisk
      }
      sources {
        ...SourceCommitmentFields
      }
    }
  }
}
    fragment SourceCommitmentFields on SourceCommitment {
  sourceId
  allocated
  cap
  confirmedCap
  debtRisk
  overCap
  unconfirmedAllocated
  isConfirmed
  status
}
fragment FundingCapFields on FundingCap {
  amount
  isConfirmed
  note
  version
  updatedAt
  source {
    id
  }
}`) as unknown as TypedDocumentString<FundingCapsQuery, FundingCapsQueryVariables>;
export const SetFundingCapDocument = new TypedDocumentString(`
    mutation SetFundingCap($input: SetFundingCapInput!) {
  setFundingCap(input: $input) {
    __typename
    ... on FundingCapPayload {
      cap {
        ...FundingCapFields
      }
      plan {
        id
        analysis {
          totals {
            allocated
            confirmedCaps
            expectedCaps
            debtRisk
          }
          sources {
            ...SourceCommitmentFields
          }
        }
      }
    }
    ... on InputError {
      code
      message
      field
    }
  }
}
    fragment SourceCommitmentFields on SourceCommitment {
  sourceId
  allocated
  cap
  confirmedCap
  debtRisk
  overCap
  unconfirmedAllocated
  isConfirmed
  status
}
fragment FundingCapFields on FundingCap {
  amount
  isConfirmed
  note
  version
  updatedAt
  source {
    id
  }
}`) as unknown as TypedDocumentString<SetFundingCapMutation, SetFundingCapMutationVariables>;
export const PlanOverviewDocument = new TypedDocumentString(`
    query PlanOverview($id: ID!, $criteriaSetId: ID!) {
  plan(id: $id) {
    id
    communes {
      isTarget
      commune {
        id
        name
        progress(criteriaSetId: $criteriaSetId) {
          met
          total
          reachesStandard
        }
      }
    }
    analysis {
      totals {
        allocated
        confirmedCaps
        expectedCaps
        shortfall
        debtRisk
        targetCommunes
        fundedTargetCommunes
      }
      sources {
        sourceId
        source {
          id
          code
          nameVi
          nameEn
          position
        }
        allocated
        cap
        confirmedCap
        debtRisk
        isConfirmed
        status
      }
      communes {
        communeId
        commune {
          name
        }
        criteriaMet
        criteriaTotal
        cost
        allocated
        shortfall
        deadline
        isFunded
        isOverdue
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PlanOverviewQuery, PlanOverviewQueryVariables>;
export const PlanChangedDocument = new TypedDocumentString(`
    subscription PlanChanged($planId: ID!) {
  planChanged(planId: $planId) {
    __typename
    ... on CellsChanged {
      planId
      actor
      origin
      batchId
      cellCount
      cells {
        communeId
        criterionId
        sourceId
        amount
        version
      }
    }
    ... on CapChanged {
      planId
      actor
      sourceId
      amount
      isConfirmed
      version
    }
    ... on CriterionStatusChanged {
      planId
      actor
      communeId
      districtId
      criterionId
      isMet
      version
    }
    ... on PlanStatusChanged {
      planId
      actor
      status
      version
    }
    ... on ViewersChanged {
      planId
      viewers {
        sessionId
        name
        actor
        since
        isYou
      }
    }
    ... on ResyncRequired {
      planId
      reason
    }
  }
}
    `) as unknown as TypedDocumentString<PlanChangedSubscription, PlanChangedSubscriptionVariables>;
export const PlanHeaderDocument = new TypedDocumentString(`
    query PlanHeader($id: ID!) {
  plan(id: $id) {
    id
    name
    status
    scopeLevel
    periodStartYear
    periodEndYear
    revision
    district {
      id
      name
    }
    province {
      name
    }
    criteriaSet {
      id
    }
    districtCriteriaSet {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<PlanHeaderQuery, PlanHeaderQueryVariables>;
export const PlansListDocument = new TypedDocumentString(`
    query PlansList($first: Int, $after: String) {
  plans(first: $first, after: $after) {
    edges {
      node {
        id
        name
        scopeLevel
        periodStartYear
        periodEndYear
        status
        revision
        district {
          name
        }
        province {
          name
        }
        analysis {
          totals {
            allocated
            confirmedCaps
            expectedCaps
            shortfall
            debtRisk
            targetCommunes
            fundedTargetCommunes
          }
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<PlansListQuery, PlansListQueryVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    name
    displayName
    role
    scopeLevel
    province {
      id
      name
    }
    district {
      id
      name
    }
    commune {
      id
      name
    }
    permissions
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($login: String!, $password: String!) {
  login(login: $login, password: $password) {
    __typename
    ... on LoginPayload {
      me {
        name
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout {
    __typename
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const PlanSnapshotsDocument = new TypedDocumentString(`
    query PlanSnapshots($planId: ID!) {
  plan(id: $planId) {
    id
    snapshots {
      ...SnapshotFields
    }
    communes {
      commune {
        id
        name
      }
    }
    criteriaSet {
      id
      criteria {
        id
        number
        name
      }
    }
  }
  fundingSources {
    id
    code
    name
  }
}
    fragment SnapshotFields on PlanSnapshot {
  id
  name
  note
  createdAt
  createdBy
  total
  cellCount
}`) as unknown as TypedDocumentString<PlanSnapshotsQuery, PlanSnapshotsQueryVariables>;
export const PlanDiffDocument = new TypedDocumentString(`
    query PlanDiff($planId: ID!, $from: ID!, $to: ID, $firstCells: Int) {
  plan(id: $planId) {
    id
    diff(from: $from, to: $to) {
      __typename
      ... on InputError {
        code
        message
      }
      ... on PlanDiff {
        from {
          id
          name
        }
        to {
          id
          name
        }
        total {
          ...DiffTotalFields
        }
        byCommune {
          ...DiffTotalFields
        }
        byCriterion {
          ...DiffTotalFields
        }
        bySource {
          ...DiffTotalFields
        }
        cells(first: $firstCells) {
          communeId
          criterionId
          sourceId
          before
          after
          delta
        }
      }
    }
  }
}
    fragment DiffTotalFields on DiffTotal {
  id
  name
  before
  after
  delta
  changedCells
}`) as unknown as TypedDocumentString<PlanDiffQuery, PlanDiffQueryVariables>;
export const CreatePlanSnapshotDocument = new TypedDocumentString(`
    mutation CreatePlanSnapshot($input: CreatePlanSnapshotInput!) {
  createPlanSnapshot(input: $input) {
    __typename
    ... on InputError {
      code
      message
      field
    }
    ... on PlanSnapshotPayload {
      snapshot {
        ...SnapshotFields
      }
    }
  }
}
    fragment SnapshotFields on PlanSnapshot {
  id
  name
  note
  createdAt
  createdBy
  total
  cellCount
}`) as unknown as TypedDocumentString<CreatePlanSnapshotMutation, CreatePlanSnapshotMutationVariables>;
export const RestorePlanSnapshotDocument = new TypedDocumentString(`
    mutation RestorePlanSnapshot($input: RestorePlanSnapshotInput!) {
  restorePlanSnapshot(input: $input) {
    __typename
    ... on InputError {
      code
      message
      field
    }
    ... on RestorePlanSnapshotPayload {
      plan {
        id
        name
        revision
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RestorePlanSnapshotMutation, RestorePlanSnapshotMutationVariables>;