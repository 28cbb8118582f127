// Turns the plan's data into the allocation problem both solvers share: what each target still
// needs, what each source has left, which sources each commune may use.
import { compareQuarter, isSourceEligible } from '@ntm/domain';
import type {
  CommuneStatus,
  NotReachedReason,
  OptimizeOptions,
  OptimizerCell,
  OptimizerCommune,
  OptimizerInput,
} from './model.ts';

export const cellId = (communeId: number, criterionId: number, sourceId: number) =>
  `${communeId}:${criterionId}:${sourceId}`;
export const needId = (communeId: number, criterionId: number) => `${communeId}:${criterionId}`;

export interface PreparedNeed {
  criterionId: number;
  /** Still to fund after kept allocations. */
  remaining: bigint;
}

export interface Candidate {
  commune: OptimizerCommune;
  needs: PreparedNeed[];
  remaining: bigint;
  /** Sources this commune may use that still have money, in source order. */
  sourceIds: number[];
}

export interface Settled {
  commune: OptimizerCommune;
  status: CommuneStatus;
  reason: NotReachedReason | null;
  uncostedCriterionIds: number[];
}

export interface Prepared {
  input: OptimizerInput;
  options: OptimizeOptions;
  /** Current cells by cellId. */
  current: Map<string, OptimizerCell>;
  /** Money kept where it is: all current cells with `keep`, none with `free`. */
  kept: OptimizerCell[];
  /** Cap left for new money per source, never negative. */
  capLeft: Map<number, bigint>;
  capTotal: Map<number, bigint>;
  /** Own-budget sources: cap left per commune (key needId(communeId, sourceId)). */
  communeCapLeft: Map<string, bigint>;
  candidates: Candidate[];
  /** Targets decided before any solving (met, funded, uncosted, past deadline, no source). */
  settled: Settled[];
  eligible: (communeId: number, sourceId: number) => boolean;
  criterionNumber: Map<number, number>;
  /** Cost of each (commune, criterion) need by needId. */
  needCost: Map<string, bigint>;
}

function capOf(confirmed: bigint, expected: bigint, mode: OptimizeOptions['capMode']): bigint {
  return mode === 'confirmed' ? confirmed : confirmed + expected;
}

export function prepare(input: OptimizerInput, options: OptimizeOptions): Prepared {
  const current = new Map<string, OptimizerCell>();
  for (const cell of input.allocations) {
    if (cell.amount === 0n) continue;
    current.set(cellId(cell.communeId, cell.criterionId, cell.sourceId), cell);
  }
  const kept = options.existing === 'keep' ? [...current.values()] : [];

  const keptBySource = new Map<number, bigint>();
  const keptByNeed = new Map<string, bigint>();
  const keptByCommuneSource = new Map<string, bigint>();
  for (const cell of kept) {
    keptBySource.set(cell.sourceId, (keptBySource.get(cell.sourceId) ?? 0n) + cell.amount);
    const need = needId(cell.communeId, cell.criterionId);
    keptByNeed.set(need, (keptByNeed.get(need) ?? 0n) + cell.amount);
    const cs = needId(cell.communeId, cell.sourceId);
    keptByCommuneSource.set(cs, (keptByCommuneSource.get(cs) ?? 0n) + cell.amount);
  }

  const capLeft = new Map<number, bigint>();
  const capTotal = new Map<number, bigint>();
  const communeCapLeft = new Map<string, bigint>();
  const scopedCommunes = new Map<number, Set<number>>();
  for (const source of input.sources) {
    const cap = capOf(source.confirmedCap, source.expectedCap, options.capMode);
    capTotal.set(source.id, cap);
    const left = cap - (keptBySource.get(source.id) ?? 0n);
    capLeft.set(source.id, left > 0n ? left : 0n);
    if (source.communeCaps) {
      const communes = new Set<number>();
      for (const entry of source.communeCaps) {
        communes.add(entry.communeId);
        const key = needId(entry.communeId, source.id);
        const own =
          capOf(entry.confirmed, entry.expected, options.capMode) - (keptByCommuneSource.get(key) ?? 0n);
        communeCapLeft.set(key, own > 0n ? own : 0n);
      }
      scopedCommunes.set(source.id, communes);
    }
  }

  const communeById = new Map(input.communes.map((c) => [c.id, c]));
  const sourceById = new Map(input.sources.map((s) => [s.id, s]));
  const eligible = (communeId: number, sourceId: number): boolean => {
    const commune = communeById.get(communeId);
    const source = sourceById.get(sourceId);
    if (!commune || !source) return false;
    const scoped = scopedCommunes.get(sourceId);
    if (scoped && !scoped.has(communeId)) return false;
    return isSourceEligible(source.eligibility, commune.flags);
  };

  const needsByCommune = new Map<number, Array<{ criterionId: number; cost: bigint }>>();
  const needCost = new Map<string, bigint>();
  for (const need of input.needs) {
    needCost.set(needId(need.communeId, need.criterionId), need.cost);
    const list = needsByCommune.get(need.communeId) ?? [];
    list.push({ criterionId: need.criterionId, cost: need.cost });
    needsByCommune.set(need.communeId, list);
  }
  const uncostedByCommune = new Map<number, number[]>();
  for (const gap of input.uncosted) {
    const list = uncostedByCommune.get(gap.communeId) ?? [];
    list.push(gap.criterionId);
    uncostedByCommune.set(gap.communeId, list);
  }

  const candidates: Candidate[] = [];
  const settled: Settled[] = [];
  for (const commune of input.communes) {
    if (!commune.isTarget) continue;
    const uncostedCriterionIds = uncostedByCommune.get(commune.id) ?? [];
    const needs = (needsByCommune.get(commune.id) ?? [])
      .map((need) => {
        const left = need.cost - (keptByNeed.get(needId(commune.id, need.criterionId)) ?? 0n);
        return { criterionId: need.criterionId, remaining: left > 0n ? left : 0n };
      })
      .filter((need) => need.remaining > 0n);
    const settle = (status: CommuneStatus, reason: NotReachedReason | null) =>
      settled.push({ commune, status, reason, uncostedCriterionIds });
    if (uncostedCriterionIds.length > 0) {
      settle('not_reached', 'uncosted');
      continue;
    }
    if (!needsByCommune.has(commune.id)) {
      settle('already_met', null);
      continue;
    }
    if (needs.length === 0) {
      settle('already_funded', null);
      continue;
    }
    if (input.asOf && commune.deadline && compareQuarter(commune.deadline, input.asOf) < 0) {
      settle('not_reached', 'deadline_passed');
      continue;
    }
    const sourceIds = input.sources
      .map((s) => s.id)
      .filter((s) => eligible(commune.id, s) && (capLeft.get(s) ?? 0n) > 0n)
      .filter((s) => !scopedCommunes.has(s) || (communeCapLeft.get(needId(commune.id, s)) ?? 0n) > 0n);
    if (sourceIds.length === 0) {
      settle('not_reached', 'no_eligible_source');
      continue;
    }
    const remaining = needs.reduce((sum, need) => sum + need.remaining, 0n);
    candidates.push({ commune, needs, remaining, sourceIds });
  }

  return {
    input,
    options,
    current,
    kept,
    capLeft,
    capTotal,
    communeCapLeft,
    candidates,
    settled,
    eligible,
    criterionNumber: new Map(input.criteria.map((c) => [c.id, c.number])),
    needCost,
  };
}
