// Placed money → the proposal: the cell diff, each target's outcome and why, the summary.
import { type Ledger, minMoney, type Placement, roomFor, take } from './integerize.ts';
import type {
  CommuneOutcome,
  OptimizeResult,
  OptimizerCell,
  ProposalCell,
  SolveStatus,
  SourceUse,
} from './model.ts';
import { type Candidate, cellId, needId, type Prepared } from './prepare.ts';

export interface SolveMeta {
  status: SolveStatus;
  gap: number | null;
  solveSeconds: number;
}

export function finalize(
  prepared: Prepared,
  ledger: Ledger,
  placements: Placement[],
  reached: Set<number>,
  meta: SolveMeta,
): OptimizeResult {
  const proposed = new Map<string, OptimizerCell>();
  const add = (cell: OptimizerCell) => {
    const key = cellId(cell.communeId, cell.criterionId, cell.sourceId);
    const existing = proposed.get(key);
    proposed.set(key, { ...cell, amount: (existing?.amount ?? 0n) + cell.amount });
  };
  for (const cell of prepared.kept) add(cell);
  for (const p of placements) add(p);

  const cells: ProposalCell[] = [];
  for (const key of new Set([...prepared.current.keys(), ...proposed.keys()])) {
    const before = prepared.current.get(key);
    const after = proposed.get(key);
    const cell = (before ?? after)!;
    const current = before?.amount ?? 0n;
    const next = after?.amount ?? 0n;
    if (current !== next) {
      cells.push({
        communeId: cell.communeId,
        criterionId: cell.criterionId,
        sourceId: cell.sourceId,
        current,
        proposed: next,
      });
    }
  }
  cells.sort((a, b) => a.communeId - b.communeId || a.criterionId - b.criterionId || a.sourceId - b.sourceId);

  const sourceTotals = new Map<number, bigint>();
  for (const cell of proposed.values()) {
    sourceTotals.set(cell.sourceId, (sourceTotals.get(cell.sourceId) ?? 0n) + cell.amount);
  }
  const sources: SourceUse[] = prepared.input.sources.map((s) => ({
    sourceId: s.id,
    cap: prepared.capTotal.get(s.id) ?? 0n,
    proposedTotal: sourceTotals.get(s.id) ?? 0n,
  }));

  const newByCommune = new Map<number, bigint>();
  for (const p of placements) newByCommune.set(p.communeId, (newByCommune.get(p.communeId) ?? 0n) + p.amount);
  const keptByNeed = new Map<string, bigint>();
  for (const cell of prepared.kept) {
    const key = needId(cell.communeId, cell.criterionId);
    keptByNeed.set(key, (keptByNeed.get(key) ?? 0n) + cell.amount);
  }
  const unmetCount = new Map<number, number>();
  for (const need of prepared.input.needs) {
    unmetCount.set(need.communeId, (unmetCount.get(need.communeId) ?? 0) + 1);
  }
  const remainingNeeds = (communeId: number) =>
    prepared.input.needs
      .filter((n) => n.communeId === communeId)
      .map((n) => ({
        criterionId: n.criterionId,
        remaining: n.cost - (keptByNeed.get(needId(communeId, n.criterionId)) ?? 0n),
      }))
      .filter((n) => n.remaining > 0n);

  const outcomes: CommuneOutcome[] = [];
  const base = (communeId: number) => {
    const commune = prepared.input.communes.find((c) => c.id === communeId)!;
    return {
      communeId,
      priority: commune.priority,
      deadline: commune.deadline,
      bindingSourceIds: [] as number[],
      ineligibleSourceIds: [] as number[],
      uncostedCriterionIds: [] as number[],
    };
  };

  for (const settled of prepared.settled) {
    const c = settled.commune.id;
    const isReached = settled.status !== 'not_reached';
    const needs = isReached || settled.reason === 'uncosted' ? [] : remainingNeeds(c);
    const shortfall = needs.reduce((sum, n) => sum + n.remaining, 0n);
    outcomes.push({
      ...base(c),
      status: settled.status,
      reason: settled.reason,
      criteriaFunded: isReached ? (unmetCount.get(c) ?? 0) : 0,
      amount: 0n,
      shortfall,
      missing: needs.map((n) => ({ criterionId: n.criterionId, amount: n.remaining })),
      ineligibleSourceIds:
        settled.reason === 'no_eligible_source' ? sourcesWithMoneyNotFor(prepared, ledger, c) : [],
      uncostedCriterionIds: settled.uncostedCriterionIds,
    });
  }

  for (const candidate of prepared.candidates) {
    const c = candidate.commune.id;
    if (reached.has(c)) {
      outcomes.push({
        ...base(c),
        status: 'reached',
        reason: null,
        criteriaFunded: unmetCount.get(c) ?? 0,
        amount: newByCommune.get(c) ?? 0n,
        shortfall: 0n,
        missing: [],
      });
      continue;
    }
    outcomes.push(explainNotReached(prepared, ledger, candidate, meta.status));
  }

  const order = new Map(prepared.input.communes.map((c, index) => [c.id, index]));
  outcomes.sort((a, b) => order.get(a.communeId)! - order.get(b.communeId)!);

  const targets = outcomes.length;
  const reachedOutcomes = outcomes.filter((o) => o.status !== 'not_reached');
  return {
    ...meta,
    outcomes,
    cells,
    sources,
    summary: {
      targetCommunes: targets,
      reachedCommunes: reachedOutcomes.length,
      reachedWeight: reachedOutcomes.reduce((sum, o) => sum + o.priority, 0),
      totalWeight: outcomes.reduce((sum, o) => sum + o.priority, 0),
      newMoney: cells.reduce(
        (sum, cell) => sum + (cell.proposed > cell.current ? cell.proposed - cell.current : 0n),
        0n,
      ),
      shortfall: outcomes.reduce((sum, o) => sum + o.shortfall, 0n),
    },
  };
}

function sourcesWithMoneyNotFor(prepared: Prepared, ledger: Ledger, communeId: number): number[] {
  return prepared.input.sources
    .filter((s) => !prepared.eligible(communeId, s.id) && (ledger.capLeft.get(s.id) ?? 0n) > 0n)
    .map((s) => s.id);
}

/**
 * Why a candidate was left out: the money its sources still have after the proposal covers its
 * criteria in criterion-number order; what is left uncovered is the shortfall. Enough money left
 * means another rule stopped it (counterpart share) or the solver stopped early.
 */
function explainNotReached(
  prepared: Prepared,
  ledger: Ledger,
  candidate: Candidate,
  status: SolveStatus,
): CommuneOutcome {
  const c = candidate.commune.id;
  const eligibleSources = prepared.input.sources.filter((s) => prepared.eligible(c, s.id)).map((s) => s.id);
  // Own-budget rooms are per commune; the shared pool is what every source has left.
  const scratch: Ledger = {
    capLeft: new Map(ledger.capLeft),
    communeCapLeft: new Map(ledger.communeCapLeft),
  };
  const number = (criterionId: number) => prepared.criterionNumber.get(criterionId) ?? 0;
  const missing: Array<{ criterionId: number; amount: bigint }> = [];
  for (const need of [...candidate.needs].sort((a, b) => number(a.criterionId) - number(b.criterionId))) {
    let left = need.remaining;
    for (const s of eligibleSources) {
      const amount = minMoney(roomFor(scratch, c, s), left);
      if (amount <= 0n) continue;
      take(scratch, { communeId: c, criterionId: need.criterionId, sourceId: s, amount });
      left -= amount;
    }
    if (left > 0n) missing.push({ criterionId: need.criterionId, amount: left });
  }
  const shortfall = missing.reduce((sum, m) => sum + m.amount, 0n);
  const reason =
    shortfall > 0n
      ? 'caps_binding'
      : prepared.input.counterparts.length > 0 && status === 'optimal'
        ? 'counterpart'
        : 'solver_limit';
  return {
    communeId: c,
    status: 'not_reached',
    reason,
    priority: candidate.commune.priority,
    deadline: candidate.commune.deadline,
    criteriaFunded: 0,
    amount: 0n,
    shortfall,
    missing,
    bindingSourceIds: eligibleSources.filter(
      (s) => (prepared.capTotal.get(s) ?? 0n) > 0n && roomFor(ledger, c, s) < candidate.remaining,
    ),
    ineligibleSourceIds: sourcesWithMoneyNotFor(prepared, ledger, c),
    uncostedCriterionIds: [],
  };
}
