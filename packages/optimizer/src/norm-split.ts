// Norm-based split: one source's total divided among communes by category coefficients, as the
// allocation norms do (the 2026–2030 template: Zone III / ATK / border / island 50, Zone II 40,
// Zone I 30, other communes 25; a commune in several groups takes only the highest).
//
// Rounding rule (largest remainder, exact to the đồng): each share is ⌊total·w/W⌋; the đồng left
// over go one each to the largest remainders (total·w mod W), ties to the earlier commune in the
// given order. Shares therefore sum exactly to the total and differ from the exact quota by < 1 đồng.
// Inside a commune the share is spread over its unmet criteria by their remaining cost with the
// same rule (equally when none is costed), because plan cells are per criterion.
import type { CommuneFlags, EligibilityFlag } from '@ntm/domain';
import type { OptimizerCell, OptimizerCommune, ProposalCell } from './model.ts';
import { cellId } from './prepare.ts';

export interface NormRule {
  /** The rule applies when the commune has ANY of these flags… */
  flags?: EligibilityFlag[];
  /** …or is in this ethnic-minority zone. */
  ethnicZone?: 'I' | 'II' | 'III';
  coefficient: number;
}

export interface NormTable {
  code: string;
  nameVi: string;
  nameEn: string;
  rules: NormRule[];
  otherCoefficient: number;
}

/** Data, not logic: a new decision adds a table. Source: vietnam.vn on the 2026–2030 allocation decision. */
export const NORM_TABLES: readonly NormTable[] = [
  {
    code: 'ntm-2026-2030',
    nameVi: 'Định mức phân bổ 2026–2030',
    nameEn: '2026–2030 allocation norms',
    rules: [
      { flags: ['zoneIII', 'atk', 'border', 'island'], coefficient: 50 },
      { ethnicZone: 'II', coefficient: 40 },
      { ethnicZone: 'I', coefficient: 30 },
    ],
    otherCoefficient: 25,
  },
];

const FLAG_OF: Record<EligibilityFlag, (c: CommuneFlags) => boolean> = {
  program135: (c) => c.isProgram135,
  atk: (c) => c.isAtk,
  border: (c) => c.isBorder,
  island: (c) => c.isIsland,
  zoneIII: (c) => c.ethnicZone === 'III',
};

export function normCoefficient(table: NormTable, flags: CommuneFlags): number {
  const matching = table.rules
    .filter(
      (rule) =>
        (rule.flags?.some((flag) => FLAG_OF[flag](flags)) ?? false) ||
        (rule.ethnicZone !== undefined && rule.ethnicZone === flags.ethnicZone),
    )
    .map((rule) => rule.coefficient);
  return Math.max(table.otherCoefficient, ...matching);
}

/** Largest-remainder apportionment of `total` by non-negative integer weights (see header). */
export function apportion(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (weights.length === 0) return [];
  if (sum === 0n)
    return apportion(
      total,
      weights.map(() => 1n),
    );
  const shares = weights.map((w) => (total * w) / sum);
  const remainders = weights.map((w, index) => ({ index, remainder: (total * w) % sum }));
  let left = total - shares.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) =>
    b.remainder > a.remainder ? 1 : b.remainder < a.remainder ? -1 : a.index - b.index,
  );
  for (const { index } of remainders) {
    if (left === 0n) break;
    shares[index]! += 1n;
    left -= 1n;
  }
  return shares;
}

export interface NormSplitInput {
  total: bigint;
  sourceId: number;
  table: NormTable;
  /** Communes sharing the total, in display order (ties in rounding go to the earlier one). */
  communes: OptimizerCommune[];
  /** Unmet criteria of those communes with their remaining cost (0 when uncosted). */
  unmet: Array<{ communeId: number; criterionId: number; cost: bigint }>;
  /** The plan's current non-zero cells (all sources). */
  allocations: OptimizerCell[];
}

export interface NormSplitResult {
  shares: Array<{ communeId: number; coefficient: number; amount: bigint }>;
  /** Cells of the split source whose amount changes; the source's other cells go to 0. */
  cells: ProposalCell[];
  total: bigint;
}

export function splitByNorm(input: NormSplitInput): NormSplitResult {
  const communes = input.communes.filter((c) => input.unmet.some((u) => u.communeId === c.id));
  const coefficients = communes.map((c) => normCoefficient(input.table, c.flags));
  const amounts = apportion(
    input.total,
    coefficients.map((w) => BigInt(w)),
  );
  const proposed = new Map<string, OptimizerCell>();
  communes.forEach((commune, index) => {
    const unmet = input.unmet.filter((u) => u.communeId === commune.id);
    const parts = apportion(
      amounts[index]!,
      unmet.map((u) => u.cost),
    );
    unmet.forEach((u, i) => {
      const amount = parts[i]!;
      if (amount > 0n) {
        proposed.set(cellId(commune.id, u.criterionId, input.sourceId), {
          communeId: commune.id,
          criterionId: u.criterionId,
          sourceId: input.sourceId,
          amount,
        });
      }
    });
  });
  const current = new Map(
    input.allocations
      .filter((cell) => cell.sourceId === input.sourceId && cell.amount !== 0n)
      .map((cell) => [cellId(cell.communeId, cell.criterionId, cell.sourceId), cell]),
  );
  const cells: ProposalCell[] = [];
  for (const key of new Set([...current.keys(), ...proposed.keys()])) {
    const before = current.get(key);
    const after = proposed.get(key);
    const cell = (before ?? after)!;
    if ((before?.amount ?? 0n) !== (after?.amount ?? 0n)) {
      cells.push({
        communeId: cell.communeId,
        criterionId: cell.criterionId,
        sourceId: cell.sourceId,
        current: before?.amount ?? 0n,
        proposed: after?.amount ?? 0n,
      });
    }
  }
  cells.sort((a, b) => a.communeId - b.communeId || a.criterionId - b.criterionId);
  return {
    shares: communes.map((c, index) => ({
      communeId: c.id,
      coefficient: coefficients[index]!,
      amount: amounts[index]!,
    })),
    cells,
    total: input.total,
  };
}
