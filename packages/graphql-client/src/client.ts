// The one way the web app (and HTTP tests) talk to the API: POST JSON to /graphql, get typed data back.
// Failures surface as GraphQLRequestError carrying the server's errors so callers branch on
// `extensions.code`, never on message text.
import type { TypedDocumentString } from './generated/graphql';

export type GraphQLErrorPayload = {
  message: string;
  path?: ReadonlyArray<string | number>;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  extensions?: { code?: string; [key: string]: unknown };
};

/** Codes the client itself assigns when the server never produced a GraphQL error list. */
export type TransportErrorCode = 'NETWORK_ERROR' | 'HTTP_ERROR' | 'BAD_RESPONSE';

export class GraphQLRequestError extends Error {
  override readonly name = 'GraphQLRequestError';
  readonly errors: readonly GraphQLErrorPayload[];
  /** HTTP status, or 0 when the request never got a response. */
  readonly status: number;

  constructor(errors: readonly GraphQLErrorPayload[], status: number, options?: { cause?: unknown }) {
    super(errors.map((error) => error.message).join('; ') || 'GraphQL request failed', options);
    this.errors = errors;
    this.status = status;
  }

  /** The first error's `extensions.code`, the usual thing a screen switches on. */
  get code(): string | undefined {
    return this.errors.find((error) => typeof error.extensions?.code === 'string')?.extensions?.code;
  }

  hasCode(code: string): boolean {
    return this.errors.some((error) => error.extensions?.code === code);
  }
}

export type RequestOptions = {
  /** Defaults to `/graphql` on the page's origin (the API serves the web app). */
  endpoint?: string;
  /** Sent as `Accept-Language` so server messages and sorting follow the UI language. */
  locale?: string;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Injectable for tests and non-browser callers. */
  fetch?: typeof fetch;
};

type ExecutionResult<TResult> = {
  data?: TResult | null;
  errors?: GraphQLErrorPayload[];
};

function transportError(code: TransportErrorCode, message: string, status: number, cause?: unknown) {
  return new GraphQLRequestError([{ message, extensions: { code } }], status, {
    cause,
  });
}

function httpError(response: Response) {
  return transportError(
    'HTTP_ERROR',
    `HTTP ${response.status} ${response.statusText}`.trim(),
    response.status,
  );
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: NoInfer<TVariables>,
  options: RequestOptions = {},
): Promise<TResult> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/graphql-response+json, application/json',
    ...options.headers,
  };
  if (options.locale) headers['Accept-Language'] = options.locale;

  // Variables holding a File/Blob go as a GraphQL multipart request (graphql-multipart-request-spec);
  // the preflight header is what lets the server accept a multipart POST (CSRF protection).
  const files = extractFiles(variables);
  let body: string | FormData = JSON.stringify({ query: document.toString(), variables });
  if (files.length > 0) {
    const form = new FormData();
    form.set(
      'operations',
      JSON.stringify({ query: document.toString(), variables }, (_key, value) =>
        isFile(value) ? null : value,
      ),
    );
    form.set('map', JSON.stringify(Object.fromEntries(files.map((f, i) => [String(i), [f.path]]))));
    for (const [i, f] of files.entries())
      form.set(String(i), f.file, f.file instanceof File ? f.file.name : 'upload');
    delete headers['Content-Type'];
    headers['apollo-require-preflight'] = 'true';
    body = form;
  }

  let response: Response;
  try {
    response = await doFetch(options.endpoint ?? '/graphql', {
      method: 'POST',
      headers,
      body,
      signal: options.signal,
    });
  } catch (error) {
    // Aborts are the caller's own decision (unmount, newer request): let them through untouched.
    if (isAbort(error)) throw error;
    throw transportError('NETWORK_ERROR', 'Could not reach the server', 0, error);
  }

  let result: ExecutionResult<TResult>;
  try {
    result = (await response.json()) as ExecutionResult<TResult>;
  } catch (error) {
    if (isAbort(error)) throw error;
    if (!response.ok) throw httpError(response);
    throw transportError('BAD_RESPONSE', 'The server did not answer with JSON', response.status, error);
  }

  if (result.errors && result.errors.length > 0)
    throw new GraphQLRequestError(result.errors, response.status);
  if (!response.ok) throw httpError(response);
  if (result.data == null) {
    throw transportError('BAD_RESPONSE', 'The server answered without data', response.status);
  }
  return result.data;
}

function isFile(value: unknown): value is Blob {
  return typeof Blob !== 'undefined' && value instanceof Blob;
}

/** Every File/Blob in the variables with its path ("variables.file"). */
function extractFiles(variables: unknown): Array<{ path: string; file: Blob }> {
  const found: Array<{ path: string; file: Blob }> = [];
  const walk = (value: unknown, path: string) => {
    if (isFile(value)) found.push({ path, file: value });
    else if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) walk(item, `${path}.${i}`);
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, `${path}.${key}`);
    }
  };
  walk(variables, 'variables');
  return found;
}
