// One test per request limit: depth, cost, aliases, directives, tokens, batching, CSRF,
// introspection, error masking, body size, rate limit, and the security headers. Tight limits
// are set on sibling apps over the same database; the web app's own documents must pass the
// default limits.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  parse,
  specifiedRules,
  validate,
  visit,
} from 'graphql';
import { createClient } from 'graphql-ws';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEFAULT_QUERY_LIMITS, estimateCost, queryLimitRules } from '../src/http/query-limits.ts';
import { createRateLimiter } from '../src/http/rate-limit.ts';
import type { Logger } from '../src/logger.ts';
import { schema } from '../src/schema/index.ts';
import { startTestApp, TEST_ADMIN, type TestApp } from './harness.ts';

let app: TestApp;
const urls = { tight: '', closed: '', rateLimited: '', proxied: '', masked: '', web: '' };
const logged: Array<{ msg: string; fields?: Record<string, unknown> }> = [];

/** Keeps error lines so a test can find the detail behind a masked error. */
function capturingLogger(base: Record<string, unknown> = {}): Logger {
  return {
    debug() {},
    info() {},
    warn() {},
    error: (msg, fields) => void logged.push({ msg, fields: { ...base, ...fields } }),
    child: (fields) => capturingLogger({ ...base, ...fields }),
  };
}

beforeAll(async () => {
  app = await startTestApp();
  urls.tight = await app.startSibling({
    queryLimits: { maxDepth: 4, maxCost: 200, maxAliases: 3, maxDirectives: 3, maxTokens: 200 },
  });
  urls.closed = await app.startSibling({ introspection: false, ideEnabled: false, maxBodyBytes: 2048 });
  urls.rateLimited = await app.startSibling({ rateLimit: { perMinute: 60, burst: 3 } });
  urls.proxied = await app.startSibling({ rateLimit: { perMinute: 60, burst: 1 }, trustProxy: true });
  urls.masked = await app.startSibling({ log: capturingLogger() });
  const webDist = mkdtempSync(join(tmpdir(), 'ntm-web-'));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>NTM</title>');
  urls.web = await app.startSibling({ webDist });
});
afterAll(() => app?.close());

async function post(baseUrl: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: response.status, headers: response.headers, json, text };
}

function expectLimit(result: Awaited<ReturnType<typeof post>>, limit: string) {
  expect(result.status).toBe(400);
  const error = result.json.errors[0];
  expect(error.extensions.code).toBe('QUERY_LIMIT_EXCEEDED');
  expect(error.extensions.params.limit).toBe(limit);
  expect(error.message).toMatch(/limit/);
  expect(result.json.data).toBeUndefined();
}

describe('query limits', () => {
  it('lets every document of the web app through the default limits, at the largest page size', () => {
    const dir = fileURLToPath(new URL('../../../packages/graphql-client/src/documents/', import.meta.url));
    const definitions = readdirSync(dir)
      .filter((f) => f.endsWith('.graphql'))
      .flatMap((f) => parse(readFileSync(join(dir, f), 'utf8')).definitions);
    const fragments = new Map(
      definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    const operations = definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    expect(operations.length).toBeGreaterThan(10);
    for (const operation of operations) {
      // The operation with the fragments it uses (transitively), as the client sends it.
      const used = new Set<string>();
      const collect = (node: unknown) =>
        visit(node as DocumentNode, {
          FragmentSpread(spread) {
            if (used.has(spread.name.value)) return;
            used.add(spread.name.value);
            collect(fragments.get(spread.name.value));
          },
        });
      collect(operation);
      const document: DocumentNode = {
        kind: Kind.DOCUMENT,
        definitions: [operation, ...[...used].map((n) => fragments.get(n)!)],
      };
      const name = operation.name?.value ?? 'anonymous';
      const errors = validate(schema, document, [
        ...specifiedRules,
        ...queryLimitRules(DEFAULT_QUERY_LIMITS),
      ]);
      expect(
        errors.map((e) => e.message),
        name,
      ).toEqual([]);
      const variables = Object.fromEntries(
        (operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, 500]),
      );
      const cost = estimateCost(schema, operation, (n) => fragments.get(n), variables);
      expect(cost, name).toBeLessThanOrEqual(DEFAULT_QUERY_LIMITS.maxCost);
    }
  });

  it('refuses a query nested deeper than the depth limit', async () => {
    const shallow = await post(urls.tight, { query: '{ plans { edges { node { name } } } }' });
    expect(shallow.status).toBe(200);
    const deep = await post(urls.tight, {
      query: '{ plans { edges { node { criteriaSet { groups { code } } } } } }',
    });
    expectLimit(deep, 'depth');
    // Fragments count as the fields they hold.
    const viaFragment = await post(urls.tight, {
      query:
        '{ plans { edges { ...E } } } fragment E on QueryPlansConnectionEdge { node { criteriaSet { id } } }',
    });
    expectLimit(viaFragment, 'depth');
  });

  it('refuses a query whose estimated cost (page sizes included) is over the limit', async () => {
    const query = 'query($n: Int!) { communes(first: $n) { edges { node { id name } } } }';
    expect((await post(urls.tight, { query, variables: { n: 10 } })).status).toBe(200);
    const costly = await post(urls.tight, { query, variables: { n: 100 } });
    expectLimit(costly, 'cost');
    expect(costly.json.errors[0].extensions.params.actual).toBeGreaterThan(200);
    // A connection without first/last costs its default page.
    expectLimit(
      await post(urls.tight, { query: '{ communes { edges { node { id name kind } } } }' }),
      'cost',
    );
  });

  it('refuses too many aliases', async () => {
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `p${i}: provinces { id }`).join(' ')} }`;
    expect((await post(urls.tight, { query: aliases(3) })).status).toBe(200);
    expectLimit(await post(urls.tight, { query: aliases(4) }), 'aliases');
  });

  it('refuses too many directives', async () => {
    const directives = (n: number) =>
      `{ provinces { ${Array.from({ length: n }, () => 'id @include(if: true)').join(' ')} } }`;
    expect((await post(urls.tight, { query: directives(3) })).status).toBe(200);
    expectLimit(await post(urls.tight, { query: directives(4) }), 'directives');
  });

  it('stops parsing a document with too many tokens', async () => {
    const long = `{ provinces { ${'id '.repeat(250)} } }`;
    const result = await post(urls.tight, { query: long });
    expectLimit(result, 'tokens');
  });
});

describe('the WebSocket path', () => {
  /** One operation over graphql-ws: its result, or the errors it was refused with. */
  async function overWebSocket(baseUrl: string, query: string, variables: Record<string, unknown> = {}) {
    // Signed in as the admin: the session cookie goes with the upgrade request, as a browser's does.
    const headers = await app.authHeaders(TEST_ADMIN.username);
    class SignedInWebSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers });
      }
    }
    const client = createClient({
      url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: SignedInWebSocket,
      retryAttempts: 0,
      connectionParams: { locale: 'en' },
    });
    try {
      return await new Promise<any>((resolve) => {
        let result: any = null;
        client.subscribe(
          { query, variables },
          {
            next: (value) => {
              result = value;
            },
            error: (errors) => resolve({ errors }),
            complete: () => resolve(result),
          },
        );
      });
    } finally {
      await client.dispose();
    }
  }

  it('holds the same query limits and rate limit as HTTP', async () => {
    const ok = await overWebSocket(urls.tight, '{ provinces { name } }');
    expect(ok.data.provinces.length).toBeGreaterThan(0);
    const deep = await overWebSocket(
      urls.tight,
      '{ plans { edges { node { criteriaSet { groups { code } } } } } }',
    );
    expect(deep.errors[0].extensions).toMatchObject({
      code: 'QUERY_LIMIT_EXCEEDED',
      params: { limit: 'depth' },
    });
    const costly = await overWebSocket(
      urls.tight,
      'query($n: Int!) { communes(first: $n) { edges { node { id name } } } }',
      {
        n: 100,
      },
    );
    expect(costly.errors[0].extensions).toMatchObject({
      code: 'QUERY_LIMIT_EXCEEDED',
      params: { limit: 'cost' },
    });
    expect(costly.errors[0].message).toMatch(/cost limit/);
    const wsLimited = await app.startSibling({ rateLimit: { perMinute: 60, burst: 1 } });
    expect((await overWebSocket(wsLimited, '{ provinces { id } }')).data).toBeTruthy();
    const limited = await overWebSocket(wsLimited, '{ provinces { id } }');
    expect(limited.errors[0].extensions.code).toBe('RATE_LIMITED');
  });
});

describe('HTTP protections', () => {
  it('does not execute batched requests', async () => {
    const before = await app.db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirst();
    const result = await post(app.url, [
      { query: '{ provinces { id } }' },
      {
        query:
          'mutation { createPlan(input: {name: "x", periodStartYear: 2024, periodEndYear: 2024, criteriaSetId: "x"}) { __typename } }',
      },
    ]);
    expect(result.status).toBe(400);
    expect(result.text).toMatch(/batch/i);
    const after = await app.db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirst();
    expect(after).toEqual(before);
  });

  it('refuses requests a browser would send cross-site without a preflight (CSRF)', async () => {
    const body = JSON.stringify({ query: '{ provinces { id } }' });
    for (const contentType of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body,
      });
      expect(response.status, contentType).toBe(400);
      expect(await response.text()).toMatch(/CSRF|preflight/i);
    }
    const noType = await fetch(`${app.url}/graphql`, { method: 'POST', body: new Blob([body]) });
    expect(noType.status).toBe(400);
    const get = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ provinces { id } }')}`);
    expect(get.status).toBe(400);
  });

  it('answers no introspection and serves no IDE unless enabled', async () => {
    const closed = await post(urls.closed, { query: '{ __schema { types { name } } }' });
    expect(closed.status).toBe(400);
    expect(closed.json.errors[0].message).toMatch(/introspection/i);
    expect((await fetch(`${urls.closed}/graphiql`)).status).toBe(404);
    const open = await post(app.url, { query: '{ __schema { queryType { name } } }' });
    expect(open.json.data.__schema.queryType.name).toBe('Query');
  });

  it('masks internal failures: no SQL or stack, a request id that leads to the logged detail', async () => {
    await sql`alter table plan_transition rename to plan_transition_gone`.execute(app.db);
    try {
      const plan = await app.db.selectFrom('plan').select('id').executeTakeFirstOrThrow();
      const id = Buffer.from(`Plan:${plan.id}`).toString('base64');
      const result = await post(
        urls.masked,
        { query: `{ plan(id: "${id}") { name transitions { to } } }` },
        await app.authHeaders(TEST_ADMIN.username),
      );
      const error = result.json.errors[0];
      expect(error.extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(error.message).toBe('Internal server error / Lỗi máy chủ');
      expect(result.text).not.toMatch(/plan_transition|select|relation|\.ts:\d+|stack/i);
      expect(Object.keys(error.extensions).sort()).toEqual(['code', 'requestId']);
      const requestId = result.headers.get('x-request-id');
      expect(error.extensions.requestId).toBe(requestId);
      const line = logged.find((l) => l.fields?.['requestId'] === requestId);
      expect(line?.msg).toBe('internal error');
      expect(String(line?.fields?.['error'])).toMatch(/plan_transition/);
    } finally {
      await sql`alter table plan_transition_gone rename to plan_transition`.execute(app.db);
    }
  });

  it('refuses a body over the size limit with 413 and a typed error, before reading it all', async () => {
    const result = await post(
      urls.closed,
      { query: `{ provinces { id } } # ${'x'.repeat(4096)}` },
      {
        'accept-language': 'vi',
      },
    );
    expect(result.status).toBe(413);
    const error = result.json.errors[0];
    expect(error.extensions).toEqual({ code: 'PAYLOAD_TOO_LARGE', params: { max: 2048 } });
    expect(error.message).toMatch(/quá lớn.*2\.048/);
    expect((await post(urls.closed, { query: '{ provinces { id } }' })).status).toBe(200);
  });

  it('limits each caller with 429 and Retry-After, and other callers are unaffected', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await post(urls.rateLimited, { query: '{ provinces { id } }' })).status);
    expect(statuses).toEqual([200, 200, 200]);
    const limited = await post(urls.rateLimited, { query: '{ provinces { id } }' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.json.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(limited.json.errors[0].message).toMatch(/try again in \d+ s/);

    // Behind a trusted proxy each client address has its own bucket.
    const as = (ip: string) =>
      post(urls.proxied, { query: '{ provinces { id } }' }, { 'x-forwarded-for': ip });
    expect((await as('10.0.0.1')).status).toBe(200);
    expect((await as('10.0.0.1')).status).toBe(429);
    expect((await as('10.0.0.2')).status).toBe(200);
  });

  it('refills a caller’s bucket over time', () => {
    const limiter = createRateLimiter({ perMinute: 60, burst: 2 });
    expect([limiter.take('a', 0), limiter.take('a', 0)]).toEqual([null, null]);
    expect(limiter.take('a', 0)).toBe(1);
    expect(limiter.take('a', 1000)).toBeNull();
    expect(limiter.take('b', 1000)).toBeNull();
    expect(createRateLimiter({ perMinute: 0, burst: 1 }).take('a', 0)).toBeNull();
  });

  it('sends security headers on API and web responses', async () => {
    const api = await post(app.url, { query: '{ provinces { id } }' });
    expect(api.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    expect(api.headers.get('referrer-policy')).toBe('no-referrer');
    const web = await fetch(`${urls.web}/`);
    expect(web.status).toBe(200);
    const csp = web.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/script-src 'self';/);
    expect(web.headers.get('x-content-type-options')).toBe('nosniff');
    expect(web.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('keeps no secrets in the repository', () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
      .split('\0')
      .filter(Boolean);
    const suspicious =
      /-----BEGIN [A-Z ]*PRIVATE KEY-----|\b(?:postgres|postgresql|mysql|redis):\/\/[^\s:@/'"]+:[^\s@/'"]+@|\bAKIA[0-9A-Z]{16}\b/;
    const found = files.filter((file) => {
      if (/\.(png|jpe?g|ico|woff2?|ttf|wasm|lock|lockb)$|pnpm-lock\.yaml$/.test(file)) return false;
      try {
        return suspicious.test(readFileSync(join(root, file), 'utf8'));
      } catch {
        return false;
      }
    });
    expect(found).toEqual([]);
  });
});
