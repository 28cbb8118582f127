// Concurrent planners on loopback: single-cell edits over N keep-alive connections and the soak mix
// (hot cells, multi-cell batches, lost answers resent with the same Idempotency-Key), on
// PostgreSQL and PGlite, each followed by an audit check counting lost edits; then subscription
// delivery latency between two API processes on one PostgreSQL. Prints markdown tables.
// On PostgreSQL the API runs in its own process(es) (this script with --serve), so the load
// clients here do not share its event loop; the clients learn versions like the grid does, from
// planChanged events and conflict answers, so a conflict means real contention.
// Run: pnpm --filter @ntm/bench bench:edits   (knobs in env.ts). Talks only to 127.0.0.1.
// Node 20 needs --experimental-websocket for the subscriber (the script passes it).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createLogger } from '@ntm/api/logger';
import { type App, createApp } from '@ntm/api/server';
import { createDb, type Database, type Db, seedDemo, seedReference } from '@ntm/db';
import { createTestDb, type TestDb } from '@ntm/db/testing';
import { type Kysely, sql } from 'kysely';
import { env } from './env.ts';
import { signInAsBenchAdmin } from './sign-in.ts';

type Backend = 'pglite' | 'postgres';

const SAVE = `mutation Save($input: SetAllocationsInput!) { setAllocations(input: $input) {
  __typename
  ... on SetAllocationsPayload { batchId cells { communeId criterionId sourceId amount version changed }
    conflicts { communeId criterionId sourceId currentVersion currentAmount } }
  ... on VersionConflictError { conflicts { communeId criterionId sourceId currentVersion currentAmount } }
  ... on Error { code message } } }`;
const WATCH = `subscription Watch($planId: ID!) { planChanged(planId: $planId) {
  __typename ... on CellsChanged { batchId cells { communeId criterionId sourceId amount version } } } }`;

interface CellRef {
  communeId: string;
  criterionId: string;
  sourceId: string;
}
interface Known {
  amount: bigint;
  version: number;
}
interface Ack {
  batchId: string;
  key: string;
  amount: bigint;
}

interface LoadResult {
  seconds: number;
  requests: number;
  latencies: number[];
  acked: Ack[];
  conflictRequests: number;
  lostAnswers: number;
  failures: number;
  /** Answered during the warm-up (the CPU samples span it too). */
  warmupRequests: number;
}

interface ScenarioRow {
  backend: Backend;
  scenario: string;
  reqPerSec: number;
  cellsPerSec: number;
  p50: number;
  p99: number;
  conflicts: number;
  requests: number;
  lost: number;
  failures: number;
  /** 1-minute load average when the scenario ended (2 cores: above 2 means waiting for CPU). */
  load: number;
  /** CPU milliseconds per answered request: the API process(es), PostgreSQL's backends, this process (the clients). */
  cpuPerRequest: { api: number; postgres: number; clients: number } | null;
}

const keyOf = (c: CellRef) => `${c.communeId}|${c.criterionId}|${c.sourceId}`;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (max: number) => Math.floor(next() * max),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

async function post(target: Target, body: unknown, key: string) {
  const response = await fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key, ...target.headers },
    body: JSON.stringify(body),
  });
  return (await response.json()) as any;
}

/** One save as the web app does it: fresh key, optionally resent after throwing the first answer away. */
async function save(
  target: Target,
  edits: Array<{ cell: CellRef; amount: bigint; expectedVersion: number }>,
  mode: 'ALL_OR_NOTHING' | 'APPLY_OTHERS',
  loseFirstAnswer: boolean,
) {
  const body = {
    query: SAVE,
    operationName: 'Save',
    variables: {
      input: {
        planId: target.planId,
        conflictMode: mode,
        cells: edits.map((e) => ({
          ...e.cell,
          amount: e.amount.toString(),
          expectedVersion: e.expectedVersion,
        })),
      },
    },
  };
  const key = randomUUID();
  if (loseFirstAnswer) await post(target, body, key).catch(() => undefined);
  const json = await post(target, body, key);
  return json?.data?.setAllocations as any;
}

/** Runs `clients` loops of `step` for the warm-up, then for `seconds` measured. */
async function runLoad(
  clients: number,
  seconds: number,
  known: Map<string, Known>,
  step: (client: number, known: Map<string, Known>, result: LoadResult) => Promise<void>,
): Promise<LoadResult> {
  const result: LoadResult = {
    seconds,
    requests: 0,
    latencies: [],
    acked: [],
    conflictRequests: 0,
    lostAnswers: 0,
    failures: 0,
    warmupRequests: 0,
  };
  const warmup: LoadResult = { ...result, latencies: [], acked: [] };
  const warmEnd = Date.now() + 2_000;
  const end = warmEnd + seconds * 1000;
  let measureStart = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (Date.now() < end) {
        const isWarm = Date.now() >= warmEnd;
        if (isWarm && measureStart === 0) measureStart = performance.now();
        await step(client, known, isWarm ? result : warmup);
      }
    }),
  );
  result.seconds = (performance.now() - measureStart) / 1000;
  // Warm-up edits are real edits too: they count for the lost-edit check.
  result.acked.push(...warmup.acked);
  result.failures += warmup.failures;
  result.warmupRequests = warmup.requests;
  return result;
}

function record(
  answer: any,
  known: Map<string, Known>,
  result: LoadResult,
  began: number,
  cellKey: (c: CellRef) => string,
) {
  result.requests++;
  result.latencies.push(performance.now() - began);
  if (answer?.__typename === 'SetAllocationsPayload') {
    for (const c of answer.cells) {
      learn(known, c, BigInt(c.amount), c.version);
      if (c.changed)
        result.acked.push({ batchId: answer.batchId, key: cellKey(c), amount: BigInt(c.amount) });
    }
    if (answer.conflicts.length > 0) result.conflictRequests++;
  } else if (answer?.__typename === 'VersionConflictError') {
    result.conflictRequests++;
  } else {
    result.failures++;
    return;
  }
  for (const c of answer.conflicts) learn(known, c, BigInt(c.currentAmount), c.currentVersion);
}

/** Answers and events arrive out of order: a cell's known version only moves forward. */
function learn(known: Map<string, Known>, cell: CellRef, amount: bigint, version: number) {
  const key = keyOf(cell);
  if ((known.get(key)?.version ?? -1) < version) known.set(key, { amount, version });
}

/** Acknowledged edits missing from the audit (or with another value there), plus audit rows nobody was told about. */
async function countLost(db: Kysely<Database>, acked: readonly Ack[], afterId: bigint): Promise<number> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['batch_id', 'commune_id', 'criterion_id', 'source_id', 'after'])
    .where('entity', '=', 'allocation')
    .where('id', '>', afterId)
    .execute();
  const audited = new Map<string, string[]>();
  for (const r of rows) {
    const id = `${r.batch_id}/${r.commune_id}:${r.criterion_id}:${r.source_id}`;
    const after = (typeof r.after === 'string' ? JSON.parse(r.after) : r.after) as { amount: string };
    audited.set(id, [...(audited.get(id) ?? []), after.amount]);
  }
  let lost = 0;
  for (const ack of acked) {
    const amounts = audited.get(`${ack.batchId}/${ack.key}`) ?? [];
    if (amounts.length !== 1 || amounts[0] !== ack.amount.toString()) lost++;
  }
  return lost + Math.max(0, rows.length - acked.length);
}

async function maxAuditId(db: Kysely<Database>): Promise<bigint> {
  const row = await sql<{ id: string | null }>`select max(id)::text as id from audit_log`.execute(db);
  return BigInt(row.rows[0]?.id ?? '0');
}

interface Target {
  url: string;
  /** Every API process serving the load (PostgreSQL: `--serve` children); clients take turns. */
  urls: string[];
  /** Versions every client knows, kept fresh by planChanged like the grid's. */
  known: Map<string, Known>;
  /** The bench admin's session, sent with every request. */
  headers: { cookie: string };
  db: Kysely<Database>;
  planId: string;
  cells: CellRef[];
  /** Global-id key → the audit log's numeric `commune:criterion:source`. */
  numeric: Map<string, string>;
}

async function prepareTarget(urls: string[], db: Kysely<Database>): Promise<Target> {
  const url = urls[0]!;
  const { headers } = await signInAsBenchAdmin(db, url);
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({
      query: `{ plans { edges { node { id communes { commune { id } } criteriaSet { criteria { id } } } } }
        fundingSources { id code } }`,
    }),
  });
  const data = ((await response.json()) as any).data;
  const plan = data.plans.edges[0].node;
  const sources = data.fundingSources.filter((s: any) => s.code !== 'CT135');
  const cells: CellRef[] = [];
  for (const c of plan.communes)
    for (const k of plan.criteriaSet.criteria)
      for (const s of sources) cells.push({ communeId: c.commune.id, criterionId: k.id, sourceId: s.id });
  // Global IDs are base64("Type:id"): decode them once for the audit comparison.
  const idOf = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1];
  const numeric = new Map(
    cells.map((c) => [keyOf(c), `${idOf(c.communeId)}:${idOf(c.criterionId)}:${idOf(c.sourceId)}`]),
  );
  return { url, urls, known: new Map(), headers, db, planId: plan.id, cells, numeric };
}

/** The client's API process: clients are spread over the processes in turn. */
function clientTarget(target: Target, client: number): Target {
  return { ...target, url: target.urls[client % target.urls.length]! };
}

async function singleCellScenario(target: Target): Promise<LoadResult> {
  const cellKey = (c: CellRef) => target.numeric.get(keyOf(c))!;
  return runLoad(env.editConnections, env.editSeconds, target.known, async (client, known, result) => {
    const random = createRandom(env.seed + client + result.requests * 7919);
    const cell = random.pick(target.cells);
    const began = performance.now();
    const answer = await save(
      clientTarget(target, client),
      [
        {
          cell,
          amount: BigInt(1 + random.int(1_000_000)) * 1000n,
          expectedVersion: known.get(keyOf(cell))?.version ?? 0,
        },
      ],
      'ALL_OR_NOTHING',
      false,
    );
    record(answer, known, result, began, cellKey);
  });
}

async function soakMixScenario(target: Target): Promise<LoadResult> {
  const cellKey = (c: CellRef) => target.numeric.get(keyOf(c))!;
  const hot = target.cells.slice(0, 8);
  const cold = target.cells.slice(8);
  const randoms = Array.from({ length: env.editPlanners }, (_, i) => createRandom(env.seed * 31 + i));
  return runLoad(env.editPlanners, env.editSeconds, target.known, async (client, known, result) => {
    const random = randoms[client]!;
    const size = random.chance(0.6) ? 1 : 2 + random.int(4);
    const chosen = new Map<string, CellRef>();
    while (chosen.size < size) {
      const cell = random.chance(0.3) ? random.pick(hot) : random.pick(cold);
      chosen.set(keyOf(cell), cell);
    }
    const edits = [...chosen.values()].map((cell) => ({
      cell,
      amount: random.chance(0.05) ? 0n : BigInt(1 + random.int(1_000_000)) * 1000n,
      expectedVersion: known.get(keyOf(cell))?.version ?? 0,
    }));
    const loseFirstAnswer = random.chance(0.1);
    if (loseFirstAnswer) result.lostAnswers++;
    const began = performance.now();
    const answer = await save(
      clientTarget(target, client),
      edits,
      random.chance(0.5) ? 'ALL_OR_NOTHING' : 'APPLY_OTHERS',
      loseFirstAnswer,
    );
    record(answer, known, result, began, cellKey);
  });
}

async function openBackend(
  backend: Backend,
): Promise<{ app: Db; admin: TestDb | null; databaseUrl?: string }> {
  if (backend === 'pglite') {
    const app = await createDb();
    await app.migrate();
    return { app, admin: null };
  }
  // createTestDb creates (and on close drops) a fresh database; the app gets its own pool of the
  // production default size (10), as a real API process would.
  const admin = await createTestDb({ serverUrl: env.databaseUrl });
  const url = new URL(env.databaseUrl);
  url.pathname = `/${admin.databaseName}`;
  const app = await createDb({ databaseUrl: url.toString() });
  return { app, admin, databaseUrl: url.toString() };
}

function appOptions(database: Db) {
  return {
    db: database.db,
    log: createLogger('silent'),
    webDist: '/nonexistent',
    ideEnabled: false,
    // One load client drives every request: no per-caller limit.
    rateLimit: { perMinute: 0, burst: 1 },
    maxBodyBytes: 16 * 1024 * 1024,
    listen: database.listen,
  };
}

async function benchBackend(backend: Backend, rows: ScenarioRow[], delivery: DeliveryResult[]) {
  const { app: database, admin, databaseUrl } = await openBackend(backend);
  await seedReference(database.db);
  await seedDemo(database.db);
  // PGlite lives in this process's memory, so its API runs here, beside the load; on PostgreSQL
  // each API process is a child of its own, as in production.
  let inProcess: App | null = null;
  const children: ChildProcess[] = [];
  const unsubscribes: Array<() => void> = [];
  try {
    let urls: string[];
    if (backend === 'postgres' && databaseUrl) {
      const started = await Promise.all(
        Array.from({ length: env.editProcesses }, () => startServeProcess(databaseUrl)),
      );
      children.push(...started.map((s) => s.child));
      urls = started.map((s) => s.url);
    } else {
      inProcess = createApp(appOptions(database));
      urls = [`http://127.0.0.1:${await inProcess.listen(0, '127.0.0.1')}`];
    }
    const target = await prepareTarget(urls, database.db);
    for (const url of urls) {
      unsubscribes.push(
        await subscribe(url, target.headers, target.planId, (event) => {
          for (const c of event.cells ?? []) learn(target.known, c, BigInt(c.amount), c.version);
        }),
      );
    }
    const version = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(
      database.db,
    );
    console.error(
      `${backend} ${version.rows[0]?.v}: ${target.cells.length} cells, ${urls.length} API process(es) ` +
        `${inProcess ? 'in the load process' : `apart, pool ${env.editPool}`}`,
    );
    for (const [scenario, run] of [
      [`single-cell, ${env.editConnections} connections`, singleCellScenario],
      [`soak mix, ${env.editPlanners} planners`, soakMixScenario],
    ] as const) {
      const startId = await maxAuditId(database.db);
      const cpuBefore = inProcess ? null : await sampleCpu(database.db, children);
      const result = await run(target);
      const cpuAfter = inProcess ? null : await sampleCpu(database.db, children);
      const lost = await countLost(database.db, result.acked, startId);
      const sorted = [...result.latencies].sort((a, b) => a - b);
      const row: ScenarioRow = {
        backend,
        scenario: inProcess ? scenario : `${scenario}, ${urls.length} API process(es)`,
        reqPerSec: result.requests / result.seconds,
        cellsPerSec: result.acked.length / (result.seconds + 2),
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        conflicts: result.conflictRequests,
        requests: result.requests,
        lost,
        failures: result.failures,
        load: loadavg()[0]!,
        cpuPerRequest:
          cpuBefore && cpuAfter
            ? cpuPerRequest(cpuBefore, cpuAfter, result.requests + result.warmupRequests)
            : null,
      };
      rows.push(row);
      console.error(JSON.stringify(row));
    }
    if (backend === 'postgres' && databaseUrl) delivery.push(await measureDelivery(target, databaseUrl));
  } finally {
    for (const unsubscribe of unsubscribes) unsubscribe();
    await Promise.all(children.map(stopServeProcess));
    await inProcess?.stop();
    await database.close();
    await admin?.close();
  }
}

interface DeliveryResult {
  edits: number;
  fromRequest: { p50: number; p99: number; max: number };
  fromAnswer: { p50: number; p99: number; max: number };
}

/** An API process (this script in --serve mode) on the same PostgreSQL; resolves with its URL. */
async function startServeProcess(databaseUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const profile = env.editCpuProf ? ['--cpu-prof', `--cpu-prof-dir=${env.editCpuProf}`] : [];
  const child = spawn(
    process.execPath,
    [...process.execArgv, ...profile, fileURLToPath(import.meta.url), '--serve'],
    {
      env: { ...process.env, NTM_BENCH_SERVE_DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`second process exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('listening ')) resolve(line.slice('listening '.length));
    });
  });
  return { child, url };
}

interface CpuSample {
  /** Microseconds (user + system) per API child. */
  api: number;
  /** Clock ticks (user + system) per PostgreSQL backend of this database, by pid. */
  backends: Map<number, number>;
  clients: number;
}

const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time so far of the API children (asked over IPC), of PostgreSQL's backends serving this
 * database (from /proc: same machine), and of this process. Per request it tells where the work
 * goes, which wall-clock rates on a shared machine cannot.
 */
async function sampleCpu(db: Kysely<Database>, children: readonly ChildProcess[]): Promise<CpuSample> {
  const usages = await Promise.all(
    children.map(
      (child) =>
        new Promise<number>((resolve) => {
          child.once('message', (message: any) => resolve(message.cpu.user + message.cpu.system));
          child.send('cpu');
        }),
    ),
  );
  const { rows } = await sql<{ pid: number }>`
    select pid from pg_stat_activity where datname = current_database()`.execute(db);
  const backends = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      // After "pid (comm) ": state is field 3, utime 14 and stime 15 of the whole line.
      backends.set(pid, Number(fields[11]) + Number(fields[12]));
    } catch {
      // The backend exited in between.
    }
  }
  const own = process.cpuUsage();
  return { api: usages.reduce((a, b) => a + b, 0), backends, clients: own.user + own.system };
}

function cpuPerRequest(before: CpuSample, after: CpuSample, requests: number) {
  let ticks = 0;
  for (const [pid, value] of after.backends) ticks += value - (before.backends.get(pid) ?? 0);
  return {
    api: (after.api - before.api) / 1000 / requests,
    postgres: ((ticks / CLOCK_TICKS_PER_SECOND) * 1000) / requests,
    clients: (after.clients - before.clients) / 1000 / requests,
  };
}

/** SIGTERM, then wait for the exit (a CPU profile is written on the way out). */
function stopServeProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  return exited;
}

/**
 * A minimal graphql-ws (graphql-transport-ws) subscriber on Node's WebSocket; the session cookie
 * goes with the upgrade request (undici's `headers` option), as a browser sends it.
 */
function subscribe(
  url: string,
  headers: Target['headers'],
  planId: string,
  onCells: (event: {
    batchId: string;
    cells: Array<CellRef & { amount: string; version: number }> | null;
  }) => void,
): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, {
      protocols: 'graphql-transport-ws',
      headers,
    });
    socket.onerror = () => reject(new Error('subscription socket failed'));
    // A refused sign-in closes the socket or answers the subscription with an error frame.
    socket.onclose = (event) =>
      reject(new Error(`subscription socket closed: ${event.code} ${event.reason}`));
    socket.onopen = () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { name: 'bench' } }));
    socket.onmessage = (message) => {
      const frame = JSON.parse(String(message.data)) as { type: string; payload?: any };
      if (frame.type === 'connection_ack') {
        socket.send(
          JSON.stringify({ id: '1', type: 'subscribe', payload: { query: WATCH, variables: { planId } } }),
        );
      } else if (frame.type === 'next') {
        const event = frame.payload?.data?.planChanged;
        if (event?.__typename === 'ViewersChanged') resolve(() => socket.close());
        if (event?.__typename === 'CellsChanged') onCells(event);
      } else if (frame.type === 'error') {
        reject(new Error(`subscription refused: ${JSON.stringify(frame.payload)}`));
      } else if (frame.type === 'ping') {
        socket.send(JSON.stringify({ type: 'pong' }));
      }
    };
  });
}

async function measureDelivery(target: Target, databaseUrl: string): Promise<DeliveryResult> {
  if (typeof WebSocket === 'undefined') throw new Error('run with node --experimental-websocket (Node 20)');
  const second = await startServeProcess(databaseUrl);
  const arrivals = new Map<string, number>();
  const waiters = new Map<string, () => void>();
  // Sessions live in the database: the cookie from process A signs in on process B too.
  const close = await subscribe(second.url, target.headers, target.planId, ({ batchId }) => {
    arrivals.set(batchId, performance.now());
    waiters.get(batchId)?.();
  });
  const fromRequest: number[] = [];
  const fromAnswer: number[] = [];
  try {
    const edits = 220;
    for (let i = 0; i < edits; i++) {
      const cell = target.cells[i % 50]!;
      const began = performance.now();
      const answer = await save(
        target,
        [{ cell, amount: BigInt(1000 * (i + 1) + 7), expectedVersion: 0 }],
        'ALL_OR_NOTHING',
        false,
      ).catch(() => null);
      // expectedVersion 0 may conflict after the first round: resend as a deliberate overwrite.
      const written =
        answer?.__typename === 'SetAllocationsPayload'
          ? answer
          : await post(
              target,
              {
                query: SAVE,
                variables: {
                  input: { planId: target.planId, cells: [{ ...cell, amount: String(1000 * (i + 1) + 7) }] },
                },
              },
              randomUUID(),
            ).then((json) => json.data.setAllocations);
      const answered = performance.now();
      const batchId = written.batchId as string;
      if (!arrivals.has(batchId)) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no event for ${batchId} in 10 s`)), 10_000);
          waiters.set(batchId, () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      const delivered = arrivals.get(batchId)!;
      if (i < 20) continue; // warm-up
      fromRequest.push(delivered - began);
      fromAnswer.push(Math.max(0, delivered - answered));
    }
  } finally {
    close();
    await stopServeProcess(second.child);
  }
  const stat = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
  };
  return { edits: fromRequest.length, fromRequest: stat(fromRequest), fromAnswer: stat(fromAnswer) };
}

/** --serve: the second API process of the delivery measurement. */
async function serve() {
  const database = await createDb({ databaseUrl: env.serveDatabaseUrl, maxConnections: env.editPool });
  const app = createApp(appOptions(database));
  const port = await app.listen(0, '127.0.0.1');
  console.log(`listening http://127.0.0.1:${port}`);
  // The parent asks for this process's CPU time around each scenario.
  process.on('message', (message) => {
    if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
  });
  process.on('SIGTERM', () => {
    void app
      .stop()
      .then(() => database.close())
      .finally(() => process.exit(0));
  });
}

const fmt = (n: number) => (Number.isFinite(n) ? (n >= 100 ? n.toFixed(0) : n.toFixed(1)) : '—');

async function main() {
  const rows: ScenarioRow[] = [];
  const delivery: DeliveryResult[] = [];
  for (const backend of env.backends) await benchBackend(backend, rows, delivery);
  console.log(
    `\nMachine: ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ` +
      `${new Date().toISOString().slice(0, 10)}; ${env.editSeconds} s per scenario after a 2 s warm-up.\n`,
  );
  console.log(
    '| Back end | Scenario | req/s | changed cells/s | p50 ms | p99 ms | requests with conflicts | lost edits | failures | load | CPU ms/request: API / PostgreSQL / clients |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.backend} | ${r.scenario} | ${fmt(r.reqPerSec)} | ${fmt(r.cellsPerSec)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ` +
        `${r.conflicts} of ${r.requests} | ${r.lost} | ${r.failures} | ${r.load.toFixed(1)} | ` +
        `${r.cpuPerRequest ? [r.cpuPerRequest.api, r.cpuPerRequest.postgres, r.cpuPerRequest.clients].map((n) => n.toFixed(2)).join(' / ') : '—'} |`,
    );
  }
  for (const d of delivery) {
    console.log(
      '\n| Subscription delivery, process A → PostgreSQL → process B → WebSocket | p50 ms | p99 ms | max ms |',
    );
    console.log('|---|---:|---:|---:|');
    console.log(
      `| mutation sent → event received (${d.edits} edits) | ${fmt(d.fromRequest.p50)} | ${fmt(d.fromRequest.p99)} | ${fmt(d.fromRequest.max)} |`,
    );
    console.log(
      `| mutation answered → event received | ${fmt(d.fromAnswer.p50)} | ${fmt(d.fromAnswer.p99)} | ${fmt(d.fromAnswer.max)} |`,
    );
  }
  const lost = rows.reduce((sum, r) => sum + r.lost, 0);
  if (lost > 0) {
    console.error(`LOST EDITS: ${lost}`);
    process.exitCode = 1;
  }
}

if (process.argv.includes('--serve')) await serve();
else await main();
