// GraphQL over WebSocket (graphql-ws protocol) on the HTTP server's /graphql path: subscriptions,
// and queries/mutations too, with the same context as HTTP (locale, request id per operation,
// origin). Owns the process's plan event bus; `close()` is part of graceful shutdown.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { AuditOrigin, Database, Db } from '@ntm/db';
import {
  ERROR_CODES,
  type ErrorCode,
  isDomainError,
  type Locale,
  localizeError,
  parseLocale,
} from '@ntm/domain';
import {
  type ExecutionArgs,
  execute,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  getOperationAST,
  Kind,
  parse,
  specifiedRules,
  subscribe,
  validate,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Kysely } from 'kysely';
import { WebSocketServer } from 'ws';
import { authenticate } from '../auth/principal.ts';
import { credentialsOf } from '../auth/session-cookie.ts';
import { ANONYMOUS_ACTOR, type AuthSettings, createContext } from '../context.ts';
import { callerKey, clientIp } from '../http/caller.ts';
import { estimateCost, type QueryLimits, queryLimitError, queryLimitRules } from '../http/query-limits.ts';
import type { RateLimiter } from '../http/rate-limit.ts';
import type { Logger } from '../logger.ts';
import { linkLiveSession } from './live-session.ts';
import { type LiveSession, type PlanEventBus, startPlanEventBus } from './plan-event-bus.ts';

export interface LiveServerOptions {
  server: Server;
  schema: GraphQLSchema;
  db: Kysely<Database>;
  log: Logger;
  /** The database's NOTIFY listener; without it subscriptions are refused (no events to deliver). */
  listen: Db['listen'] | undefined;
  maxPayloadBytes: number;
  auth: AuthSettings;
  /** The HTTP path's limits hold here too: each operation is checked and counted. */
  queryLimits: QueryLimits;
  limiter: RateLimiter;
  trustProxy: boolean;
}

export interface LiveServer {
  close(): Promise<void>;
}

/** What a connection told us in `connection_init`. All optional. */
interface ConnectionParams {
  name?: unknown;
  /** `Bearer <API token>`, for programs; the web app's session cookie arrives with the upgrade request. */
  authorization?: unknown;
  locale?: unknown;
  origin?: unknown;
}

interface ConnectionExtra {
  session: LiveSession;
  locale: Locale;
  origin: AuditOrigin;
  callerKey: string;
  [key: PropertyKey]: unknown;
}

const MAX_NAME_LENGTH = 80;
/** Clients that do not answer the close handshake are cut off after this long on shutdown. */
const CLOSE_GRACE_MS = 2_000;

export function startLiveServer(options: LiveServerOptions): LiveServer {
  const { db, log, listen } = options;
  const busReady: Promise<PlanEventBus | undefined> = listen
    ? startPlanEventBus({ db, listen, log }).catch((error: unknown) => {
        log.error('plan event bus failed to start', { error: String(error) });
        return undefined;
      })
    : Promise.resolve(undefined);

  const wss = new WebSocketServer({
    server: options.server,
    path: '/graphql',
    maxPayload: options.maxPayloadBytes,
  });
  const { queryLimits, limiter } = options;
  const limitRules = [...specifiedRules, ...queryLimitRules(queryLimits)];
  /** The cost needs the variables, so it is checked when the operation is about to run. */
  const overCost = (args: ExecutionArgs) => {
    const operation = getOperationAST(args.document, args.operationName);
    if (!operation) return null;
    const fragments = (name: string) =>
      args.document.definitions.find(
        (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === name,
      );
    const cost = estimateCost(args.schema, operation, fragments, args.variableValues ?? {});
    return cost > queryLimits.maxCost ? queryLimitError('cost', queryLimits.maxCost, cost) : null;
  };
  const graphqlWs = useServer<Record<string, unknown> | undefined, ConnectionExtra>(
    {
      schema: options.schema,
      // Pass graphql's own functions so execution uses the same graphql instance as the schema.
      execute: (args) => {
        const error = overCost(args);
        return error ? { errors: [error] } : execute(args);
      },
      subscribe: (args) => {
        const error = overCost(args);
        return error ? { errors: [error] } : subscribe(args);
      },
      parse: (source) => parse(source, { maxTokens: queryLimits.maxTokens }),
      validate: (schema, document) => validate(schema, document, limitRules),
      onSubscribe(ctx) {
        const retryAfter = limiter.take(ctx.extra.callerKey ?? 'unknown');
        if (retryAfter === null) return;
        const error = { code: 'RATE_LIMITED' as const, params: { retryAfter } };
        return [new GraphQLError(localizeError(error, ctx.extra.locale ?? 'vi'), { extensions: error })];
      },
      async onConnect(ctx) {
        const params = (ctx.connectionParams ?? {}) as ConnectionParams;
        const name = typeof params.name === 'string' ? params.name.trim().slice(0, MAX_NAME_LENGTH) : '';
        const principal = await authenticate(
          db,
          credentialsOfConnection(ctx.connectionParams, ctx.extra.request),
        );
        const actor = principal?.actor ?? ANONYMOUS_ACTOR;
        ctx.extra.session = { id: randomUUID(), name: name || null, actor };
        ctx.extra.callerKey = callerKey({
          principal,
          actor,
          ip: clientIp(ctx.extra.request, { trustProxy: options.trustProxy }),
        });
        ctx.extra.locale =
          params.locale === 'en' || params.locale === 'vi'
            ? params.locale
            : parseLocale(ctx.extra.request.headers['accept-language']);
        ctx.extra.origin =
          params.origin === 'grid' || ctx.extra.request.headers['x-ntm-origin'] === 'grid' ? 'grid' : 'api';
        log.info('live connection', { sessionId: ctx.extra.session.id });
        return true;
      },
      async context(ctx) {
        // Checked again for every operation, so a revoked session or token stops working at once.
        const { headers } = ctx.extra.request;
        const principal = await authenticate(
          db,
          credentialsOfConnection(ctx.connectionParams, ctx.extra.request),
        );
        const context = createContext({
          db,
          locale: ctx.extra.locale ?? 'vi',
          log,
          origin: ctx.extra.origin ?? 'api',
          requestId: randomUUID(),
          auth: options.auth,
          principal,
          clientIp: ctx.extra.request.socket.remoteAddress ?? 'unknown',
          userAgent: headers['user-agent'] ?? null,
        });
        const bus = await busReady;
        const session = ctx.extra.session;
        if (bus && session) linkLiveSession(context, { bus, session });
        return context;
      },
      onNext(ctx, _id, _payload, _args, result) {
        if (!result.errors) return;
        return {
          ...result,
          errors: result.errors.map((error) => formatError(error, ctx.extra.locale ?? 'vi', log)),
        };
      },
      onClose(ctx, code) {
        log.info('live connection closed', { sessionId: ctx.extra.session?.id, code });
      },
    },
    wss,
  );

  return {
    async close() {
      const cutOff = setTimeout(() => {
        for (const client of wss.clients) client.terminate();
      }, CLOSE_GRACE_MS);
      try {
        await graphqlWs.dispose();
      } finally {
        clearTimeout(cutOff);
      }
      await (await busReady)?.close();
    },
  };
}

function credentialsOfConnection(connectionParams: unknown, request: IncomingMessage) {
  const params = (connectionParams ?? {}) as ConnectionParams;
  return credentialsOf({
    authorization:
      typeof params.authorization === 'string' ? params.authorization : request.headers.authorization,
    cookie: request.headers.cookie,
  });
}

/** The HTTP server's rules: domain errors are typed and localized; internals never leak. */
function formatError(error: GraphQLError, locale: Locale, log: Logger): GraphQLFormattedError {
  const original = error.originalError;
  if (isDomainError(original)) {
    return {
      message: localizeError({ code: original.code, params: original.params }, locale),
      ...(error.path ? { path: error.path } : {}),
      extensions: { code: original.code, params: original.params },
    };
  }
  // A limit refused the operation (QUERY_LIMIT_EXCEEDED): typed, in the connection's language.
  const code = error.extensions?.['code'];
  if (!original && typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)) {
    const { http: _http, ...extensions } = error.extensions;
    const params = (extensions['params'] ?? {}) as Record<string, string | number>;
    return { message: localizeError({ code: code as ErrorCode, params }, locale), extensions };
  }
  if (!original || original instanceof GraphQLError) return error.toJSON();
  log.error('internal error', { error: original.stack ?? String(original) });
  return {
    message: 'Internal server error / Lỗi máy chủ',
    ...(error.path ? { path: error.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
