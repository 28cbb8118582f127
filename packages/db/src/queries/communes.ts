import { toSearchKey } from '@ntm/domain';
import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Commune, Database } from '../schema.ts';

export interface CommuneFilter {
  provinceId?: number | undefined;
  districtId?: number | undefined;
  isProgram135?: boolean | undefined;
  /** Only communes that are targets (`is_target`) of this plan. */
  targetedInPlanId?: number | undefined;
  /** Free text; every word must appear in the diacritic-free name. */
  search?: string | undefined;
  ids?: readonly number[] | undefined;
  /** The caller's access scope as a condition on `commune` (the API's row-level filter). */
  inScope?: Expression<SqlBool> | undefined;
}

export interface KeysetPage {
  limit: number;
  /** Return rows with an id greater than this (the last id of the previous page). */
  afterId?: number | undefined;
  /** Return rows with an id smaller than this (paging backwards). */
  beforeId?: number | undefined;
  /** Newest ids first; used to read the last page of a backwards page request. */
  descending?: boolean | undefined;
}

/** Communes matching every given filter, ordered by id, one keyset page at a time. */
export async function findCommunes(
  db: Kysely<Database>,
  filter: CommuneFilter,
  page: KeysetPage,
): Promise<Commune[]> {
  if (filter.ids?.length === 0) return [];
  let query = db.selectFrom('commune').selectAll();
  if (filter.inScope) query = query.where(filter.inScope);
  if (filter.provinceId !== undefined) query = query.where('province_id', '=', filter.provinceId);
  if (filter.districtId !== undefined) query = query.where('district_id', '=', filter.districtId);
  if (filter.isProgram135 !== undefined) query = query.where('is_program135', '=', filter.isProgram135);
  if (filter.ids !== undefined) query = query.where('id', 'in', [...filter.ids]);
  if (filter.targetedInPlanId !== undefined) {
    const planId = filter.targetedInPlanId;
    query = query.where('id', 'in', (eb) =>
      eb
        .selectFrom('plan_commune')
        .select('commune_id')
        .where('plan_id', '=', planId)
        .where('is_target', '=', true),
    );
  }
  for (const word of toSearchKey(filter.search ?? '').split(' ')) {
    if (word) query = query.where('search_key', 'like', `%${escapeLike(word)}%`);
  }
  if (page.afterId !== undefined) query = query.where('id', '>', page.afterId);
  if (page.beforeId !== undefined) query = query.where('id', '<', page.beforeId);
  return query
    .orderBy('id', page.descending ? 'desc' : 'asc')
    .limit(page.limit)
    .execute();
}

/** `like` treats % and _ as wildcards and \ as the escape character. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}
