// Wires HTTP only: /graphql (Apollo), /healthz, and the built web app at /.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ApolloServer, type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { Database, Db } from '@ntm/db';
import { ERROR_CODES, type ErrorCode, isDomainError, localizeError, parseLocale } from '@ntm/domain';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { type Kysely, sql } from 'kysely';
import { ANONYMOUS_ACTOR, type Context, createContext } from './context.ts';
import { startLiveServer } from './events/live-server.ts';
import { BodyTooLargeError, readBody } from './http/body.ts';
import {
  hashRequest,
  IDEMPOTENCY_HEADER,
  idempotencyKeyFor,
  MAX_KEY_LENGTH,
  purgeIdempotencyKeys,
  runIdempotent,
} from './http/idempotency.ts';
import { createStaticHandler } from './http/static-files.ts';
import type { Logger } from './logger.ts';
import { schema } from './schema/index.ts';
import { stopOptimizerWorkers } from './services/optimizer.ts';

export interface AppOptions {
  db: Kysely<Database>;
  log: Logger;
  webDist: string;
  ideEnabled: boolean;
  maxBodyBytes: number;
  /** The database's NOTIFY listener (`Db.listen`): live updates (subscriptions) need it. */
  listen?: Db['listen'];
}

export interface App {
  server: Server;
  listen(port: number, host?: string): Promise<number>;
  stop(): Promise<void>;
}

const knownCodes = new Set<string>(ERROR_CODES);

/** Puts planner-readable, localized messages on typed errors raised outside resolvers (e.g. Money input). */
function localizeErrorsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) => {
            const code = error.extensions?.['code'];
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

export function createApp(options: AppOptions): App {
  const { db, log } = options;
  const server = createServer();
  const serveStatic = createStaticHandler(options.webDist, {
    ideEnabled: options.ideEnabled,
  });

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: options.ideEnabled,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginLandingPageDisabled(),
      localizeErrorsPlugin(),
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
      const isInternal =
        formatted.extensions?.['code'] === 'INTERNAL_SERVER_ERROR' ||
        (original instanceof Error && !(original instanceof GraphQLError));
      if (!isInternal) return formatted;
      // Never leak SQL or internals: the request id leads to the server-side log line.
      log.error('internal error', {
        error: original instanceof Error ? original.stack : String(original),
      });
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
  });

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL) {
    await started;
    const requestId = randomUUID();
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    try {
      const text = await readBody(req, options.maxBodyBytes);
      const isJson = (req.headers['content-type'] ?? '').includes('application/json');
      body = isJson && text.length > 0 ? JSON.parse(text) : text;
    } catch (error) {
      const status = error instanceof BodyTooLargeError ? 413 : 400;
      const message = status === 413 ? 'Request body too large' : 'Request body is not valid JSON';
      res.writeHead(status, {
        'Content-Type': 'application/json; charset=utf-8',
        'X-Request-Id': requestId,
      });
      res.end(
        JSON.stringify({
          errors: [
            {
              message,
              extensions: {
                code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST',
              },
            },
          ],
        }),
      );
      return;
    }
    const locale = parseLocale(req.headers['accept-language']);
    const origin = req.headers['x-ntm-origin'] === 'grid' ? 'grid' : 'api';
    const baseHeaders: Record<string, string> = { 'X-Request-Id': requestId, 'Content-Language': locale };

    const execute = async (database: Kysely<Database>) => {
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () => createContext({ db: database, locale, log, origin, requestId }),
      });
      const outHeaders = { ...baseHeaders };
      for (const [key, value] of response.headers) outHeaders[key] = value;
      let text = '';
      if (response.body.kind === 'complete') text = response.body.string;
      else for await (const chunk of response.body.asyncIterator) text += chunk;
      return { status: response.status ?? 200, headers: outHeaders, body: text };
    };

    const idempotencyKey =
      req.method === 'POST' ? idempotencyKeyFor(req.headers[IDEMPOTENCY_HEADER], body) : null;
    if (idempotencyKey && idempotencyKey.length > MAX_KEY_LENGTH) {
      res.writeHead(400, { ...baseHeaders, 'Content-Type': 'application/json; charset=utf-8' });
      const message = `Idempotency-Key is longer than ${MAX_KEY_LENGTH} characters`;
      res.end(JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] }));
      return;
    }
    if (!idempotencyKey) {
      const response = await execute(db);
      res.writeHead(response.status, response.headers);
      res.end(response.body);
      return;
    }
    let headersOfRun = baseHeaders;
    const outcome = await runIdempotent(
      db,
      { actor: ANONYMOUS_ACTOR, key: idempotencyKey, requestHash: hashRequest(body) },
      async (trx) => {
        const response = await execute(trx);
        headersOfRun = response.headers;
        return { status: response.status, body: response.body };
      },
    );
    const json = { 'Content-Type': 'application/json; charset=utf-8' };
    if (outcome.kind === 'reused') {
      res.writeHead(422, { ...baseHeaders, ...json });
      const error = { code: 'IDEMPOTENCY_KEY_REUSED' as const };
      res.end(JSON.stringify({ errors: [{ message: localizeError(error, locale), extensions: error }] }));
    } else if (outcome.kind === 'replayed') {
      // The stored answer is replayed byte for byte, in the language of the first call.
      res.writeHead(outcome.response.status, {
        'X-Request-Id': requestId,
        ...json,
        'Cache-Control': 'no-store',
        'Idempotent-Replayed': 'true',
      });
      res.end(outcome.response.body);
    } else {
      res.writeHead(outcome.response.status, headersOfRun);
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
    const done = (() => {
      if (url.pathname === '/graphql') return handleGraphQL(req, res, url);
      if (url.pathname === '/healthz') return handleHealth(res);
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
    },
  };
}
