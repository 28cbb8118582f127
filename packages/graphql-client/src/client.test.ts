import { describe, expect, it, vi } from 'vitest';
import { GraphQLRequestError, request } from './client';
import { PlansListDocument } from './generated/graphql';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/graphql-response+json' },
  });
}

function stubFetch(response: Response | (() => Promise<Response>)) {
  return vi.fn<typeof fetch>(async () => (typeof response === 'function' ? response() : response));
}

const emptyPage = {
  plans: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } },
};

describe('request', () => {
  it('posts the document and variables as JSON to /graphql and returns data', async () => {
    const fetch = stubFetch(jsonResponse({ data: emptyPage }));

    const data = await request(PlansListDocument, { first: 20 }, { fetch });

    expect(data).toEqual(emptyPage);
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/graphql');
    expect(init?.method).toBe('POST');
    const body = JSON.parse(String(init?.body));
    expect(body.variables).toEqual({ first: 20 });
    expect(body.query).toContain('query PlansList');
    expect(new Headers(init?.headers).get('Content-Type')).toBe('application/json');
  });

  it('sends the locale as Accept-Language and uses a custom endpoint', async () => {
    const fetch = stubFetch(jsonResponse({ data: emptyPage }));

    await request(PlansListDocument, {}, { fetch, locale: 'en', endpoint: 'http://localhost:4000/graphql' });

    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('http://localhost:4000/graphql');
    expect(new Headers(init?.headers).get('Accept-Language')).toBe('en');
  });

  it('throws GraphQLRequestError carrying the errors and their extension codes', async () => {
    const errors = [
      {
        message: 'Không có quyền',
        path: ['plans'],
        extensions: { code: 'FORBIDDEN' },
      },
    ];
    const fetch = stubFetch(jsonResponse({ data: null, errors }));

    const failure = await request(PlansListDocument, {}, { fetch }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(GraphQLRequestError);
    const error = failure as GraphQLRequestError;
    expect(error.errors).toEqual(errors);
    expect(error.code).toBe('FORBIDDEN');
    expect(error.hasCode('FORBIDDEN')).toBe(true);
    expect(error.status).toBe(200);
  });

  it('keeps GraphQL errors from a 400 validation response', async () => {
    const errors = [
      {
        message: 'Cannot query field "nope"',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ];
    const fetch = stubFetch(jsonResponse({ errors }, 400));

    await expect(request(PlansListDocument, {}, { fetch })).rejects.toMatchObject({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
    });
  });

  it('reports a non-JSON HTTP failure as HTTP_ERROR', async () => {
    const fetch = stubFetch(new Response('Bad Gateway', { status: 502, statusText: 'Bad Gateway' }));

    await expect(request(PlansListDocument, {}, { fetch })).rejects.toMatchObject({
      status: 502,
      code: 'HTTP_ERROR',
    });
  });

  it('reports an unreachable server as NETWORK_ERROR with status 0', async () => {
    const fetch = stubFetch(() => Promise.reject(new TypeError('fetch failed')));

    await expect(request(PlansListDocument, {}, { fetch })).rejects.toMatchObject({
      status: 0,
      code: 'NETWORK_ERROR',
    });
  });

  it('lets an abort through unchanged so callers can ignore it', async () => {
    const controller = new AbortController();
    const abortingFetch = vi.fn<typeof globalThis.fetch>(async (_url, init) => {
      init?.signal?.throwIfAborted();
      return jsonResponse({ data: emptyPage });
    });
    controller.abort();

    const failure = await request(
      PlansListDocument,
      {},
      { fetch: abortingFetch, signal: controller.signal },
    ).catch((error: unknown) => error);

    expect(failure).not.toBeInstanceOf(GraphQLRequestError);
    expect((failure as Error).name).toBe('AbortError');
  });

  it('uses the global fetch when none is injected', async () => {
    const fetch = stubFetch(jsonResponse({ data: emptyPage }));
    vi.stubGlobal('fetch', fetch);
    try {
      await expect(request(PlansListDocument, {})).resolves.toEqual(emptyPage);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
