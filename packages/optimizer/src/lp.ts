// The MIP in CPLEX LP format, as HiGHS reads it.
//
//   z_c ∈ {0,1}: target commune c reaches the standard; x_c_j_s ≥ 0: new money from source s on
//   criterion j of commune c (only for unmet criteria of candidate targets, only eligible sources).
//   need      Σ_s x_c_j_s = remaining_c_j · z_c   (fully funded when reached, nothing otherwise:
//             money never goes to met criteria nor is spread over communes that will not make it)
//   cap       Σ x_·_·_s ≤ capLeft_s               (no debt)
//   own cap   Σ_j x_c_j_s ≤ communeCapLeft_c_s    (a commune's own budget)
//   counterpart  Σ_j Σ_{k∈K} x_c_j_k − share·Σ_j x_c_j_s ≥ (share·kept_c_s − kept_c_K)·z_c
// The objective is lexicographic, solved as three models over the same rows:
//   1. reach   maximize Σ_c priority_c · z_c (integer-valued, so an absolute gap below 1 is optimal)
//   2. spend   with Σ_c priority_c · z_c ≥ the stage-1 optimum, minimize Σ_c remaining_c · z_c
//   3. sources with the reached set fixed (z = 1, others out), an LP that minimizes money from
//              sources every commune may use, so restricted money (Program 135, own budgets) is
//              spent first and flexible money stays available — which also keeps the shortfall
//              reported for the others as small as it can be.
//
// Unit: money is written in triệu đồng (10^6 đồng) with six decimals, i.e. exact to the đồng;
// the scale keeps coefficients near 1 for the solver's tolerances. `integerize.ts` turns the
// solver's doubles back into exact đồng.
import type { Prepared } from './prepare.ts';
import { needId } from './prepare.ts';

const UNIT = 1_000_000n;

export function toUnits(amount: bigint): string {
  const sign = amount < 0n ? '-' : '';
  const abs = amount < 0n ? -amount : amount;
  const fraction = (abs % UNIT).toString().padStart(6, '0').replace(/0+$/, '');
  return `${sign}${abs / UNIT}${fraction ? `.${fraction}` : ''}`;
}

/** Solver value (triệu đồng) → đồng, rounded down so rounding never adds money. */
export function fromUnits(value: number): bigint {
  if (!(value > 0)) return 0n;
  return BigInt(Math.floor(value * 1_000_000 + 1e-6));
}

export const xName = (communeId: number, criterionId: number, sourceId: number) =>
  `x${communeId}_${criterionId}_${sourceId}`;
export const zName = (communeId: number) => `z${communeId}`;

export function parseXName(
  name: string,
): { communeId: number; criterionId: number; sourceId: number } | null {
  const match = /^x(\d+)_(\d+)_(\d+)$/.exec(name);
  if (!match) return null;
  return { communeId: Number(match[1]), criterionId: Number(match[2]), sourceId: Number(match[3]) };
}

function formatShare(basisPoints: number): string {
  return (basisPoints / 10_000).toString();
}

export type Stage =
  | { kind: 'reach' }
  | { kind: 'spend'; minWeight: number }
  | { kind: 'sources'; reached: ReadonlySet<number> };

export function buildLp(prepared: Prepared, stage: Stage): string {
  const reached = stage.kind === 'sources' ? stage.reached : undefined;
  const candidates = reached
    ? prepared.candidates.filter((c) => reached.has(c.commune.id))
    : prepared.candidates;
  const flexible = new Set(
    prepared.input.sources
      .filter(
        (s) => !s.communeCaps && !s.eligibility.communeFlags?.length && !s.eligibility.communeKinds?.length,
      )
      .map((s) => s.id),
  );

  const objective: string[] = [];
  const rows: string[] = [];
  const binaries: string[] = [];
  const bySource = new Map<number, string[]>();

  const keptByCommuneSource = new Map<string, bigint>();
  for (const cell of prepared.kept) {
    const key = needId(cell.communeId, cell.sourceId);
    keptByCommuneSource.set(key, (keptByCommuneSource.get(key) ?? 0n) + cell.amount);
  }

  for (const candidate of candidates) {
    const c = candidate.commune.id;
    const z = zName(c);
    if (!reached) binaries.push(z);
    if (stage.kind === 'reach') objective.push(`+ ${candidate.commune.priority} ${z}`);
    if (stage.kind === 'spend') objective.push(`+ ${toUnits(candidate.remaining)} ${z}`);
    // In the second stage z is the constant 1: its terms move to the right-hand side.
    const zTerm = (amount: bigint, sign: '-' | '+') => (reached ? '' : ` ${sign} ${toUnits(amount)} ${z}`);
    const zRhs = (amount: bigint) => (reached ? toUnits(amount) : '0');
    const byCommuneSource = new Map<number, string[]>();
    for (const need of candidate.needs) {
      const terms = candidate.sourceIds.map((s) => {
        const x = xName(c, need.criterionId, s);
        (bySource.get(s) ?? bySource.set(s, []).get(s)!).push(x);
        (byCommuneSource.get(s) ?? byCommuneSource.set(s, []).get(s)!).push(x);
        if (reached && flexible.has(s)) objective.push(`+ ${x}`);
        return `+ ${x}`;
      });
      rows.push(
        ` n${c}_${need.criterionId}: ${terms.join(' ')}${zTerm(need.remaining, '-')} = ${zRhs(need.remaining)}`,
      );
    }
    for (const s of candidate.sourceIds) {
      const own = prepared.communeCapLeft.get(needId(c, s));
      if (own !== undefined) {
        rows.push(
          ` o${c}_${s}: ${byCommuneSource
            .get(s)!
            .map((x) => `+ ${x}`)
            .join(' ')} <= ${toUnits(own)}`,
        );
      }
    }
    for (const rule of prepared.input.counterparts) {
      const main = byCommuneSource.get(rule.sourceId);
      if (!main) continue;
      const share = formatShare(rule.minShareBasisPoints);
      const counterpartTerms = rule.counterpartSourceIds.flatMap((k) => byCommuneSource.get(k) ?? []);
      const keptMain = keptByCommuneSource.get(needId(c, rule.sourceId)) ?? 0n;
      const keptCounterpart = rule.counterpartSourceIds.reduce(
        (sum, k) => sum + (keptByCommuneSource.get(needId(c, k)) ?? 0n),
        0n,
      );
      // share·keptMain − keptCounterpart, exact in đồng: basis points keep it integral ×10 000.
      const rhs = (BigInt(rule.minShareBasisPoints) * keptMain - 10_000n * keptCounterpart) / 10_000n;
      const terms = [...counterpartTerms.map((x) => `+ ${x}`), ...main.map((x) => `- ${share} ${x}`)];
      const zPart = rhs === 0n ? '' : zTerm(rhs > 0n ? rhs : -rhs, rhs > 0n ? '-' : '+');
      rows.push(` p${c}_${rule.sourceId}: ${terms.join(' ')}${zPart} >= ${reached ? toUnits(rhs) : '0'}`);
    }
  }
  if (stage.kind === 'spend') {
    rows.push(
      ` reach: ${binaries.map((z, i) => `+ ${candidates[i]!.commune.priority} ${z}`).join(' ')} >= ${stage.minWeight}`,
    );
  }
  for (const [s, xs] of bySource) {
    rows.push(` cap${s}: ${xs.map((x) => `+ ${x}`).join(' ')} <= ${toUnits(prepared.capLeft.get(s) ?? 0n)}`);
  }

  return [
    stage.kind === 'reach' ? 'Maximize' : 'Minimize',
    ` obj: ${objective.length > 0 ? objective.join(' ') : '0'}`,
    'Subject To',
    ...rows,
    ...(binaries.length > 0 ? ['Binaries', ` ${binaries.join(' ')}`] : []),
    'End',
    '',
  ].join('\n');
}
