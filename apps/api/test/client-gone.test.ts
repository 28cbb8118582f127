// A request nobody waits for any more (the page closed, the fetch was aborted) stops its long
// reads: the analysis of a generated province stops between statements and phases, over HTTP the
// server stops when the socket goes, and a request answered normally is never taken for one.
import { createServer, request as httpRequest } from 'node:http';
import type { Plan } from '@ntm/db';
import { type GeneratedProvince, generateProvince } from '@ntm/db/synthetic';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ClientGoneError, clientGoneSignal } from '../src/http/client-gone.ts';
import type { Logger } from '../src/logger.ts';
import { encodeId } from '../src/schema/ids.ts';
import { sumPlanCellsBy } from '../src/services/grid-totals.ts';
import { analyzePlanFromDb } from '../src/services/plan-read.ts';
import { sessionHeaders } from './auth-session.ts';
import { startTestApp, type TestApp } from './harness.ts';

type Line = { level: string; msg: string; fields: Record<string, unknown> };
const lines: Line[] = [];

/** Keeps every line, debug included: "client gone" must be logged, but never as an error. */
function captureLogger(base: Record<string, unknown> = {}): Logger {
  const at = (level: string) => (msg: string, fields?: Record<string, unknown>) =>
    void lines.push({ level, msg, fields: { ...base, ...fields } });
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (fields) => captureLogger({ ...base, ...fields }),
  };
}

const ANALYSIS = `query($id: ID!) { plan(id: $id) { analysis {
  totals { shortfall } communes { commune { name } shortfall } spreadThin { commune { name } amount }
} } }`;
/** The analysis's first statement (of seven, sent together; PGlite runs them one at a time). */
const FIRST_ANALYSIS_STATEMENT = 'select * from "plan_commune" where "plan_id"';
const asOf = { year: 2023, quarter: 1 } as const;

let app: TestApp;
let province: GeneratedProvince;
let plan: Plan;
/** Statements of one complete analysis. */
let analysisStatements: number;

beforeAll(async () => {
  app = await startTestApp({ log: captureLogger() });
  province = await generateProvince(app.db, { communes: 150, seed: 11 });
  plan = await app.db
    .selectFrom('plan')
    .selectAll()
    .where('id', '=', province.planId)
    .executeTakeFirstOrThrow();
  const start = app.counter.statements;
  const complete = await analyzePlanFromDb(app.db, plan, asOf, new AbortController().signal);
  expect(complete.communes.length).toBeGreaterThan(0);
  analysisStatements = app.counter.statements - start;
});
afterAll(async () => {
  await app?.close();
});

describe('analyzePlanFromDb with a signal', () => {
  it('sends no statement when the signal has already fired, and rejects with its reason', async () => {
    const controller = new AbortController();
    const reason = new Error('gone');
    controller.abort(reason);
    const before = app.counter.statements;
    await expect(analyzePlanFromDb(app.db, plan, asOf, controller.signal)).rejects.toBe(reason);
    expect(app.counter.statements).toBe(before);
  });

  it('stops after the statement during which it fired: the queued ones are not sent', async () => {
    const controller = new AbortController();
    const reason = new Error('gone');
    let atAbort = 0;
    app.counter.onStatement = () => {
      if (controller.signal.aborted) return;
      atAbort = app.counter.statements;
      controller.abort(reason);
    };
    try {
      await expect(analyzePlanFromDb(app.db, plan, asOf, controller.signal)).rejects.toBe(reason);
    } finally {
      app.counter.onStatement = undefined;
    }
    // PGlite sends none after it; a pool may have a few in flight already, never all the rest.
    expect(app.counter.statements - atAbort).toBeLessThan(analysisStatements - 1);
  });

  it('stops before the analysis itself when the signal fires during the last statement', async () => {
    const controller = new AbortController();
    const reason = new Error('gone');
    let seen = 0;
    app.counter.onStatement = () => {
      if (++seen === analysisStatements) controller.abort(reason);
    };
    try {
      await expect(analyzePlanFromDb(app.db, plan, asOf, controller.signal)).rejects.toBe(reason);
    } finally {
      app.counter.onStatement = undefined;
    }
    expect(seen).toBe(analysisStatements);
  });
});

describe('sumPlanCellsBy (gridTotals) with a signal', () => {
  it('sends no statement when the signal has already fired', async () => {
    const controller = new AbortController();
    const reason = new Error('gone');
    controller.abort(reason);
    const before = app.counter.statements;
    await expect(sumPlanCellsBy(app.db, plan.id, 'criterion', controller.signal)).rejects.toBe(reason);
    expect(app.counter.statements).toBe(before);
    const sums = await sumPlanCellsBy(app.db, plan.id, 'source', new AbortController().signal);
    expect(sums.amounts.length).toBeGreaterThan(0);
  });
});

/**
 * POSTs the analysis request on a connection of its own (closed after the answer) and collects the
 * statements sent after the analysis's first one; `cut` drops the connection right there. Resolves
 * with the answer's status, or once the server has logged that it stopped for the client gone.
 */
async function requestAnalysis(cut: boolean): Promise<{ status: number | null; after: string[] }> {
  const body = JSON.stringify({ query: ANALYSIS, variables: { id: encodeId('Plan', province.planId) } });
  const request = httpRequest(`${app.url}/graphql`, {
    method: 'POST',
    agent: false,
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      ...sessionHeaders(),
    },
  });
  const answered = new Promise<number>((resolve, reject) => {
    request.on('response', (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
  });
  let after: string[] | null = null;
  app.counter.onStatement = (sql) => {
    if (after) after.push(sql);
    else if (sql.startsWith(FIRST_ANALYSIS_STATEMENT)) {
      after = [];
      if (cut) request.destroy();
    }
  };
  try {
    request.end(body);
    if (!cut) return { status: await answered, after: after ?? [] };
    answered.catch(() => undefined);
    await vi.waitFor(() => expect(lines.map((line) => line.msg)).toContain('stopped: client gone'), {
      timeout: 30_000,
    });
    return { status: null, after: after ?? [] };
  } finally {
    app.counter.onStatement = undefined;
  }
}

describe('over HTTP', () => {
  it('does not take a request answered normally for one whose client has gone', async () => {
    lines.length = 0;
    const { status, after } = await requestAnalysis(false);
    expect(status).toBe(200);
    expect(after.some((sql) => sql.includes('from "commune"'))).toBe(true);
    // The server closes the connection after the answer (agent: false): a close it must not mistake.
    await vi.waitFor(() => expect(lines.map((line) => line.msg)).toContain('request'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines.filter((line) => line.msg.includes('client gone'))).toEqual([]);
    expect(lines.filter((line) => line.msg === 'request')).toMatchObject([{ fields: { status: 200 } }]);
  });

  it('stops the analysis when the client disconnects before the answer, without an error', async () => {
    const complete = await requestAnalysis(false);
    lines.length = 0;
    const { after } = await requestAnalysis(true);
    const stopped = lines.find((line) => line.msg === 'stopped: client gone')!;
    expect(stopped.level).toBe('debug');
    expect(stopped.fields['path']).toBe('plan.analysis');
    expect(lines).toContainEqual({
      level: 'info',
      msg: 'client gone',
      fields: expect.objectContaining({ path: '/graphql' }),
    });
    expect(lines.filter((line) => line.level === 'error' || line.level === 'warn')).toEqual([]);
    expect(lines.filter((line) => line.msg === 'request')).toEqual([]);
    // The answer was never built: the complete request loads its communes, the cut one does not.
    // (How many of the analysis's own statements were sent after the cut depends on timing: on
    // PostgreSQL they run side by side on the pool's connections.)
    expect(complete.after.some((sql) => sql.includes('from "commune"'))).toBe(true);
    expect(after.some((sql) => sql.includes('from "commune"'))).toBe(false);
  });
});

describe('clientGoneSignal', () => {
  it('fires when the client disconnects before the answer, never after a finished one', async () => {
    const signals: AbortSignal[] = [];
    let release: () => void = () => undefined;
    const server = createServer((req, res) => {
      signals.push(clientGoneSignal(res));
      req.resume();
      if (req.url === '/slow') release = () => res.end('late');
      else res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const answer = await fetch(`http://127.0.0.1:${port}/fast`);
      expect(await answer.text()).toBe('ok');

      const slow = httpRequest(`http://127.0.0.1:${port}/slow`);
      slow.on('error', () => undefined);
      slow.end();
      await vi.waitFor(() => expect(signals).toHaveLength(2));
      slow.destroy();
      await vi.waitFor(() => expect(signals[1]!.aborted).toBe(true));
      expect(signals[1]!.reason).toBeInstanceOf(ClientGoneError);
      release();
      expect(signals[0]!.aborted).toBe(false);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    // The finished request's connection is closed now too: its signal still has not fired.
    expect(signals[0]!.aborted).toBe(false);
  });
});
