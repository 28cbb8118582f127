// The browser benchmark: the real product (createApp serving apps/web/dist) on a generated
// province plan (500 communes × 19 criteria × 9 sources) and a national-size one (8,000 communes),
// driven in headless Chromium at 1280×720: navigation → first rendered data row, scroll to the
// last row, a 10,000-cell paste until the server acknowledged it; the national plan opens in the
// total view (from per-commune sums), then is switched to the by-source view (every cell read).
// Run: pnpm --filter @ntm/bench bench:browser (after `vite build` in apps/web; knobs in env.ts).
// Every request stays on 127.0.0.1 (checked: the run fails otherwise).

import { existsSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createLogger } from '@ntm/api/logger';
import { createApp } from '@ntm/api/server';
import { createDb, type Db } from '@ntm/db';
import { type GeneratedProvince, generateProvince } from '@ntm/db/synthetic';
import { createTestDb } from '@ntm/db/testing';
import { sql } from 'kysely';
import { type Browser, chromium, type Page } from 'playwright-core';
import { env } from './env.ts';
import { type BenchSession, signInAsBenchAdmin } from './sign-in.ts';

type Backend = 'pglite' | 'postgres';

const WEB_DIST = fileURLToPath(new URL('../../apps/web/dist', import.meta.url));
const PASTE_ROWS = 100;
const PASTE_COLS = 100;
const TIMEOUT_MS = 240_000;

/**
 * In-page probes, installed before any page script runs. Strings, not functions, because this
 * package type-checks without the DOM library. Times are `performance.now()`, i.e. milliseconds
 * since the navigation started. A row counts as rendered once its name cell has text and at
 * least one money cell of the current view exists in the DOM (AG Grid renders a cell only once
 * its value is formatted).
 */
const PROBES = `
(() => {
  const row = (i) => '.ag-row[row-index="' + i + '"]:not(.ag-row-pinned)';
  const nameOf = (i) => document.querySelector(row(i) + ' .ag-cell[col-id="info:name"]')?.textContent?.trim() ?? '';
  const hasMoney = (i, prefix) => document.querySelector(row(i) + ' .ag-cell[col-id^="' + prefix + '"]') !== null;
  const isRendered = (i, prefix) => nameOf(i) !== '' && hasMoney(i, prefix);
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const until = async (test, what) => {
    const began = performance.now();
    for (;;) {
      if (test()) return performance.now();
      if (performance.now() - began > 120000) throw new Error('timed out waiting for ' + what);
      await nextFrame();
    }
  };
  const viewport = () => document.querySelector('.ag-grid-viewport') ?? document.querySelector('.ag-body-viewport');
  const bench = { firstRender: null, longTasks: [] };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const watch = () => {
    if (isRendered(0, 'cell|') || isRendered(0, 'crit|')) bench.firstRender = performance.now();
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
  bench.longTaskMs = (from, to) => bench.longTasks
    .filter(([start, duration]) => start + duration > from && start < to)
    .reduce((sum, [start, duration]) => sum + Math.min(to, start + duration) - Math.max(from, start), 0);
  bench.nameOf = nameOf;
  bench.scrollTo = async (top, index, prefix) => {
    const began = performance.now();
    const element = viewport();
    const apply = () => { element.scrollTop = top === 'end' ? element.scrollHeight : top; };
    apply();
    // A scroll AG Grid has not picked up (seen going back to the top) is applied again.
    let lastApplied = began;
    const done = await until(() => {
      if (isRendered(index, prefix)) return true;
      if (performance.now() - lastApplied > 1000) { lastApplied = performance.now(); element.scrollTop = 0; apply(); }
      return false;
    }, 'row ' + index);
    return { ms: done - began, name: nameOf(index), longTaskMs: bench.longTaskMs(began, done) };
  };
  bench.switchView = async (index, prefix) => {
    // Read again on every frame: a large plan's grid is rebuilt (new buttons) once it has read its cells.
    const button = () => document.querySelector('.grid-toolbar fieldset')?.querySelectorAll('button')[index];
    const began = performance.now();
    button().click();
    const done = await until(() => isRendered(0, prefix) && button()?.getAttribute('aria-pressed') === 'true', 'view switch');
    return { ms: done - began, longTaskMs: bench.longTaskMs(began, done) };
  };
  bench.toggleFilter = async (index, expectedNames) => {
    document.querySelectorAll('.grid-toolbar fieldset')[1].querySelectorAll('input[type=checkbox]')[index].click();
    await until(() => expectedNames.every((name, i) => nameOf(i) === name), 'filter');
  };
  bench.firstMoneyCol = () => {
    const cells = [...document.querySelectorAll(row(0) + ' .ag-cell[col-id^="cell|"]')];
    cells.sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left);
    return cells[0]?.getAttribute('col-id') ?? null;
  };
  bench.paste = async (text) => {
    const status = document.querySelector('[data-testid="save-status"]');
    const began = performance.now();
    const transfer = new DataTransfer();
    transfer.setData('text/plain', text);
    (document.activeElement ?? document.body).dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
    const handled = performance.now();
    const shownPending = await until(() => status.getAttribute('data-pending') !== '0', 'pending status');
    const shownSaved = await until(() => status.getAttribute('data-pending') === '0', 'saved status');
    const save = performance.getEntriesByType('resource')
      .filter((e) => e.name.endsWith('/graphql') && e.startTime >= began)
      .sort((a, b) => a.startTime - b.startTime)[0];
    return {
      handlerMs: handled - began,
      shownPendingMs: shownPending - began,
      requestStartMs: save ? save.startTime - began : null,
      responseStartMs: save ? save.responseStart - began : null,
      acknowledgedMs: save ? save.responseEnd - began : null,
      shownSavedMs: shownSaved - began,
      responseBytes: save ? save.encodedBodySize : null,
      longTaskMs: bench.longTaskMs(began, shownSaved),
      notice: document.querySelector('[data-testid="grid-notice"]')?.textContent ?? '',
      status: status.textContent,
    };
  };
  bench.loadBreakdown = () => {
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    const scripts = resources.filter((e) => e.initiatorType === 'script');
    const queries = resources.filter((e) => e.name.endsWith('/graphql') && e.startTime < bench.firstRender);
    const grid = queries.sort((a, b) => b.encodedBodySize - a.encodedBodySize)[0];
    return {
      firstRender: bench.firstRender,
      domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
      scriptsEnd: Math.max(0, ...scripts.map((e) => e.responseEnd)),
      gridRequestStart: grid?.startTime ?? null,
      gridResponseStart: grid?.responseStart ?? null,
      gridResponseEnd: grid?.responseEnd ?? null,
      gridBytes: grid?.encodedBodySize ?? null,
      longTaskAfterResponse: grid ? bench.longTaskMs(grid.responseEnd, bench.firstRender) : null,
    };
  };
})();
`;

interface LoadBreakdown {
  firstRender: number;
  domContentLoaded: number | null;
  scriptsEnd: number;
  gridRequestStart: number | null;
  gridResponseStart: number | null;
  gridResponseEnd: number | null;
  gridBytes: number | null;
  longTaskAfterResponse: number | null;
}
interface Timed {
  ms: number;
  longTaskMs: number;
  name?: string;
}
interface PasteResult {
  handlerMs: number;
  shownPendingMs: number;
  requestStartMs: number | null;
  responseStartMs: number | null;
  acknowledgedMs: number | null;
  shownSavedMs: number;
  responseBytes: number | null;
  longTaskMs: number;
  notice: string;
  status: string;
}

/** The probes' API as the page exposes it (see PROBES). */
interface BenchWindow {
  __bench: {
    firstRender: number | null;
    loadBreakdown(): LoadBreakdown;
    scrollTo(top: number | 'end', index: number, prefix: string): Promise<Timed>;
    switchView(index: number, prefix: string): Promise<Timed>;
    toggleFilter(index: number, expectedNames: string[]): Promise<void>;
    firstMoneyCol(): string | null;
    paste(text: string): Promise<PasteResult>;
  };
}

/** Everything measured for one back end; each list holds one entry per measured run. */
interface Samples {
  provinceLoad: LoadBreakdown[];
  provinceScroll: Timed[];
  paste: Array<PasteResult & { sentCells: number; changedCells: number }>;
  nationalLoad: LoadBreakdown[];
  nationalScroll: Timed[];
  nationalBySource: Timed[];
}

const external: string[] = [];

function communeName(index: number): string {
  return `Xã Tổng hợp ${String(index + 1).padStart(4, '0')}`;
}

const globalPlanId = (id: number) => Buffer.from(`Plan:${id}`).toString('base64');

async function openDatabase(backend: Backend): Promise<Db> {
  if (backend === 'pglite') {
    const db = await createDb();
    await db.migrate();
    return db;
  }
  // A uniquely named database on this server, dropped by close().
  return createTestDb({ serverUrl: env.databaseUrl });
}

async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: env.chromiumPath,
    headless: true,
    // Same flags as the browser tests: no GPU, nothing phoning home.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

async function newPage(browser: Browser, baseUrl: string, session: BenchSession): Promise<Page> {
  // A fresh context per run: no HTTP cache, no unsent edits in localStorage from the previous run;
  // already signed in (the session cookie, as the sign-in page would have set it).
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'vi-VN' });
  await context.addCookies([
    { name: session.name, value: session.value, url: baseUrl, httpOnly: true, sameSite: 'Lax' },
  ]);
  await context.addInitScript({ content: PROBES });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).hostname !== '127.0.0.1') external.push(url);
  });
  return page;
}

async function loadGrid(page: Page, baseUrl: string, planId: number): Promise<LoadBreakdown> {
  await page.goto(`${baseUrl}/plans/${encodeURIComponent(globalPlanId(planId))}/grid`, {
    waitUntil: 'commit',
  });
  await page.waitForFunction(
    () => (globalThis as unknown as Partial<BenchWindow>).__bench?.firstRender != null,
    null,
    {
      timeout: TIMEOUT_MS,
      polling: 100,
    },
  );
  return await page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.loadBreakdown());
}

async function scrollToLast(page: Page, rows: number, prefix: string): Promise<Timed> {
  const result = await page.evaluate(
    ([last, money]) => (globalThis as unknown as BenchWindow).__bench.scrollTo('end', last, money),
    [rows - 1, prefix] as const,
  );
  const expected = communeName(rows - 1);
  if (result.name !== expected) throw new Error(`last row is ${result.name}, expected ${expected}`);
  return result;
}

/** A rows × cols block of whole triệu, all different from the generated amounts and from the last run's. */
function pasteBlock(run: number): string {
  return Array.from({ length: PASTE_ROWS }, (_, r) =>
    Array.from({ length: PASTE_COLS }, (_, c) => String(5_000 + ((r * PASTE_COLS + c) % 1_000) + run)).join(
      '\t',
    ),
  ).join('\r\n');
}

/**
 * The by-source view filtered to Program 135 communes, so every cell of the 100 × 100 block can
 * take money (CT135 is in the block) and the one mutation carries exactly 10,000 cells.
 */
async function measurePaste(page: Page, province: GeneratedProvince, run: number) {
  await page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.scrollTo(0, 0, 'cell|'));
  const program135 = new Set(province.program135CommuneIds);
  const p135Names = province.communeIds
    .map((id, index) => (program135.has(id) ? communeName(index) : null))
    .filter((name): name is string => name !== null);
  if (p135Names.length < PASTE_ROWS) throw new Error(`only ${p135Names.length} Program 135 communes`);
  await page.evaluate(
    (names) => (globalThis as unknown as BenchWindow).__bench.toggleFilter(1, names),
    p135Names.slice(0, 5),
  );
  const colId = await page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.firstMoneyCol());
  if (!colId) throw new Error('no money column rendered in row 0');
  await page.locator(`.ag-row[row-index="0"]:not(.ag-row-pinned) .ag-cell[col-id="${colId}"]`).click();

  const saved = page.waitForResponse(
    (response) =>
      response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('setAllocations'),
    { timeout: TIMEOUT_MS },
  );
  const result = await page.evaluate(
    (text) => (globalThis as unknown as BenchWindow).__bench.paste(text),
    pasteBlock(run),
  );
  const response = await saved;
  // The grid sends the compact form (`grid`); older builds sent `cells`.
  const sent = JSON.parse(response.request().postData() ?? '{}') as {
    variables?: { input?: { cells?: unknown[]; grid?: { amounts: unknown[] } } };
  };
  const body = (await response.json()) as {
    data?: { setAllocations?: { __typename: string; changedCount?: number } };
  };
  const answer = body.data?.setAllocations;
  if (answer?.__typename !== 'SetAllocationsPayload')
    throw new Error(`paste was not saved: ${JSON.stringify(body).slice(0, 500)}`);
  return {
    ...result,
    sentCells: sent.variables?.input?.cells?.length ?? sent.variables?.input?.grid?.amounts.length ?? 0,
    changedCells: answer.changedCount ?? 0,
  };
}

async function benchBackend(
  browser: Browser,
  backend: Backend,
): Promise<{ samples: Samples; facts: string[] }> {
  const database = await openDatabase(backend);
  const facts: string[] = [];
  try {
    const version = (await sql<{ v: string }>`select version() as v`.execute(database.db)).rows[0]!.v;
    facts.push(`server: ${version}`);
    let began = performance.now();
    const province = await generateProvince(database.db, { seed: env.seed });
    facts.push(`province generated: ${province.cellCount} cells in ${ms(performance.now() - began)}`);
    began = performance.now();
    const national = await generateProvince(database.db, {
      communes: env.nationalCommunes,
      seed: env.seed + 1,
    });
    facts.push(`national generated: ${national.cellCount} cells in ${ms(performance.now() - began)}`);

    const app = createApp({
      db: database.db,
      log: createLogger('silent'),
      webDist: WEB_DIST,
      ideEnabled: false,
      // One load client drives every request: no per-caller limit.
      rateLimit: { perMinute: 0, burst: 1 },
      maxBodyBytes: 64 * 1024 * 1024,
      listen: database.listen,
    });
    const port = await app.listen(0, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${port}`;
    const session = await signInAsBenchAdmin(database.db, baseUrl);
    const samples: Samples = {
      provinceLoad: [],
      provinceScroll: [],
      paste: [],
      nationalLoad: [],
      nationalScroll: [],
      nationalBySource: [],
    };
    try {
      const provinceRuns = env.browserWarmup + env.browserRuns;
      for (let run = 0; run < provinceRuns; run++) {
        const page = await newPage(browser, baseUrl, session);
        log(`${backend} province run ${run}: loading`);
        const load = await loadGrid(page, baseUrl, province.planId);
        log(`${backend} province run ${run}: scrolling`);
        const scroll = await scrollToLast(page, province.communeIds.length, 'cell|');
        log(`${backend} province run ${run}: pasting`);
        const paste = await measurePaste(page, province, run);
        await page.context().close();
        const isWarmup = run < env.browserWarmup;
        log(
          `${backend} province ${isWarmup ? 'warm-up' : 'run'} ${run}: first render ${ms(load.firstRender)}, ` +
            `scroll ${ms(scroll.ms)}, paste acknowledged ${ms(paste.acknowledgedMs ?? Number.NaN)} ` +
            `(${paste.sentCells} sent, ${paste.changedCells} changed), shown saved ${ms(paste.shownSavedMs)}`,
        );
        if (isWarmup) continue;
        samples.provinceLoad.push(load);
        samples.provinceScroll.push(scroll);
        samples.paste.push(paste);
      }
      const targets = await sql<{ name: string; count: string }>`
        select c.name, count(*) over () as count from plan_commune pc join commune c on c.id = pc.commune_id
         where pc.plan_id = ${national.planId} and pc.is_target order by c.kind desc, c.search_key, c.id limit 1`.execute(
        database.db,
      );
      const firstTarget = targets.rows[0]?.name ?? '';
      facts.push(`national by-source region: the ${targets.rows[0]?.count ?? 0} target communes`);
      const nationalRuns = env.browserWarmup + env.browserNationalRuns;
      for (let run = 0; run < nationalRuns; run++) {
        const page = await newPage(browser, baseUrl, session);
        const load = await loadGrid(page, baseUrl, national.planId);
        const scroll = await scrollToLast(page, national.communeIds.length, 'crit|');
        log(`${backend} national run ${run}: first render ${ms(load.firstRender)}, scroll ${ms(scroll.ms)}`);
        // The by-source view of a plan this large shows a region of at most 2,000 communes: narrow
        // the rows first, as a planner would, to the target communes (1,569 of 8,000 here).
        await page.evaluate(() => (globalThis as unknown as BenchWindow).__bench.scrollTo(0, 0, 'crit|'));
        await page.evaluate(
          (name) => (globalThis as unknown as BenchWindow).__bench.toggleFilter(0, [name]),
          firstTarget,
        );
        // The first target may also be the first row: give the filter a moment to apply either way.
        await page.waitForTimeout(500);
        const bySource = await page
          .evaluate(() => (globalThis as unknown as BenchWindow).__bench.switchView(0, 'cell|'))
          .catch((error: unknown) => {
            log(`${backend} national run ${run}: by source not rendered: ${String(error).slice(0, 120)}`);
            return { ms: Number.NaN, longTaskMs: Number.NaN };
          });
        await page.context().close();
        const isWarmup = run < env.browserWarmup;
        log(
          `${backend} national ${isWarmup ? 'warm-up' : 'run'} ${run}: first render ${ms(load.firstRender)}, ` +
            `scroll ${ms(scroll.ms)}, by source (target communes) ${ms(bySource.ms)}`,
        );
        if (isWarmup) continue;
        samples.nationalLoad.push(load);
        samples.nationalScroll.push(scroll);
        samples.nationalBySource.push(bySource);
      }
    } finally {
      await app.stop();
    }
    return { samples, facts };
  } finally {
    await database.close();
  }
}

// --- statistics and output --------------------------------------------------------------------

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  // Nearest rank: with 3–5 runs p95 is the slowest run.
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function ms(value: number): string {
  return Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a';
}

function row(label: string, values: readonly number[], target = ''): string {
  const p50 = percentile(values, 50);
  const p95 = percentile(values, 95);
  const fmt = (v: number) => (Number.isFinite(v) ? String(Math.round(v)) : 'n/a');
  return `| ${label} | ${values.length} | ${fmt(p50)} | ${fmt(p95)} | ${fmt(Math.max(...values))} | ${target} |`;
}

function verdict(values: readonly number[], limit: number): string {
  return `≤ ${limit} ms: ${percentile(values, 95) <= limit ? 'met' : percentile(values, 50) <= limit ? 'met at p50, missed at p95' : '**missed**'}`;
}

function table(backend: Backend, samples: Samples): string {
  const of = <T>(list: T[], pick: (item: T) => number | null) =>
    list.map(pick).filter((v): v is number => v !== null);
  const load = (list: LoadBreakdown[], name: string, target = '') => [
    row(
      `${name}: navigation → first data row rendered`,
      of(list, (l) => l.firstRender),
      target,
    ),
    row(
      '— HTML + scripts loaded',
      of(list, (l) => l.scriptsEnd),
    ),
    row(
      '— grid query sent → first byte (server)',
      of(list, (l) =>
        l.gridResponseStart !== null && l.gridRequestStart !== null
          ? l.gridResponseStart - l.gridRequestStart
          : null,
      ),
    ),
    row(
      '— grid response downloaded',
      of(list, (l) =>
        l.gridResponseEnd !== null && l.gridResponseStart !== null
          ? l.gridResponseEnd - l.gridResponseStart
          : null,
      ),
    ),
    row(
      '— response received → first row rendered (parse, React, AG Grid)',
      of(list, (l) => (l.gridResponseEnd !== null ? l.firstRender - l.gridResponseEnd : null)),
    ),
    row(
      '— of which main-thread long tasks',
      of(list, (l) => l.longTaskAfterResponse),
    ),
  ];
  const provinceFirst = of(samples.provinceLoad, (l) => l.firstRender);
  const acknowledged = of(samples.paste, (p) => p.acknowledgedMs);
  const lines = [
    `### ${backend === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL'}`,
    '',
    '| Measure | runs | p50 ms | p95 ms | max ms | Target |',
    '|---|---:|---:|---:|---:|---|',
    ...load(samples.provinceLoad, 'Province, by source', verdict(provinceFirst, 1_500)),
    row(
      'Province: scroll to the last row (500th) rendered',
      samples.provinceScroll.map((s) => s.ms),
    ),
    row(
      `Paste ${PASTE_ROWS}×${PASTE_COLS} cells → acknowledged (response received)`,
      acknowledged,
      verdict(acknowledged, 2_000),
    ),
    row(
      '— paste handler (parse, plan, apply, enqueue)',
      samples.paste.map((p) => p.handlerMs),
    ),
    row(
      '— save request sent',
      of(samples.paste, (p) => p.requestStartMs),
    ),
    row(
      '— request sent → first byte (server)',
      of(samples.paste, (p) =>
        p.responseStartMs !== null && p.requestStartMs !== null ? p.responseStartMs - p.requestStartMs : null,
      ),
    ),
    row(
      '— paste → every cell shown saved',
      samples.paste.map((p) => p.shownSavedMs),
    ),
    row(
      '— main-thread long tasks, paste → shown saved',
      samples.paste.map((p) => p.longTaskMs),
    ),
    ...load(
      samples.nationalLoad,
      `National (${env.nationalCommunes} communes), total view (opened from per-commune sums)`,
    ),
    row(
      `National, total view: scroll to the last row (${env.nationalCommunes}th) rendered`,
      samples.nationalScroll.map((s) => s.ms),
    ),
    row(
      'National: switch to by source (target communes only: reads their cells) → rendered',
      samples.nationalBySource.map((s) => s.ms),
    ),
  ];
  const paste = samples.paste[0];
  if (paste) {
    lines.push(
      '',
      `Paste: ${samples.paste.map((p) => `${p.sentCells} sent / ${p.changedCells} changed`).join(', ')}; ` +
        `response ${Math.round((paste.responseBytes ?? 0) / 1024)} KB; grid payloads: province ` +
        `${Math.round((samples.provinceLoad[0]?.gridBytes ?? 0) / 1024)} KB, national ` +
        `${Math.round((samples.nationalLoad[0]?.gridBytes ?? 0) / 1024)} KB. Notice: "${paste.notice.trim()}".`,
    );
  }
  return lines.join('\n');
}

function log(message: string) {
  process.stderr.write(`${message}\n`);
}

async function main() {
  if (!existsSync(`${WEB_DIST}/index.html`)) {
    throw new Error(`${WEB_DIST}/index.html is missing: run \`npx vite build\` in apps/web first`);
  }
  const browser = await launch();
  const outputs: string[] = [];
  const started = performance.now();
  try {
    const facts = [
      `Chromium ${browser.version()} (headless, 1280×720, --disable-gpu)`,
      `Node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ` +
        `${Math.round(totalmem() / 2 ** 30)} GiB RAM`,
      `seed ${env.seed}; ${env.browserRuns} province runs and ${env.browserNationalRuns} national runs after ${env.browserWarmup} warm-up`,
    ];
    for (const backend of env.backends) {
      const result = await benchBackend(browser, backend);
      facts.push(...result.facts.map((fact) => `${backend} ${fact}`));
      outputs.push(table(backend, result.samples));
    }
    if (external.length > 0) throw new Error(`requests left 127.0.0.1: ${external.slice(0, 5).join(', ')}`);
    process.stdout.write(
      `${facts.map((f) => `- ${f}`).join('\n')}\n- whole run: ${ms(performance.now() - started)}\n\n`,
    );
    process.stdout.write(`${outputs.join('\n\n')}\n`);
  } finally {
    await browser.close();
  }
}

await main();
