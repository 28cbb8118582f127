// Criteria sets (QĐ 318 for 2021–2025, QĐ 51/2025 for 2026–2030, provincial variants) are data
// from the database; nothing here knows how many criteria a set has or what they are called.

export type NtmLevel = 'dat_chuan' | 'nang_cao' | 'kieu_mau';

export const NTM_LEVELS: readonly NtmLevel[] = ['dat_chuan', 'nang_cao', 'kieu_mau'];

export type ProgressSummary = {
  met: number;
  total: number;
  /** met / total, 0 for an empty set. For display only: decisions use `reachesStandard`. */
  ratio: number;
  reachesStandard: boolean;
  unmetCriterionIds: number[];
};

export function summarizeProgress(
  criterionIds: readonly number[],
  metCriterionIds: ReadonlySet<number>,
): ProgressSummary {
  const unique = [...new Set(criterionIds)];
  const unmetCriterionIds = unique.filter((id) => !metCriterionIds.has(id));
  const total = unique.length;
  const met = total - unmetCriterionIds.length;
  return {
    met,
    total,
    ratio: total === 0 ? 0 : met / total,
    // An empty set is a data error, not an achievement.
    reachesStandard: total > 0 && met === total,
    unmetCriterionIds,
  };
}
