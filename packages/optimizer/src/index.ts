// Public API of @ntm/optimizer. Nothing outside this package imports its files directly.
export type { ExplainNames } from './explain.ts';
export { explainOutcome } from './explain.ts';
export { solveGreedy } from './greedy.ts';
export { loadSolver } from './highs.ts';
export type {
  CommuneOutcome,
  CommuneStatus,
  CounterpartRule,
  NotReachedReason,
  OptimizeOptions,
  OptimizeResult,
  OptimizerCell,
  OptimizerCommune,
  OptimizerInput,
  OptimizerNeed,
  OptimizerSource,
  OptimizeSummary,
  ProposalCell,
  SolveProgress,
  SolveStatus,
  SourceUse,
} from './model.ts';
export type { NormRule, NormSplitInput, NormSplitResult, NormTable } from './norm-split.ts';
export { apportion, NORM_TABLES, normCoefficient, splitByNorm } from './norm-split.ts';
export type { SolveHooks } from './solve.ts';
export { DEFAULT_TIME_LIMIT_SECONDS, solveAllocation } from './solve.ts';
