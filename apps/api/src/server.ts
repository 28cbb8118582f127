// Wires HTTP only: /graphql (Apollo) behind the request limits, /healthz, and the built web app at /.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ApolloServer, type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { Database, Db } from '@ntm/db';
import { ERROR_CODES, type ErrorCode, isDomainError, localizeError, parseLocale } from '@ntm/domain';
import { type FragmentDefinitionNode, GraphQLError, type GraphQLFormattedError, Kind } from 'graphql';
import { type Kysely, sql } from 'kysely';
import { type AuthSettings, type Context, createAuthSettings, createContext } from './context.ts';
import { startLiveServer } from './events/live-server.ts';
import { flushPlanEvents } from './events/plan-events.ts';
import { BodyTooLargeError, readBody } from './http/body.ts';
import { callerKey, resolveCaller } from './http/caller.ts';
import { clientGoneSignal, isClientGone } from './http/client-gone.ts';
import { EXPORT_PATH, handleExport } from './http/export-route.ts';
import {
  hashRequest,
  IDEMPOTENCY_HEADER,
  idempotencyKeyFor,
  MAX_KEY_LENGTH,
  purgeIdempotencyKeys,
  runIdempotent,
} from './http/idempotency.ts';
import { hasPreflightHeader, isMultipart, MultipartError, readMultipartGraphQL } from './http/multipart.ts';
import {
  DEFAULT_QUERY_LIMITS,
  estimateCost,
  type QueryLimits,
  queryLimitError,
  queryLimitRules,
} from './http/query-limits.ts';
import { createRateLimiter, DEFAULT_RATE_LIMIT, type RateLimitSettings } from './http/rate-limit.ts';
import { API_SECURITY_HEADERS } from './http/security-headers.ts';
import { createStaticHandler } from './http/static-files.ts';
import { refuseSubscriptionsOverHttp } from './http/subscription-guard.ts';
import type { Logger } from './logger.ts';
import { schema } from './schema/index.ts';
import { stopOptimizerWorkers } from './services/optimizer.ts';

export interface AppOptions {
  db: Kysely<Database>;
  log: Logger;
  webDist: string;
  /** Serve the GraphQL IDE page at /graphiql. */
  ideEnabled: boolean;
  /** Answer introspection queries; off unless set (the IDE needs it). */
  introspection?: boolean;
  maxBodyBytes: number;
  queryLimits?: Partial<QueryLimits>;
  rateLimit?: RateLimitSettings;
  /** Take the client address from X-Forwarded-For (only behind a trusted reverse proxy). */
  trustProxy?: boolean;
  /** The database's NOTIFY listener (`Db.listen`): live updates (subscriptions) need it. */
  listen?: Db['listen'];
  /** Sign-in settings (cookie, session lifetime) and the login throttle; defaults suit local http. */
  auth?: AuthSettings;
  /** Largest file accepted by an upload (GraphQL multipart request), in bytes. */
  maxUploadBytes?: number;
}

const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export interface App {
  server: Server;
  listen(port: number, host?: string): Promise<number>;
  stop(): Promise<void>;
}

const knownCodes = new Set<string>(ERROR_CODES);

/** An error the caller cannot act on: a bug or a failure inside (SQL, network), never shown as is. */
function isInternalError(error: GraphQLError): boolean {
  const original = error.originalError ?? error;
  if (isDomainError(original) || (original instanceof Error && original.name === 'PothosValidationError')) {
    return false;
  }
  if (original instanceof GraphQLError) return original.extensions?.['code'] === 'INTERNAL_SERVER_ERROR';
  return error.extensions?.['code'] === 'INTERNAL_SERVER_ERROR' || original instanceof Error;
}

/**
 * Logs internal errors with their detail and the request id; answers typed errors in the
 * caller's language; gives masked internal errors the request id that finds the log line.
 */
function errorsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (!isInternalError(error)) continue;
            const original = error.originalError ?? error;
            // Work stopped on purpose: nobody waits for its answer (see http/client-gone.ts).
            if (isClientGone(original)) {
              contextValue.log.debug('stopped: client gone', { path: error.path?.join('.') });
              continue;
            }
            contextValue.log.error('internal error', {
              path: error.path?.join('.'),
              error: original instanceof Error ? (original.stack ?? original.message) : String(original),
            });
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) => {
            const code = error.extensions?.['code'];
            if (code === 'INTERNAL_SERVER_ERROR') {
              return { ...error, extensions: { ...error.extensions, requestId: contextValue.requestId } };
            }
            if (typeof code !== 'string' || !knownCodes.has(code)) return error;
            const params = (error.extensions?.['params'] ?? {}) as Record<string, string | number>;
            return {
              ...error,
              message: localizeError({ code: code as ErrorCode, params }, contextValue.locale),
            };
          });
        },
      };
    },
  };
}

/** The cost limit needs the variables (`first: $n`), so it runs once the operation is known. */
function costLimitPlugin(maxCost: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema: resolved, operation, document, request }) {
          if (!operation) return;
          const fragments = (name: string) =>
            document.definitions.find(
              (d): d is FragmentDefinitionNode =>
                d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === name,
            );
          const cost = estimateCost(resolved, operation, fragments, request.variables ?? {});
          if (cost > maxCost) throw queryLimitError('cost', maxCost, cost);
        },
      };
    },
  };
}

/** A typed error answered before GraphQL runs (too large, too many requests, bad JSON). */
function sendHttpError(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  error: { code: string; message: string; params?: Record<string, string | number> },
) {
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
  const extensions = error.params ? { code: error.code, params: error.params } : { code: error.code };
  res.end(JSON.stringify({ errors: [{ message: error.message, extensions }] }));
}

export function createApp(options: AppOptions): App {
  const { db, log } = options;
  const auth = options.auth ?? createAuthSettings();
  const server = createServer();
  const serveStatic = createStaticHandler(options.webDist, {
    ideEnabled: options.ideEnabled,
  });

  // The IDE page without introspection is an empty shell: offer it only when both are on.
  const isIdeServed = options.ideEnabled && (options.introspection ?? false);

  const limits = { ...DEFAULT_QUERY_LIMITS, ...options.queryLimits };
  const limiter = createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: options.introspection ?? false,
    // A browser on another site cannot send a "simple" request (no preflight) that we execute.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: queryLimitRules(limits),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginLandingPageDisabled(),
      // No field has cache hints and every answer is `Cache-Control: no-store` (API_SECURITY_HEADERS):
      // the default plugin's work on every resolved field buys nothing.
      ApolloServerPluginCacheControlDisabled(),
      refuseSubscriptionsOverHttp(),
      costLimitPlugin(limits.maxCost),
      errorsPlugin(),
    ],
    formatError: (formatted: GraphQLFormattedError, error: unknown) => {
      const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
      // A typed input error (e.g. a bad Money literal) found during validation keeps its own code.
      const typedCode = original instanceof GraphQLError ? original.extensions?.['code'] : undefined;
      if (typeof typedCode === 'string' && knownCodes.has(typedCode) && original !== error) {
        return {
          ...formatted,
          extensions: { ...formatted.extensions, ...(original as GraphQLError).extensions },
        };
      }
      // A domain rule refused a query argument: a typed error like a mutation's, localized later.
      if (isDomainError(original)) {
        return {
          message: original.message,
          path: formatted.path,
          extensions: { code: original.code, params: original.params },
        };
      }
      // Pothos reports bad connection arguments and malformed global IDs this way: the caller's fault.
      if (original instanceof Error && original.name === 'PothosValidationError') {
        return { message: original.message, path: formatted.path, extensions: { code: 'BAD_USER_INPUT' } };
      }
      // The parser stops at the token limit with a syntax error; report it as the limit it is.
      const tooManyTokens = /more tha[nt] (\d+) tokens/.exec(formatted.message);
      if (formatted.extensions?.['code'] === 'GRAPHQL_PARSE_FAILED' && tooManyTokens) {
        const max = Number(tooManyTokens[1]);
        return {
          message: formatted.message,
          extensions: { code: 'QUERY_LIMIT_EXCEEDED', params: { limit: 'tokens', max } },
        };
      }
      const isInternal =
        error instanceof GraphQLError
          ? isInternalError(error)
          : formatted.extensions?.['code'] === 'INTERNAL_SERVER_ERROR' || error instanceof Error;
      if (!isInternal) return formatted;
      // Never leak SQL or internals: errorsPlugin logs the detail and adds the request id.
      return {
        message: 'Internal server error / Lỗi máy chủ',
        path: formatted.path,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      };
    },
  });
  const started = apollo.start();
  const purgeKeys = () =>
    purgeIdempotencyKeys(db).catch((error: unknown) =>
      log.warn('idempotency purge failed', { error: String(error) }),
    );
  void purgeKeys();
  const purgeTimer = setInterval(purgeKeys, 3600_000);
  purgeTimer.unref();
  // Live updates: graphql-ws on the same port and path (WebSocket upgrade of /graphql).
  const live = startLiveServer({
    server,
    schema,
    db,
    log,
    listen: options.listen,
    maxPayloadBytes: options.maxBodyBytes,
    auth,
    queryLimits: limits,
    limiter,
    trustProxy: options.trustProxy ?? false,
  });

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL) {
    const signal = clientGoneSignal(res);
    await started;
    const requestId = randomUUID();
    const locale = parseLocale(req.headers['accept-language']);
    const origin = req.headers['x-ntm-origin'] === 'grid' ? 'grid' : 'api';
    const baseHeaders: Record<string, string> = {
      ...API_SECURITY_HEADERS,
      'X-Request-Id': requestId,
      'Content-Language': locale,
    };
    const caller = await resolveCaller(db, req, { trustProxy: options.trustProxy ?? false });
    const retryAfter = limiter.take(callerKey(caller));
    if (retryAfter !== null) {
      req.resume();
      const params = { retryAfter };
      sendHttpError(
        res,
        429,
        { ...baseHeaders, 'Retry-After': String(retryAfter) },
        {
          code: 'RATE_LIMITED',
          params,
          message: localizeError({ code: 'RATE_LIMITED', params }, locale),
        },
      );
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const multipart = isMultipart(req);
    let body: unknown;
    if (multipart) {
      if (!hasPreflightHeader(req)) {
        const message =
          'File uploads need an "apollo-require-preflight" or "x-apollo-operation-name" header (CSRF protection)';
        sendHttpError(res, 400, baseHeaders, { code: 'BAD_REQUEST', message });
        return;
      }
      try {
        body = await readMultipartGraphQL(req, options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES);
      } catch (error) {
        if (!(error instanceof MultipartError)) throw error;
        const message =
          error.code === 'FILE_TOO_LARGE'
            ? localizeError({ code: 'FILE_TOO_LARGE', params: error.params }, locale)
            : error.message;
        sendHttpError(res, error.status, baseHeaders, { code: error.code, message, params: error.params });
        return;
      }
      // Apollo sees the decoded request as JSON; the CSRF check above already ran.
      headers.set('content-type', 'application/json');
    } else {
      try {
        const text = await readBody(req, options.maxBodyBytes);
        const isJson = (req.headers['content-type'] ?? '').includes('application/json');
        body = isJson && text.length > 0 ? JSON.parse(text) : text;
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          // Stop reading; the client gets its answer and the connection closes.
          res.setHeader('Connection', 'close');
          const params = { max: options.maxBodyBytes };
          sendHttpError(res, 413, baseHeaders, {
            code: 'PAYLOAD_TOO_LARGE',
            params,
            message: localizeError({ code: 'PAYLOAD_TOO_LARGE', params }, locale),
          });
        } else {
          sendHttpError(res, 400, baseHeaders, {
            code: 'BAD_REQUEST',
            message: 'Request body is not valid JSON',
          });
        }
        return;
      }
    }

    const execute = async (database: Kysely<Database>, signal?: AbortSignal) => {
      let context: Context | undefined;
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () => {
          context = createContext({
            db: database,
            locale,
            log,
            origin,
            requestId,
            auth,
            principal: caller.principal,
            clientIp: caller.ip,
            userAgent: req.headers['user-agent'] ?? null,
            hasGraphqlIde: isIdeServed,
            signal,
          });
          return context;
        },
      });
      const outHeaders: Record<string, string | string[]> = { ...baseHeaders };
      for (const [key, value] of response.headers) outHeaders[key] = value;
      if (context?.responseCookies.length) outHeaders['Set-Cookie'] = context.responseCookies;
      let text = '';
      if (response.body.kind === 'complete') text = response.body.string;
      else for await (const chunk of response.body.asyncIterator) text += chunk;
      return { status: response.status ?? 200, headers: outHeaders, body: text };
    };

    // Uploads are not replayed from the idempotency store (files are large); applyImport is safe to
    // repeat anyway: its previewed versions turn a second apply into a version conflict.
    const idempotent =
      req.method === 'POST' && !multipart ? idempotencyKeyFor(req.headers[IDEMPOTENCY_HEADER], body) : null;
    if (idempotent && idempotent.key.length > MAX_KEY_LENGTH) {
      const message = `Idempotency-Key is longer than ${MAX_KEY_LENGTH} characters`;
      sendHttpError(res, 400, baseHeaders, { code: 'BAD_REQUEST', message });
      return;
    }
    if (!idempotent) {
      const response = await execute(db, signal);
      if (signal.aborted) return;
      res.writeHead(response.status, response.headers);
      res.end(response.body);
      return;
    }
    let headersOfRun: Record<string, string | string[]> = baseHeaders;
    const outcome = await runIdempotent(
      db,
      { actor: caller.actor, key: idempotent.key, requestHash: hashRequest(body) },
      async (trx) => {
        // No signal: the answer is stored for a retry with the same key, so it is always wanted.
        const response = await execute(trx);
        headersOfRun = response.headers;
        return { status: response.status, body: response.body };
      },
      { lookupFirst: idempotent.lookupFirst, replayable: idempotent.replayable },
    );
    if (outcome.kind === 'reused') {
      const code = 'IDEMPOTENCY_KEY_REUSED';
      sendHttpError(res, 422, baseHeaders, { code, message: localizeError({ code }, locale) });
    } else if (outcome.kind === 'notReplayable') {
      const code = 'IDEMPOTENCY_SECRET_NOT_REPLAYABLE';
      sendHttpError(res, 409, baseHeaders, { code, message: localizeError({ code }, locale) });
    } else if (outcome.kind === 'replayed') {
      // The stored answer is replayed byte for byte, in the language of the first call.
      res.writeHead(outcome.response.status, {
        ...API_SECURITY_HEADERS,
        'X-Request-Id': requestId,
        'Content-Type': 'application/json; charset=utf-8',
        'Idempotent-Replayed': 'true',
      });
      res.end(outcome.response.body);
    } else {
      // A rolled-back run's cookie would name a session that was never stored (or clear a live one).
      const { 'Set-Cookie': _rolledBack, ...withoutCookies } = headersOfRun;
      res.writeHead(outcome.response.status, outcome.committed ? headersOfRun : withoutCookies);
      res.end(outcome.response.body);
    }
  }

  async function handleHealth(res: ServerResponse) {
    try {
      await sql`select 1`.execute(db);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok' }));
    } catch {
      res.writeHead(503, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ status: 'unavailable' }));
    }
  }

  server.on('request', (req, res) => {
    const began = performance.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.on('finish', () => {
      log.info('request', {
        method: req.method,
        path: url.pathname,
        status: res.statusCode,
        ms: Math.round(performance.now() - began),
      });
    });
    // Not a server error: the client left (page closed, fetch aborted) before the answer was sent.
    res.on('close', () => {
      if (res.writableEnded) return;
      log.info('client gone', {
        method: req.method,
        path: url.pathname,
        ms: Math.round(performance.now() - began),
      });
    });
    const done = (() => {
      if (url.pathname === '/graphql') return handleGraphQL(req, res, url);
      if (url.pathname === '/healthz') return handleHealth(res);
      if (req.method === 'GET' && EXPORT_PATH.test(url.pathname)) {
        const trustProxy = options.trustProxy ?? false;
        return resolveCaller(db, req, { trustProxy }).then((caller) =>
          handleExport(db, req, res, url, caller),
        );
      }
      if (serveStatic(req, res, url.pathname)) return Promise.resolve();
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return Promise.resolve();
    })();
    done.catch((error: unknown) => {
      log.error('unhandled request error', {
        error: error instanceof Error ? error.stack : String(error),
      });
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end();
    });
  });

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    stop: async () => {
      clearInterval(purgeTimer);
      await live.close();
      await started.catch(() => undefined);
      await apollo.stop();
      await stopOptimizerWorkers();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
      // Committed changes still waiting to be announced go out before the database is closed.
      await flushPlanEvents(db);
    },
  };
}
