// Per-request batching: every relation resolves through one of these, so a request's SQL
// statement count stays bounded however many objects it touches.
import type {
  Commune,
  CommuneConsultation,
  CriteriaGroup,
  CriteriaSet,
  Criterion,
  Database,
  District,
  FundingSource,
  Indicator,
  Plan,
  PlanTransition,
  Project,
  Province,
} from '@ntm/db';
import DataLoader from 'dataloader';
import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Principal } from './auth/principal.ts';
import { visible } from './auth/scope.ts';

type Table = 'province' | 'district' | 'commune' | 'criteria_set' | 'criterion' | 'funding_source' | 'plan';

function byId<T extends { id: number }>(
  db: Kysely<Database>,
  table: Table,
  inScope?: () => Expression<SqlBool>,
) {
  return new DataLoader<number, T | null>(async (ids) => {
    let query = db
      .selectFrom(table)
      .selectAll()
      .where('id', 'in', [...ids]);
    // Outside the caller's scope a row loads as null, exactly like an id that does not exist.
    if (inScope) query = query.where(inScope());
    const rows = (await query.execute()) as unknown as T[];
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

function groupedBy<T, K extends number>(load: (keys: readonly K[]) => Promise<T[]>, keyOf: (row: T) => K) {
  return new DataLoader<K, T[]>(async (keys) => {
    const rows = await load(keys);
    const map = new Map<K, T[]>();
    for (const row of rows) {
      const list = map.get(keyOf(row));
      if (list) list.push(row);
      else map.set(keyOf(row), [row]);
    }
    return keys.map((k) => map.get(k) ?? []);
  });
}

export function createLoaders(db: Kysely<Database>, principal: () => Principal | null) {
  return {
    province: byId<Province>(db, 'province', () => visible.province(principal())),
    district: byId<District>(db, 'district', () => visible.district(principal())),
    commune: byId<Commune>(db, 'commune', () => visible.commune(principal())),
    criteriaSet: byId<CriteriaSet>(db, 'criteria_set'),
    criterion: byId<Criterion>(db, 'criterion'),
    fundingSource: byId<FundingSource>(db, 'funding_source'),
    plan: byId<Plan>(db, 'plan', () => visible.plan(principal())),
    criteriaBySet: groupedBy(
      (ids: readonly number[]) =>
        db
          .selectFrom('criterion')
          .selectAll()
          .where('criteria_set_id', 'in', [...ids])
          .orderBy('number')
          .execute(),
      (c: Criterion) => c.criteria_set_id,
    ),
    groupsBySet: groupedBy(
      (ids: readonly number[]) =>
        db
          .selectFrom('criteria_group')
          .selectAll()
          .where('criteria_set_id', 'in', [...ids])
          .orderBy('position')
          .execute(),
      (g: CriteriaGroup) => g.criteria_set_id,
    ),
    indicatorsByCriterion: groupedBy(
      (ids: readonly number[]) =>
        db
          .selectFrom('indicator')
          .selectAll()
          .where('criterion_id', 'in', [...ids])
          .orderBy('id')
          .execute(),
      (i: Indicator) => i.criterion_id,
    ),
    projectsByCommune: groupedBy(
      (ids: readonly number[]) =>
        db
          .selectFrom('project')
          .selectAll()
          .where('commune_id', 'in', [...ids])
          .orderBy('id')
          .execute(),
      (p: Project) => p.commune_id,
    ),
    statusesByCommune: groupedBy(
      (ids: readonly number[]) =>
        db
          .selectFrom('criterion_status')
          .selectAll()
          .where('commune_id', 'in', [...ids])
          .execute(),
      (s) => s.commune_id,
    ),
    statusesByDistrict: groupedBy(
      (ids: readonly number[]) =>
        db
          .selectFrom('district_criterion_status')
          .selectAll()
          .where('district_id', 'in', [...ids])
          .execute(),
      (s) => s.district_id,
    ),
    allFundingSources: new DataLoader<'all', FundingSource[]>(async (keys) => {
      const rows = await db.selectFrom('funding_source').selectAll().orderBy('position').execute();
      return keys.map(() => rows);
    }),
    transitionsByPlan: groupedBy(
      (ids: readonly number[]) =>
        db
          .selectFrom('plan_transition')
          .selectAll()
          .where('plan_id', 'in', [...ids])
          .orderBy('id')
          .execute(),
      (t: PlanTransition) => t.plan_id,
    ),
    revisionsByPlan: groupedBy(
      (ids: readonly number[]) =>
        db
          .selectFrom('plan')
          .selectAll()
          .where('previous_revision_id', 'in', [...ids])
          .orderBy('id')
          .execute(),
      (p: Plan) => p.previous_revision_id!,
    ),
    consultationsByPlan: groupedBy(
      (ids: readonly number[]) =>
        db
          .selectFrom('commune_consultation')
          .innerJoin('commune', 'commune.id', 'commune_consultation.commune_id')
          .selectAll('commune_consultation')
          .where('plan_id', 'in', [...ids])
          .orderBy('commune.search_key')
          .execute(),
      (c: CommuneConsultation) => c.plan_id,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Loads nodes by global-ID payloads for Relay's node(id); anything missing or failing is null. */
export async function loadNodes<T>(
  loader: DataLoader<number, T | null>,
  ids: readonly string[],
): Promise<(T | null)[]> {
  const rows = await loader.loadMany(ids.map(Number));
  return rows.map((row) => (row instanceof Error ? null : row));
}
