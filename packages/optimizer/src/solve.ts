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

function runModel(
  highs: Highs,
  lp: string,
  timeLimitSeconds: number,
  onProgress: SolveHooks['onProgress'],
): ModelRun {
  const model = highs.createModel({ format: 'lp', data: lp });
  try {
    model.options.set({
      output_flag: false,
      time_limit: timeLimitSeconds,
      // Priorities are integers and the spend term is below ½: an absolute gap below ½ already
      // proves the most priority-weighted set; the tiny relative gap asks for the cheapest one.
      mip_rel_gap: 1e-9,
    });
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
 * Stage 1 (MIP) chooses which targets reach; stage 2 (LP, same time budget) fixes that set and
 * chooses which sources pay (restricted money first). Both from one `prepare`.
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
    stage = runModel(highs, buildLp(prepared), timeLimit, hooks.onProgress);
    values = stage.values;
    const chosen = new Set(
      prepared.candidates.map((c) => c.commune.id).filter((c) => (values.get(zName(c)) ?? 0) >= 0.5),
    );
    if (chosen.size > 0) {
      const second = runModel(highs, buildLp(prepared, chosen), timeLimit, undefined);
      if (second.status === 'optimal') {
        values = second.values;
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
