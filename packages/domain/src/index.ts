// Public API of @ntm/domain. Nothing outside this package imports its files directly.
export type {
  AnalysisInput,
  CommuneAnalysis,
  PlanAnalysis,
  PlanTotals,
  ProjectStatus,
  SourceAnalysis,
  SourceStatus,
  SpreadThinWarning,
  UnmetCriterionAnalysis,
} from './analysis.ts';
export { analyzePlan } from './analysis.ts';
export type { NtmLevel, ProgressSummary } from './criteria.ts';
export { NTM_LEVELS, summarizeProgress } from './criteria.ts';
export type {
  CommuneFlags,
  CommuneKind,
  Eligibility,
  EligibilityFlag,
} from './eligibility.ts';
export {
  describeEligibility,
  isSourceEligible,
  toEligibilityParams,
} from './eligibility.ts';
export type { ErrorCode, ErrorParams } from './errors.ts';
export {
  DomainError,
  ERROR_CODES,
  ERROR_MESSAGES,
  isDomainError,
  localizeError,
  parseLocale,
} from './errors.ts';
export { cellKey, MAX_BATCH_CELLS } from './grid.ts';
export type {
  FormatMoneyOptions,
  Locale,
  Money,
  MoneyUnit,
  ParseMoneyOptions,
  ParseMoneyResult,
} from './money.ts';
export {
  formatMoney,
  formatMoneyCompact,
  MAX_MONEY,
  MONEY_UNIT_FACTOR,
  parseMoney,
  sumMoney,
} from './money.ts';
export type { PlanStatus, PlanWorkflowAction } from './plan-status.ts';
export {
  canTransition,
  describePlanStatus,
  isPlanWritable,
  PLAN_STATUSES,
  WORKFLOW_TARGET,
  workflowActionsFor,
} from './plan-status.ts';
export type { Quarter } from './quarter.ts';
export {
  compareQuarter,
  formatQuarter,
  lastDayOfQuarter,
  parseQuarter,
  quarterOf,
  toQuarterCode,
} from './quarter.ts';
export { matchesSearch, toSearchKey } from './text.ts';
