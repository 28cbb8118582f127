// Worker-thread entry: optimizer runs, one at a time. HiGHS blocks the thread it runs on, so it
// runs here and the API thread stays free; cancelling a run terminates this worker. Between runs
// the worker stays loaded (solver compiled) and waits for the next one.
import { parentPort, workerData } from 'node:worker_threads';
import {
  loadSolver,
  type OptimizeOptions,
  type OptimizerInput,
  solveAllocation,
  solveGreedy,
} from '@ntm/optimizer';

export interface WorkerRequest {
  input: OptimizerInput;
  options: OptimizeOptions;
  /** Test hook (optimizerTestHooks): block this long before solving. */
  blockBeforeSolveMs: number;
}

export interface WorkerData {
  /** Test hook (optimizerTestHooks): block this long before loading the solver. */
  blockBeforeLoadMs: number;
}

export type WorkerMessage =
  | { kind: 'progress'; runningSeconds: number; gap: number | null }
  | { kind: 'done'; result: ReturnType<typeof solveAllocation>; baseline: ReturnType<typeof solveGreedy> };

const PROGRESS_EVERY_MS = 250;

const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);
/** Holds the thread without yielding, as loading or running HiGHS does; terminate() still interrupts it. */
const blockThread = (ms: number) => {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

blockThread((workerData as WorkerData).blockBeforeLoadMs);
const highs = await loadSolver();

port.on('message', ({ input, options, blockBeforeSolveMs }: WorkerRequest) => {
  blockThread(blockBeforeSolveMs);
  let lastProgress = 0;
  const result = solveAllocation(highs, input, options, {
    onProgress: (progress) => {
      const now = Date.now();
      if (now - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = now;
      post({ kind: 'progress', runningSeconds: progress.runningSeconds, gap: progress.gap });
    },
  });
  post({ kind: 'done', result, baseline: solveGreedy(input, options) });
});
