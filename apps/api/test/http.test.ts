// GraphQL over HTTP conventions: methods, content types, status codes, limits, health.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionHeaders } from './auth-session.ts';
import { startTestApp, type TestApp } from './harness.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${app.url}/graphql`, { method: 'POST', headers: { ...sessionHeaders(), ...headers }, body });

describe('GraphQL over HTTP', () => {
  it('answers queries over GET with a preflight header, as JSON', async () => {
    const query = encodeURIComponent('{ fundingSources { code } }');
    const response = await fetch(`${app.url}/graphql?query=${query}`, {
      headers: { 'apollo-require-preflight': '1', ...sessionHeaders() },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
    const body = (await response.json()) as any;
    expect(body.data.fundingSources).toHaveLength(9);
  });

  it('refuses mutations over GET', async () => {
    const query = encodeURIComponent('mutation { deleteProject(id: "x") { __typename } }');
    const response = await fetch(`${app.url}/graphql?query=${query}`, {
      headers: { 'apollo-require-preflight': '1', ...sessionHeaders() },
    });
    expect(response.status).toBe(405);
  });

  it('blocks simple cross-site requests (CSRF prevention)', async () => {
    const response = await post(JSON.stringify({ query: '{ plans { edges { node { id } } } }' }), {
      'content-type': 'text/plain',
    });
    expect(response.status).toBe(400);
    const getWithoutPreflight = await fetch(
      `${app.url}/graphql?query=${encodeURIComponent('{ provinces { id } }')}`,
    );
    expect(getWithoutPreflight.status).toBe(400);
  });

  it('answers 400 for malformed JSON, syntax errors and invalid queries', async () => {
    expect((await post('{ not json')).status).toBe(400);
    const syntax = await post(JSON.stringify({ query: '{ plans { ' }));
    expect(syntax.status).toBe(400);
    expect(((await syntax.json()) as any).errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const invalid = await post(JSON.stringify({ query: '{ noSuchField }' }));
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as any).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('does not accept batched requests', async () => {
    const response = await post(
      JSON.stringify([{ query: '{ provinces { id } }' }, { query: '{ provinces { id } }' }]),
    );
    expect(response.status).toBe(400);
  });

  it('refuses a body over the size limit with 413', async () => {
    const huge = JSON.stringify({ query: `{ provinces { id } } # ${'x'.repeat(17 * 1024 * 1024)}` });
    const response = await post(huge);
    expect(response.status).toBe(413);
  });

  it('tags every response with a request id and the language used', async () => {
    const response = await post(JSON.stringify({ query: '{ provinces { id } }' }), {
      'content-type': 'application/json',
      'accept-language': 'en',
    });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('content-language')).toBe('en');
  });

  it('reports health and 404s unknown paths', async () => {
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${app.url}/no/such/asset.js`)).status).toBe(404);
  });
});
