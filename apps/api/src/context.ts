// The per-request context: database, caller, language, request id and batched loaders.
import { randomUUID } from 'node:crypto';
import type { AuditOrigin, Database } from '@ntm/db';
import type { Locale } from '@ntm/domain';
import type { Kysely } from 'kysely';
import { createLoaders, type Loaders } from './loaders.ts';
import type { Logger } from './logger.ts';

/** The actor of every request until accounts exist. */
export const ANONYMOUS_ACTOR = 'anonymous';

export interface Context {
  db: Kysely<Database>;
  locale: Locale;
  requestId: string;
  /** Who is acting; accounts arrive with the access-control work, until then requests are anonymous. */
  actor: string;
  /** Where a change comes from, for the audit trail: the grid says so in a header; everything else is the API. */
  origin: AuditOrigin;
  loaders: Loaders;
  log: Logger;
}

export function createContext(input: {
  db: Kysely<Database>;
  locale: Locale;
  log: Logger;
  origin?: AuditOrigin;
  actor?: string;
  requestId?: string;
}): Context {
  const requestId = input.requestId ?? randomUUID();
  return {
    db: input.db,
    locale: input.locale,
    requestId,
    actor: input.actor ?? ANONYMOUS_ACTOR,
    origin: input.origin ?? 'api',
    loaders: createLoaders(input.db),
    log: input.log.child({ requestId }),
  };
}
