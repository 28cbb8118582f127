// The optimizer's inputs and outputs. Plain data (bigint đồng, no Maps) so a whole input can be
// posted to a worker thread and a whole result posted back.
import type { CommuneFlags, Eligibility, Quarter } from '@ntm/domain';

export interface OptimizerCommune {
  id: number;
  name: string;
  isTarget: boolean;
  /** Larger = more important; an integer ≥ 1. The objective counts each reached target this many times. */
  priority: number;
  deadline: Quarter | null;
  flags: CommuneFlags;
}

/** An unmet criterion of a commune with a known cost to close it (its required projects). */
export interface OptimizerNeed {
  communeId: number;
  criterionId: number;
  cost: bigint;
}

export interface OptimizerSource {
  id: number;
  name: string;
  eligibility: Eligibility;
  /** Confirmed part of the cap. */
  confirmedCap: bigint;
  /** Cap not yet confirmed (e.g. district money awaiting HĐND approval). */
  expectedCap: bigint;
  /**
   * A commune's own budget: set only for sources split per commune. A commune without an entry
   * gets nothing from this source; the source's overall cap still applies.
   */
  communeCaps?: Array<{ communeId: number; confirmed: bigint; expected: bigint }>;
}

/**
 * Counterpart rule: in every commune the counterpart sources together put in at least
 * `minShareBasisPoints` / 10 000 of what `sourceId` puts in.
 */
export interface CounterpartRule {
  sourceId: number;
  counterpartSourceIds: number[];
  minShareBasisPoints: number;
}

export interface OptimizerCell {
  communeId: number;
  criterionId: number;
  sourceId: number;
  amount: bigint;
}

export interface OptimizerInput {
  communes: OptimizerCommune[];
  /** The plan's criteria; `number` is what people read ("tiêu chí 17"). */
  criteria: Array<{ id: number; number: number }>;
  /** Unmet criteria with a cost. Needs of non-target communes are ignored. */
  needs: OptimizerNeed[];
  /** Unmet criteria without any costed required project: such a commune cannot be shown to reach. */
  uncosted: Array<{ communeId: number; criterionId: number }>;
  sources: OptimizerSource[];
  counterparts: CounterpartRule[];
  /** The plan's current non-zero cells. */
  allocations: OptimizerCell[];
  /** Targets whose deadline quarter is before this one can no longer make it. */
  asOf?: Quarter | null;
}

export interface OptimizeOptions {
  /** `confirmed`: only confirmed caps count (no debt risk); `expected`: unconfirmed caps count too. */
  capMode: 'confirmed' | 'expected';
  /** `keep`: current allocations stay as they are; `free`: the optimizer may re-place all money. */
  existing: 'keep' | 'free';
  timeLimitSeconds?: number;
}

export type SolveStatus = 'optimal' | 'time_limit' | 'infeasible' | 'interrupted' | 'heuristic';

export type CommuneStatus = 'reached' | 'already_met' | 'already_funded' | 'not_reached';

export type NotReachedReason =
  | 'deadline_passed'
  | 'uncosted'
  | 'no_eligible_source'
  | 'caps_binding'
  | 'counterpart'
  | 'solver_limit';

export interface CommuneOutcome {
  communeId: number;
  status: CommuneStatus;
  reason: NotReachedReason | null;
  priority: number;
  deadline: Quarter | null;
  /** Unmet criteria the proposal (plus kept allocations) funds fully. */
  criteriaFunded: number;
  /** New money the proposal puts on this commune's unmet criteria. */
  amount: bigint;
  /** Money still missing after the proposal, given what is left in the sources it may use. */
  shortfall: bigint;
  /** Where the shortfall falls: leftover money covers criteria in criterion-number order. */
  missing: Array<{ criterionId: number; amount: bigint }>;
  /** Sources the commune may use whose remaining cap cannot cover its need. */
  bindingSourceIds: number[];
  /** Sources with money left that this commune may not use (eligibility). */
  ineligibleSourceIds: number[];
  uncostedCriterionIds: number[];
}

export interface ProposalCell {
  communeId: number;
  criterionId: number;
  sourceId: number;
  current: bigint;
  proposed: bigint;
}

export interface SourceUse {
  sourceId: number;
  cap: bigint;
  proposedTotal: bigint;
}

export interface OptimizeSummary {
  targetCommunes: number;
  reachedCommunes: number;
  reachedWeight: number;
  totalWeight: number;
  /** Σ over cells of max(0, proposed − current). */
  newMoney: bigint;
  shortfall: bigint;
}

export interface OptimizeResult {
  status: SolveStatus;
  /** Relative MIP gap as HiGHS reports it; 0 when optimal, null when no solver ran. */
  gap: number | null;
  solveSeconds: number;
  outcomes: CommuneOutcome[];
  /** Only cells whose amount changes. */
  cells: ProposalCell[];
  sources: SourceUse[];
  summary: OptimizeSummary;
}

export interface SolveProgress {
  runningSeconds: number;
  gap: number | null;
  primalBound: number | null;
  dualBound: number | null;
}
