// Soak: many planners on one plan for a minute, through HTTP, the way the web app saves (expected
// versions, Idempotency-Key, resend on a lost answer). Then the audit log must account for every
// acknowledged edit exactly once and replay to the exact table. PGlite by default; real
// PostgreSQL when NTM_TEST_DATABASE_URL is set. NTM_SOAK_SECONDS (60) sets each phase's length
// (phase 2 runs a third of it); NTM_SOAK_CLIENTS (20) the number of planners.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.ts';
import {
  type AckedCell,
  type AllocationRow,
  type CellRef,
  createRandom,
  type Edit,
  hashAllocations,
  type Known,
  LoadStats,
  maxAuditId,
  numericKey,
  readAllocationAudit,
  readAllocations,
  replayAudit,
  saveEdits,
} from './load-client.ts';

const SECONDS = Number(process.env['NTM_SOAK_SECONDS'] ?? 60);
const CLIENTS = Number(process.env['NTM_SOAK_CLIENTS'] ?? 20);
const SEED = Number(process.env['NTM_SOAK_SEED'] ?? Date.now() % 1_000_000);
const HOT_SHARE = 0.3;
const LOST_ANSWER_SHARE = 0.1;
const backend = process.env['NTM_TEST_DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

let app: TestApp;
let planId: string;
let planNumber: number;
let cells: CellRef[] = [];
let hot: CellRef[] = [];
let cold: CellRef[] = [];
let startTable: Map<string, AllocationRow>;
let startAuditId: bigint;
const acked: AckedCell[] = [];

const log = (message: string) => console.log(`[soak ${backend}] ${message}`);

beforeAll(async () => {
  app = await startTestApp();
  const data =
    await app.ok(`{ plans { edges { node { id communes { commune { id } } criteriaSet { criteria { id } } } } }
    fundingSources { id code } }`);
  const plan = data.plans.edges[0].node;
  planId = plan.id;
  const sources = data.fundingSources
    .filter((s: any) => s.code === 'NS_HUYEN' || s.code === 'NS_XA')
    .map((s: any) => s.id);
  cells = plan.communes.flatMap((c: any) =>
    plan.criteriaSet.criteria.flatMap((k: any) =>
      sources.map((sourceId: string) => ({ communeId: c.commune.id, criterionId: k.id, sourceId })),
    ),
  );
  hot = cells.slice(0, 8);
  cold = cells.slice(8);
  const row = await app.db.selectFrom('plan').select('id').orderBy('id').executeTakeFirstOrThrow();
  planNumber = row.id;
  startTable = await readAllocations(app.db, planNumber);
  startAuditId = await maxAuditId(app.db);
  log(`seed ${SEED}, ${CLIENTS} clients, ${cells.length} cells (${hot.length} hot), ${SECONDS} s per phase`);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

function knownFrom(table: Map<string, AllocationRow>): Map<string, Known> {
  const known = new Map<string, Known>();
  for (const cell of cells) {
    const row = table.get(numericKey(cell));
    known.set(numericKey(cell), { amount: row?.amount ?? 0n, version: row?.version ?? 0 });
  }
  return known;
}

function learn(known: Map<string, Known>, states: Array<{ cell: CellRef; current: Known }>) {
  for (const { cell, current } of states) {
    const key = numericKey(cell);
    // Answers can arrive out of order between a client's own requests: keep the newest.
    if ((known.get(key)?.version ?? -1) <= current.version) known.set(key, current);
  }
}

/** Checks everything the audit promises against the acknowledgements and the table. */
async function checkAudit(phase: string) {
  const audit = await readAllocationAudit(app.db, planNumber, startAuditId);
  const table = await readAllocations(app.db, planNumber);

  // Every acknowledged cell is in the audit exactly once, as acknowledged, based on the version sent.
  const byBatchCell = new Map<string, (typeof audit)[number][]>();
  for (const row of audit) {
    const id = `${row.batchId}/${row.key}`;
    byBatchCell.set(id, [...(byBatchCell.get(id) ?? []), row]);
  }
  const missing: string[] = [];
  const doubled: string[] = [];
  const stale: string[] = [];
  for (const ack of acked) {
    const rows = byBatchCell.get(`${ack.batchId}/${ack.key}`) ?? [];
    if (rows.length === 0) missing.push(`${ack.batchId}/${ack.key}`);
    if (rows.length > 1) doubled.push(`${ack.batchId}/${ack.key}`);
    const row = rows[0];
    if (!row) continue;
    expect(row.after).toEqual({ amount: ack.amount, version: ack.version });
    if (ack.expectedVersion !== null && (row.before?.version ?? 0) !== ack.expectedVersion) {
      stale.push(
        `${ack.batchId}/${ack.key}: sent v${ack.expectedVersion}, applied on v${row.before?.version ?? 0}`,
      );
    }
  }
  expect(missing, 'acknowledged edits missing from the audit').toEqual([]);
  expect(doubled, 'acknowledged edits audited twice').toEqual([]);
  expect(stale, 'edits applied over a version other than the one sent').toEqual([]);
  // Every request got a final answer, so every audited change was acknowledged to someone.
  expect(audit.length).toBe(acked.length);

  // Each cell's value and version are its last audit row's.
  const last = new Map(audit.map((row) => [row.key, row.after]));
  const drifted = [...last].filter(([key, after]) => {
    const row = table.get(key);
    return row?.amount !== after.amount || row.version !== after.version;
  });
  expect(drifted, 'cells that differ from their last audit row').toEqual([]);

  // Replaying the audit over the starting table gives the table, and every row continues its cell.
  const replayed = replayAudit(startTable, audit);
  expect(replayed.brokenChains, 'audit rows whose before is not the cell at that point').toEqual([]);
  expect(hashAllocations(replayed.table)).toBe(hashAllocations(table));
  log(
    `${phase}: ${audit.length} audit rows, all acknowledged edits accounted for; table hash ${hashAllocations(table).slice(0, 12)}`,
  );
}

describe(`soak on ${backend}`, () => {
  it(
    `keeps every acknowledged edit exactly once with ${CLIENTS} planners editing for ${SECONDS} s`,
    async () => {
      const stats = new LoadStats();
      const deadline = Date.now() + SECONDS * 1000;
      const began = performance.now();
      const planner = async (index: number) => {
        const random = createRandom(SEED * 100 + index);
        const known = knownFrom(startTable);
        while (Date.now() < deadline) {
          const size = random.chance(0.6) ? 1 : 2 + random.int(4);
          const chosen = new Map<string, CellRef>();
          while (chosen.size < size) {
            const cell = random.chance(HOT_SHARE) ? random.pick(hot) : random.pick(cold);
            chosen.set(numericKey(cell), cell);
          }
          const edits: Edit[] = [...chosen.values()].map((cell) => ({
            cell,
            amount: random.chance(0.05) ? 0n : BigInt(1 + random.int(1_000_000)) * 1000n,
            // A few deliberate overwrites, the way an integrator may choose to write.
            expectedVersion: random.chance(0.02) ? null : known.get(numericKey(cell))!.version,
          }));
          const outcome = await saveEdits(
            app.url,
            planId,
            edits,
            random.chance(0.5) ? 'ALL_OR_NOTHING' : 'APPLY_OTHERS',
            { loseFirstAnswer: random.chance(LOST_ANSWER_SHARE), stats },
          );
          if (outcome.kind === 'failed') throw new Error(`save failed: ${outcome.error}`);
          acked.push(...outcome.acked);
          learn(known, outcome.seen);
        }
      };
      await Promise.all(Array.from({ length: CLIENTS }, (_, i) => planner(i)));
      log(`phase 1 (set values): ${stats.summary((performance.now() - began) / 1000)}`);
      expect(stats.failures).toBe(0);
      expect(stats.ackedCells).toBeGreaterThan(0);
      expect(stats.conflictRequests).toBeGreaterThan(0);
      await checkAudit('phase 1');
    },
    SECONDS * 1000 * 3 + 120_000,
  );

  it(
    'adds every acknowledged delta to the grand total exactly once under read-modify-write',
    async () => {
      const totalOf = async () =>
        [...(await readAllocations(app.db, planNumber)).values()].reduce((s, r) => s + r.amount, 0n);
      const startTotal = await totalOf();
      const startState = await readAllocations(app.db, planNumber);
      const stats = new LoadStats();
      const seconds = Math.max(5, SECONDS / 3);
      const deadline = Date.now() + seconds * 1000;
      const began = performance.now();
      let ackedDeltas = 0n;
      let gaveUp = 0;
      const planner = async (index: number) => {
        const random = createRandom(SEED * 100 + 50 + index);
        const known = knownFrom(startState);
        while (Date.now() < deadline) {
          const cell = random.chance(HOT_SHARE) ? random.pick(hot) : random.pick(cold);
          const key = numericKey(cell);
          // "Add X đồng", X to the đồng; sometimes a withdrawal when the cell seems to hold enough.
          let delta = BigInt(1 + random.int(5_000_000));
          if (random.chance(0.3) && known.get(key)!.amount >= delta) delta = -delta;
          let done = false;
          for (let attempt = 0; attempt < 50 && !done; attempt++) {
            const base = known.get(key)!;
            if (base.amount + delta < 0n) break;
            const outcome = await saveEdits(
              app.url,
              planId,
              [{ cell, amount: base.amount + delta, expectedVersion: base.version }],
              'ALL_OR_NOTHING',
              { loseFirstAnswer: random.chance(LOST_ANSWER_SHARE), stats },
            );
            if (outcome.kind === 'failed') throw new Error(`save failed: ${outcome.error}`);
            learn(known, outcome.seen);
            if (outcome.kind === 'saved') {
              expect(outcome.acked).toHaveLength(1);
              acked.push(...outcome.acked);
              ackedDeltas += delta;
              done = true;
            }
          }
          if (!done) gaveUp++;
        }
      };
      await Promise.all(Array.from({ length: CLIENTS }, (_, i) => planner(i)));
      log(
        `phase 2 (add X đồng): ${stats.summary((performance.now() - began) / 1000)}; ` +
          `net acknowledged delta ${ackedDeltas} đồng; ${gaveUp} edits given up after 50 conflicts`,
      );
      expect(stats.failures).toBe(0);
      expect(await totalOf()).toBe(startTotal + ackedDeltas);
      await checkAudit('phase 2');
    },
    SECONDS * 1000 * 2 + 120_000,
  );
});
