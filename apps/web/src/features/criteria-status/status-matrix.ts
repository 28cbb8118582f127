// View model of the criteria status matrix: which unit meets which criterion, with optimistic
// changes laid over the server's answer, and the progress counts derived from the result.
// Pure so the counting is unit-tested in node.
import type { CriteriaStatusMatrixQuery } from '@ntm/graphql-client';
import type { Locale } from '../../i18n/locale';

export type MatrixPlan = NonNullable<CriteriaStatusMatrixQuery['plan']>;

/** Identifies one status: a commune or district id plus a criterion id. */
export function statusKey(unitId: string, criterionId: string): string {
  return `${unitId}|${criterionId}`;
}

export type CriterionColumn = { id: string; number: number; name: string; groupId: string | null };
export type CriteriaGroupColumn = { id: string; code: string; name: string; criteria: CriterionColumn[] };

export type MatrixRow = {
  communeId: string;
  name: string;
  isTarget: boolean;
  isProgram135: boolean;
  deadline: string | null;
  /** criterion id → met; a criterion never assessed is absent (counts as not met). */
  isMet: Record<string, boolean>;
  metCount: number;
  total: number;
  reachesStandard: boolean;
};

/** What the screen shows for one status: the value and whether a save is still in flight. */
export type PendingChanges = ReadonlyMap<string, boolean>;

type StatusList = ReadonlyArray<{ isMet: boolean; criterion: { id: string } }>;

function toMetMap(
  unitId: string,
  statuses: StatusList,
  pending: PendingChanges,
  criteria: CriterionColumn[],
) {
  const isMet: Record<string, boolean> = {};
  for (const status of statuses) isMet[status.criterion.id] = status.isMet;
  for (const criterion of criteria) {
    const optimistic = pending.get(statusKey(unitId, criterion.id));
    if (optimistic !== undefined) isMet[criterion.id] = optimistic;
  }
  const metCount = criteria.filter((criterion) => isMet[criterion.id] === true).length;
  return { isMet, metCount };
}

export function toCriterionColumns(
  criteria: ReadonlyArray<{
    id: string;
    number: number;
    nameVi: string;
    nameEn: string;
    groupId?: string | null;
  }>,
  locale: Locale,
): CriterionColumn[] {
  return [...criteria]
    .sort((a, b) => a.number - b.number)
    .map((criterion) => ({
      id: criterion.id,
      number: criterion.number,
      name: locale === 'vi' ? criterion.nameVi : criterion.nameEn,
      groupId: criterion.groupId ?? null,
    }));
}

/** Criteria under their groups in group order; criteria without a group come last in one group. */
export function groupCriteria(
  plan: MatrixPlan,
  criteria: CriterionColumn[],
  locale: Locale,
): CriteriaGroupColumn[] {
  const groups = [...plan.criteriaSet.groups].sort((a, b) => a.position - b.position);
  const result: CriteriaGroupColumn[] = groups.map((group) => ({
    id: group.id,
    code: group.code,
    name: locale === 'vi' ? group.nameVi : group.nameEn,
    criteria: criteria.filter((criterion) => criterion.groupId === group.id),
  }));
  const known = new Set(groups.map((group) => group.id));
  const orphans = criteria.filter((criterion) => criterion.groupId === null || !known.has(criterion.groupId));
  if (orphans.length > 0) result.push({ id: '', code: '', name: '', criteria: orphans });
  return result.filter((group) => group.criteria.length > 0);
}

export function toMatrixRows(
  plan: MatrixPlan,
  criteria: CriterionColumn[],
  pending: PendingChanges,
): MatrixRow[] {
  return plan.communes.map(({ commune, isTarget, deadline }) => {
    const { isMet, metCount } = toMetMap(commune.id, commune.criteriaStatus, pending, criteria);
    return {
      communeId: commune.id,
      name: commune.name,
      isTarget,
      isProgram135: commune.isProgram135,
      deadline,
      isMet,
      metCount,
      total: criteria.length,
      reachesStandard: criteria.length > 0 && metCount === criteria.length,
    };
  });
}

/** criterion id → how many of the rows meet it. */
export function countByCriterion(
  rows: readonly MatrixRow[],
  criteria: CriterionColumn[],
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const criterion of criteria) {
    counts[criterion.id] = rows.filter((row) => row.isMet[criterion.id] === true).length;
  }
  return counts;
}

export type DistrictStatus = {
  districtId: string;
  name: string;
  criteria: Array<CriterionColumn & { isMet: boolean }>;
  metCount: number;
  total: number;
};

export function toDistrictStatus(
  plan: MatrixPlan,
  locale: Locale,
  pending: PendingChanges,
): DistrictStatus | null {
  if (!plan.district || !plan.districtCriteriaSet) return null;
  const criteria = toCriterionColumns(plan.districtCriteriaSet.criteria, locale);
  const { isMet, metCount } = toMetMap(plan.district.id, plan.district.criteriaStatus, pending, criteria);
  return {
    districtId: plan.district.id,
    name: plan.district.name,
    criteria: criteria.map((criterion) => ({ ...criterion, isMet: isMet[criterion.id] === true })),
    metCount,
    total: criteria.length,
  };
}

/** The plan with one status replaced by the server's answer (unit = commune or district). */
export function applyStatus(
  plan: MatrixPlan,
  unitId: string,
  status: { isMet: boolean; version: number; criterion: { id: string } },
): MatrixPlan {
  const replace = (statuses: MatrixPlan['communes'][number]['commune']['criteriaStatus']) => {
    const others = statuses.filter((existing) => existing.criterion.id !== status.criterion.id);
    return [...others, status];
  };
  if (plan.district && plan.district.id === unitId) {
    return { ...plan, district: { ...plan.district, criteriaStatus: replace(plan.district.criteriaStatus) } };
  }
  return {
    ...plan,
    communes: plan.communes.map((entry) =>
      entry.commune.id === unitId
        ? { ...entry, commune: { ...entry.commune, criteriaStatus: replace(entry.commune.criteriaStatus) } }
        : entry,
    ),
  };
}
