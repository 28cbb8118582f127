// Worker-thread entry: optimizer runs, one at a time. HiGHS blocks the thread it runs on, so it
// runs here and the API thread stays free; cancelling a run terminates this worker. Between runs
// the worker stays loaded (solver compiled) and waits for the next one.
import { parentPort } from 'node:worker_threads';
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
}

export type WorkerMessage =
  | { kind: 'progress'; runningSeconds: number; gap: number | null }
  | { kind: 'done'; result: ReturnType<typeof solveAllocation>; baseline: ReturnType<typeof solveGreedy> };

const PROGRESS_EVERY_MS = 250;

const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);
const highs = await loadSolver();

port.on('message', ({ input, options }: WorkerRequest) => {
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
