// The operator's context for account commands: the same services as the GraphQL mutations,
// acting as `cli:<os user>` (origin system) so every change is audited under the operator's name.
import type { Database } from '@ntm/db';
import { isDomainError, localizeError } from '@ntm/domain';
import type { Kysely } from 'kysely';
import { operatorPrincipal } from '../auth/principal.ts';
import { type Context, createAuthSettings, createContext } from '../context.ts';
import { readEnv } from '../env.ts';
import { createLogger } from '../logger.ts';
import { type CommandIO, EXIT } from './command.ts';

export function operatorContext(db: Kysely<Database>): Context {
  return createContext({
    db,
    locale: 'vi',
    log: createLogger('silent'),
    origin: 'system',
    auth: createAuthSettings(),
    principal: operatorPrincipal(readEnv().USER),
  });
}

/** A refused input (typed error) exits 3 with its message in both languages; anything else is a failure. */
export function refused(error: unknown, io: CommandIO): number {
  if (!isDomainError(error)) throw error;
  io.err(`${localizeError(error, 'vi')} / ${localizeError(error, 'en')}`);
  return EXIT.refused;
}

/** A user by login name, or null. */
export function findUser(db: Kysely<Database>, username: string) {
  return db
    .selectFrom('app_user')
    .selectAll()
    .where('username', '=', username.trim().toLowerCase())
    .executeTakeFirst();
}
