// Who is calling: the one place that turns an HTTP request into a principal (session cookie or
// Bearer token), an actor (for the audit trail and idempotency keys) and a key for per-caller limits.
import type { IncomingMessage } from 'node:http';
import type { Database } from '@ntm/db';
import type { Kysely } from 'kysely';
import { authenticate, type Principal } from '../auth/principal.ts';
import { credentialsOf } from '../auth/session-cookie.ts';
import { ANONYMOUS_ACTOR } from '../context.ts';

export interface Caller {
  /** The signed-in user or the token; null when the request carries no valid credentials. */
  principal: Principal | null;
  actor: string;
  /** The client's address: the socket's, or the first X-Forwarded-For hop behind a trusted proxy. */
  ip: string;
}

export async function resolveCaller(
  db: Kysely<Database>,
  req: IncomingMessage,
  options: { trustProxy: boolean },
): Promise<Caller> {
  const principal = await authenticate(db, credentialsOf(req.headers));
  return { principal, actor: principal?.actor ?? ANONYMOUS_ACTOR, ip: clientIp(req, options) };
}

/** The socket's address, or the first X-Forwarded-For hop behind a trusted proxy. */
export function clientIp(req: IncomingMessage, options: { trustProxy: boolean }): string {
  const forwarded = options.trustProxy ? req.headers['x-forwarded-for'] : undefined;
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first || req.socket.remoteAddress || 'unknown';
}

/** Signed-in callers (users, tokens) are limited per actor; anonymous ones per address. */
export function callerKey(caller: Caller): string {
  return caller.actor === ANONYMOUS_ACTOR ? `ip:${caller.ip}` : `actor:${caller.actor}`;
}
