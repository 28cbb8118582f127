// The one Database interface: column types as Kysely sees them. Money columns are bigint đồng.
import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable, Updateable } from 'kysely';

type Money = ColumnType<bigint, bigint, bigint>;
/** A timestamp with a database default (Generated<> cannot wrap a ColumnType). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns travel as ISO strings (yyyy-mm-dd) on both back ends. */
type DateOnly = ColumnType<string, string, string>;
type Identity = ColumnType<number, never, never>;

export type CommuneKind = 'xa' | 'phuong' | 'thi_tran';
export type RegionCode = 'TDMNPB' | 'DBSH' | 'BTB' | 'DHNTB' | 'TN' | 'DNB' | 'DBSCL';
export type EthnicZone = 'I' | 'II' | 'III';
export type CriteriaLevel = 'commune' | 'district';
export type FundingSourceKind =
  | 'central'
  | 'province'
  | 'district'
  | 'commune'
  | 'program'
  | 'integrated'
  | 'credit'
  | 'enterprise'
  | 'community';
export type PlanStatus = 'draft' | 'submitted' | 'approved' | 'locked';
export type ScopeLevel = 'district' | 'province';
export type NtmLevel = 'dat_chuan' | 'nang_cao' | 'kieu_mau';
export type ProjectStatus = 'planned' | 'in_progress' | 'completed' | 'cancelled';
export type AuditOrigin = 'grid' | 'api' | 'import' | 'optimizer' | 'system' | 'seed';
export type AuditEntity =
  | 'plan'
  | 'plan_commune'
  | 'allocation'
  | 'funding_cap'
  | 'criterion_status'
  | 'district_criterion_status'
  | 'project'
  | 'plan_snapshot'
  | 'plan_transition'
  | 'commune_consultation'
  | 'app_user'
  | 'user_session'
  | 'api_token';
export type AuditAction = 'insert' | 'update' | 'delete';

export interface ProvinceTable {
  id: Identity;
  code: string;
  name: string;
}

export interface DistrictTable {
  id: Identity;
  province_id: number;
  code: string;
  name: string;
  abolished_on: DateOnly | null;
}

export interface CommuneTable {
  id: Identity;
  province_id: number;
  district_id: number | null;
  code: string;
  name: string;
  search_key: string;
  kind: CommuneKind;
  region: RegionCode;
  is_program135: Generated<boolean>;
  ethnic_zone: EthnicZone | null;
  is_atk: Generated<boolean>;
  is_border: Generated<boolean>;
  is_island: Generated<boolean>;
  is_illustrative: Generated<boolean>;
  note: string | null;
}

export interface CriteriaSetTable {
  id: Identity;
  code: string;
  level: CriteriaLevel;
  name_vi: string;
  name_en: string;
  decision: string;
  valid_from: DateOnly;
  valid_to: DateOnly | null;
  version: Generated<number>;
}

export interface CriteriaGroupTable {
  id: Identity;
  criteria_set_id: number;
  position: number;
  code: string;
  name_vi: string;
  name_en: string;
}

export interface CriterionTable {
  id: Identity;
  criteria_set_id: number;
  group_id: number | null;
  number: number;
  name_vi: string;
  name_en: string;
}

export interface IndicatorTable {
  id: Identity;
  criterion_id: number;
  code: string;
  name_vi: string;
  name_en: string;
  threshold: string;
  is_uncertain: Generated<boolean>;
}

/** See `Eligibility` in @ntm/domain for the meaning of the JSON. */
export interface EligibilityJson {
  communeFlags?: Array<'program135' | 'atk' | 'border' | 'island' | 'zoneIII'>;
  communeKinds?: CommuneKind[];
}

export interface FundingSourceTable {
  id: Identity;
  code: string;
  name_vi: string;
  name_en: string;
  kind: FundingSourceKind;
  needs_council_approval: Generated<boolean>;
  eligibility: JSONColumnType<EligibilityJson, string, string>;
  position: number;
}

export interface PlanTable {
  id: Identity;
  name: string;
  scope_level: ScopeLevel;
  province_id: number;
  district_id: number | null;
  period_start_year: number;
  period_end_year: number;
  criteria_set_id: number;
  district_criteria_set_id: number | null;
  status: Generated<PlanStatus>;
  revision: Generated<number>;
  previous_revision_id: number | null;
  note: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: ColumnType<string, string | undefined, string>;
}

export interface PlanCommuneTable {
  plan_id: number;
  commune_id: number;
  is_target: Generated<boolean>;
  target_level: NtmLevel | null;
  deadline_year: number | null;
  deadline_quarter: number | null;
  priority: Generated<number>;
}

export interface FundingCapTable {
  plan_id: number;
  source_id: number;
  amount: Money;
  is_confirmed: Generated<boolean>;
  note: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
  updated_by: ColumnType<string, string | undefined, string>;
}

export interface AllocationTable {
  plan_id: number;
  commune_id: number;
  criterion_id: number;
  source_id: number;
  amount: Money;
  version: Generated<number>;
  updated_at: Timestamp;
  updated_by: ColumnType<string, string | undefined, string>;
}

interface StatusColumns {
  criterion_id: number;
  is_met: boolean;
  assessed_on: DateOnly | null;
  note: string | null;
  is_illustrative: Generated<boolean>;
  version: Generated<number>;
  updated_at: Timestamp;
  updated_by: ColumnType<string, string | undefined, string>;
}
export interface CriterionStatusTable extends StatusColumns {
  commune_id: number;
}
export interface DistrictCriterionStatusTable extends StatusColumns {
  district_id: number;
}

export interface ProjectTable {
  id: Identity;
  commune_id: number;
  criterion_id: number;
  name: string;
  estimated_cost: Money;
  is_required: Generated<boolean>;
  status: Generated<ProjectStatus>;
  disbursed: ColumnType<bigint, bigint | undefined, bigint>;
  is_illustrative: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: ColumnType<string, string | undefined, string>;
}

/** One move of a plan along its workflow; a return to draft carries the reviewer's comment. */
export interface PlanTransitionTable {
  id: Identity;
  plan_id: number;
  from_status: PlanStatus;
  to_status: PlanStatus;
  comment: string | null;
  actor: string;
  at: Timestamp;
}

export type ConsultationOutcome = 'agreed' | 'agreed_with_changes' | 'not_agreed';

/** The public consultation (lấy ý kiến nhân dân) held in a Program 135 commune for a plan. */
export interface CommuneConsultationTable {
  plan_id: number;
  commune_id: number;
  held_on: DateOnly;
  outcome: ConsultationOutcome;
  minutes_ref: string;
  note: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
  updated_by: ColumnType<string, string | undefined, string>;
}

export interface AuditLogTable {
  id: ColumnType<bigint, never, never>;
  at: Timestamp;
  actor: string;
  request_id: string | null;
  batch_id: string | null;
  origin: AuditOrigin;
  entity: AuditEntity;
  action: AuditAction;
  plan_id: number | null;
  commune_id: number | null;
  criterion_id: number | null;
  source_id: number | null;
  entity_key: string;
  before: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  after: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
}

export interface IdempotencyKeyTable {
  actor: string;
  key: string;
  operation: string;
  request_hash: string;
  result: JSONColumnType<Record<string, unknown>, string, string>;
  created_at: Timestamp;
}

export type UserRole =
  | 'admin'
  | 'province_planner'
  | 'district_planner'
  | 'commune_officer'
  | 'council_reviewer'
  | 'viewer';
export type TokenAccess = 'read' | 'read_write';

/** An account, bound to the scope its role needs (none for the admin). */
export interface AppUserTable {
  id: Identity;
  username: string;
  email: string | null;
  display_name: string;
  /** argon2id PHC string. */
  password_hash: string;
  role: UserRole;
  province_id: number | null;
  district_id: number | null;
  commune_id: number | null;
  is_active: Generated<boolean>;
  created_at: Timestamp;
  password_changed_at: Timestamp;
}

/** A login: the cookie holds the secret, the table only its sha-256. */
export interface UserSessionTable {
  id: Identity;
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  ip: string | null;
  user_agent: string | null;
}

/** An integrator's bearer token: shown once, stored as its sha-256, scoped to a province or district. */
export interface ApiTokenTable {
  id: Identity;
  name: string;
  token_hash: string;
  /** The first characters of the token, to recognise it in a list. */
  prefix: string;
  access: TokenAccess;
  province_id: number | null;
  district_id: number | null;
  created_by: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

/** Failed sign-ins of one account name or client address, shared by every API process. */
export interface LoginFailureTable {
  kind: 'account' | 'ip';
  key: string;
  failures: number;
  last_failure: Timestamp;
  blocked_until: Timestamp | null;
}

/** A named, frozen copy of a plan's non-zero cells and caps. */
export interface PlanSnapshotTable {
  id: Identity;
  plan_id: number;
  name: string;
  note: string | null;
  created_at: Timestamp;
  created_by: string;
  cell_count: Generated<number>;
  total: ColumnType<bigint, bigint | undefined, bigint>;
}

export interface PlanSnapshotCellTable {
  snapshot_id: number;
  commune_id: number;
  criterion_id: number;
  source_id: number;
  amount: Money;
}

export interface PlanSnapshotCapTable {
  snapshot_id: number;
  source_id: number;
  amount: Money;
  is_confirmed: boolean;
  note: string | null;
}

export interface Database {
  province: ProvinceTable;
  district: DistrictTable;
  commune: CommuneTable;
  criteria_set: CriteriaSetTable;
  criteria_group: CriteriaGroupTable;
  criterion: CriterionTable;
  indicator: IndicatorTable;
  funding_source: FundingSourceTable;
  plan: PlanTable;
  plan_commune: PlanCommuneTable;
  funding_cap: FundingCapTable;
  allocation: AllocationTable;
  criterion_status: CriterionStatusTable;
  district_criterion_status: DistrictCriterionStatusTable;
  project: ProjectTable;
  audit_log: AuditLogTable;
  plan_snapshot: PlanSnapshotTable;
  plan_snapshot_cell: PlanSnapshotCellTable;
  plan_snapshot_cap: PlanSnapshotCapTable;
  idempotency_key: IdempotencyKeyTable;
  plan_transition: PlanTransitionTable;
  commune_consultation: CommuneConsultationTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  login_failure: LoginFailureTable;
}

export type Province = Selectable<ProvinceTable>;
export type District = Selectable<DistrictTable>;
export type Commune = Selectable<CommuneTable>;
export type NewCommune = Insertable<CommuneTable>;
export type CriteriaSet = Selectable<CriteriaSetTable>;
export type CriteriaGroup = Selectable<CriteriaGroupTable>;
export type Criterion = Selectable<CriterionTable>;
export type Indicator = Selectable<IndicatorTable>;
export type FundingSource = Selectable<FundingSourceTable>;
export type Plan = Selectable<PlanTable>;
export type NewPlan = Insertable<PlanTable>;
export type PlanUpdate = Updateable<PlanTable>;
export type PlanCommune = Selectable<PlanCommuneTable>;
export type FundingCap = Selectable<FundingCapTable>;
export type Allocation = Selectable<AllocationTable>;
export type CriterionStatus = Selectable<CriterionStatusTable>;
export type DistrictCriterionStatus = Selectable<DistrictCriterionStatusTable>;
export type Project = Selectable<ProjectTable>;
export type NewProject = Insertable<ProjectTable>;
export type ProjectUpdate = Updateable<ProjectTable>;
export type AuditLog = Selectable<AuditLogTable>;
export type NewAuditLog = Insertable<AuditLogTable>;
export type PlanSnapshot = Selectable<PlanSnapshotTable>;
export type PlanTransition = Selectable<PlanTransitionTable>;
export type CommuneConsultation = Selectable<CommuneConsultationTable>;
export type AppUser = Selectable<AppUserTable>;
export type UserSession = Selectable<UserSessionTable>;
export type ApiToken = Selectable<ApiTokenTable>;
