// Slows down password guessing: after a few failures in a window, an account (or an address)
// must wait, with the wait doubling up to a ceiling. The counters live in PostgreSQL
// (login_failure), so every API process and a restart see the same ones; times are the
// database's clock so processes with skewed clocks agree.
import type { Database } from '@ntm/db';
import { DomainError } from '@ntm/domain';
import { type Kysely, type RawBuilder, sql } from 'kysely';

export interface ThrottleOptions {
  /** Failures allowed per key before waiting is required. */
  freeAttempts: number;
  /** The first wait; each further failure doubles it. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = {
  freeAttempts: 5,
  baseDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  windowMs: 15 * 60_000,
};

/** Per IP the allowance is larger: many people may sign in from one office. */
const IP_FACTOR = 4;
/** Expired rows removed per failure: enough to keep up, small enough to stay cheap. */
const PRUNE_BATCH = 100;

type Kind = 'account' | 'ip';

/** A typed login can be megabytes long; longer than any user name or email, it is still one key. */
const keyOf = (text: string) => text.slice(0, 320);

const ms = (value: number) => sql<string>`make_interval(secs => ${value / 1000})`;

export class LoginThrottle {
  constructor(private readonly options: ThrottleOptions = DEFAULT_THROTTLE) {}

  /** Throws LOGIN_THROTTLED (with retryAfter in seconds) when the account or address must wait. */
  async check(db: Kysely<Database>, account: string, ip: string): Promise<void> {
    const row = await db
      .selectFrom('login_failure')
      .select(sql<number>`ceil(extract(epoch from max(blocked_until) - now()))::int`.as('wait'))
      .where((eb) =>
        eb.or([
          eb.and([eb('kind', '=', 'account'), eb('key', '=', keyOf(account))]),
          eb.and([eb('kind', '=', 'ip'), eb('key', '=', keyOf(ip))]),
        ]),
      )
      .where('blocked_until', '>', sql<Date>`now()`)
      .where('last_failure', '>', sql<Date>`now() - ${ms(this.options.windowMs)}`)
      .executeTakeFirst();
    const wait = row?.wait ?? 0;
    if (wait > 0) throw new DomainError('LOGIN_THROTTLED', { retryAfter: wait });
  }

  async recordFailure(db: Kysely<Database>, account: string, ip: string): Promise<void> {
    await this.fail(db, 'account', account, this.options.freeAttempts);
    await this.fail(db, 'ip', ip, this.options.freeAttempts * IP_FACTOR);
    await sql`delete from login_failure where (kind, key) in (
      select kind, key from login_failure
      where last_failure < now() - ${ms(this.options.windowMs)}
      order by last_failure limit ${PRUNE_BATCH})`.execute(db);
  }

  async recordSuccess(db: Kysely<Database>, account: string): Promise<void> {
    await db
      .deleteFrom('login_failure')
      .where('kind', '=', 'account')
      .where('key', '=', keyOf(account))
      .execute();
  }

  /** One statement per key, so concurrent failures from several processes all count. */
  private async fail(db: Kysely<Database>, kind: Kind, key: string, free: number): Promise<void> {
    const { baseDelayMs, maxDelayMs, windowMs } = this.options;
    const blockedUntil = (failures: RawBuilder<number> | number) =>
      sql<Date | null>`case when (${failures})::int >= ${free}::int
        then now() + make_interval(secs => least(${maxDelayMs}::float8,
          ${baseDelayMs}::float8 * power(2, least((${failures})::int - ${free}::int, 30))) / 1000)
        end`;
    const next = sql<number>`case when login_failure.last_failure > now() - ${ms(windowMs)}
      then login_failure.failures + 1 else 1 end`;
    await db
      .insertInto('login_failure')
      .values({
        kind,
        key: keyOf(key),
        failures: 1,
        last_failure: sql`now()`,
        blocked_until: blockedUntil(1),
      })
      .onConflict((oc) =>
        oc.columns(['kind', 'key']).doUpdateSet({
          failures: next,
          last_failure: sql`now()`,
          blocked_until: blockedUntil(next),
        }),
      )
      .execute();
  }
}
