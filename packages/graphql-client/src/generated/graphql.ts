/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AcceptConflictMode =
  | 'ALL_OR_NOTHING'
  | 'APPLY_OTHERS';

export type AcceptProposalInput = {
  /** Accept these proposed cells. */
  cells?: Array<ProposalCellKeyInput> | null | undefined;
  /** Accept every proposed cell of these communes. */
  communeIds?: Array<string | number> | null | undefined;
  conflictMode?: AcceptConflictMode | null | undefined;
  optimizationId: string | number;
  planId: string | number;
};

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

/** The compact form of a batch, shaped like `plan.grid`: cell i is (communeIds[communeIndex[i]], criterionIds[criterionIndex[i]], sourceIds[sourceIndex[i]]) with amounts[i], based on expectedVersions[i]. Same rules and answers as `cells`; much cheaper for thousands of cells. */
export type AllocationGridInput = {
  /** New amounts; 0 clears a cell. */
  amounts: string[];
  communeIds: Array<string | number>;
  communeIndex: number[];
  criterionIds: Array<string | number>;
  criterionIndex: number[];
  /** The version each change is based on (0 for a cell never written), as in `cells`. Omit only to overwrite every cell deliberately. */
  expectedVersions?: number[] | null | undefined;
  sourceIds: Array<string | number>;
  sourceIndex: number[];
};

export type AuditAction =
  | 'DELETE'
  | 'INSERT'
  | 'UPDATE';

/** What kind of thing changed. */
export type AuditEntity =
  /** A cell of the grid. */
  | 'ALLOCATION'
  /** An API token was created or revoked (never its secret). Admins only. */
  | 'API_TOKEN'
  /** The record of the public consultation in a Program 135 commune. */
  | 'COMMUNE_CONSULTATION'
  | 'CRITERION_STATUS'
  | 'DISTRICT_CRITERION_STATUS'
  | 'FUNDING_CAP'
  | 'PLAN'
  /** A commune's target in a plan. */
  | 'PLAN_COMMUNE'
  /** A named version of a plan was taken. */
  | 'PLAN_SNAPSHOT'
  /** A step of the approval workflow (submit, approve, return with a comment, lock). */
  | 'PLAN_TRANSITION'
  | 'PROJECT'
  /** A sign-in session was ended. Admins only. */
  | 'SESSION'
  /** An account was created or changed (role, scope, password). Admins only. */
  | 'USER';

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

export type CapMode =
  /** Only confirmed caps: no debt risk. */
  | 'CONFIRMED'
  /** Confirmed and expected (not yet approved) caps. */
  | 'EXPECTED';

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

/** What the people of the commune decided. */
export type ConsultationOutcome =
  /** Đồng thuận */
  | 'AGREED'
  /** Đồng thuận có điều chỉnh */
  | 'AGREED_WITH_CHANGES'
  /** Không đồng thuận: the plan cannot be submitted */
  | 'NOT_AGREED';

export type CreateApiTokenInput = {
  access: TokenAccess;
  districtId?: string | number | null | undefined;
  /** 1–366 days. */
  expiresInDays?: number | null | undefined;
  /** Who uses it, e.g. "Cổng dữ liệu tỉnh". */
  name: string;
  /** Give a province or a district. */
  provinceId?: string | number | null | undefined;
};

export type CreatePlanSnapshotInput = {
  /** e.g. "Bản trình HĐND 15/8/2022". */
  name: string;
  note?: string | null | undefined;
  planId: string | number;
};

export type CreateUserInput = {
  /** Give exactly one scope (none for an admin). */
  communeId?: string | number | null | undefined;
  displayName: string;
  districtId?: string | number | null | undefined;
  email?: string | null | undefined;
  /** At least 10 characters. */
  password: string;
  provinceId?: string | number | null | undefined;
  role: Role;
  /** Lower-case letters, digits, ".", "_" or "-" (3–64). */
  username: string;
};

/** Stable error codes. Clients branch on these, never on message text. */
export type ErrorCode =
  | 'AMBIGUOUS_COMMUNE'
  | 'AMOUNT_TOO_LARGE'
  | 'BATCH_REJECTED'
  | 'BATCH_TOO_LARGE'
  | 'COMMUNE_NOT_IN_PLAN'
  | 'CONFLICTING_IMPORT_VALUES'
  | 'CONSULTATION_MISSING'
  | 'CRITERION_NOT_IN_SET'
  | 'DUPLICATE_CELL'
  | 'FILE_TOO_LARGE'
  | 'FORBIDDEN'
  | 'FORMULA_ERROR'
  | 'FRACTIONAL_AMOUNT'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'IDEMPOTENCY_SECRET_NOT_REPLAYABLE'
  | 'IMPORT_HAS_PROBLEMS'
  | 'IMPORT_PREVIEW_MISMATCH'
  | 'IMPORT_SOURCE_UNKNOWN'
  | 'INVALID_CONSULTATION'
  | 'INVALID_CREDENTIALS'
  | 'INVALID_EXPIRY'
  | 'INVALID_INPUT'
  | 'INVALID_NAME'
  | 'INVALID_PERIOD'
  | 'INVALID_QUARTER'
  | 'INVALID_SCOPE'
  | 'INVALID_STATUS_TRANSITION'
  | 'INVALID_TARGET'
  | 'INVALID_TIME_LIMIT'
  | 'LAST_ADMIN'
  | 'LOGIN_THROTTLED'
  | 'NEGATIVE_AMOUNT'
  | 'NOTHING_TO_IMPORT'
  | 'NOT_AN_AMOUNT'
  | 'NOT_A_SPREADSHEET'
  | 'NOT_REVERTIBLE'
  | 'NO_NORM_COMMUNES'
  | 'PAYLOAD_TOO_LARGE'
  | 'PLAN_LOCKED'
  | 'PLAN_NOT_LOCKED'
  | 'QUERY_LIMIT_EXCEEDED'
  | 'RATE_LIMITED'
  | 'RETURN_COMMENT_REQUIRED'
  | 'REVERT_CONFLICT'
  | 'REVISION_EXISTS'
  | 'ROLE_SCOPE_MISMATCH'
  | 'SOURCE_NOT_ELIGIBLE'
  | 'SPREADSHEET_TOO_COMPLEX'
  | 'SUBSCRIPTION_OVER_HTTP'
  | 'UNAUTHENTICATED'
  | 'UNKNOWN_API_TOKEN'
  | 'UNKNOWN_AUDIT_ENTRY'
  | 'UNKNOWN_COMMUNE'
  | 'UNKNOWN_CRITERIA_SET'
  | 'UNKNOWN_CRITERION'
  | 'UNKNOWN_DISTRICT'
  | 'UNKNOWN_OPTIMIZATION'
  | 'UNKNOWN_PLAN'
  | 'UNKNOWN_PROJECT'
  | 'UNKNOWN_PROVINCE'
  | 'UNKNOWN_SESSION'
  | 'UNKNOWN_SNAPSHOT'
  | 'UNKNOWN_SOURCE'
  | 'UNKNOWN_USER'
  | 'USERNAME_TAKEN'
  | 'VERSION_CONFLICT'
  | 'WEAK_PASSWORD'
  | 'WRONG_CELL_TYPE';

/** Ethnic-minority and mountain area zone (Khu vực I/II/III; III = đặc biệt khó khăn). */
export type EthnicZone =
  | 'ZONE_I'
  | 'ZONE_II'
  | 'ZONE_III';

export type ExistingAllocations =
  /** All money may be re-placed; cells not in the proposal go to 0. */
  | 'FREE'
  /** Current allocations stay; only free cap is placed. */
  | 'KEEP';

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

export type ImportOptionsInput = {
  /** Defaults to the request's language. */
  numberLocale?: NumberLocale | null | undefined;
  /** Read only these sheets (by name). */
  sheets?: Array<string> | null | undefined;
  /** Funding source of sheets that do not name theirs (a single-source sheet). */
  sourceId?: string | number | null | undefined;
  /** Unit of the amounts; by default read from header text ("triệu đồng"), else đồng. */
  unit?: MoneyUnit | null | undefined;
};

export type MoneyUnit =
  /** đồng */
  | 'DONG'
  /** nghìn đồng (thousand) */
  | 'NGHIN'
  /** triệu đồng (million) */
  | 'TRIEU'
  /** tỷ đồng (billion) */
  | 'TY';

export type NotReachedReason =
  /** Not enough money left in the sources it may use. */
  | 'CAPS_BINDING'
  | 'COUNTERPART'
  | 'DEADLINE_PASSED'
  | 'NO_ELIGIBLE_SOURCE'
  /** The solver stopped before proving it unreachable. */
  | 'SOLVER_LIMIT'
  /** An unmet criterion has no costed required project. */
  | 'UNCOSTED';

/** The NTM standard a commune aims for. */
export type NtmLevel =
  /** Đạt chuẩn (standard) */
  | 'DAT_CHUAN'
  /** Kiểu mẫu (model) */
  | 'KIEU_MAU'
  /** Nâng cao (advanced) */
  | 'NANG_CAO';

/** How numbers written as text use . and , ("1.500" is 1500 in VI, 1.5 in EN). */
export type NumberLocale =
  | 'EN'
  | 'VI';

export type OptimizationState =
  | 'CANCELLED'
  /** The proposal is ready. */
  | 'DONE'
  | 'FAILED'
  | 'RUNNING';

export type OptimizePlanInput = {
  /** Quarter "now" (e.g. "2022-Q3"): targets whose deadline is earlier cannot make it. Omitted: deadlines are not checked against the calendar. */
  asOf?: string | null | undefined;
  capMode?: CapMode | null | undefined;
  existing?: ExistingAllocations | null | undefined;
  planId: string | number;
  /** 1–300; 30 by default. */
  timeLimitSeconds?: number | null | undefined;
  /** true: answer when the run ends. false: answer at once; poll `optimization(id)`. */
  wait?: boolean | null | undefined;
};

/** draft → submitted → approved → locked (a returned plan goes back to draft). Only a draft can be edited. */
export type PlanStatus =
  | 'APPROVED'
  | 'DRAFT'
  | 'LOCKED'
  | 'SUBMITTED';

/** A step of the approval workflow. */
export type PlanWorkflowAction =
  /** Submitted → approved (approvePlan). */
  | 'APPROVE'
  /** Approved → locked (lockPlan). */
  | 'LOCK'
  /** A new draft from a locked plan (openPlanRevision). */
  | 'OPEN_REVISION'
  /** Submitted → draft, with a comment (returnPlan). */
  | 'RETURN'
  /** Draft → submitted (submitPlan). */
  | 'SUBMIT';

export type ProposalCellKeyInput = {
  communeId: string | number;
  criterionId: string | number;
  sourceId: string | number;
};

export type RecordConsultationInput = {
  /** A Program 135 commune of the plan. */
  communeId: string | number;
  /** The meeting day; not in the future. */
  heldOn: string;
  /** Reference of the minutes, e.g. "BB 12/2022". */
  minutesRef: string;
  note?: string | null | undefined;
  outcome: ConsultationOutcome;
  planId: string | number;
};

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

/** Give exactly one of `cells` and `grid`. */
export type SetAllocationsInput = {
  /** At most 50000 cells. */
  cells?: Array<AllocationCellInput> | null | undefined;
  conflictMode?: ConflictMode | null | undefined;
  /** The same batch in compact form; at most 50000 cells. */
  grid?: AllocationGridInput | null | undefined;
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

export type SolveStatus =
  /** Greedy baseline, no optimality claim. */
  | 'HEURISTIC'
  | 'INFEASIBLE'
  | 'INTERRUPTED'
  /** Proven optimal. */
  | 'OPTIMAL'
  /** Stopped by the time limit; see gap. */
  | 'TIME_LIMIT';

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

export type TargetOutcomeStatus =
  /** Kept allocations already fund every unmet criterion. */
  | 'ALREADY_FUNDED'
  | 'ALREADY_MET'
  | 'NOT_REACHED'
  /** The proposal funds every unmet criterion. */
  | 'REACHED';

export type TokenAccess =
  /** Queries and subscriptions only. */
  | 'READ'
  /** Also the writes a planner of the token’s scope may make. */
  | 'READ_WRITE';

/** Only the fields given change. A new role, or any scope field, replaces the whole scope. */
export type UpdateUserInput = {
  communeId?: string | number | null | undefined;
  displayName?: string | null | undefined;
  districtId?: string | number | null | undefined;
  /** The `User.id`. */
  id: string | number;
  /** false disables the account: its sessions end and its API tokens stop working. */
  isActive?: boolean | null | undefined;
  provinceId?: string | number | null | undefined;
  role?: Role | null | undefined;
};

export type SessionFieldsFragment = { id: string, createdAt: string, lastSeenAt: string, expiresAt: string, ip: string | null, userAgent: string | null, isCurrent: boolean };

export type ApiTokenFieldsFragment = { id: string, name: string, prefix: string, access: TokenAccess, createdAt: string, expiresAt: string, lastUsedAt: string | null, revokedAt: string | null, province: { id: string, name: string } | null, district: { id: string, name: string } | null };

export type UserFieldsFragment = { id: string, username: string, displayName: string, email: string | null, role: Role, isActive: boolean, createdAt: string, province: { id: string, name: string } | null, district: { id: string, name: string, province: { id: string } } | null, commune: { id: string, name: string, district: { id: string, province: { id: string } } | null } | null };

export type MySessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type MySessionsQuery = { mySessions: Array<{ id: string, createdAt: string, lastSeenAt: string, expiresAt: string, ip: string | null, userAgent: string | null, isCurrent: boolean }> };

export type ApiTokensQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiTokensQuery = { apiTokens: Array<{ id: string, name: string, prefix: string, access: TokenAccess, createdAt: string, expiresAt: string, lastUsedAt: string | null, revokedAt: string | null, province: { id: string, name: string } | null, district: { id: string, name: string } | null }> };

export type UsersQueryVariables = Exact<{ [key: string]: never; }>;


export type UsersQuery = { users: Array<{ id: string, username: string, displayName: string, email: string | null, role: Role, isActive: boolean, createdAt: string, province: { id: string, name: string } | null, district: { id: string, name: string, province: { id: string } } | null, commune: { id: string, name: string, district: { id: string, province: { id: string } } | null } | null }> };

export type ScopeGeographyQueryVariables = Exact<{ [key: string]: never; }>;


export type ScopeGeographyQuery = { provinces: Array<{ id: string, name: string, districts: Array<{ id: string, name: string }> }> };

export type DistrictCommunesQueryVariables = Exact<{
  districtId: string | number;
}>;


export type DistrictCommunesQuery = { communes: { edges: Array<{ node: { id: string, name: string } }> } };

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;


export type ChangePasswordMutation = { changePassword:
    | { __typename: 'DonePayload' }
    | { __typename: 'InputError', code: ErrorCode, message: string }
   };

export type RevokeSessionMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeSessionMutation = { revokeSession:
    | { __typename: 'InputError', code: ErrorCode, message: string }
    | { __typename: 'SessionPayload', session: { id: string, createdAt: string, lastSeenAt: string, expiresAt: string, ip: string | null, userAgent: string | null, isCurrent: boolean } }
   };

export type CreateApiTokenMutationVariables = Exact<{
  input: CreateApiTokenInput;
}>;


export type CreateApiTokenMutation = { createApiToken:
    | { __typename: 'CreateApiTokenPayload', secret: string, token: { id: string, name: string, prefix: string, access: TokenAccess, createdAt: string, expiresAt: string, lastUsedAt: string | null, revokedAt: string | null, province: { id: string, name: string } | null, district: { id: string, name: string } | null } }
    | { __typename: 'InputError', code: ErrorCode, message: string }
   };

export type RevokeApiTokenMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiTokenMutation = { revokeApiToken:
    | { __typename: 'ApiTokenPayload', token: { id: string, name: string, prefix: string, access: TokenAccess, createdAt: string, expiresAt: string, lastUsedAt: string | null, revokedAt: string | null, province: { id: string, name: string } | null, district: { id: string, name: string } | null } }
    | { __typename: 'InputError', code: ErrorCode, message: string }
   };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser:
    | { __typename: 'InputError', code: ErrorCode, message: string }
    | { __typename: 'UserPayload', user: { id: string, username: string, displayName: string, email: string | null, role: Role, isActive: boolean, createdAt: string, province: { id: string, name: string } | null, district: { id: string, name: string, province: { id: string } } | null, commune: { id: string, name: string, district: { id: string, province: { id: string } } | null } | null } }
   };

export type UpdateUserMutationVariables = Exact<{
  input: UpdateUserInput;
}>;


export type UpdateUserMutation = { updateUser:
    | { __typename: 'InputError', code: ErrorCode, message: string }
    | { __typename: 'UserPayload', user: { id: string, username: string, displayName: string, email: string | null, role: Role, isActive: boolean, createdAt: string, province: { id: string, name: string } | null, district: { id: string, name: string, province: { id: string } } | null, commune: { id: string, name: string, district: { id: string, province: { id: string } } | null } | null } }
   };

export type GridAnalysisFragment = { spreadThinCount: number, totals: { allocated: string, confirmedCaps: string, expectedCaps: string, shortfall: string, debtRisk: string, targetCommunes: number, fundedTargetCommunes: number }, communes: Array<{ communeId: string, deadline: string | null, deadlineLabel: string | null, isOverdue: boolean, isFunded: boolean, reachesStandard: boolean, criteriaMet: number, criteriaTotal: number, cost: string, allocated: string, shortfall: string, commune: { name: string }, uncostedCriteria: Array<{ id: string }>, unmet: Array<{ criterionId: string, cost: string, allocated: string, shortfall: string, isCosted: boolean }> }>, sources: Array<{ sourceId: string, allocated: string, cap: string | null, confirmedCap: string, debtRisk: string, overCap: string, unconfirmedAllocated: string, isConfirmed: boolean, status: SourceCommitmentStatus }>, spreadThin: Array<{ kind: SpreadThinKind, amount: string, communeId: string, criterionId: string | null, commune: { name: string } }> };

export type GridPlanSummaryFragment = { id: string, revision: number, status: PlanStatus, fundingCaps: Array<{ amount: string, isConfirmed: boolean, source: { id: string } }> };

export type GridAnalysisQueryVariables = Exact<{
  planId: string | number;
}>;


export type GridAnalysisQuery = { plan: { id: string, revision: number, analysis: { spreadThinCount: number, totals: { allocated: string, confirmedCaps: string, expectedCaps: string, shortfall: string, debtRisk: string, targetCommunes: number, fundedTargetCommunes: number }, communes: Array<{ communeId: string, deadline: string | null, deadlineLabel: string | null, isOverdue: boolean, isFunded: boolean, reachesStandard: boolean, criteriaMet: number, criteriaTotal: number, cost: string, allocated: string, shortfall: string, commune: { name: string }, uncostedCriteria: Array<{ id: string }>, unmet: Array<{ criterionId: string, cost: string, allocated: string, shortfall: string, isCosted: boolean }> }>, sources: Array<{ sourceId: string, allocated: string, cap: string | null, confirmedCap: string, debtRisk: string, overCap: string, unconfirmedAllocated: string, isConfirmed: boolean, status: SourceCommitmentStatus }>, spreadThin: Array<{ kind: SpreadThinKind, amount: string, communeId: string, criterionId: string | null, commune: { name: string } }> } } | null };

export type GridTotalsFieldsFragment = { communeIds: Array<string>, criterionIds: Array<string>, sourceIds: Array<string>, byCriterion: { communeIndex: number[], axisIndex: number[], amounts: string[] }, bySource: { communeIndex: number[], axisIndex: number[], amounts: string[] } };

export type AllocationGridQueryVariables = Exact<{
  planId: string | number;
  totalsOnly: boolean;
  withSums: boolean;
  communeIds?: Array<string | number> | string | number | null | undefined;
}>;


export type AllocationGridQuery = { plan: { name: string, periodStartYear: number, periodEndYear: number, id: string, revision: number, status: PlanStatus, criteriaSet: { id: string, groups: Array<{ id: string, code: string, nameVi: string, nameEn: string, position: number }>, criteria: Array<{ id: string, number: number, nameVi: string, nameEn: string, groupId: string | null }> }, communes: Array<{ isTarget: boolean, priority: number, targetLevel: NtmLevel | null, deadline: string | null, deadlineLabel: string | null, commune: { id: string, name: string, kind: CommuneKind, isProgram135: boolean, isAtk: boolean, isBorder: boolean, isIsland: boolean, ethnicZone: EthnicZone | null, province: { id: string, name: string }, district: { id: string, name: string } | null } }>, criteriaMet: { communeIds: Array<string>, criterionIds: Array<string>, communeIndex: number[], criterionIndex: number[] }, grid?: { communeIds: Array<string>, criterionIds: Array<string>, sourceIds: Array<string>, communeIndex: number[], criterionIndex: number[], sourceIndex: number[], amounts: string[], versions: number[] }, gridTotals?: { communeIds: Array<string>, criterionIds: Array<string>, sourceIds: Array<string>, byCriterion: { communeIndex: number[], axisIndex: number[], amounts: string[] }, bySource: { communeIndex: number[], axisIndex: number[], amounts: string[] } }, sourceTotals?: Array<{ id: string, amount: string }>, fundingCaps: Array<{ amount: string, isConfirmed: boolean, source: { id: string } }> } | null, fundingSources: Array<{ id: string, code: string, kind: FundingSourceKind, nameVi: string, nameEn: string, position: number, eligibleCommuneFlags: Array<string>, needsCouncilApproval: boolean }> };

export type GridCellConflictFragment = { communeId: string, criterionId: string, sourceId: string, attemptedAmount: string, expectedVersion: number, currentVersion: number, currentAmount: string, changedBy: string | null, changedAt: string | null };

export type SaveAllocationsMutationVariables = Exact<{
  input: SetAllocationsInput;
}>;


export type SaveAllocationsMutation = { setAllocations:
    | { __typename: 'BatchRejectedError', code: ErrorCode, message: string, errorCount: number, cellErrors: Array<{ index: number, code: ErrorCode, message: string, communeId: string | null, criterionId: string | null, sourceId: string | null }> }
    | { __typename: 'InputError', code: ErrorCode, message: string, field: string | null }
    | { __typename: 'SetAllocationsPayload', batchId: string, changedCount: number, versions: number[], conflicts: Array<{ communeId: string, criterionId: string, sourceId: string, attemptedAmount: string, expectedVersion: number, currentVersion: number, currentAmount: string, changedBy: string | null, changedAt: string | null }>, plan: { id: string, revision: number, status: PlanStatus, fundingCaps: Array<{ amount: string, isConfirmed: boolean, source: { id: string } }> } }
    | { __typename: 'VersionConflictError', code: ErrorCode, message: string, conflicts: Array<{ communeId: string, criterionId: string, sourceId: string, attemptedAmount: string, expectedVersion: number, currentVersion: number, currentAmount: string, changedBy: string | null, changedAt: string | null }> }
   };

export type GridPlanSummaryQueryVariables = Exact<{
  planId: string | number;
}>;


export type GridPlanSummaryQuery = { plan: { id: string, revision: number, status: PlanStatus, fundingCaps: Array<{ amount: string, isConfirmed: boolean, source: { id: string } }> } | null };

export type GridCellsQueryVariables = Exact<{
  planId: string | number;
  communeIds?: Array<string | number> | string | number | null | undefined;
}>;


export type GridCellsQuery = { plan: { id: string, revision: number, status: PlanStatus, grid: { communeIds: Array<string>, criterionIds: Array<string>, sourceIds: Array<string>, communeIndex: number[], criterionIndex: number[], sourceIndex: number[], amounts: string[], versions: number[] }, fundingCaps: Array<{ amount: string, isConfirmed: boolean, source: { id: string } }> } | null };

export type GridCellHistoryQueryVariables = Exact<{
  planId: string | number;
  communeId: string | number;
  criterionId: string | number;
  sourceId: string | number;
}>;


export type GridCellHistoryQuery = { plan: { id: string, cellHistory: Array<{ id: string, at: string, actor: string, origin: AuditOrigin, action: AuditAction, before: { amount: string | null } | null, after: { amount: string | null } | null }> } | null };

export type GridTotalsQueryVariables = Exact<{
  planId: string | number;
}>;


export type GridTotalsQuery = { plan: { id: string, gridTotals: { communeIds: Array<string>, criterionIds: Array<string>, sourceIds: Array<string>, byCriterion: { communeIndex: number[], axisIndex: number[], amounts: string[] }, bySource: { communeIndex: number[], axisIndex: number[], amounts: string[] } } } | null };

export type GridSourceTotalsQueryVariables = Exact<{
  planId: string | number;
}>;


export type GridSourceTotalsQuery = { plan: { id: string, sourceTotals: Array<{ id: string, amount: string }> } | null };

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

export type GridSnapshotsQueryVariables = Exact<{
  planId: string | number;
}>;


export type GridSnapshotsQuery = { plan: { id: string, snapshots: Array<{ id: string, name: string, createdAt: string }> } | null };

export type GridCompareQueryVariables = Exact<{
  planId: string | number;
  from: string | number;
}>;


export type GridCompareQuery = { plan: { id: string, diff:
      | { __typename: 'InputError', code: ErrorCode, message: string }
      | { __typename: 'PlanDiff', from: { id: string, name: string }, total: { id: string | null, name: string, before: string, after: string, delta: string, changedCells: number }, bySource: Array<{ id: string | null, name: string, before: string, after: string, delta: string, changedCells: number }>, byCriterion: Array<{ id: string | null, name: string, before: string, after: string, delta: string, changedCells: number }>, cells: Array<{ communeId: string, criterionId: string, sourceId: string, before: string, after: string }> }
     } | null };

export type OptimizationFieldsFragment = { id: string, state: OptimizationState, runningSeconds: number, gap: number | null, failure: string | null, proposal: { solver: { status: SolveStatus, gap: number | null, solveSeconds: number } | null, summary: { targetCommunes: number, reachedCommunes: number, reachedWeight: number, totalWeight: number, newMoney: string, shortfall: string } | null, baseline: { reachedCommunes: number, reachedWeight: number } | null, communes: Array<{ communeId: string, status: TargetOutcomeStatus, reason: NotReachedReason | null, priority: number, deadlineLabel: string | null, amount: string, shortfall: string, explanation: string, commune: { name: string } }>, cells: Array<{ communeId: string, criterionId: string, sourceId: string, communeName: string, criterionNumber: number, sourceCode: string, sourceName: string, current: string, proposed: string, currentVersion: number }> } | null };

export type StartOptimizationMutationVariables = Exact<{
  input: OptimizePlanInput;
}>;


export type StartOptimizationMutation = { optimizePlan:
    | { __typename: 'InputError', code: ErrorCode, message: string }
    | { __typename: 'Optimization', id: string, state: OptimizationState, runningSeconds: number, gap: number | null, failure: string | null, proposal: { solver: { status: SolveStatus, gap: number | null, solveSeconds: number } | null, summary: { targetCommunes: number, reachedCommunes: number, reachedWeight: number, totalWeight: number, newMoney: string, shortfall: string } | null, baseline: { reachedCommunes: number, reachedWeight: number } | null, communes: Array<{ communeId: string, status: TargetOutcomeStatus, reason: NotReachedReason | null, priority: number, deadlineLabel: string | null, amount: string, shortfall: string, explanation: string, commune: { name: string } }>, cells: Array<{ communeId: string, criterionId: string, sourceId: string, communeName: string, criterionNumber: number, sourceCode: string, sourceName: string, current: string, proposed: string, currentVersion: number }> } | null }
   };

export type OptimizationProgressQueryVariables = Exact<{
  id: string | number;
}>;


export type OptimizationProgressQuery = { optimization: { id: string, state: OptimizationState, runningSeconds: number, gap: number | null, failure: string | null, proposal: { solver: { status: SolveStatus, gap: number | null, solveSeconds: number } | null, summary: { targetCommunes: number, reachedCommunes: number, reachedWeight: number, totalWeight: number, newMoney: string, shortfall: string } | null, baseline: { reachedCommunes: number, reachedWeight: number } | null, communes: Array<{ communeId: string, status: TargetOutcomeStatus, reason: NotReachedReason | null, priority: number, deadlineLabel: string | null, amount: string, shortfall: string, explanation: string, commune: { name: string } }>, cells: Array<{ communeId: string, criterionId: string, sourceId: string, communeName: string, criterionNumber: number, sourceCode: string, sourceName: string, current: string, proposed: string, currentVersion: number }> } | null } };

export type CancelOptimizationMutationVariables = Exact<{
  planId: string | number;
  optimizationId: string | number;
}>;


export type CancelOptimizationMutation = { cancelOptimization:
    | { __typename: 'InputError', code: ErrorCode, message: string }
    | { __typename: 'Optimization', id: string, state: OptimizationState, runningSeconds: number, gap: number | null, failure: string | null, proposal: { solver: { status: SolveStatus, gap: number | null, solveSeconds: number } | null, summary: { targetCommunes: number, reachedCommunes: number, reachedWeight: number, totalWeight: number, newMoney: string, shortfall: string } | null, baseline: { reachedCommunes: number, reachedWeight: number } | null, communes: Array<{ communeId: string, status: TargetOutcomeStatus, reason: NotReachedReason | null, priority: number, deadlineLabel: string | null, amount: string, shortfall: string, explanation: string, commune: { name: string } }>, cells: Array<{ communeId: string, criterionId: string, sourceId: string, communeName: string, criterionNumber: number, sourceCode: string, sourceName: string, current: string, proposed: string, currentVersion: number }> } | null }
   };

export type AcceptProposalMutationVariables = Exact<{
  input: AcceptProposalInput;
}>;


export type AcceptProposalMutation = { acceptProposal:
    | { __typename: 'AcceptProposalPayload', batchId: string, changedCount: number, plan: { id: string, totals: Array<{ id: string, amount: string }> } }
    | { __typename: 'BatchRejectedError', code: ErrorCode, message: string }
    | { __typename: 'InputError', code: ErrorCode, message: string }
    | { __typename: 'VersionConflictError', code: ErrorCode, message: string, conflicts: Array<{ communeId: string, criterionId: string, sourceId: string, currentAmount: string }> }
   };

export type OptimizerPlanTotalsQueryVariables = Exact<{
  id: string | number;
}>;


export type OptimizerPlanTotalsQuery = { plan: { id: string, totals: Array<{ id: string, amount: string }> } | null };

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
    | { __typename: 'CellsChanged', planId: string, actor: string, origin: AuditOrigin, batchId: string, cellCount: number, cells: Array<{ communeId: string, criterionId: string, sourceId: string, amount: string, version: number }> | null }
    | { __typename: 'CriterionStatusChanged', planId: string, actor: string, communeId: string | null, districtId: string | null, criterionId: string, isMet: boolean, version: number }
    | { __typename: 'PlanStatusChanged', planId: string, actor: string, status: PlanStatus, version: number }
    | { __typename: 'ResyncRequired', planId: string, reason: ResyncReason }
    | { __typename: 'ViewersChanged', planId: string, viewers: Array<{ sessionId: string, name: string | null, actor: string, since: string, isYou: boolean }> }
   };

export type PlanHeaderQueryVariables = Exact<{
  id: string | number;
}>;


export type PlanHeaderQuery = { plan: { id: string, name: string, status: PlanStatus, scopeLevel: ScopeLevel, periodStartYear: number, periodEndYear: number, revision: number, communeCount: number, district: { id: string, name: string } | null, province: { name: string }, criteriaSet: { id: string }, districtCriteriaSet: { id: string } | null } | null };

export type ImportPreviewFieldsFragment = { fileName: string, format: string, changeCount: number, unchangedCount: number, canApply: boolean, totalBefore: string, totalAfter: string, token: string, sheets: Array<{ name: string, isRead: boolean, skipReason: string | null, unit: MoneyUnit | null, unitFrom: string | null, cellCount: number }>, changes: Array<{ sheet: string, cell: string, communeName: string, criterionNumber: number, sourceCode: string, oldAmount: string, newAmount: string }>, problems: Array<{ sheet: string | null, cell: string | null, code: ErrorCode, message: string }> };

export type ImportSourcesQueryVariables = Exact<{ [key: string]: never; }>;


export type ImportSourcesQuery = { fundingSources: Array<{ id: string, code: string, nameVi: string, nameEn: string }> };

export type PreviewImportMutationVariables = Exact<{
  planId: string | number;
  file: File | Blob;
  options?: ImportOptionsInput | null | undefined;
}>;


export type PreviewImportMutation = { previewImport:
    | { __typename: 'ImportPreview', fileName: string, format: string, changeCount: number, unchangedCount: number, canApply: boolean, totalBefore: string, totalAfter: string, token: string, sheets: Array<{ name: string, isRead: boolean, skipReason: string | null, unit: MoneyUnit | null, unitFrom: string | null, cellCount: number }>, changes: Array<{ sheet: string, cell: string, communeName: string, criterionNumber: number, sourceCode: string, oldAmount: string, newAmount: string }>, problems: Array<{ sheet: string | null, cell: string | null, code: ErrorCode, message: string }> }
    | { __typename: 'InputError', code: ErrorCode, message: string }
   };

export type ApplyImportMutationVariables = Exact<{
  planId: string | number;
  file: File | Blob;
  options?: ImportOptionsInput | null | undefined;
  token: string;
}>;


export type ApplyImportMutation = { applyImport:
    | { __typename: 'ApplyImportPayload', batchId: string, changedCount: number }
    | { __typename: 'BatchRejectedError', code: ErrorCode, message: string }
    | { __typename: 'InputError', code: ErrorCode, message: string }
    | { __typename: 'VersionConflictError', code: ErrorCode, message: string, conflicts: Array<{ communeId: string }> }
   };

export type PlanWorkflowQueryVariables = Exact<{
  id: string | number;
}>;


export type PlanWorkflowQuery = { plan: { id: string, status: PlanStatus, revision: number, workflowActions: Array<PlanWorkflowAction>, transitions: Array<{ from: PlanStatus, to: PlanStatus, comment: string | null, actor: string, at: string }>, missingConsultations: Array<{ id: string }>, recordableConsultationCommunes: Array<{ id: string }>, consultations: Array<{ heldOn: string, outcome: ConsultationOutcome, minutesRef: string, commune: { id: string } }>, communes: Array<{ commune: { id: string, name: string, isProgram135: boolean } }> } | null };

export type WorkflowStepResultFragment = { plan: { id: string, status: PlanStatus } };

export type SubmitPlanMutationVariables = Exact<{
  planId: string | number;
}>;


export type SubmitPlanMutation = { submitPlan:
    | { __typename: 'InputError', code: ErrorCode, message: string }
    | { __typename: 'PlanPayload', plan: { id: string, status: PlanStatus } }
   };

export type ApprovePlanMutationVariables = Exact<{
  planId: string | number;
}>;


export type ApprovePlanMutation = { approvePlan:
    | { __typename: 'InputError', code: ErrorCode, message: string }
    | { __typename: 'PlanPayload', plan: { id: string, status: PlanStatus } }
   };

export type ReturnPlanMutationVariables = Exact<{
  planId: string | number;
  comment: string;
}>;


export type ReturnPlanMutation = { returnPlan:
    | { __typename: 'InputError', code: ErrorCode, message: string }
    | { __typename: 'PlanPayload', plan: { id: string, status: PlanStatus } }
   };

export type LockPlanMutationVariables = Exact<{
  planId: string | number;
}>;


export type LockPlanMutation = { lockPlan:
    | { __typename: 'InputError', code: ErrorCode, message: string }
    | { __typename: 'PlanPayload', plan: { id: string, status: PlanStatus } }
   };

export type OpenPlanRevisionMutationVariables = Exact<{
  planId: string | number;
}>;


export type OpenPlanRevisionMutation = { openPlanRevision:
    | { __typename: 'InputError', code: ErrorCode, message: string }
    | { __typename: 'PlanPayload', plan: { id: string, status: PlanStatus } }
   };

export type RecordConsultationMutationVariables = Exact<{
  input: RecordConsultationInput;
}>;


export type RecordConsultationMutation = { recordConsultation:
    | { __typename: 'ConsultationPayload', consultation: { commune: { id: string } } }
    | { __typename: 'InputError', code: ErrorCode, message: string, field: string | null }
   };

export type PlansListQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PlansListQuery = { plans: { edges: Array<{ node: { id: string, name: string, scopeLevel: ScopeLevel, periodStartYear: number, periodEndYear: number, status: PlanStatus, revision: number, district: { name: string } | null, province: { name: string }, analysis: { totals: { allocated: string, confirmedCaps: string, expectedCaps: string, shortfall: string, debtRisk: string, targetCommunes: number, fundedTargetCommunes: number } } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { name: string, displayName: string, role: Role, scopeLevel: AccessScopeLevel, permissions: Array<string>, hasGraphqlIde: boolean, province: { id: string, name: string } | null, district: { id: string, name: string } | null, commune: { id: string, name: string } | null } };

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
export const SessionFieldsFragmentDoc = new TypedDocumentString(`
    fragment SessionFields on Session {
  id
  createdAt
  lastSeenAt
  expiresAt
  ip
  userAgent
  isCurrent
}
    `, {"fragmentName":"SessionFields"}) as unknown as TypedDocumentString<SessionFieldsFragment, unknown>;
export const ApiTokenFieldsFragmentDoc = new TypedDocumentString(`
    fragment ApiTokenFields on ApiToken {
  id
  name
  prefix
  access
  createdAt
  expiresAt
  lastUsedAt
  revokedAt
  province {
    id
    name
  }
  district {
    id
    name
  }
}
    `, {"fragmentName":"ApiTokenFields"}) as unknown as TypedDocumentString<ApiTokenFieldsFragment, unknown>;
export const UserFieldsFragmentDoc = new TypedDocumentString(`
    fragment UserFields on User {
  id
  username
  displayName
  email
  role
  isActive
  createdAt
  province {
    id
    name
  }
  district {
    id
    name
    province {
      id
    }
  }
  commune {
    id
    name
    district {
      id
      province {
        id
      }
    }
  }
}
    `, {"fragmentName":"UserFields"}) as unknown as TypedDocumentString<UserFieldsFragment, unknown>;
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
  spreadThin(first: 30) {
    kind
    amount
    communeId
    commune {
      name
    }
    criterionId
  }
  spreadThinCount
}
    `, {"fragmentName":"GridAnalysis"}) as unknown as TypedDocumentString<GridAnalysisFragment, unknown>;
export const GridPlanSummaryFragmentDoc = new TypedDocumentString(`
    fragment GridPlanSummary on Plan {
  id
  revision
  status
  fundingCaps {
    amount
    isConfirmed
    source {
      id
    }
  }
}
    `, {"fragmentName":"GridPlanSummary"}) as unknown as TypedDocumentString<GridPlanSummaryFragment, unknown>;
export const GridTotalsFieldsFragmentDoc = new TypedDocumentString(`
    fragment GridTotalsFields on PlanGridTotals {
  communeIds
  criterionIds
  sourceIds
  byCriterion {
    communeIndex
    axisIndex
    amounts
  }
  bySource {
    communeIndex
    axisIndex
    amounts
  }
}
    `, {"fragmentName":"GridTotalsFields"}) as unknown as TypedDocumentString<GridTotalsFieldsFragment, unknown>;
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
export const OptimizationFieldsFragmentDoc = new TypedDocumentString(`
    fragment OptimizationFields on Optimization {
  id
  state
  runningSeconds
  gap
  failure
  proposal {
    solver {
      status
      gap
      solveSeconds
    }
    summary {
      targetCommunes
      reachedCommunes
      reachedWeight
      totalWeight
      newMoney
      shortfall
    }
    baseline {
      reachedCommunes
      reachedWeight
    }
    communes {
      communeId
      commune {
        name
      }
      status
      reason
      priority
      deadlineLabel
      amount
      shortfall
      explanation
    }
    cells {
      communeId
      criterionId
      sourceId
      communeName
      criterionNumber
      sourceCode
      sourceName
      current
      proposed
      currentVersion
    }
  }
}
    `, {"fragmentName":"OptimizationFields"}) as unknown as TypedDocumentString<OptimizationFieldsFragment, unknown>;
export const ImportPreviewFieldsFragmentDoc = new TypedDocumentString(`
    fragment ImportPreviewFields on ImportPreview {
  fileName
  format
  changeCount
  unchangedCount
  canApply
  totalBefore
  totalAfter
  token
  sheets {
    name
    isRead
    skipReason
    unit
    unitFrom
    cellCount
  }
  changes {
    sheet
    cell
    communeName
    criterionNumber
    sourceCode
    oldAmount
    newAmount
  }
  problems {
    sheet
    cell
    code
    message
  }
}
    `, {"fragmentName":"ImportPreviewFields"}) as unknown as TypedDocumentString<ImportPreviewFieldsFragment, unknown>;
export const WorkflowStepResultFragmentDoc = new TypedDocumentString(`
    fragment WorkflowStepResult on PlanPayload {
  plan {
    id
    status
  }
}
    `, {"fragmentName":"WorkflowStepResult"}) as unknown as TypedDocumentString<WorkflowStepResultFragment, unknown>;
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
export const MySessionsDocument = new TypedDocumentString(`
    query MySessions {
  mySessions {
    ...SessionFields
  }
}
    fragment SessionFields on Session {
  id
  createdAt
  lastSeenAt
  expiresAt
  ip
  userAgent
  isCurrent
}`) as unknown as TypedDocumentString<MySessionsQuery, MySessionsQueryVariables>;
export const ApiTokensDocument = new TypedDocumentString(`
    query ApiTokens {
  apiTokens {
    ...ApiTokenFields
  }
}
    fragment ApiTokenFields on ApiToken {
  id
  name
  prefix
  access
  createdAt
  expiresAt
  lastUsedAt
  revokedAt
  province {
    id
    name
  }
  district {
    id
    name
  }
}`) as unknown as TypedDocumentString<ApiTokensQuery, ApiTokensQueryVariables>;
export const UsersDocument = new TypedDocumentString(`
    query Users {
  users {
    ...UserFields
  }
}
    fragment UserFields on User {
  id
  username
  displayName
  email
  role
  isActive
  createdAt
  province {
    id
    name
  }
  district {
    id
    name
    province {
      id
    }
  }
  commune {
    id
    name
    district {
      id
      province {
        id
      }
    }
  }
}`) as unknown as TypedDocumentString<UsersQuery, UsersQueryVariables>;
export const ScopeGeographyDocument = new TypedDocumentString(`
    query ScopeGeography {
  provinces {
    id
    name
    districts {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ScopeGeographyQuery, ScopeGeographyQueryVariables>;
export const DistrictCommunesDocument = new TypedDocumentString(`
    query DistrictCommunes($districtId: ID!) {
  communes(first: 200, filter: {districtId: $districtId}) {
    edges {
      node {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DistrictCommunesQuery, DistrictCommunesQueryVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
    __typename
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const RevokeSessionDocument = new TypedDocumentString(`
    mutation RevokeSession($id: ID!) {
  revokeSession(id: $id) {
    __typename
    ... on SessionPayload {
      session {
        ...SessionFields
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment SessionFields on Session {
  id
  createdAt
  lastSeenAt
  expiresAt
  ip
  userAgent
  isCurrent
}`) as unknown as TypedDocumentString<RevokeSessionMutation, RevokeSessionMutationVariables>;
export const CreateApiTokenDocument = new TypedDocumentString(`
    mutation CreateApiToken($input: CreateApiTokenInput!) {
  createApiToken(input: $input) {
    __typename
    ... on CreateApiTokenPayload {
      secret
      token {
        ...ApiTokenFields
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment ApiTokenFields on ApiToken {
  id
  name
  prefix
  access
  createdAt
  expiresAt
  lastUsedAt
  revokedAt
  province {
    id
    name
  }
  district {
    id
    name
  }
}`) as unknown as TypedDocumentString<CreateApiTokenMutation, CreateApiTokenMutationVariables>;
export const RevokeApiTokenDocument = new TypedDocumentString(`
    mutation RevokeApiToken($id: ID!) {
  revokeApiToken(id: $id) {
    __typename
    ... on ApiTokenPayload {
      token {
        ...ApiTokenFields
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment ApiTokenFields on ApiToken {
  id
  name
  prefix
  access
  createdAt
  expiresAt
  lastUsedAt
  revokedAt
  province {
    id
    name
  }
  district {
    id
    name
  }
}`) as unknown as TypedDocumentString<RevokeApiTokenMutation, RevokeApiTokenMutationVariables>;
export const CreateUserDocument = new TypedDocumentString(`
    mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) {
    __typename
    ... on UserPayload {
      user {
        ...UserFields
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment UserFields on User {
  id
  username
  displayName
  email
  role
  isActive
  createdAt
  province {
    id
    name
  }
  district {
    id
    name
    province {
      id
    }
  }
  commune {
    id
    name
    district {
      id
      province {
        id
      }
    }
  }
}`) as unknown as TypedDocumentString<CreateUserMutation, CreateUserMutationVariables>;
export const UpdateUserDocument = new TypedDocumentString(`
    mutation UpdateUser($input: UpdateUserInput!) {
  updateUser(input: $input) {
    __typename
    ... on UserPayload {
      user {
        ...UserFields
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment UserFields on User {
  id
  username
  displayName
  email
  role
  isActive
  createdAt
  province {
    id
    name
  }
  district {
    id
    name
    province {
      id
    }
  }
  commune {
    id
    name
    district {
      id
      province {
        id
      }
    }
  }
}`) as unknown as TypedDocumentString<UpdateUserMutation, UpdateUserMutationVariables>;
export const GridAnalysisDocument = new TypedDocumentString(`
    query GridAnalysis($planId: ID!) {
  plan(id: $planId) {
    id
    revision
    analysis {
      ...GridAnalysis
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
  spreadThin(first: 30) {
    kind
    amount
    communeId
    commune {
      name
    }
    criterionId
  }
  spreadThinCount
}`) as unknown as TypedDocumentString<GridAnalysisQuery, GridAnalysisQueryVariables>;
export const AllocationGridDocument = new TypedDocumentString(`
    query AllocationGrid($planId: ID!, $totalsOnly: Boolean!, $withSums: Boolean!, $communeIds: [ID!]) {
  plan(id: $planId) {
    ...GridPlanSummary
    name
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
        province {
          id
          name
        }
        district {
          id
          name
        }
      }
    }
    criteriaMet {
      communeIds
      criterionIds
      communeIndex
      criterionIndex
    }
    grid(communeIds: $communeIds) @skip(if: $totalsOnly) {
      communeIds
      criterionIds
      sourceIds
      communeIndex
      criterionIndex
      sourceIndex
      amounts
      versions
    }
    gridTotals @include(if: $totalsOnly) {
      ...GridTotalsFields
    }
    sourceTotals: totals(by: SOURCE) @include(if: $withSums) {
      id
      amount
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
    fragment GridPlanSummary on Plan {
  id
  revision
  status
  fundingCaps {
    amount
    isConfirmed
    source {
      id
    }
  }
}
fragment GridTotalsFields on PlanGridTotals {
  communeIds
  criterionIds
  sourceIds
  byCriterion {
    communeIndex
    axisIndex
    amounts
  }
  bySource {
    communeIndex
    axisIndex
    amounts
  }
}`) as unknown as TypedDocumentString<AllocationGridQuery, AllocationGridQueryVariables>;
export const SaveAllocationsDocument = new TypedDocumentString(`
    mutation SaveAllocations($input: SetAllocationsInput!) {
  setAllocations(input: $input) {
    __typename
    ... on SetAllocationsPayload {
      batchId
      changedCount
      versions
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
    fragment GridPlanSummary on Plan {
  id
  revision
  status
  fundingCaps {
    amount
    isConfirmed
    source {
      id
    }
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
    fragment GridPlanSummary on Plan {
  id
  revision
  status
  fundingCaps {
    amount
    isConfirmed
    source {
      id
    }
  }
}`) as unknown as TypedDocumentString<GridPlanSummaryQuery, GridPlanSummaryQueryVariables>;
export const GridCellsDocument = new TypedDocumentString(`
    query GridCells($planId: ID!, $communeIds: [ID!]) {
  plan(id: $planId) {
    ...GridPlanSummary
    grid(communeIds: $communeIds) {
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
    fragment GridPlanSummary on Plan {
  id
  revision
  status
  fundingCaps {
    amount
    isConfirmed
    source {
      id
    }
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
export const GridTotalsDocument = new TypedDocumentString(`
    query GridTotals($planId: ID!) {
  plan(id: $planId) {
    id
    gridTotals {
      ...GridTotalsFields
    }
  }
}
    fragment GridTotalsFields on PlanGridTotals {
  communeIds
  criterionIds
  sourceIds
  byCriterion {
    communeIndex
    axisIndex
    amounts
  }
  bySource {
    communeIndex
    axisIndex
    amounts
  }
}`) as unknown as TypedDocumentString<GridTotalsQuery, GridTotalsQueryVariables>;
export const GridSourceTotalsDocument = new TypedDocumentString(`
    query GridSourceTotals($planId: ID!) {
  plan(id: $planId) {
    id
    sourceTotals: totals(by: SOURCE) {
      id
      amount
    }
  }
}
    `) as unknown as TypedDocumentString<GridSourceTotalsQuery, GridSourceTotalsQueryVariables>;
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
export const GridSnapshotsDocument = new TypedDocumentString(`
    query GridSnapshots($planId: ID!) {
  plan(id: $planId) {
    id
    snapshots {
      id
      name
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<GridSnapshotsQuery, GridSnapshotsQueryVariables>;
export const GridCompareDocument = new TypedDocumentString(`
    query GridCompare($planId: ID!, $from: ID!) {
  plan(id: $planId) {
    id
    diff(from: $from) {
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
        total {
          ...DiffTotalFields
        }
        bySource {
          ...DiffTotalFields
        }
        byCriterion {
          ...DiffTotalFields
        }
        cells(first: 5000) {
          communeId
          criterionId
          sourceId
          before
          after
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
}`) as unknown as TypedDocumentString<GridCompareQuery, GridCompareQueryVariables>;
export const StartOptimizationDocument = new TypedDocumentString(`
    mutation StartOptimization($input: OptimizePlanInput!) {
  optimizePlan(input: $input) {
    __typename
    ... on Optimization {
      ...OptimizationFields
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment OptimizationFields on Optimization {
  id
  state
  runningSeconds
  gap
  failure
  proposal {
    solver {
      status
      gap
      solveSeconds
    }
    summary {
      targetCommunes
      reachedCommunes
      reachedWeight
      totalWeight
      newMoney
      shortfall
    }
    baseline {
      reachedCommunes
      reachedWeight
    }
    communes {
      communeId
      commune {
        name
      }
      status
      reason
      priority
      deadlineLabel
      amount
      shortfall
      explanation
    }
    cells {
      communeId
      criterionId
      sourceId
      communeName
      criterionNumber
      sourceCode
      sourceName
      current
      proposed
      currentVersion
    }
  }
}`) as unknown as TypedDocumentString<StartOptimizationMutation, StartOptimizationMutationVariables>;
export const OptimizationProgressDocument = new TypedDocumentString(`
    query OptimizationProgress($id: ID!) {
  optimization(id: $id) {
    ...OptimizationFields
  }
}
    fragment OptimizationFields on Optimization {
  id
  state
  runningSeconds
  gap
  failure
  proposal {
    solver {
      status
      gap
      solveSeconds
    }
    summary {
      targetCommunes
      reachedCommunes
      reachedWeight
      totalWeight
      newMoney
      shortfall
    }
    baseline {
      reachedCommunes
      reachedWeight
    }
    communes {
      communeId
      commune {
        name
      }
      status
      reason
      priority
      deadlineLabel
      amount
      shortfall
      explanation
    }
    cells {
      communeId
      criterionId
      sourceId
      communeName
      criterionNumber
      sourceCode
      sourceName
      current
      proposed
      currentVersion
    }
  }
}`) as unknown as TypedDocumentString<OptimizationProgressQuery, OptimizationProgressQueryVariables>;
export const CancelOptimizationDocument = new TypedDocumentString(`
    mutation CancelOptimization($planId: ID!, $optimizationId: ID!) {
  cancelOptimization(planId: $planId, optimizationId: $optimizationId) {
    __typename
    ... on Optimization {
      ...OptimizationFields
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment OptimizationFields on Optimization {
  id
  state
  runningSeconds
  gap
  failure
  proposal {
    solver {
      status
      gap
      solveSeconds
    }
    summary {
      targetCommunes
      reachedCommunes
      reachedWeight
      totalWeight
      newMoney
      shortfall
    }
    baseline {
      reachedCommunes
      reachedWeight
    }
    communes {
      communeId
      commune {
        name
      }
      status
      reason
      priority
      deadlineLabel
      amount
      shortfall
      explanation
    }
    cells {
      communeId
      criterionId
      sourceId
      communeName
      criterionNumber
      sourceCode
      sourceName
      current
      proposed
      currentVersion
    }
  }
}`) as unknown as TypedDocumentString<CancelOptimizationMutation, CancelOptimizationMutationVariables>;
export const AcceptProposalDocument = new TypedDocumentString(`
    mutation AcceptProposal($input: AcceptProposalInput!) {
  acceptProposal(input: $input) {
    __typename
    ... on AcceptProposalPayload {
      batchId
      changedCount
      plan {
        id
        totals(by: SOURCE) {
          id
          amount
        }
      }
    }
    ... on VersionConflictError {
      code
      message
      conflicts {
        communeId
        criterionId
        sourceId
        currentAmount
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<AcceptProposalMutation, AcceptProposalMutationVariables>;
export const OptimizerPlanTotalsDocument = new TypedDocumentString(`
    query OptimizerPlanTotals($id: ID!) {
  plan(id: $id) {
    id
    totals(by: SOURCE) {
      id
      amount
    }
  }
}
    `) as unknown as TypedDocumentString<OptimizerPlanTotalsQuery, OptimizerPlanTotalsQueryVariables>;
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
    communeCount
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
export const ImportSourcesDocument = new TypedDocumentString(`
    query ImportSources {
  fundingSources {
    id
    code
    nameVi
    nameEn
  }
}
    `) as unknown as TypedDocumentString<ImportSourcesQuery, ImportSourcesQueryVariables>;
export const PreviewImportDocument = new TypedDocumentString(`
    mutation PreviewImport($planId: ID!, $file: Upload!, $options: ImportOptionsInput) {
  previewImport(planId: $planId, file: $file, options: $options) {
    __typename
    ... on Error {
      code
      message
    }
    ... on ImportPreview {
      ...ImportPreviewFields
    }
  }
}
    fragment ImportPreviewFields on ImportPreview {
  fileName
  format
  changeCount
  unchangedCount
  canApply
  totalBefore
  totalAfter
  token
  sheets {
    name
    isRead
    skipReason
    unit
    unitFrom
    cellCount
  }
  changes {
    sheet
    cell
    communeName
    criterionNumber
    sourceCode
    oldAmount
    newAmount
  }
  problems {
    sheet
    cell
    code
    message
  }
}`) as unknown as TypedDocumentString<PreviewImportMutation, PreviewImportMutationVariables>;
export const ApplyImportDocument = new TypedDocumentString(`
    mutation ApplyImport($planId: ID!, $file: Upload!, $options: ImportOptionsInput, $token: String!) {
  applyImport(
    planId: $planId
    file: $file
    options: $options
    previewToken: $token
  ) {
    __typename
    ... on Error {
      code
      message
    }
    ... on VersionConflictError {
      conflicts {
        communeId
      }
    }
    ... on ApplyImportPayload {
      batchId
      changedCount
    }
  }
}
    `) as unknown as TypedDocumentString<ApplyImportMutation, ApplyImportMutationVariables>;
export const PlanWorkflowDocument = new TypedDocumentString(`
    query PlanWorkflow($id: ID!) {
  plan(id: $id) {
    id
    status
    revision
    workflowActions
    transitions {
      from
      to
      comment
      actor
      at
    }
    missingConsultations {
      id
    }
    recordableConsultationCommunes {
      id
    }
    consultations {
      commune {
        id
      }
      heldOn
      outcome
      minutesRef
    }
    communes {
      commune {
        id
        name
        isProgram135
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PlanWorkflowQuery, PlanWorkflowQueryVariables>;
export const SubmitPlanDocument = new TypedDocumentString(`
    mutation SubmitPlan($planId: ID!) {
  submitPlan(planId: $planId) {
    __typename
    ...WorkflowStepResult
    ... on InputError {
      code
      message
    }
  }
}
    fragment WorkflowStepResult on PlanPayload {
  plan {
    id
    status
  }
}`) as unknown as TypedDocumentString<SubmitPlanMutation, SubmitPlanMutationVariables>;
export const ApprovePlanDocument = new TypedDocumentString(`
    mutation ApprovePlan($planId: ID!) {
  approvePlan(planId: $planId) {
    __typename
    ...WorkflowStepResult
    ... on InputError {
      code
      message
    }
  }
}
    fragment WorkflowStepResult on PlanPayload {
  plan {
    id
    status
  }
}`) as unknown as TypedDocumentString<ApprovePlanMutation, ApprovePlanMutationVariables>;
export const ReturnPlanDocument = new TypedDocumentString(`
    mutation ReturnPlan($planId: ID!, $comment: String!) {
  returnPlan(planId: $planId, comment: $comment) {
    __typename
    ...WorkflowStepResult
    ... on InputError {
      code
      message
    }
  }
}
    fragment WorkflowStepResult on PlanPayload {
  plan {
    id
    status
  }
}`) as unknown as TypedDocumentString<ReturnPlanMutation, ReturnPlanMutationVariables>;
export const LockPlanDocument = new TypedDocumentString(`
    mutation LockPlan($planId: ID!) {
  lockPlan(planId: $planId) {
    __typename
    ...WorkflowStepResult
    ... on InputError {
      code
      message
    }
  }
}
    fragment WorkflowStepResult on PlanPayload {
  plan {
    id
    status
  }
}`) as unknown as TypedDocumentString<LockPlanMutation, LockPlanMutationVariables>;
export const OpenPlanRevisionDocument = new TypedDocumentString(`
    mutation OpenPlanRevision($planId: ID!) {
  openPlanRevision(planId: $planId) {
    __typename
    ...WorkflowStepResult
    ... on InputError {
      code
      message
    }
  }
}
    fragment WorkflowStepResult on PlanPayload {
  plan {
    id
    status
  }
}`) as unknown as TypedDocumentString<OpenPlanRevisionMutation, OpenPlanRevisionMutationVariables>;
export const RecordConsultationDocument = new TypedDocumentString(`
    mutation RecordConsultation($input: RecordConsultationInput!) {
  recordConsultation(input: $input) {
    __typename
    ... on ConsultationPayload {
      consultation {
        commune {
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
    `) as unknown as TypedDocumentString<RecordConsultationMutation, RecordConsultationMutationVariables>;
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
    hasGraphqlIde
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