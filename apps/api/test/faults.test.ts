// Faults: the API process killed with -9 in the middle of a 10,000-cell batch (PostgreSQL), a
// PostgreSQL restart under load, and kill -9 of the embedded (PGlite) mode on its data folder.
// Each time, acknowledged edits survive and nothing is half-written or applied twice.
// (a) and (b) need real PostgreSQL: the server from NTM_TEST_DATABASE_URL, or the local one these
// machines always have. (b) restarts that server with pg_ctlcluster — safe in CI, where test files
// run one at a time; NTM_TEST_PG_RESTART=0 skips it while others share the server.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo, seedReference } from '@ntm/db';
import { createTestDb, type TestDb } from '@ntm/db/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type ApiProcess, gqlAt as gql, startApiProcess } from './api-process.ts';
import {
  type AckedCell,
  type CellRef,
  type Known,
  LoadStats,
  maxAuditId,
  numericKey,
  postIdempotent,
  readAllocationAudit,
  SET_ALLOCATIONS,
  saveEdits,
} from './load-client.ts';

const serverUrl = process.env['NTM_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PG_CTLCLUSTER = '/usr/bin/pg_ctlcluster';
const canRestart =
  process.env['NTM_TEST_PG_RESTART'] !== '0' &&
  existsSync(PG_CTLCLUSTER) &&
  ['127.0.0.1', 'localhost'].includes(new URL(serverUrl).hostname);
const BATCH_CELLS = 10_000;

const log = (message: string) => console.log(`[faults] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const PLAN_CELLS = `{ plans { edges { node { id communes { commune { id isProgram135 } } criteriaSet { criteria { id } } } } }
  fundingSources { id code } }`;

/** Every plan cell an edit may use (CT135 only where eligible), in a stable order. */
async function loadCells(url: string): Promise<{ planId: string; cells: CellRef[] }> {
  const data = await gql(url, PLAN_CELLS);
  const plan = data.plans.edges[0].node;
  const cells: CellRef[] = [];
  for (const c of plan.communes)
    for (const k of plan.criteriaSet.criteria)
      for (const s of data.fundingSources)
        if (s.code !== 'CT135') cells.push({ communeId: c.commune.id, criterionId: k.id, sourceId: s.id });
  return { planId: plan.id, cells };
}

function databaseUrlOf(database: TestDb): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database.databaseName}`;
  return url.toString();
}

async function seededDatabase(extraCommunes = 0): Promise<TestDb> {
  const database = await createTestDb({ serverUrl });
  await seedReference(database.db);
  await seedDemo(database.db);
  if (extraCommunes > 0) {
    // The demo plan has 25 communes (3,800 writable cells): copies of one make room for 10,000.
    await sql`
      insert into commune (province_id, district_id, code, name, search_key, kind, region)
      select c.province_id, c.district_id, c.code || '-F' || g, c.name || ' F' || g, c.search_key || ' f' || g,
             c.kind, c.region
      from commune c, generate_series(1, ${extraCommunes}::int) g
      where c.id = (select min(commune_id) from plan_commune)`.execute(database.db);
    await sql`
      insert into plan_commune (plan_id, commune_id)
      select (select min(id) from plan), id from commune where code like '%-F%'`.execute(database.db);
  }
  return database;
}

describe('kill -9 of the API during a 10,000-cell batch (PostgreSQL)', () => {
  it('leaves the batch entirely applied or not at all, and a new process applies it whole', async () => {
    const database = await seededDatabase(45);
    let api: ApiProcess | undefined;
    try {
      api = await startApiProcess({ DATABASE_URL: databaseUrlOf(database), NTM_SEED_DEMO: 'false' });
      const { planId, cells } = await loadCells(api.url);
      expect(cells.length).toBeGreaterThanOrEqual(BATCH_CELLS);
      const marker = 987_654_321n;
      const body = {
        query: SET_ALLOCATIONS,
        variables: {
          input: {
            planId,
            cells: cells.slice(0, BATCH_CELLS).map((c) => ({ ...c, amount: marker.toString() })),
          },
        },
      };
      const startAudit = await maxAuditId(database.db);
      const batchState = async () => {
        const [allocated, audit] = await Promise.all([
          sql<{ n: string }>`select count(*)::text as n from allocation where amount = ${marker}`.execute(
            database.db,
          ),
          sql<{ batch_id: string; n: string }>`
            select batch_id, count(*)::text as n from audit_log
            where entity = 'allocation' and id > ${startAudit} group by batch_id`.execute(database.db),
        ]);
        return { cells: Number(allocated.rows[0]!.n), batches: audit.rows.map((r) => Number(r.n)) };
      };

      // Send the batch, and kill the process while PostgreSQL is executing its write.
      const sent = postIdempotent(api.url, body, 'kill-9-batch').catch(() => undefined);
      const began = Date.now();
      let isWriting = false;
      while (!isWriting && Date.now() - began < 20_000) {
        const active = await sql<{ n: string }>`
          select count(*)::text as n from pg_stat_activity
          where datname = ${database.databaseName!} and state = 'active' and query like '%insert into allocation as a (plan_id%'
            and pid <> pg_backend_pid()`.execute(database.db);
        isWriting = Number(active.rows[0]!.n) > 0;
        if (!isWriting) await sleep(5);
      }
      expect(isWriting, 'the batch write was seen running').toBe(true);
      await api.kill9();
      await sent;
      log(`killed the API ${Date.now() - began} ms after sending a ${BATCH_CELLS}-cell batch, mid-write`);

      // PostgreSQL notices the vanished client when the statement ends, then rolls back.
      const waitedFrom = Date.now();
      for (;;) {
        const open = await sql<{ n: string }>`
          select count(*)::text as n from pg_stat_activity
          where datname = ${database.databaseName!} and pid <> pg_backend_pid() and query like '%insert into allocation as a (plan_id%'
            and state <> 'idle'`.execute(database.db);
        if (Number(open.rows[0]!.n) === 0) break;
        if (Date.now() - waitedFrom > 30_000) throw new Error('the killed batch is still open after 30 s');
        await sleep(50);
      }
      const afterKill = await batchState();
      log(
        `after kill -9: ${afterKill.cells} cells with the batch's amount, audit batches ${JSON.stringify(afterKill.batches)}`,
      );
      expect([0, BATCH_CELLS]).toContain(afterKill.cells);
      expect(afterKill.batches.every((n) => n === BATCH_CELLS)).toBe(true);
      expect(afterKill.batches.length).toBe(afterKill.cells === 0 ? 0 : 1);

      // A new process and the client's retry with the same key: the batch is there once, whole.
      api = await startApiProcess({ DATABASE_URL: databaseUrlOf(database), NTM_SEED_DEMO: 'false' });
      const retry = await postIdempotent(api.url, body, 'kill-9-batch');
      expect(retry.json.data.setAllocations.__typename).toBe('SetAllocationsPayload');
      const final = await batchState();
      expect(final).toEqual({ cells: BATCH_CELLS, batches: [BATCH_CELLS] });
    } finally {
      await api?.kill9();
      await database.close();
    }
  }, 240_000);
});

describe.skipIf(!canRestart)('PostgreSQL restart under load', () => {
  it('recovers within 5 s by itself and applies every retried edit exactly once', async () => {
    const database = await seededDatabase();
    let api: ApiProcess | undefined;
    try {
      api = await startApiProcess({ DATABASE_URL: databaseUrlOf(database), NTM_SEED_DEMO: 'false' });
      const url = api.url;
      const { planId, cells } = await loadCells(url);
      const startAudit = await maxAuditId(database.db);

      const stats = new LoadStats();
      const acked: AckedCell[] = [];
      let isLoading = true;
      let conflicts = 0;
      const planners = Array.from({ length: 6 }, async (_, index) => {
        // Disjoint cells per planner: every edit is expected to succeed, so a lost one shows.
        const own = cells.filter((_, i) => i % 6 === index).slice(0, 200);
        const known = new Map<string, Known>();
        let n = 0;
        while (isLoading) {
          const cell = own[n % own.length]!;
          const base = known.get(numericKey(cell)) ?? { amount: 0n, version: 0 };
          n++;
          const outcome = await saveEdits(
            url,
            planId,
            [{ cell, amount: BigInt(index * 1_000_000 + n), expectedVersion: base.version }],
            'ALL_OR_NOTHING',
            // Every fifth answer is also thrown away and the request resent with the same key.
            { stats, retryUntil: Date.now() + 30_000, loseFirstAnswer: n % 5 === 0 },
          );
          // A conflict is not a loss: the server kept the newer value and said so, and the client
          // refreshes its version as the grid does. Under a restart a client can end up behind
          // (seen once in CI; cause not pinned down yet, see the closing note). What must never
          // happen — an acknowledged edit missing or applied twice — is checked against the audit.
          if (outcome.kind === 'failed') throw new Error(`edit not saved: ${outcome.error ?? ''}`);
          if (outcome.kind === 'conflict') conflicts++;
          acked.push(...outcome.acked);
          for (const { cell: c, current } of outcome.seen) known.set(numericKey(c), current);
        }
      });
      const loadDone = Promise.all(planners);
      await sleep(2_000);
      const restartBegan = Date.now();
      execFileSync(PG_CTLCLUSTER, ['--skip-systemctl-redirect', '15', 'main', 'restart'], {
        stdio: 'inherit',
      });
      const restarted = Date.now();
      // Recovered = /healthz says ok and a query through GraphQL answers.
      let recoveredAt = 0;
      while (Date.now() - restarted < 30_000) {
        try {
          const health = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) });
          if (health.status === 200) {
            await gql(url, '{ plans { edges { node { id } } } }');
            recoveredAt = Date.now();
            break;
          }
        } catch {
          // not yet
        }
        await sleep(50);
      }
      expect(api.child.exitCode, 'the API process is still running').toBeNull();
      expect(recoveredAt, 'the API answered again').toBeGreaterThan(0);
      const recoveryMs = recoveredAt - restarted;
      log(
        `PostgreSQL restart took ${restarted - restartBegan} ms; API healthy and answering ${recoveryMs} ms after it`,
      );
      expect(recoveryMs).toBeLessThanOrEqual(5_000);
      await sleep(2_000);
      isLoading = false;
      await loadDone;
      log(
        `under restart: ${stats.summary((Date.now() - restartBegan + 2_000) / 1000)}; ${conflicts} conflicts`,
      );

      {
        const audit = await readAllocationAudit(database.db, await planNumber(database.db), startAudit);
        const count = new Map<string, number>();
        for (const row of audit)
          count.set(`${row.batchId}/${row.key}`, (count.get(`${row.batchId}/${row.key}`) ?? 0) + 1);
        const notOnce = acked.filter((a) => count.get(`${a.batchId}/${a.key}`) !== 1);
        expect(notOnce, 'acknowledged edits not audited exactly once').toEqual([]);
        // Nothing applied that was not acknowledged: retries after lost answers did not apply twice.
        expect(audit.length).toBe(acked.length);
        expect(stats.failures).toBe(0);
      }
    } finally {
      await api?.kill9();
      await database.close();
    }
  }, 180_000);
});

async function planNumber(db: TestDb['db']): Promise<number> {
  return (await db.selectFrom('plan').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
}

describe('kill -9 of the embedded mode (PGlite data folder)', () => {
  it('reopens the folder without corruption and keeps every acknowledged edit', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ntm-faults-pglite-'));
    const env = { DATABASE_URL: '', NTM_DATA_DIR: dataDir, NTM_SEED_DEMO: 'true' };
    let api: ApiProcess | undefined;
    try {
      api = await startApiProcess(env);
      const { planId, cells } = await loadCells(api.url);
      const stats = new LoadStats();
      const acked = new Map<string, bigint>();
      // Acknowledged edits on the first half of the cells …
      const half = Math.floor(cells.length / 2);
      let n = 0;
      const ackedPhase = Array.from({ length: 4 }, async (_, index) => {
        for (let i = index; i < 120; i += 4) {
          const cell = cells[i]!;
          const amount = BigInt(1_000 + ++n);
          const outcome = await saveEdits(
            api!.url,
            planId,
            [{ cell, amount, expectedVersion: null }],
            'ALL_OR_NOTHING',
            {
              stats,
            },
          );
          expect(outcome.kind).toBe('saved');
          acked.set(numericKey(cell), amount);
        }
      });
      await Promise.all(ackedPhase);
      // … then kill -9 while more edits (on the other half) are in flight.
      const inFlight = Array.from({ length: 4 }, async (_, index) => {
        for (let i = half + index; i < cells.length; i += 4) {
          const outcome = await saveEdits(
            api!.url,
            planId,
            [{ cell: cells[i]!, amount: 7n, expectedVersion: null }],
            'ALL_OR_NOTHING',
          );
          if (outcome.kind !== 'saved') return;
        }
      });
      await sleep(300);
      await api.kill9();
      await Promise.all(inFlight);
      log(`embedded: ${acked.size} acknowledged edits, then kill -9 with edits in flight`);

      api = await startApiProcess(env);
      const data = await gql(
        api.url,
        `query($id: ID!) { plan(id: $id) { allocations(first: 1000, filter: { nonZero: true }) { edges { node {
          communeId criterionId sourceId amount } } } } }`,
        { id: planId },
      );
      const stored = new Map<string, bigint>(
        data.plan.allocations.edges.map((e: any) => [numericKey(e.node), BigInt(e.node.amount)]),
      );
      const lost = [...acked].filter(([key, amount]) => stored.get(key) !== amount);
      expect(lost, 'acknowledged edits missing after reopening').toEqual([]);
      // The reopened database takes writes again.
      const again = await saveEdits(
        api.url,
        planId,
        [{ cell: cells[0]!, amount: 1n, expectedVersion: null }],
        'ALL_OR_NOTHING',
      );
      expect(again.kind).toBe('saved');
    } finally {
      await api?.kill9();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
