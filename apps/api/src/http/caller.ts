// Who is calling: the one place that turns an HTTP request into an actor (for the audit trail,
// idempotency keys and access rules) and a key for per-caller limits. Until accounts exist
// every request is anonymous; the session/token lookup belongs in resolveCaller.
import type { IncomingMessage } from 'node:http';
import { ANONYMOUS_ACTOR } from '../context.ts';

export interface Caller {
  actor: string;
  /** The client's address: the socket's, or the first X-Forwarded-For hop behind a trusted proxy. */
  ip: string;
}

export function resolveCaller(req: IncomingMessage, options: { trustProxy: boolean }): Caller {
  const forwarded = options.trustProxy ? req.headers['x-forwarded-for'] : undefined;
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return { actor: ANONYMOUS_ACTOR, ip: first || req.socket.remoteAddress || 'unknown' };
}

/** Signed-in callers (users, tokens) are limited per actor; anonymous ones per address. */
export function callerKey(caller: Caller): string {
  return caller.actor === ANONYMOUS_ACTOR ? `ip:${caller.ip}` : `actor:${caller.actor}`;
}
