// The per-request context: database, caller, language, request id and batched loaders.
import { randomUUID } from 'node:crypto';
import type { AuditOrigin, Database } from '@ntm/db';
import type { Locale } from '@ntm/domain';
import type { Kysely } from 'kysely';
import { DEFAULT_THROTTLE, LoginThrottle } from './auth/login-throttle.ts';
import type { Principal } from './auth/principal.ts';
import type { CookieOptions } from './auth/session-cookie.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import type { Logger } from './logger.ts';

/** The audit actor of a request that nobody signed (only `login` and health can be called so). */
export const ANONYMOUS_ACTOR = 'anonymous';

/** Process-wide sign-in settings and state, shared by every request. */
export interface AuthSettings {
  throttle: LoginThrottle;
  cookie: CookieOptions;
  sessionTtlSeconds: number;
}

export function createAuthSettings(input: Partial<Omit<AuthSettings, 'throttle'>> = {}): AuthSettings {
  return {
    throttle: new LoginThrottle(DEFAULT_THROTTLE),
    cookie: input.cookie ?? { secure: false },
    sessionTtlSeconds: input.sessionTtlSeconds ?? 12 * 3600,
  };
}

export interface Context {
  db: Kysely<Database>;
  locale: Locale;
  requestId: string;
  /** The signed-in user or API token; null for anonymous requests. */
  principal: Principal | null;
  /** Who is acting, as written to the audit trail: the principal's login name or token name. */
  actor: string;
  /** Where a change comes from, for the audit trail: the grid says so in a header; everything else is the API. */
  origin: AuditOrigin;
  clientIp: string;
  userAgent: string | null;
  auth: AuthSettings;
  /** Set-Cookie values the response must carry (sign in and out). */
  responseCookies: string[];
  loaders: Loaders;
  log: Logger;
  /** Does this server serve the GraphQL IDE (/graphiql)? It needs the IDE and introspection on. */
  hasGraphqlIde: boolean;
  /**
   * Fires when nobody waits for the answer any more (the HTTP client disconnected): long reads
   * stop with its reason. Writes never look at it.
   */
  signal: AbortSignal;
}

/** The signal of a request whose answer is always wanted (live operations, the CLI, a replayable run). */
const WANTED = new AbortController().signal;

/**
 * Apollo shallow-copies the context per operation, so the caller lives in a shared holder:
 * when `login` sets `ctx.principal`, the loaders and the rest of the request see the new caller.
 */
class RequestContext {
  /** A plain field (not #private): shallow copies must share it. */
  readonly identity: { principal: Principal | null };

  constructor(principal: Principal | null) {
    this.identity = { principal };
  }

  get principal(): Principal | null {
    return this.identity.principal;
  }

  set principal(value: Principal | null) {
    this.identity.principal = value;
  }
}

export function createContext(input: {
  db: Kysely<Database>;
  locale: Locale;
  log: Logger;
  auth: AuthSettings;
  principal: Principal | null;
  origin?: AuditOrigin;
  requestId?: string;
  clientIp?: string;
  userAgent?: string | null;
  hasGraphqlIde?: boolean;
  signal?: AbortSignal;
}): Context {
  const requestId = input.requestId ?? randomUUID();
  const holder = new RequestContext(input.principal);
  const context = Object.assign(holder, {
    db: input.db,
    locale: input.locale,
    requestId,
    actor: input.principal?.actor ?? ANONYMOUS_ACTOR,
    origin: input.origin ?? 'api',
    clientIp: input.clientIp ?? 'unknown',
    userAgent: input.userAgent ?? null,
    auth: input.auth,
    responseCookies: [] as string[],
    // Scoped loaders follow the caller, which `login` sets mid-request.
    loaders: createLoaders(input.db, () => holder.principal),
    log: input.log.child({ requestId }),
    hasGraphqlIde: input.hasGraphqlIde ?? false,
    signal: input.signal ?? WANTED,
  }) satisfies Context;
  return context;
}
