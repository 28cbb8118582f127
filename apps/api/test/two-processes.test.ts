// Two API processes on one PostgreSQL database: this test process runs one (createApp), a child
// process runs the real entry point (src/main.ts). Edits through either reach subscribers of the
// other through LISTEN/NOTIFY, and so does presence. Always on real PostgreSQL: the server from
// NTM_TEST_DATABASE_URL, or the local one these machines always have.
import { seedDemo, seedReference } from '@ntm/db';
import { createTestDb, type TestDb } from '@ntm/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';
import { type App, createApp } from '../src/server.ts';
import { type ApiProcess, gqlAt as gql, startApiProcess } from './api-process.ts';
import { sessionHeaders } from './auth-session.ts';
import { connectLive, type LiveClient, type LiveStream } from './live-client.ts';

const serverUrl = process.env['NTM_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let database: TestDb;
let appA: App;
let urlA: string;
let processB: ApiProcess;
const clients: LiveClient[] = [];
const ids = {} as Record<'plan', string>;
let cells: Array<{ communeId: string; criterionId: string; sourceId: string }> = [];

const SET_ALLOCATIONS = `mutation($input: SetAllocationsInput!) { setAllocations(input: $input) {
  __typename ... on SetAllocationsPayload { batchId cells { version } } ... on Error { code } } }`;

function live(url: string, name: string) {
  const client = connectLive(url, { name }, sessionHeaders());
  clients.push(client);
  return client;
}

const names = (event: any): string[] => event.viewers.map((v: any) => v.name).sort();

/** Follows ViewersChanged events (starting from `current`) until exactly `count` viewers are listed. */
async function untilViewers(stream: LiveStream, current: any, count: number) {
  let event = current;
  while (!event || event.viewers.length !== count) event = await stream.nextOf('ViewersChanged');
  return event;
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

beforeAll(async () => {
  database = await createTestDb({ serverUrl });
  await seedReference(database.db);
  await seedDemo(database.db);
  // The main process logs 'listening' at info; this one only needs to be quiet.
  appA = createApp({
    db: database.db,
    log: createLogger('silent'),
    webDist: '/nonexistent',
    ideEnabled: false,
    // One load client drives every request: no per-caller limit.
    rateLimit: { perMinute: 0, burst: 1 },
    maxBodyBytes: 16 * 1024 * 1024,
    listen: database.listen,
  });
  urlA = `http://127.0.0.1:${await appA.listen(0, '127.0.0.1')}`;
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${database.databaseName}`;
  processB = await startApiProcess({ DATABASE_URL: databaseUrl.toString(), NTM_SEED_DEMO: 'false' });

  const data = await gql(
    urlA,
    `{ plans { edges { node { id communes { commune { id } } criteriaSet { criteria { id } } } } }
      fundingSources { id code } }`,
  );
  const plan = data.plans.edges[0].node;
  ids.plan = plan.id;
  const source = data.fundingSources.find((s: any) => s.code === 'NS_HUYEN').id;
  cells = plan.communes.slice(0, 5).flatMap((c: any) =>
    plan.criteriaSet.criteria.slice(0, 5).map((k: any) => ({
      communeId: c.commune.id,
      criterionId: k.id,
      sourceId: source,
    })),
  );
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  if (processB && processB.child.exitCode === null) {
    processB.child.kill('SIGTERM');
    await processB.exited;
  }
  await appA?.stop();
  await database?.close();
});

describe('two API processes on one PostgreSQL', () => {
  it('shows viewers connected to either process', async () => {
    const a = await live(urlA, 'Huyện').watchPlan(ids.plan);
    const b = await live(processB.url, 'Xã').watchPlan(ids.plan);
    expect(names(await untilViewers(b.stream, b.viewers, 2))).toEqual(['Huyện', 'Xã']);
    expect(names(await untilViewers(a.stream, a.viewers, 2))).toEqual(['Huyện', 'Xã']);
    a.stream.unsubscribe();
    b.stream.unsubscribe();
  });

  it('delivers an edit made through one process to a subscriber of the other, both ways', async () => {
    const { stream: onB } = await live(processB.url, 'B').watchPlan(ids.plan);
    const { stream: onA } = await live(urlA, 'A').watchPlan(ids.plan);
    const cell = cells[0]!;
    const throughA = await gql(urlA, SET_ALLOCATIONS, {
      input: { planId: ids.plan, cells: [{ ...cell, amount: '111000000' }] },
    });
    expect(await onB.nextOf('CellsChanged', 10_000)).toMatchObject({
      batchId: throughA.setAllocations.batchId,
      actor: 'admin',
      cells: [{ ...cell, amount: '111000000', version: throughA.setAllocations.cells[0].version }],
    });
    const throughB = await gql(processB.url, SET_ALLOCATIONS, {
      input: { planId: ids.plan, cells: [{ ...cell, amount: '222000000' }] },
    });
    // A sees its own edit first, then B's: one commit order for everyone.
    expect(await onA.nextOf('CellsChanged', 10_000)).toMatchObject({
      batchId: throughA.setAllocations.batchId,
    });
    expect(await onA.nextOf('CellsChanged', 10_000)).toMatchObject({
      batchId: throughB.setAllocations.batchId,
      cells: [{ ...cell, amount: '222000000' }],
    });
    onA.unsubscribe();
    onB.unsubscribe();
  });

  it('measures delivery latency between processes', async () => {
    const { stream: onB } = await live(processB.url, 'latency').watchPlan(ids.plan);
    const fromRequest: number[] = [];
    const fromResponse: number[] = [];
    for (let i = 0; i < 45; i++) {
      const cell = cells[i % cells.length]!;
      const began = performance.now();
      const result = await gql(urlA, SET_ALLOCATIONS, {
        input: { planId: ids.plan, cells: [{ ...cell, amount: String(1_000_000 * (i + 1)) }] },
      });
      const answered = performance.now();
      const event = await onB.nextOf('CellsChanged', 10_000);
      const delivered = performance.now();
      expect(event.batchId).toBe(result.setAllocations.batchId);
      if (i < 5) continue; // warm-up
      fromRequest.push(delivered - began);
      fromResponse.push(delivered - answered);
    }
    const summary = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return `p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms`;
    };
    console.log(
      `[two-processes] delivery latency over ${fromRequest.length} edits (A → PostgreSQL → B → WebSocket):\n` +
        `  mutation sent → event received: ${summary(fromRequest)}\n` +
        `  mutation answered → event received: ${summary(fromResponse)}`,
    );
    onB.unsubscribe();
  });

  it('shuts the second process down gracefully and its viewers leave at once', async () => {
    const a = await live(urlA, 'stays').watchPlan(ids.plan);
    await live(processB.url, 'goes').watchPlan(ids.plan);
    expect(names(await untilViewers(a.stream, a.viewers, 2))).toEqual(['goes', 'stays']);
    processB.child.kill('SIGTERM');
    expect(await processB.exited).toBe(0);
    // Well within the 30 s a vanished session takes to expire: the leave was announced.
    expect(names(await untilViewers(a.stream, null, 1))).toEqual(['stays']);
  });
});
