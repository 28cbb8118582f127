// Cancelling an optimizer run at any step — right after it starts on a new worker, while the worker
// loads the solver, while it solves, as its result arrives — returns promptly, leaves no worker
// thread behind, and the next run still works. The bug this guards: a result delivered while the
// cancelled worker exited dropped terminate()'s own 'exit' listener, so the cancel never returned
// and the dead worker was kept for the next run, which then waited for the watchdog.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  cancelOptimization,
  findJob,
  liveOptimizerWorkers,
  optimizerTestHooks,
  stopOptimizerWorkers,
} from '../src/services/optimizer.ts';
import { startTestApp, type TestApp } from './harness.ts';

/** Generous: a cancel takes well under a second; the hang it guards against lasted a minute. */
const BOUND_MS = 20_000;
/** Longer than BOUND_MS, so a cancel that waited for a blocked step would fail the bound. */
const BLOCK_MS = 40_000;

let app: TestApp;
let planId: string;

const OPTIMIZE = `mutation($input: OptimizePlanInput!) { optimizePlan(input: $input) {
  __typename ... on Optimization { id state } ... on Error { code } } }`;
const CANCEL = `mutation($p: ID!, $o: ID!) { cancelOptimization(planId: $p, optimizationId: $o) {
  __typename ... on Optimization { id state proposal { cells { proposed } } } ... on Error { code } } }`;
const POLL = `query($id: ID!) { optimization(id: $id) { state proposal { cells { proposed } } } }`;

type Outcome = { __typename: string; id?: string; state?: string; code?: string; proposal?: unknown };

/** Rejects if `work` has not settled within BOUND_MS. */
function returnsPromptly<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not return within ${BOUND_MS} ms`)), BOUND_MS);
  });
  return Promise.race([work, hang]).finally(() => clearTimeout(timer));
}

async function start(): Promise<string> {
  const data = await app.ok<{ optimizePlan: Outcome }>(OPTIMIZE, { input: { planId, wait: false } });
  expect(data.optimizePlan.__typename).toBe('Optimization');
  return data.optimizePlan.id!;
}

async function cancel(id: string): Promise<Outcome> {
  const data = await returnsPromptly(
    app.ok<{ cancelOptimization: Outcome }>(CANCEL, { p: planId, o: id }),
    'cancel',
  );
  return data.cancelOptimization;
}

/** A cancel stops a running job (no proposal, its worker gone) or finds it already DONE. */
async function expectStopped(id: string, answer: Outcome): Promise<void> {
  expect(answer.__typename).toBe('Optimization');
  expect(['CANCELLED', 'DONE']).toContain(answer.state);
  await returnsPromptly(findJob(id).done, 'the run');
  const polled = (await app.ok(POLL, { id })).optimization;
  expect(polled.state).toBe(answer.state);
  if (answer.state === 'CANCELLED') {
    expect([answer.proposal, polled.proposal]).toEqual([null, null]);
    // Its worker was terminated and none was kept idle.
    expect(liveOptimizerWorkers()).toBe(0);
  } else {
    // Its worker is kept idle for the next run.
    expect(liveOptimizerWorkers()).toBe(1);
  }
}

async function expectNormalRun(): Promise<void> {
  const data = await returnsPromptly(app.ok(OPTIMIZE, { input: { planId } }), 'the next run');
  expect(data.optimizePlan.state).toBe('DONE');
  expect(liveOptimizerWorkers()).toBe(1);
}

beforeAll(async () => {
  app = await startTestApp();
  const data = await app.ok(`{ plans(first: 1) { edges { node { id } } } }`);
  planId = data.plans.edges[0].node.id;
}, 60_000);
afterEach(() => {
  optimizerTestHooks.blockBeforeLoadMs = 0;
  optimizerTestHooks.blockBeforeSolveMs = 0;
});
afterAll(async () => {
  await app?.close();
  expect(liveOptimizerWorkers()).toBe(0);
});

describe('cancelOptimization', () => {
  it('stops a run cancelled right after it starts, 20 times in a row, each on a new worker', async () => {
    for (let i = 0; i < 20; i++) {
      // Always a new worker: a cancelled run's worker is gone, a finished run's is dropped here.
      await stopOptimizerWorkers();
      const id = await start();
      await expectStopped(id, await cancel(id));
    }
    await expectNormalRun();
  }, 300_000);

  it('stops a run whose new worker is still loading the solver', async () => {
    await stopOptimizerWorkers();
    optimizerTestHooks.blockBeforeLoadMs = BLOCK_MS;
    const id = await start();
    // Only this run's worker blocks.
    optimizerTestHooks.blockBeforeLoadMs = 0;
    // Let the thread reach the blocked step (cancelling earlier is the test above).
    await new Promise((r) => setTimeout(r, 1_000));
    const answer = await cancel(id);
    expect(answer.state).toBe('CANCELLED');
    await expectStopped(id, answer);
    await expectNormalRun();
  });

  it('stops a run while it solves', async () => {
    await expectNormalRun();
    optimizerTestHooks.blockBeforeSolveMs = BLOCK_MS;
    const id = await start();
    optimizerTestHooks.blockBeforeSolveMs = 0;
    await new Promise((r) => setTimeout(r, 500));
    const answer = await cancel(id);
    expect(answer.state).toBe('CANCELLED');
    await expectStopped(id, answer);
    await expectNormalRun();
  });

  it('stops a run whose result is on its way: the result is dropped and the dying worker not reused', async () => {
    await expectNormalRun();
    const id = await start();
    const job = findJob(id);
    // Hold this thread (the API's) while the warm worker solves and posts its result, so the
    // cancel below comes before the result is handled: Node delivers it while the worker exits.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3_000);
    const answer = await returnsPromptly(cancelOptimization(id, job.planId), 'cancel');
    expect([answer.state, answer.proposal]).toEqual(['cancelled', null]);
    expect(liveOptimizerWorkers()).toBe(0);
    await expectNormalRun();
  });

  it('answers a finished or unknown run at once: DONE stays DONE, CANCELLED stays CANCELLED, unknown is an error', async () => {
    const done = (await app.ok(OPTIMIZE, { input: { planId } })).optimizePlan;
    expect(done.state).toBe('DONE');
    expect(await cancel(done.id)).toMatchObject({ state: 'DONE', proposal: { cells: expect.any(Array) } });

    const id = await start();
    const first = await cancel(id);
    await expectStopped(id, first);
    expect((await cancel(id)).state).toBe(first.state);

    const unknown = await cancel('00000000-0000-4000-8000-000000000000');
    expect(unknown).toEqual({ __typename: expect.stringMatching(/Error$/), code: 'UNKNOWN_OPTIMIZATION' });
    await expectNormalRun();
  });
});
