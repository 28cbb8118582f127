// The optimizer over HTTP on the Lục Nam demo: a run in a worker thread, its explained proposal,
// polling and cancelling, the norm split, and acceptance as one audited, version-checked batch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optimizerRunsStarted } from '../src/services/optimizer.ts';
import { sessionHeaders } from './auth-session.ts';
import { startTestApp, type TestApp } from './harness.ts';

let app: TestApp;
let planId: string;
const sources: Record<string, string> = {};

const RUN = `fragment Run on Optimization {
  id state kind failure
  proposal {
    solver { status gap solveSeconds }
    summary { targetCommunes reachedCommunes reachedWeight totalWeight newMoney shortfall }
    baseline { reachedCommunes reachedWeight }
    communes { communeId commune { name } status reason shortfall amount criteriaFunded explanation
      missingCriteria { number } bindingSources { code } }
    cells { communeId criterionId sourceId communeName criterionNumber sourceCode current proposed currentVersion }
    sources { source { code } cap proposedTotal }
    normTotal normShares { communeName coefficient amount }
  }
}`;
const OPTIMIZE = `${RUN} mutation($input: OptimizePlanInput!) { optimizePlan(input: $input) {
  __typename ... on Optimization { ...Run } ... on Error { code message } } }`;
const POLL = `${RUN} query($id: ID!) { optimization(id: $id) { ...Run } }`;
const CANCEL = `mutation($p: ID!, $o: ID!) { cancelOptimization(planId: $p, optimizationId: $o) {
  __typename ... on Optimization { id state proposal { summary { reachedCommunes } } } ... on Error { code } } }`;
const NORM = `${RUN} mutation($input: NormSplitPlanInput!) { normSplitPlan(input: $input) {
  __typename ... on Optimization { ...Run } ... on Error { code message } } }`;
const ACCEPT = `mutation($input: AcceptProposalInput!) { acceptProposal(input: $input) {
  __typename
  ... on AcceptProposalPayload { batchId changedCount conflicts { communeId } plan { totals(by: SOURCE) { id amount } } }
  ... on VersionConflictError { code conflicts { communeId criterionId sourceId currentAmount } }
  ... on Error { code message } } }`;
const SET = `mutation($input: SetAllocationsInput!) { setAllocations(input: $input) { __typename } }`;

type Run = {
  id: string;
  state: string;
  proposal: {
    solver: { status: string; gap: number; solveSeconds: number } | null;
    summary: { reachedCommunes: number; reachedWeight: number; targetCommunes: number; newMoney: string };
    baseline: { reachedWeight: number };
    communes: Array<{
      communeId: string;
      commune: { name: string };
      status: string;
      reason: string | null;
      shortfall: string;
      amount: string;
      explanation: string;
      bindingSources: Array<{ code: string }>;
    }>;
    cells: Array<{
      communeId: string;
      criterionId: string;
      sourceId: string;
      sourceCode: string;
      current: string;
      proposed: string;
      currentVersion: number;
    }>;
    sources: Array<{ source: { code: string }; cap: string; proposedTotal: string }>;
    normTotal: string | null;
    normShares: Array<{ communeName: string; coefficient: number; amount: string }>;
  };
};

async function optimize(input: Record<string, unknown>, locale = 'vi'): Promise<Run> {
  const data = await app.ok<{ optimizePlan: Run & { __typename: string } }>(
    OPTIMIZE,
    { input: { planId, ...input } },
    locale,
  );
  expect(data.optimizePlan.__typename).toBe('Optimization');
  return data.optimizePlan;
}

/** Polls a run until it is no longer running (10 s at most). */
async function settled(id: string): Promise<Run> {
  let polled = (await app.ok<{ optimization: Run }>(POLL, { id })).optimization;
  for (let i = 0; i < 100 && polled.state === 'RUNNING'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    polled = (await app.ok<{ optimization: Run }>(POLL, { id })).optimization;
  }
  return polled;
}

beforeAll(async () => {
  app = await startTestApp();
  const data = await app.ok(`{ plans(first: 1) { edges { node { id } } } fundingSources { id code } }`);
  planId = data.plans.edges[0].node.id;
  for (const s of data.fundingSources) sources[s.code] = s.id;
}, 60_000);
afterAll(() => app?.close());

describe('optimizePlan', () => {
  it('explains every one of the 7 targets and reaches at least as many as the greedy baseline, within confirmed caps', async () => {
    const run = await optimize({ capMode: 'CONFIRMED', existing: 'KEEP' });
    expect([run.state, (run as any).failure]).toEqual(['DONE', null]);
    const { proposal } = run;
    expect(proposal.solver).toMatchObject({ status: 'OPTIMAL', gap: 0 });
    expect(proposal.summary.targetCommunes).toBe(7);
    expect(proposal.communes).toHaveLength(7);
    expect(proposal.summary.reachedWeight).toBeGreaterThanOrEqual(proposal.baseline.reachedWeight);
    for (const commune of proposal.communes) {
      expect(commune.explanation).toContain(commune.commune.name);
      if (commune.status === 'REACHED') {
        expect(commune.explanation).toMatch(/đạt chuẩn: \d+ tiêu chí, [\d,]+ (tỷ|triệu)/);
        expect(commune.shortfall).toBe('0');
      }
      if (commune.status === 'NOT_REACHED') {
        expect(commune.reason).toBe('CAPS_BINDING');
        expect(BigInt(commune.shortfall)).toBeGreaterThan(0n);
        expect(commune.explanation).toMatch(
          /không thể về đích quý [IV]+\/2022: thiếu [\d,]+ (tỷ|triệu) ở tiêu chí/,
        );
      }
    }
    // Confirmed only: sources with no confirmed cap get no new money, and no cap is exceeded by new money.
    for (const cell of proposal.cells) {
      expect(BigInt(cell.proposed)).toBeGreaterThan(BigInt(cell.current));
      expect(['NSTW', 'NS_TINH', 'CT135']).toContain(cell.sourceCode);
    }
    for (const use of proposal.sources.filter((s) => ['NSTW', 'NS_TINH', 'CT135'].includes(s.source.code))) {
      expect(BigInt(use.proposedTotal)).toBeLessThanOrEqual(BigInt(use.cap));
    }
  });

  it('reaches more targets when expected money counts, and answers in English', async () => {
    const confirmed = await optimize({ capMode: 'CONFIRMED' });
    const expected = await optimize({ capMode: 'EXPECTED' }, 'en');
    expect(expected.proposal.summary.reachedWeight).toBeGreaterThanOrEqual(
      confirmed.proposal.summary.reachedWeight,
    );
    const reached = expected.proposal.communes.find((c) => c.status === 'REACHED');
    expect(reached?.explanation).toMatch(/reaches the standard: \d+ criteria/);
  });

  it('runs in the background when asked, reports its state, and can be cancelled', async () => {
    const started = await optimize({ wait: false });
    expect(['RUNNING', 'DONE']).toContain(started.state);
    const polled = await settled(started.id);
    expect(polled.state).toBe('DONE');
    expect(polled.proposal.summary.targetCommunes).toBe(7);

    const another = await optimize({ wait: false });
    const cancelled = await app.ok(CANCEL, { p: planId, o: another.id });
    // A run that already finished stays DONE; one still running is stopped without a proposal.
    if (cancelled.cancelOptimization.state === 'CANCELLED')
      expect(cancelled.cancelOptimization.proposal).toBeNull();
    else expect(cancelled.cancelOptimization.state).toBe('DONE');
  });
});

describe('optimizePlan with an Idempotency-Key', () => {
  /** Raw POST: the replay header and the stored body byte for byte. */
  const post = (key: string, query: string, variables: Record<string, unknown>) =>
    fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key, ...sessionHeaders() },
      body: JSON.stringify({ query, variables }),
    });
  const optimizeWithKey = (key: string, input: Record<string, unknown> = {}) =>
    post(key, OPTIMIZE, { input: { planId, ...input } });
  const idOf = (body: string) =>
    (JSON.parse(body) as { data: { optimizePlan: { id: string } } }).data.optimizePlan.id;

  it('answers a retry with the first run, without starting another', async () => {
    const before = optimizerRunsStarted();
    const first = await optimizeWithKey('optimize-retry-1');
    const firstBody = await first.text();
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const retry = await optimizeWithKey('optimize-retry-1');
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const retryBody = await retry.text();
    expect(retryBody).toBe(firstBody);
    expect(idOf(retryBody)).toBe(idOf(firstBody));
    expect(optimizerRunsStarted() - before).toBe(1);
  });

  it('starts one run for two copies sent at the same moment', async () => {
    const before = optimizerRunsStarted();
    // Waiting for the run keeps the first copy in flight while the second arrives.
    const responses = await Promise.all([
      optimizeWithKey('optimize-race-1'),
      optimizeWithKey('optimize-race-1'),
    ]);
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(responses.map((r) => r.headers.get('idempotent-replayed')).sort()).toEqual([null, 'true']);
    expect(optimizerRunsStarted() - before).toBe(1);
  });

  it('refuses the same key for a different run before starting it', async () => {
    await optimizeWithKey('optimize-reuse-1', { capMode: 'CONFIRMED' });
    const before = optimizerRunsStarted();
    const reused = await optimizeWithKey('optimize-reuse-1', { capMode: 'EXPECTED' });
    expect(reused.status).toBe(422);
    expect(((await reused.json()) as any).errors[0].extensions.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(optimizerRunsStarted()).toBe(before);
  });

  it('refuses a reused key for cancelOptimization before stopping the run', async () => {
    const started = await optimizeWithKey('cancel-reuse-1', { wait: false, timeLimitSeconds: 300 });
    const runId = idOf(await started.text());
    const reused = await post('cancel-reuse-1', CANCEL, { p: planId, o: runId });
    expect(reused.status).toBe(422);
    // Stopped, it would end CANCELLED; it runs to its proposal instead.
    expect((await settled(runId)).state).toBe('DONE');
  });
});

describe('normSplitPlan', () => {
  it('splits the central budget by norm coefficients exactly to the đồng', async () => {
    const data = await app.ok<{ normSplitPlan: Run }>(NORM, { input: { planId, sourceId: sources.NSTW } });
    const run = data.normSplitPlan;
    expect([run.state, (run as any).failure]).toEqual(['DONE', null]);
    expect(run.proposal.normTotal).toBe('17000000000');
    const shares = run.proposal.normShares;
    expect(shares.length).toBeGreaterThan(0);
    expect(shares.reduce((s, x) => s + BigInt(x.amount), 0n)).toBe(17_000_000_000n);
    for (const share of shares) expect([25, 30, 40, 50]).toContain(share.coefficient);
    const proposedNstw = run.proposal.cells.reduce((s, c) => s + BigInt(c.proposed), 0n);
    expect(proposedNstw).toBeLessThanOrEqual(17_000_000_000n);
  });
});

describe('acceptProposal', () => {
  it('writes the chosen communes as one batch audited with origin optimizer, and the plan totals change', async () => {
    const run = await optimize({ capMode: 'CONFIRMED' });
    const reached = run.proposal.communes.filter((c) => c.status === 'REACHED').map((c) => c.communeId);
    expect(reached.length).toBeGreaterThan(0);
    const chosen = reached.slice(0, 1);
    const expectedCells = run.proposal.cells.filter((c) => chosen.includes(c.communeId));
    const before = await app.ok(
      `query($id: ID!) { node(id: $id) { ... on Plan { totals(by: SOURCE) { id amount } } } }`,
      {
        id: planId,
      },
    );
    const total = (rows: Array<{ amount: string }>) => rows.reduce((s, r) => s + BigInt(r.amount), 0n);

    const accepted = await app.ok(ACCEPT, { input: { planId, optimizationId: run.id, communeIds: chosen } });
    const payload = accepted.acceptProposal;
    expect(payload.__typename).toBe('AcceptProposalPayload');
    expect(payload.changedCount).toBe(expectedCells.length);
    const added = expectedCells.reduce((s, c) => s + BigInt(c.proposed) - BigInt(c.current), 0n);
    expect(total(payload.plan.totals)).toBe(total(before.node.totals) + added);

    const audit = await app.db
      .selectFrom('audit_log')
      .select(['origin', 'entity'])
      .where('batch_id', '=', payload.batchId)
      .execute();
    expect(audit).toHaveLength(expectedCells.length);
    expect(audit.every((row) => row.origin === 'optimizer' && row.entity === 'allocation')).toBe(true);
  });

  it('reports a conflict instead of overwriting a cell that moved after the proposal', async () => {
    const run = await optimize({ capMode: 'EXPECTED' });
    const cell = run.proposal.cells[0]!;
    await app.ok(SET, {
      input: {
        planId,
        cells: [
          {
            communeId: cell.communeId,
            criterionId: cell.criterionId,
            sourceId: cell.sourceId,
            amount: '7',
            expectedVersion: cell.currentVersion,
          },
        ],
      },
    });
    const key = { communeId: cell.communeId, criterionId: cell.criterionId, sourceId: cell.sourceId };
    const rejected = await app.ok(ACCEPT, { input: { planId, optimizationId: run.id, cells: [key] } });
    expect(rejected.acceptProposal).toMatchObject({
      __typename: 'VersionConflictError',
      code: 'VERSION_CONFLICT',
    });
    expect(rejected.acceptProposal.conflicts).toEqual([{ ...key, currentAmount: '7' }]);
  });
});
