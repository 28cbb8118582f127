// Pure helpers of the optimizer screen: proposal cells as grid rows, the planner's selection as
// the cells to accept, and how a MIP gap reads.
import type { OptimizationFieldsFragment } from '@ntm/graphql-client';

type ProposalCell = NonNullable<OptimizationFieldsFragment['proposal']>['cells'][number];

export interface ProposalRow {
  id: string;
  communeId: string;
  criterionId: string;
  sourceId: string;
  communeName: string;
  criterionNumber: number;
  sourceCode: string;
  sourceName: string;
  current: bigint;
  proposed: bigint;
}

export function rowIdOf(cell: { communeId: string; criterionId: string; sourceId: string }): string {
  return `${cell.communeId}|${cell.criterionId}|${cell.sourceId}`;
}

/** Money arrives as digit strings (exact đồng); rows carry bigint. Ordered by commune, criterion, source. */
export function toProposalRows(cells: readonly ProposalCell[]): ProposalRow[] {
  return cells
    .map((cell) => ({
      id: rowIdOf(cell),
      communeId: cell.communeId,
      criterionId: cell.criterionId,
      sourceId: cell.sourceId,
      communeName: cell.communeName,
      criterionNumber: cell.criterionNumber,
      sourceCode: cell.sourceCode,
      sourceName: cell.sourceName,
      current: BigInt(cell.current),
      proposed: BigInt(cell.proposed),
    }))
    .sort(
      (a, b) =>
        a.communeName.localeCompare(b.communeName, 'vi') ||
        a.criterionNumber - b.criterionNumber ||
        a.sourceCode.localeCompare(b.sourceCode),
    );
}

/** The cells to accept, in the API's shape; rows not selected are left out. */
export function toAcceptedCells(rows: readonly ProposalRow[], selected: ReadonlySet<string>) {
  return rows
    .filter((row) => selected.has(row.id))
    .map(({ communeId, criterionId, sourceId }) => ({ communeId, criterionId, sourceId }));
}

/** Whether every, some or none of a commune's proposed cells are selected (for its checkbox). */
export function communeSelection(
  rows: readonly ProposalRow[],
  selected: ReadonlySet<string>,
  communeId: string,
): 'all' | 'some' | 'none' {
  const own = rows.filter((row) => row.communeId === communeId);
  const chosen = own.filter((row) => selected.has(row.id)).length;
  if (own.length === 0 || chosen === 0) return 'none';
  return chosen === own.length ? 'all' : 'some';
}

/** Relative gap as a percentage with up to 2 decimals in the reader's convention ("0,5 %"). */
export function formatGap(gap: number, locale: 'vi' | 'en'): string {
  const percent = Math.round(gap * 10_000) / 100;
  const text = percent.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 2 });
  return `${text} %`;
}
