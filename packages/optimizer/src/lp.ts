// The MIP in CPLEX LP format, as HiGHS reads it.
//
//   z_c ∈ {0,1}: target commune c reaches the standard; x_c_j_s ≥ 0: new money from source s on
//   criterion j of commune c (only for unmet criteria of candidate targets, only eligible sources).
//   need      Σ_s x_c_j_s = remaining_c_j · z_c   (fully funded when reached, nothing otherwise:
//             money never goes to met criteria nor is spread over communes that will not make it)
//   cap       Σ x_·_·_s ≤ capLeft_s               (no debt)
//   own cap   Σ_j x_c_j_s ≤ communeCapLeft_c_s    (a commune's own budget)
//   counterpart  Σ_j Σ_{k∈K} x_c_j_k − share·Σ_j x_c_j_s ≥ (share·kept_c_s − kept_c_K)·z_c
//   maximize  Σ_c (priority_c − remaining_c / (2·(T + 1))) · z_c,  T = Σ remaining
// The spend term sums to less than ½ over all communes, so with integer priorities it only breaks
// ties: more priority-weighted communes first, then the cheaper set.
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

/**
 * `reached` given: the second stage. The reached set is fixed (z = 1, other candidates out) and
 * the LP only decides which sources pay: it minimizes money taken from sources every commune may
 * use, so restricted money (Program 135, own budgets) is spent first and flexible money stays
 * available — which also makes the shortfall reported for the others as small as it can be.
 */
export function buildLp(prepared: Prepared, reached?: ReadonlySet<number>): string {
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
  const total = candidates.reduce((sum, c) => sum + c.remaining, 0n);
  const denominator = Number(total / UNIT + 1n) * 2;

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
    if (!reached) {
      binaries.push(z);
      const penalty = Number(candidate.remaining) / 1e6 / denominator;
      objective.push(`+ ${candidate.commune.priority - penalty} ${z}`);
    }
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
  for (const [s, xs] of bySource) {
    rows.push(` cap${s}: ${xs.map((x) => `+ ${x}`).join(' ')} <= ${toUnits(prepared.capLeft.get(s) ?? 0n)}`);
  }

  return [
    reached ? 'Minimize' : 'Maximize',
    ` obj: ${objective.length > 0 ? objective.join(' ') : '0'}`,
    'Subject To',
    ...rows,
    ...(binaries.length > 0 ? ['Binaries', ` ${binaries.join(' ')}`] : []),
    'End',
    '',
  ].join('\n');
}
