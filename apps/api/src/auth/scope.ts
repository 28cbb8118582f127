// Row-level access by scope. Reads are filtered in SQL (an object outside the caller's scope is
// simply not found); writes name their targets and are checked here before the resolver runs:
// a target the caller cannot even read fails exactly like an id that does not exist, one they can
// read but not change is FORBIDDEN, and a batch with one such target is refused as a whole.
import type { AuditEntity, Database } from '@ntm/db';
import { DomainError, type ErrorCode } from '@ntm/domain';
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Principal, Scope } from './principal.ts';

/** The area a caller reads: a commune officer reads their district's plans (to see the whole grid). */
function readArea(scope: Scope): { provinceId?: number; districtId?: number } | 'all' {
  if (scope.level === 'all') return 'all';
  if (scope.level === 'province') return { provinceId: scope.provinceId! };
  if (scope.districtId !== null) return { districtId: scope.districtId };
  return { provinceId: scope.provinceId! };
}

/** Audit entities of accounts, sessions and tokens. */
export const ACCOUNT_AUDIT_ENTITIES = [
  'app_user',
  'user_session',
  'api_token',
] as const satisfies readonly AuditEntity[];

const TRUE = sql<SqlBool>`true`;
const FALSE = sql<SqlBool>`false`;

function byArea(
  principal: Principal | null,
  columns: { province?: string; district?: string },
): Expression<SqlBool> {
  if (!principal) return FALSE;
  const area = readArea(principal.scope);
  if (area === 'all') return TRUE;
  if (area.districtId !== undefined) {
    return columns.district ? sql<SqlBool>`${sql.ref(columns.district)} = ${area.districtId}` : FALSE;
  }
  return columns.province ? sql<SqlBool>`${sql.ref(columns.province)} = ${area.provinceId}` : FALSE;
}

export const visible: Record<
  'plan' | 'commune' | 'district' | 'province' | 'auditEntry',
  (p: Principal | null, table?: string) => Expression<SqlBool>
> = {
  plan: (p: Principal | null, table = 'plan') =>
    byArea(p, { province: `${table}.province_id`, district: `${table}.district_id` }),
  commune: (p: Principal | null, table = 'commune') =>
    byArea(p, { province: `${table}.province_id`, district: `${table}.district_id` }),
  district: (p: Principal | null, table = 'district') =>
    byArea(p, { province: `${table}.province_id`, district: `${table}.id` }),
  /** A change is visible with its plan, or (changes outside any plan) with its commune. */
  /** Account changes (users, sessions, tokens) are the admin's alone. */
  auditEntry: (p: Principal | null, table = 'audit_log'): Expression<SqlBool> => {
    if (!p) return FALSE;
    if (p.scope.level === 'all' && p.role === 'admin' && p.kind === 'user') return TRUE;
    const notAccount = sql<SqlBool>`${sql.ref(`${table}.entity`)} not in (${sql.join(
      ACCOUNT_AUDIT_ENTITIES.map((e) => sql.lit(e)),
    )})`;
    if (p.scope.level === 'all') return notAccount;
    const planId = sql.ref(`${table}.plan_id`);
    const communeId = sql.ref(`${table}.commune_id`);
    return sql<SqlBool>`${notAccount} and (${planId} in (select plan.id from plan where ${visible.plan(p)})
      or (${planId} is null and ${communeId} in (select commune.id from commune where ${visible.commune(p)})))`;
  },
  /** Everyone with a scope reads their own province (the plan's and commune's parent). */
  province: (p: Principal | null, table = 'province'): Expression<SqlBool> => {
    if (!p) return FALSE;
    if (p.scope.level === 'all') return TRUE;
    return sql<SqlBool>`${sql.ref(`${table}.id`)} = ${p.scope.provinceId}`;
  },
};

/** What a mutation is about to change. `field` is the input field, so errors match a bad id's. */
export type WriteTarget =
  | { plan: string | number | null | undefined; field: string }
  | { commune: string | number | null | undefined; field: string }
  | { district: string | number | null | undefined; field: string }
  | { province: string | number | null | undefined; field: string }
  | { project: string | number | null | undefined; field: string }
  | { snapshot: string | number | null | undefined; field: string }
  | { auditEntry: string | number | null | undefined; field: string }
  | { batch: string | null | undefined; field: string }
  /** Cells of a batch: every commune must be writable by the caller. */
  | { cellCommunes: Array<string | number> };

type Decode = (globalId: string | number, typename: string) => number | null;

export interface Unit {
  provinceId: number;
  districtId: number | null;
  communeId: number | null;
}

function canRead(scope: Scope, unit: Unit): boolean {
  const area = readArea(scope);
  if (area === 'all') return true;
  if (area.districtId !== undefined) return unit.districtId === area.districtId;
  return unit.provinceId === area.provinceId;
}

/** Write area: like reading, except that a commune officer changes only their own commune. */
export function canWrite(scope: Scope, unit: Unit): boolean {
  if (scope.level === 'commune') return unit.communeId === scope.communeId;
  return canRead(scope, unit);
}

function forbidden(): DomainError {
  return new DomainError('FORBIDDEN');
}

export async function checkWriteTargets(
  db: Kysely<Database>,
  principal: Principal,
  targets: readonly WriteTarget[],
  decode: Decode,
): Promise<true> {
  for (const target of targets) await checkTarget(db, principal, target, decode);
  return true;
}

async function checkTarget(
  db: Kysely<Database>,
  principal: Principal,
  target: WriteTarget,
  decode: Decode,
): Promise<void> {
  const { scope } = principal;
  if (scope.level === 'all') return;
  // Each target: the unit it lives in, the error a missing one gets, and how a plan is written.
  const idOf = (value: string | number | null | undefined, typename: string) =>
    value === null || value === undefined ? null : decode(value, typename);

  const requireUnit = (
    unit: Unit | undefined,
    code: ErrorCode,
    field: string,
    write = canWrite,
    read = canRead,
  ) => {
    if (!unit) return; // does not exist: the resolver reports it as it always does
    if (!read(scope, unit)) throw new DomainError(code, { field });
    if (!write(scope, unit)) throw forbidden();
  };

  if ('cellCommunes' in target) {
    const ids = [...new Set(target.cellCommunes.map((c) => decode(c, 'Commune')))].filter(
      (id): id is number => id !== null,
    );
    if (ids.length === 0) return;
    const units = await communeUnits(db, ids);
    // Communes the caller cannot see are left to the batch's own check (not in the plan).
    if (units.some((unit) => canRead(scope, unit) && !canWrite(scope, unit))) throw forbidden();
    return;
  }
  if ('plan' in target) {
    const id = idOf(target.plan, 'Plan');
    if (id === null) return;
    return requirePlan(db, principal, await planUnits(db, { planId: id }), 'UNKNOWN_PLAN', target.field);
  }
  if ('snapshot' in target) {
    const id = idOf(target.snapshot, 'PlanSnapshot');
    if (id === null) return;
    const rows = await planUnits(db, { snapshotId: id });
    return requirePlan(db, principal, rows, 'UNKNOWN_SNAPSHOT', target.field);
  }
  if ('auditEntry' in target || 'batch' in target) {
    const entries = await auditUnits(db, target, decode);
    if (entries.length === 0) return;
    const code = 'UNKNOWN_AUDIT_ENTRY';
    if (entries.some((unit) => !canRead(scope, unit))) throw new DomainError(code, { field: target.field });
    if (entries.some((unit) => !canWrite(scope, unit) || scope.level === 'commune')) throw forbidden();
    return;
  }
  if ('commune' in target) {
    const id = idOf(target.commune, 'Commune');
    if (id === null) return;
    return requireUnit((await communeUnits(db, [id]))[0], 'UNKNOWN_COMMUNE', target.field);
  }
  if ('project' in target) {
    const id = idOf(target.project, 'Project');
    if (id === null) return;
    const rows = await communeUnits(db, [], id);
    return requireUnit(rows[0], 'UNKNOWN_PROJECT', target.field);
  }
  if ('district' in target) {
    const id = idOf(target.district, 'District');
    if (id === null) return;
    const d = await db
      .selectFrom('district')
      .select(['id', 'province_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    const unit = d && { provinceId: d.province_id, districtId: d.id, communeId: null };
    // A district's own records are the district's and the province's business, not a commune's.
    return requireUnit(
      unit,
      'UNKNOWN_DISTRICT',
      target.field,
      (s, u) => s.level !== 'commune' && canRead(s, u),
    );
  }
  const id = idOf(target.province, 'Province');
  if (id === null) return;
  const p = await db.selectFrom('province').select('id').where('id', '=', id).executeTakeFirst();
  const unit = p && { provinceId: p.id, districtId: null, communeId: null };
  // Everyone reads their own province; only province-level callers write at that level.
  return requireUnit(
    unit,
    'INVALID_SCOPE',
    target.field,
    (s) => s.level === 'province',
    (s, u) => s.provinceId === u.provinceId,
  );
}

function snapshotPlan(db: Kysely<Database>, snapshotId: number) {
  return db.selectFrom('plan_snapshot').select('plan_id').where('id', '=', snapshotId);
}

interface PlanUnit extends Unit {
  planId: number;
}

async function planUnits(
  db: Kysely<Database>,
  by: { planId: number } | { snapshotId: number },
): Promise<PlanUnit[]> {
  const query = db.selectFrom('plan').select(['plan.id', 'plan.province_id', 'plan.district_id']);
  const rows = await ('planId' in by
    ? query.where('plan.id', '=', by.planId)
    : query.where('plan.id', 'in', snapshotPlan(db, by.snapshotId))
  ).execute();
  return rows.map((r) => ({
    planId: r.id,
    provinceId: r.province_id,
    districtId: r.district_id,
    communeId: null,
  }));
}

/** A plan is written by whoever's area holds it; a commune officer writes a plan that covers their commune. */
async function requirePlan(
  db: Kysely<Database>,
  principal: Principal,
  plans: PlanUnit[],
  code: ErrorCode,
  field: string,
): Promise<void> {
  const plan = plans[0];
  if (!plan) return;
  const refusal = await planWriteRefusal(db, principal.scope, plan);
  if (refusal === 'unknown') throw new DomainError(code, { field });
  if (refusal === 'forbidden') throw forbidden();
}

/** Why a write to this plan is refused: out of sight (`unknown`), or seen but not writable. */
async function planWriteRefusal(
  db: Kysely<Database>,
  scope: Scope,
  plan: PlanUnit,
): Promise<'unknown' | 'forbidden' | null> {
  if (!canRead(scope, plan)) return 'unknown';
  if (scope.level !== 'commune') return null;
  const covers = await db
    .selectFrom('plan_commune')
    .select('commune_id')
    .where('plan_id', '=', plan.planId)
    .where('commune_id', '=', scope.communeId!)
    .executeTakeFirst();
  return covers ? null : 'forbidden';
}

/**
 * Would a write to this plan (a row already read) pass the scope check its mutation makes? For
 * fields that tell the caller what it may do; a query only for a commune officer's coverage.
 */
export async function canWritePlan(
  db: Kysely<Database>,
  principal: Principal,
  plan: { id: number; province_id: number; district_id: number | null },
): Promise<boolean> {
  if (principal.scope.level === 'all') return true;
  const unit = {
    planId: plan.id,
    provinceId: plan.province_id,
    districtId: plan.district_id,
    communeId: null,
  };
  return (await planWriteRefusal(db, principal.scope, unit)) === null;
}

async function communeUnits(db: Kysely<Database>, ids: number[], projectId?: number): Promise<Unit[]> {
  let query = db.selectFrom('commune').select(['commune.id', 'commune.province_id', 'commune.district_id']);
  query =
    projectId === undefined
      ? query.where('commune.id', 'in', ids)
      : query.innerJoin('project', 'project.commune_id', 'commune.id').where('project.id', '=', projectId);
  const rows = await query.execute();
  return rows.map((r) => ({ provinceId: r.province_id, districtId: r.district_id, communeId: r.id }));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The plans (or communes) the audited changes belong to. */
async function auditUnits(
  db: Kysely<Database>,
  target: { auditEntry: string | number | null | undefined } | { batch: string | null | undefined },
  decode: Decode,
): Promise<Unit[]> {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('plan', 'plan.id', 'audit_log.plan_id')
    .leftJoin('commune', 'commune.id', 'audit_log.commune_id')
    .select([
      'plan.province_id as plan_province',
      'plan.district_id as plan_district',
      'commune.province_id as commune_province',
      'commune.district_id as commune_district',
      'commune.id as commune_id',
    ]);
  if ('auditEntry' in target) {
    const id =
      target.auditEntry === null || target.auditEntry === undefined
        ? null
        : decode(target.auditEntry, 'AuditEntry');
    if (id === null) return [];
    query = query.where('audit_log.id', '=', BigInt(id));
  } else {
    if (!target.batch || !UUID.test(target.batch)) return [];
    query = query.where('audit_log.batch_id', '=', target.batch);
  }
  const rows = await query.execute();
  return rows.map((r) =>
    r.plan_province !== null
      ? { provinceId: r.plan_province, districtId: r.plan_district, communeId: null }
      : r.commune_province !== null
        ? { provinceId: r.commune_province, districtId: r.commune_district, communeId: r.commune_id }
        : // A change tied to no plan and no commune (a district's status) is the admin's or province's.
          { provinceId: -1, districtId: null, communeId: null },
  );
}
