// The foundation benchmark: `plan.grid` and `setAllocations` through the real HTTP app, against
// the SQL floor and against a generic auto-generated GraphQL layer, on PGlite and PostgreSQL,
// all in one run so that ratios are comparable on a noisy machine. Prints markdown tables.
// Run: pnpm --filter @ntm/bench bench   (knobs in env.ts). Talks only to 127.0.0.1.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { createLogger } from '@ntm/api/logger';
import { createApp } from '@ntm/api/server';
import { createDb, type Database, type Db } from '@ntm/db';
import { generateNationalCatalogue, generateProvince } from '@ntm/db/synthetic';
import { createTestDb } from '@ntm/db/testing';
import { type Kysely, type LogEvent, sql } from 'kysely';
import { env } from './env.ts';
import { createGenericSchema, executeGeneric, serveGeneric } from './generic-graphql.ts';
import { signInAsBenchAdmin } from './sign-in.ts';

type Backend = 'pglite' | 'postgres';

interface Stat {
  p50: number;
  p95: number;
}

interface BackendResult {
  backend: Backend;
  serverVersion: string;
  generateMs: { province: number; catalogue: number };
  cells: number;
  bytes: { grid: number; floor: number; generic: number };
  grid: Stat;
  floor: Stat;
  genericInProcess: Stat;
  genericHttp: Stat;
  write: Stat;
  writeMinimal: Stat;
  /** Per write: all statements' time summed, and the one upsert + audit statement alone. */
  writeSql: Stat;
  writeUpsert: Stat;
  writeCompact: Stat;
  writeCompactSql: Stat;
  floorSql: Stat;
  communeSearch: Stat;
  communeList: Stat;
}

const GRID_QUERY = `query Grid($id: ID!) { plan(id: $id) { grid {
  communeIds criterionIds sourceIds cellCount communeIndex criterionIndex sourceIndex amounts versions } } }`;
const GENERIC_QUERY = `query Cells($planId: Int!) { allocation(plan_id: $planId) {
  commune_id criterion_id source_id amount version } }`;
const WRITE_MUTATION = `mutation Write($input: SetAllocationsInput!) { setAllocations(input: $input) {
  __typename
  ... on SetAllocationsPayload { batchId changedCount cells { communeId criterionId sourceId amount version changed } }
  ... on Error { code message } } }`;
const SEARCH_QUERY = `query Search($search: String!) { communes(filter: { search: $search }, first: 50) {
  edges { node { id code name kind isProgram135 province { name } } } pageInfo { hasNextPage endCursor } } }`;
const LIST_QUERY = `query List($provinceId: ID!) { communes(filter: { provinceId: $provinceId }, first: 100) {
  edges { node { id code name kind isProgram135 } } pageInfo { hasNextPage endCursor } } }`;
const WRITE_MINIMAL = `mutation Write($input: SetAllocationsInput!) { setAllocations(input: $input) {
  __typename ... on SetAllocationsPayload { changedCount } ... on Error { code message } } }`;
/** The same batch in the compact form (axes + index arrays in, versions out), as the grid can send it. */
const WRITE_COMPACT = `mutation Write($input: SetAllocationsInput!) { setAllocations(input: $input) {
  __typename ... on SetAllocationsPayload { batchId changedCount versions } ... on Error { code message } } }`;
const WRITE_CELLS = 10_000;

/** While set, every SQL statement's duration is recorded here (to split a write into SQL and the rest). */
let statementLog: Array<{ sql: string; ms: number }> | null = null;
const onQuery = (event: LogEvent) => {
  statementLog?.push({ sql: event.query.sql, ms: event.queryDurationMillis });
};

async function openDatabase(backend: Backend): Promise<Db> {
  if (backend === 'pglite') {
    const db = await createDb({ onQuery });
    await db.migrate();
    return db;
  }
  // createTestDb creates a uniquely named database on this server and drops it on close().
  process.env['NTM_TEST_DATABASE_URL'] = env.databaseUrl;
  try {
    return await createTestDb({ onQuery });
  } finally {
    delete process.env['NTM_TEST_DATABASE_URL'];
  }
}

/** `headers` carry the session to the app; the generic layer has no sign-in. */
async function postJson(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 500)}`);
  return text;
}

/** Like postJson, parsed; fails on any GraphQL error. */
async function gql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<T> {
  const body = JSON.parse(await postJson(url, query, variables, headers)) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The floor for `plan.grid`: the same two statements as the resolver and a compact JSON payload. */
async function readFloor(
  db: Kysely<Database>,
  planId: number,
  criteriaSetId: number,
): Promise<{ json: string; sqlMs: number }> {
  const began = performance.now();
  const [axes, cells] = await Promise.all([
    sql<{ communes: number[]; criteria: number[]; sources: number[] }>`
      select
        (select array_agg(pc.commune_id order by c.kind desc, c.search_key, c.id)
           from plan_commune pc join commune c on c.id = pc.commune_id where pc.plan_id = ${planId}) as communes,
        (select array_agg(id order by number) from criterion where criteria_set_id = ${criteriaSetId}) as criteria,
        (select array_agg(id order by position, id) from funding_source) as sources
    `.execute(db),
    sql<{ commune_id: number; criterion_id: number; source_id: number; amount: bigint; version: number }>`
      select commune_id, criterion_id, source_id, amount, version from allocation
      where plan_id = ${planId} order by commune_id, criterion_id, source_id
    `.execute(db),
  ]);
  const sqlMs = performance.now() - began;
  const axis = axes.rows[0]!;
  const position = (ids: number[]) => new Map(ids.map((id, i) => [id, i]));
  const [communeAt, criterionAt, sourceAt] = [
    position(axis.communes),
    position(axis.criteria),
    position(axis.sources),
  ];
  const rows = cells.rows;
  const json = JSON.stringify({
    communeIds: axis.communes,
    criterionIds: axis.criteria,
    sourceIds: axis.sources,
    communeIndex: rows.map((r) => communeAt.get(r.commune_id)),
    criterionIndex: rows.map((r) => criterionAt.get(r.criterion_id)),
    sourceIndex: rows.map((r) => sourceAt.get(r.source_id)),
    amounts: rows.map((r) => r.amount.toString()),
    versions: rows.map((r) => r.version),
  });
  return { json, sqlMs };
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const began = performance.now();
  await fn();
  return performance.now() - began;
}

/** Nearest-rank percentile. */
function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function stat(samples: number[]): Stat {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

function log(message: string) {
  process.stderr.write(`[bench] ${message}\n`);
}

async function benchBackend(backend: Backend): Promise<BackendResult> {
  log(`${backend}: opening database`);
  const database = await openDatabase(backend);
  const { db } = database;
  try {
    const serverVersion = (await sql<{ v: string }>`select version() as v`.execute(db)).rows[0]!.v;
    const provinceMs = await time(() => generateProvince(db, { communes: env.communes, seed: env.seed }));
    const province = await db
      .selectFrom('plan')
      .select(['id', 'criteria_set_id'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const catalogueMs = await time(() => generateNationalCatalogue(db, { seed: env.seed }));
    await sql`analyze`.execute(db);
    log(`${backend}: generated (${Math.round(provinceMs)} ms + ${Math.round(catalogueMs)} ms)`);

    const app = createApp({
      db,
      log: createLogger('silent'),
      webDist: '/nonexistent',
      ideEnabled: false,
      // One load client drives every request: no per-caller limit.
      rateLimit: { perMinute: 0, burst: 1 },
      maxBodyBytes: 64 * 1024 * 1024,
    });
    const port = await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${port}/graphql`;
    const { headers } = await signInAsBenchAdmin(db, url);
    const genericSchema = await createGenericSchema(db);
    const generic = await serveGeneric(genericSchema);
    try {
      const ids = await gql<{
        plans: { edges: Array<{ node: { id: string } }> };
        fundingSources: Array<{ id: string; code: string }>;
        provinces: Array<{ id: string; code: string }>;
      }>(
        url,
        `{ plans(first: 1) { edges { node { id } } } fundingSources { id code } provinces { id code } }`,
        {},
        headers,
      );
      const planId = ids.plans.edges[0]!.node.id;
      const catalogueProvinceId = ids.provinces.find((p) => p.code.startsWith('NAT-'))!.id;

      // Sanity: every path returns the whole plan.
      const gridVars = { id: planId };
      const genericVars = { planId: province.id };
      const grid = await gql<{
        plan: { grid: { cellCount: number; communeIds: string[]; criterionIds: string[] } };
      }>(url, GRID_QUERY, gridVars, headers);
      const cells = grid.plan.grid.cellCount;
      const genericRows = (
        JSON.parse(await executeGeneric(genericSchema, GENERIC_QUERY, genericVars)) as {
          data: { allocation: unknown[] };
        }
      ).data.allocation.length;
      if (genericRows !== cells) throw new Error(`generic layer returned ${genericRows} rows, grid ${cells}`);
      const bytes = {
        grid: (await postJson(url, GRID_QUERY, gridVars, headers)).length,
        floor: (await readFloor(db, province.id, province.criteria_set_id)).json.length,
        generic: (await postJson(generic.url, GENERIC_QUERY, genericVars)).length,
      };

      // Reads, interleaved so that machine noise falls on every variant alike.
      const samples = {
        grid: [] as number[],
        floor: [] as number[],
        floorSql: [] as number[],
        inProcess: [] as number[],
        http: [] as number[],
      };
      const search = { search: [] as number[], list: [] as number[] };
      const words = ['tan hoa', 'phu', 'xa long', 'binh an', 'thanh'];
      for (let run = 0; run < env.warmup + env.runs; run++) {
        const measured = run >= env.warmup;
        let floorSql = 0;
        const round = {
          grid: await time(() => postJson(url, GRID_QUERY, gridVars, headers)),
          floor: await time(async () => {
            floorSql = (await readFloor(db, province.id, province.criteria_set_id)).sqlMs;
          }),
          inProcess: await time(() => executeGeneric(genericSchema, GENERIC_QUERY, genericVars)),
          http: await time(() => postJson(generic.url, GENERIC_QUERY, genericVars)),
        };
        const searchMs = await time(() =>
          gql(url, SEARCH_QUERY, { search: words[run % words.length] }, headers),
        );
        const listMs = await time(() => gql(url, LIST_QUERY, { provinceId: catalogueProvinceId }, headers));
        if (!measured) continue;
        for (const key of Object.keys(round) as Array<keyof typeof round>) samples[key].push(round[key]);
        samples.floorSql.push(floorSql);
        search.search.push(searchMs);
        search.list.push(listMs);
      }
      log(`${backend}: reads done`);

      // Writes: 10,000 eligible cells (every source but CT135), new amounts on every run.
      const sources = ids.fundingSources.filter((s) => s.code !== 'CT135').map((s) => s.id);
      const targets: Array<{ communeId: string; criterionId: string; sourceId: string }> = [];
      outer: for (const communeId of grid.plan.grid.communeIds) {
        for (const criterionId of grid.plan.grid.criterionIds) {
          for (const sourceId of sources) {
            targets.push({ communeId, criterionId, sourceId });
            if (targets.length === WRITE_CELLS) break outer;
          }
        }
      }
      // Alternates the full response (every written cell with its version, what the grid needs)
      // with a minimal one (changedCount) to show what the response itself costs.
      const writes = {
        full: [] as number[],
        minimal: [] as number[],
        sql: [] as number[],
        upsert: [] as number[],
        compact: [] as number[],
        compactSql: [] as number[],
      };
      let version = 0;
      // Axes and index arrays of the compact form, built once like the grid has them.
      const axes = {
        communeIds: [...new Set(targets.map((t) => t.communeId))],
        criterionIds: [...new Set(targets.map((t) => t.criterionId))],
        sourceIds: [...new Set(targets.map((t) => t.sourceId))],
      };
      const positions = (axis: string[], values: string[]) => {
        const at = new Map(axis.map((id, i) => [id, i]));
        return values.map((v) => at.get(v)!);
      };
      const compactIndexes = {
        communeIndex: positions(
          axes.communeIds,
          targets.map((t) => t.communeId),
        ),
        criterionIndex: positions(
          axes.criterionIds,
          targets.map((t) => t.criterionId),
        ),
        sourceIndex: positions(
          axes.sourceIds,
          targets.map((t) => t.sourceId),
        ),
      };
      const write = async (mutation: string) => {
        version++;
        const amount = (i: number) => String(version * 1_000_000_000 + i);
        const input =
          mutation === WRITE_COMPACT
            ? { planId, grid: { ...axes, ...compactIndexes, amounts: targets.map((_, i) => amount(i)) } }
            : { planId, cells: targets.map((cell, i) => ({ ...cell, amount: amount(i) })) };
        let changed = 0;
        statementLog = [];
        const ms = await time(async () => {
          const data = await gql<{ setAllocations: { __typename: string; changedCount?: number } }>(
            url,
            mutation,
            { input },
            headers,
          );
          changed = data.setAllocations.changedCount ?? -1;
        });
        const statements = statementLog;
        statementLog = null;
        if (changed !== WRITE_CELLS) throw new Error(`setAllocations changed ${changed} cells`);
        const sum = (list: Array<{ ms: number }>) => list.reduce((total, s) => total + s.ms, 0);
        return { ms, sql: sum(statements), upsert: sum(statements.filter((s) => s.sql.includes('unnest('))) };
      };
      for (let run = 0; run < env.warmup + env.runs; run++) {
        const full = await write(WRITE_MUTATION);
        const minimal = await write(WRITE_MINIMAL);
        const compact = await write(WRITE_COMPACT);
        if (run < env.warmup) continue;
        writes.compact.push(compact.ms);
        writes.compactSql.push(compact.sql);
        writes.full.push(full.ms);
        writes.minimal.push(minimal.ms);
        writes.sql.push(full.sql);
        writes.upsert.push(full.upsert);
      }
      log(`${backend}: writes done`);

      return {
        backend,
        serverVersion,
        generateMs: { province: provinceMs, catalogue: catalogueMs },
        cells,
        bytes,
        grid: stat(samples.grid),
        floor: stat(samples.floor),
        floorSql: stat(samples.floorSql),
        genericInProcess: stat(samples.inProcess),
        genericHttp: stat(samples.http),
        write: stat(writes.full),
        writeMinimal: stat(writes.minimal),
        writeSql: stat(writes.sql),
        writeUpsert: stat(writes.upsert),
        writeCompact: stat(writes.compact),
        writeCompactSql: stat(writes.compactSql),
        communeSearch: stat(search.search),
        communeList: stat(search.list),
      };
    } finally {
      await generic.stop();
      await app.stop();
    }
  } finally {
    await database.close();
  }
}

function pgliteVersion(): string {
  try {
    const require = createRequire(import.meta.resolve('@ntm/db'));
    let dir = dirname(require.resolve('@electric-sql/pglite'));
    for (let i = 0; i < 5; i++, dir = dirname(dir)) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
          name?: string;
          version?: string;
        };
        if (pkg.name === '@electric-sql/pglite') return pkg.version ?? 'unknown';
      } catch {}
    }
  } catch {}
  return 'unknown';
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const mb = (n: number) => `${(n / 1_048_576).toFixed(1)} MB`;

function printReport(results: BackendResult[]) {
  const lines: string[] = [];
  lines.push(
    `Machine: ${availableParallelism()} cores, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, Node ${process.version}, ` +
      `PGlite ${pgliteVersion()}, ${new Date().toISOString().slice(0, 10)}; ` +
      `${env.runs} runs after ${env.warmup} warm-up, seed ${env.seed}.`,
    '',
  );
  for (const r of results) {
    const target = (ok: boolean) => (ok ? 'met' : '**missed**');
    lines.push(`### ${r.backend} — ${r.serverVersion.split(' on ')[0]}`, '');
    lines.push(
      `Generated ${r.cells.toLocaleString('en')} cells in ${ms(r.generateMs.province)} ms; ` +
        `national catalogue in ${ms(r.generateMs.catalogue)} ms. ` +
        `Payloads: grid ${mb(r.bytes.grid)}, floor ${mb(r.bytes.floor)}, generic ${mb(r.bytes.generic)}.`,
      '',
    );
    lines.push('| Measure | p50 ms | p95 ms | Ratio (p50) | Target |', '|---|---:|---:|---:|---|');
    lines.push(
      `| \`plan.grid\` over HTTP (${r.cells} cells) | ${ms(r.grid.p50)} | ${ms(r.grid.p95)} | 1.00× | |`,
    );
    lines.push(
      `| Floor: raw SQL + \`JSON.stringify\` | ${ms(r.floor.p50)} | ${ms(r.floor.p95)} | grid/floor ${ratio(r.grid.p50, r.floor.p50)} | ≤ 2× ${target(r.grid.p50 / r.floor.p50 <= 2)} |`,
    );
    lines.push(
      `| — of which the two SQL statements (rows parsed by the driver) | ${ms(r.floorSql.p50)} | ${ms(r.floorSql.p95)} | | |`,
    );
    lines.push(
      `| Generic GraphQL, in-process (\`graphql()\` + stringify) | ${ms(r.genericInProcess.p50)} | ${ms(r.genericInProcess.p95)} | generic/grid ${ratio(r.genericInProcess.p50, r.grid.p50)} | |`,
    );
    lines.push(
      `| Generic GraphQL over HTTP | ${ms(r.genericHttp.p50)} | ${ms(r.genericHttp.p95)} | generic/grid ${ratio(r.genericHttp.p50, r.grid.p50)} | |`,
    );
    const writeTarget =
      r.backend === 'postgres' ? `≤ 300 ms p95 ${target(r.write.p95 <= 300)}` : '(PostgreSQL only)';
    lines.push(
      `| \`setAllocations\` 10,000 cells over HTTP | ${ms(r.write.p50)} | ${ms(r.write.p95)} | | ${writeTarget} |`,
    );
    lines.push(
      `| — same, minimal response (\`changedCount\` only) | ${ms(r.writeMinimal.p50)} | ${ms(r.writeMinimal.p95)} | | |`,
    );
    lines.push(
      `| — SQL time inside a full write (all statements) | ${ms(r.writeSql.p50)} | ${ms(r.writeSql.p95)} | | |`,
    );
    lines.push(
      `| — of which the one upsert + audit statement | ${ms(r.writeUpsert.p50)} | ${ms(r.writeUpsert.p95)} | | |`,
    );
    lines.push(
      `| \`setAllocations\` 10,000 cells, compact form (\`grid\` in, \`versions\` out) | ${ms(r.writeCompact.p50)} | ${ms(r.writeCompact.p95)} | compact/full ${ratio(r.writeCompact.p50, r.write.p50)} | ${r.backend === 'postgres' ? `≤ 300 ms p95 ${target(r.writeCompact.p95 <= 300)}` : ''} |`,
    );
    lines.push(
      `| — SQL time inside a compact write (all statements) | ${ms(r.writeCompactSql.p50)} | ${ms(r.writeCompactSql.p95)} | | |`,
    );
    lines.push(
      `| \`communes\` search, first 50 (8,500 communes) | ${ms(r.communeSearch.p50)} | ${ms(r.communeSearch.p95)} | | |`,
    );
    lines.push(
      `| \`communes\` of one province, first 100 | ${ms(r.communeList.p50)} | ${ms(r.communeList.p95)} | | |`,
    );
    lines.push('');
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

const results: BackendResult[] = [];
for (const backend of env.backends) results.push(await benchBackend(backend));
printReport(results);
