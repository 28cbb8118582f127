// The MIP path: build the model, run HiGHS, turn its answer into an exact proposal.
// HiGHS is passed in (see highs.ts) so this file stays free of loading and threads.
import type { Highs } from 'highs';
import { finalize } from './finalize.ts';
import { openLedger, type Placement, placeCommune } from './integerize.ts';
import { buildLp, fromUnits, parseXName, zName } from './lp.ts';
import type { OptimizeOptions, OptimizeResult, OptimizerInput, SolveProgress, SolveStatus } from './model.ts';
import { cellId, prepare } from './prepare.ts';

export const DEFAULT_TIME_LIMIT_SECONDS = 30;

export interface SolveHooks {
  onProgress?: (progress: SolveProgress) => void;
}

function toStatus(highs: Highs, code: number, hasSolution: boolean): SolveStatus {
  const codes = highs.constants.modelStatus;
  if (code === codes.optimal || code === codes.empty) return 'optimal';
  if (code === codes.infeasible) return 'infeasible';
  if (code === codes.interrupted) return 'interrupted';
  if (code === codes.timeLimit || code === codes.iterationLimit || code === codes.solutionLimit) {
    return hasSolution ? 'time_limit' : 'infeasible';
  }
  throw new Error(`HiGHS ended with model status ${code}`);
}

interface ModelRun {
  status: SolveStatus;
  gap: number | null;
  values: Map<string, number>;
}

/**
 * Stage gaps: the reach objective is an integer, so an absolute gap below 1 proves it optimal;
 * the spend stage stops within 0.1 % of the cheapest set, or at its share of the time limit with
 * the cheapest set found so far — a refinement next to cost estimates, never fewer communes.
 */
const GAPS = { reach: { mip_abs_gap: 0.999, mip_rel_gap: 0 }, spend: { mip_rel_gap: 1e-3 }, sources: {} };
/** The spend stage gets at most this share of the time limit (and at least 1 s). */
const SPEND_SHARE = 0.25;

function runModel(
  highs: Highs,
  lp: string,
  timeLimitSeconds: number,
  gaps: Record<string, number>,
  onProgress: SolveHooks['onProgress'],
): ModelRun {
  const model = highs.createModel({ format: 'lp', data: lp });
  try {
    model.options.set({ output_flag: false, time_limit: Math.max(0.5, timeLimitSeconds), ...gaps });
    const run = model.run(
      onProgress
        ? {
            [highs.constants.callbackType.mipLogging]: (event) => {
              onProgress({
                runningSeconds: event.data.running_time ?? 0,
                gap: finiteOrNull(event.data.mip_gap),
                primalBound: finiteOrNull(event.data.mip_primal_bound),
                dualBound: finiteOrNull(event.data.mip_dual_bound),
              });
              return undefined;
            },
          }
        : undefined,
    );
    const primalValid = Number(model.info.get('primal_solution_status')) === 2;
    const status = toStatus(highs, run.modelStatus, primalValid);
    const values = new Map<string, number>();
    if (primalValid && status !== 'infeasible') {
      const solution = model.getSolution().colValue;
      const { numCols } = model.getDimensions();
      for (let i = 0; i < numCols; i++) values.set(model.getColName(i), solution[i] ?? 0);
    }
    const gap = status === 'optimal' ? 0 : finiteOrNull(Number(model.info.get('mip_gap')));
    return { status, gap, values };
  } finally {
    model.dispose();
  }
}

/**
 * Stage 1 (MIP) finds the most priority-weight that can reach; stage 2 (MIP) the cheapest set with
 * that weight; stage 3 (LP) which sources pay (see lp.ts). The time limit covers all three: stage 2
 * gets a quarter of the limit at most (none when stage 1 used it all) and falls back to the stage-1
 * set when it finds nothing better.
 * Status and gap describe stage 1, the one that decides how many communes reach.
 */
export function solveAllocation(
  highs: Highs,
  input: OptimizerInput,
  options: OptimizeOptions,
  hooks: SolveHooks = {},
): OptimizeResult {
  const started = performance.now();
  const prepared = prepare(input, options);
  const timeLimit = options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
  let stage: ModelRun = { status: 'optimal', gap: 0, values: new Map() };
  let values = stage.values;
  if (prepared.candidates.length > 0) {
    const deadline = performance.now() + timeLimit * 1000;
    const secondsLeft = () => (deadline - performance.now()) / 1000;
    stage = runModel(highs, buildLp(prepared, { kind: 'reach' }), timeLimit, GAPS.reach, hooks.onProgress);
    values = stage.values;
    const chosenBy = (solution: Map<string, number>) =>
      prepared.candidates.filter((c) => (solution.get(zName(c.commune.id)) ?? 0) >= 0.5);
    const weight = chosenBy(values).reduce((sum, c) => sum + c.commune.priority, 0);
    // The spend stage is a refinement: skipped when the reach stage used up the time limit.
    if (weight > 0 && secondsLeft() >= 0.5) {
      const spend = runModel(
        highs,
        buildLp(prepared, { kind: 'spend', minWeight: weight }),
        Math.min(secondsLeft(), Math.max(1, timeLimit * SPEND_SHARE)),
        GAPS.spend,
        undefined,
      );
      const cheaper = chosenBy(spend.values);
      if (cheaper.reduce((sum, c) => sum + c.commune.priority, 0) >= weight) values = spend.values;
    }
    const chosen = new Set(chosenBy(values).map((c) => c.commune.id));
    if (chosen.size > 0) {
      const sources = runModel(
        highs,
        buildLp(prepared, { kind: 'sources', reached: chosen }),
        Math.max(secondsLeft(), 1),
        GAPS.sources,
        undefined,
      );
      if (sources.status === 'optimal') {
        values = sources.values;
        for (const c of chosen) values.set(zName(c), 1);
      }
    }
  }

  const hints = new Map<string, bigint>();
  for (const [name, value] of values) {
    const x = parseXName(name);
    if (x) hints.set(cellId(x.communeId, x.criterionId, x.sourceId), fromUnits(value));
  }
  const ledger = openLedger(prepared);
  const placements: Placement[] = [];
  const reached = new Set<number>();
  for (const candidate of prepared.candidates) {
    if ((values.get(zName(candidate.commune.id)) ?? 0) < 0.5) continue;
    const c = candidate.commune.id;
    const placed = placeCommune(prepared, ledger, candidate, (j, s) => hints.get(cellId(c, j, s)) ?? 0n);
    if (!placed) continue;
    placements.push(...placed);
    reached.add(c);
  }
  return finalize(prepared, ledger, placements, reached, {
    status: stage.status,
    gap: stage.gap,
    solveSeconds: (performance.now() - started) / 1000,
  });
}

function finiteOrNull(value: number | undefined): number | null {
  return value === undefined || !Number.isFinite(value) ? null : value;
}
