// Optimizer runs and proposals. A run reads the plan, solves in a worker thread (progress, time
// limit, cancel by terminating the worker) and keeps its proposal in this process's memory for an
// hour so the planner can accept all or part of it. Acceptance writes through setAllocations as
// one audited batch with origin "optimizer".
// Integration point: with several API processes, polling and accepting must reach the process
// that ran the job (sticky sessions); a lost job answers UNKNOWN_OPTIMIZATION.
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { Plan } from '@ntm/db';
import { cellKey, DomainError, isSourceEligible, type Locale, type Quarter } from '@ntm/domain';
import {
  type CommuneOutcome,
  explainOutcome,
  NORM_TABLES,
  type NormSplitResult,
  type OptimizeOptions,
  type OptimizeResult,
  type ProposalCell,
  splitByNorm,
} from '@ntm/optimizer';
import type { Context } from '../context.ts';
import { encodeId } from '../schema/ids.ts';
import {
  type CellInput,
  type ConflictMode,
  type SetAllocationsResult,
  setAllocations,
} from './allocations.ts';
import { loadOptimizerData, type PlanOptimizerData } from './optimizer-input.ts';
import type { WorkerData, WorkerMessage, WorkerRequest } from './optimizer-worker.ts';

export const MAX_TIME_LIMIT_SECONDS = 300;
export const DEFAULT_TIME_LIMIT_SECONDS = 30;
const KEEP_FOR_MS = 60 * 60 * 1000;
/** The worker gets this long beyond the solver's own time limit (loading, second stage) before it is killed. */
const WATCHDOG_GRACE_MS = 30_000;

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface ProposalCellWithVersion extends ProposalCell {
  currentVersion: number;
}

export interface Proposal {
  kind: 'optimize' | 'norm_split';
  result: OptimizeResult | null;
  baseline: OptimizeResult | null;
  norm: (NormSplitResult & { sourceId: number; tableCode: string }) | null;
  cells: ProposalCellWithVersion[];
}

export interface OptimizationJob {
  id: string;
  planId: number;
  state: JobState;
  options: OptimizeOptions;
  startedAt: Date;
  finishedAt: Date | null;
  progress: { runningSeconds: number; gap: number | null } | null;
  proposal: Proposal | null;
  failure: string | null;
  data: PlanOptimizerData;
  done: Promise<void>;
  worker: Worker | null;
}

const jobs = new Map<string, OptimizationJob>();
/** Solver runs this process has started (a retried optimizePlan must not start another). */
let runsStarted = 0;

export function optimizerRunsStarted(): number {
  return runsStarted;
}

/** One loaded worker kept between runs, so a run does not pay for loading the solver. */
let idleWorker: Worker | null = null;
/** Workers not yet exited (running, idle or being terminated). */
const liveWorkers = new Set<Worker>();

/** How many optimizer worker threads are alive (tests check that none leak). */
export function liveOptimizerWorkers(): number {
  return liveWorkers.size;
}

/**
 * Test hooks: make the worker thread block synchronously (as compiling or running HiGHS does) for
 * this long before loading the solver (set before the worker is created) or before solving.
 */
export const optimizerTestHooks = { blockBeforeLoadMs: 0, blockBeforeSolveMs: 0 };

function takeWorker(): Worker {
  let worker = idleWorker;
  idleWorker = null;
  if (!worker) {
    const created = new Worker(new URL('./optimizer-worker-boot.mjs', import.meta.url), {
      workerData: { blockBeforeLoadMs: optimizerTestHooks.blockBeforeLoadMs } satisfies WorkerData,
    });
    liveWorkers.add(created);
    // Never removed: an idle worker that dies (crash) must not be handed to the next run.
    created.once('exit', () => {
      liveWorkers.delete(created);
      if (idleWorker === created) idleWorker = null;
    });
    worker = created;
  }
  return worker;
}

function releaseWorker(worker: Worker): void {
  if (idleWorker) {
    void worker.terminate();
    return;
  }
  idleWorker = worker;
  // An idle worker must not keep the process alive.
  worker.unref();
}

/** Stops the idle worker (server shutdown, end of a test file). */
export async function stopOptimizerWorkers(): Promise<void> {
  const worker = idleWorker;
  idleWorker = null;
  await worker?.terminate();
}

function forgetOldJobs(): void {
  const cutoff = Date.now() - KEEP_FOR_MS;
  for (const [id, job] of jobs)
    if (job.state !== 'running' && (job.finishedAt?.getTime() ?? 0) < cutoff) jobs.delete(id);
}

function withVersions(data: PlanOptimizerData, cells: ProposalCell[]): ProposalCellWithVersion[] {
  return cells.map((cell) => ({
    ...cell,
    currentVersion: data.versions.get(cellKey(cell.communeId, cell.criterionId, cell.sourceId)) ?? 0,
  }));
}

export function findJob(jobId: string, planId?: number): OptimizationJob {
  const job = jobs.get(jobId);
  if (!job || (planId !== undefined && job.planId !== planId))
    throw new DomainError('UNKNOWN_OPTIMIZATION', { job: jobId });
  return job;
}

function checkTimeLimit(seconds: number | null | undefined): number {
  const value = seconds ?? DEFAULT_TIME_LIMIT_SECONDS;
  if (!Number.isFinite(value) || value < 1 || value > MAX_TIME_LIMIT_SECONDS) {
    throw new DomainError('INVALID_TIME_LIMIT', { input: String(value), max: MAX_TIME_LIMIT_SECONDS });
  }
  return value;
}

/** Starts a run in a worker thread; the returned job's `done` settles when it ends however it ends. */
export async function startOptimization(
  ctx: Context,
  plan: Plan,
  options: {
    capMode: OptimizeOptions['capMode'];
    existing: OptimizeOptions['existing'];
    timeLimitSeconds?: number | null;
    asOf?: Quarter | null;
  },
): Promise<OptimizationJob> {
  forgetOldJobs();
  const timeLimitSeconds = checkTimeLimit(options.timeLimitSeconds);
  const data = await loadOptimizerData(ctx.db, plan, options.asOf ?? null);
  const solveOptions: OptimizeOptions = {
    capMode: options.capMode,
    existing: options.existing,
    timeLimitSeconds,
  };
  const worker = takeWorker();
  worker.ref();
  runsStarted++;
  const job: OptimizationJob = {
    id: randomUUID(),
    planId: plan.id,
    state: 'running',
    options: solveOptions,
    startedAt: new Date(),
    finishedAt: null,
    progress: null,
    proposal: null,
    failure: null,
    data,
    worker,
    done: Promise.resolve(),
  };
  job.done = new Promise<void>((resolve) => {
    const watchdog = setTimeout(
      () => {
        void stopJob(job, 'failed', 'watchdog');
      },
      timeLimitSeconds * 1000 + WATCHDOG_GRACE_MS,
    );
    // Removed one by one, never with removeAllListeners: terminate() waits on its own 'exit' listener.
    const detach = () => {
      clearTimeout(watchdog);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
    };
    const onMessage = (message: WorkerMessage) => {
      // Stopped (cancel, watchdog) after the worker sent this: Node still delivers it while the
      // thread exits. The result is dropped and the dying worker is not offered to the next run.
      if (job.state !== 'running') return;
      if (message.kind === 'progress') {
        job.progress = { runningSeconds: message.runningSeconds, gap: message.gap };
        return;
      }
      job.proposal = {
        kind: 'optimize',
        result: message.result,
        baseline: message.baseline,
        norm: null,
        cells: withVersions(data, message.result.cells),
      };
      finishJob(job, 'done');
      detach();
      releaseWorker(worker);
      resolve();
    };
    const onError = (error: Error) => {
      ctx.log.error('optimizer worker failed', { error: error.message, jobId: job.id });
      finishJob(job, 'failed', error.message);
    };
    // Terminated (cancel, watchdog) or crashed: the run ends without a proposal.
    const onExit = () => {
      detach();
      finishJob(job, 'failed', 'worker exited without a result');
      resolve();
    };
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage({
      input: data.input,
      options: solveOptions,
      blockBeforeSolveMs: optimizerTestHooks.blockBeforeSolveMs,
    } satisfies WorkerRequest);
  });
  jobs.set(job.id, job);
  return job;
}

/** Ends a running job in `state` (first ending wins) and lets go of its worker. */
function finishJob(job: OptimizationJob, state: JobState, failure: string | null = null): Worker | null {
  if (job.state !== 'running') return null;
  const { worker } = job;
  job.state = state;
  job.failure = failure;
  job.finishedAt = new Date();
  job.worker = null;
  return worker;
}

/** Stops a running job: resolves once its worker thread has exited (terminate interrupts any step). */
async function stopJob(job: OptimizationJob, state: JobState, failure: string | null = null): Promise<void> {
  await finishJob(job, state, failure)?.terminate();
}

export async function cancelOptimization(jobId: string, planId: number): Promise<OptimizationJob> {
  const job = findJob(jobId, planId);
  await stopJob(job, 'cancelled');
  return job;
}

/** Norm split of one source: computed at once (no solver), kept like a run so it can be accepted. */
export async function startNormSplit(
  ctx: Context,
  plan: Plan,
  options: {
    sourceId: number;
    capMode: OptimizeOptions['capMode'];
    total?: bigint | null;
    tableCode: string;
  },
): Promise<OptimizationJob> {
  forgetOldJobs();
  const data = await loadOptimizerData(ctx.db, plan, null);
  const source = data.input.sources.find((s) => s.id === options.sourceId);
  const table = NORM_TABLES.find((t) => t.code === options.tableCode);
  if (!source)
    throw new DomainError('UNKNOWN_SOURCE', {
      source: encodeId('FundingSource', options.sourceId),
      field: 'sourceId',
    });
  if (!table) throw new DomainError('INVALID_INPUT', { field: 'table' });
  const total =
    options.total ??
    (options.capMode === 'confirmed' ? source.confirmedCap : source.confirmedCap + source.expectedCap);
  const eligibleCommunes = data.input.communes.filter((c) => isSourceEligible(source.eligibility, c.flags));
  const norm = splitByNorm({
    total,
    sourceId: source.id,
    table,
    communes: eligibleCommunes,
    unmet: data.unmet.filter((u) => eligibleCommunes.some((c) => c.id === u.communeId)),
    allocations: data.input.allocations,
  });
  if (norm.shares.length === 0) throw new DomainError('NO_NORM_COMMUNES', { source: source.name });
  const now = new Date();
  const job: OptimizationJob = {
    id: randomUUID(),
    planId: plan.id,
    state: 'done',
    options: { capMode: options.capMode, existing: 'keep' },
    startedAt: now,
    finishedAt: now,
    progress: null,
    proposal: {
      kind: 'norm_split',
      result: null,
      baseline: null,
      norm: { ...norm, sourceId: source.id, tableCode: table.code },
      cells: withVersions(data, norm.cells),
    },
    failure: null,
    data,
    done: Promise.resolve(),
    worker: null,
  };
  jobs.set(job.id, job);
  return job;
}

export function explainJobOutcome(job: OptimizationJob, outcome: CommuneOutcome, locale: Locale): string {
  const { data } = job;
  return explainOutcome(
    outcome,
    {
      commune: (id) => data.input.communes.find((c) => c.id === id)?.name ?? String(id),
      criterionNumber: (id) => data.input.criteria.find((c) => c.id === id)?.number ?? 0,
      source: (id) => data.sourceNames.get(id)?.code ?? String(id),
    },
    locale,
  );
}

export interface ProposalSelection {
  /** Accept every proposed cell of these communes… */
  communeIds?: readonly number[] | null;
  /** …and/or these cells. Neither given: the whole proposal. */
  cells?: ReadonlyArray<{ communeId: number; criterionId: number; sourceId: number }> | null;
}

/**
 * Applies the chosen part of a stored proposal as one batch with origin "optimizer". Amounts and
 * expected versions come from the proposal itself, so a cell someone changed after the proposal
 * was computed is a conflict (reported), never overwritten.
 */
export async function acceptProposal(
  ctx: Context,
  planId: number,
  jobId: string,
  selection: ProposalSelection,
  mode: ConflictMode,
): Promise<SetAllocationsResult> {
  const job = findJob(jobId, planId);
  if (!job.proposal) throw new DomainError('UNKNOWN_OPTIMIZATION', { job: jobId });
  const communes = selection.communeIds ? new Set(selection.communeIds) : null;
  const cells = selection.cells
    ? new Set(selection.cells.map((c) => cellKey(c.communeId, c.criterionId, c.sourceId)))
    : null;
  const chosen = job.proposal.cells.filter(
    (c) =>
      (!communes && !cells) ||
      communes?.has(c.communeId) ||
      cells?.has(cellKey(c.communeId, c.criterionId, c.sourceId)),
  );
  if (chosen.length === 0) throw new DomainError('INVALID_INPUT', { field: 'selection' });
  const batch: CellInput[] = chosen.map((c) => ({
    communeId: encodeId('Commune', c.communeId),
    criterionId: encodeId('Criterion', c.criterionId),
    sourceId: encodeId('FundingSource', c.sourceId),
    amount: c.proposed,
    expectedVersion: c.currentVersion,
  }));
  return setAllocations({ ...ctx, origin: 'optimizer' }, planId, batch, mode);
}
