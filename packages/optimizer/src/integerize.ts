// From the solver's doubles to exact đồng.
//
// Rounding rule: every solver amount is rounded DOWN to the đồng and clipped to its criterion's
// remaining need; each source's total is then checked against its exact bigint cap left and
// trimmed if a tolerance crept in. The few đồng each criterion is then short are filled from the
// commune's eligible sources that still have cap left (counterpart sources first, then in source
// order). Caps are enforced in bigint at every step, so rounding can never exceed a cap. A commune
// that cannot be completed exactly (only possible through solver tolerances) is dropped and its
// money released.
import type { Candidate, Prepared } from './prepare.ts';
import { needId } from './prepare.ts';

/** Smallest of some amounts (Math.min does not take bigint). */
export function minMoney(first: bigint, ...rest: bigint[]): bigint {
  let least = first;
  for (const value of rest) if (value < least) least = value;
  return least;
}

export interface Placement {
  communeId: number;
  criterionId: number;
  sourceId: number;
  amount: bigint;
}

export interface Ledger {
  capLeft: Map<number, bigint>;
  communeCapLeft: Map<string, bigint>;
}

export function openLedger(prepared: Prepared): Ledger {
  return { capLeft: new Map(prepared.capLeft), communeCapLeft: new Map(prepared.communeCapLeft) };
}

/** What source s can still give commune c. */
export function roomFor(ledger: Ledger, communeId: number, sourceId: number): bigint {
  const room = ledger.capLeft.get(sourceId) ?? 0n;
  const own = ledger.communeCapLeft.get(needId(communeId, sourceId));
  return own === undefined || own > room ? room : own;
}

export function take(ledger: Ledger, placement: Placement, sign: 1n | -1n = 1n): void {
  const delta = placement.amount * sign;
  ledger.capLeft.set(placement.sourceId, (ledger.capLeft.get(placement.sourceId) ?? 0n) - delta);
  const key = needId(placement.communeId, placement.sourceId);
  const own = ledger.communeCapLeft.get(key);
  if (own !== undefined) ledger.communeCapLeft.set(key, own - delta);
}

/**
 * Sources to fill a gap from: counterpart sources first (they can only help counterpart rules),
 * then restricted money (own budgets, eligibility rules) before money any commune could use.
 */
export function fillOrder(prepared: Prepared, candidate: Candidate): number[] {
  const counterparts = new Set(prepared.input.counterparts.flatMap((r) => r.counterpartSourceIds));
  const restricted = new Set(
    prepared.input.sources
      .filter(
        (s) => s.communeCaps || s.eligibility.communeFlags?.length || s.eligibility.communeKinds?.length,
      )
      .map((s) => s.id),
  );
  const rank = (s: number) => (counterparts.has(s) ? 0 : restricted.has(s) ? 1 : 2);
  return [...candidate.sourceIds].sort((a, b) => rank(a) - rank(b));
}

/** Fully funds one commune from `amounts` (solver hints) and fills gaps; null when it cannot. */
export function placeCommune(
  prepared: Prepared,
  ledger: Ledger,
  candidate: Candidate,
  hint: (criterionId: number, sourceId: number) => bigint,
): Placement[] | null {
  const placements: Placement[] = [];
  const c = candidate.commune.id;
  const undo = () => {
    for (const p of placements) take(ledger, p, -1n);
    return null;
  };
  for (const need of candidate.needs) {
    let missing = need.remaining;
    for (const s of candidate.sourceIds) {
      const wanted = hint(need.criterionId, s);
      const room = roomFor(ledger, c, s);
      const amount = minMoney(wanted, room, missing);
      if (amount <= 0n) continue;
      const placement = { communeId: c, criterionId: need.criterionId, sourceId: s, amount };
      take(ledger, placement);
      placements.push(placement);
      missing -= amount;
    }
    for (const s of fillOrder(prepared, candidate)) {
      if (missing === 0n) break;
      const room = roomFor(ledger, c, s);
      const amount = minMoney(room, missing);
      if (amount <= 0n) continue;
      const placement = { communeId: c, criterionId: need.criterionId, sourceId: s, amount };
      take(ledger, placement);
      placements.push(placement);
      missing -= amount;
    }
    if (missing > 0n) return undo();
  }
  if (!meetsCounterparts(prepared, c, placements)) return undo();
  return placements;
}

/** Counterpart rules checked exactly in đồng over kept and new money of one commune. */
export function meetsCounterparts(prepared: Prepared, communeId: number, placements: Placement[]): boolean {
  if (prepared.input.counterparts.length === 0) return true;
  const bySource = new Map<number, bigint>();
  const add = (sourceId: number, amount: bigint) =>
    bySource.set(sourceId, (bySource.get(sourceId) ?? 0n) + amount);
  for (const cell of prepared.kept) if (cell.communeId === communeId) add(cell.sourceId, cell.amount);
  for (const p of placements) add(p.sourceId, p.amount);
  return prepared.input.counterparts.every((rule) => {
    const main = bySource.get(rule.sourceId) ?? 0n;
    const counterpart = rule.counterpartSourceIds.reduce((sum, k) => sum + (bySource.get(k) ?? 0n), 0n);
    return counterpart * 10_000n >= main * BigInt(rule.minShareBasisPoints);
  });
}
