// Slows down password guessing: after a few failures in a window, an account (or an address)
// must wait, with the wait doubling up to a ceiling. Kept in this process's memory: each API
// process throttles on its own, which still bounds guessing to a handful of tries per minute.
import { DomainError } from '@ntm/domain';

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

interface Entry {
  failures: number;
  lastFailure: number;
  blockedUntil: number;
}

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly options: ThrottleOptions = DEFAULT_THROTTLE,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws LOGIN_THROTTLED (with retryAfter in seconds) when the account or address must wait. */
  check(account: string, ip: string): void {
    const wait = Math.max(this.waitMs(`account:${account}`), this.waitMs(`ip:${ip}`));
    if (wait > 0) throw new DomainError('LOGIN_THROTTLED', { retryAfter: Math.ceil(wait / 1000) });
  }

  recordFailure(account: string, ip: string): void {
    this.fail(`account:${account}`, this.options.freeAttempts);
    this.fail(`ip:${ip}`, this.options.freeAttempts * IP_FACTOR);
  }

  recordSuccess(account: string): void {
    this.entries.delete(`account:${account}`);
  }

  private waitMs(key: string): number {
    const entry = this.entries.get(key);
    if (!entry) return 0;
    const now = this.now();
    if (now - entry.lastFailure > this.options.windowMs) {
      this.entries.delete(key);
      return 0;
    }
    return Math.max(0, entry.blockedUntil - now);
  }

  private fail(key: string, free: number): void {
    const now = this.now();
    const previous = this.entries.get(key);
    const entry =
      previous && now - previous.lastFailure <= this.options.windowMs
        ? previous
        : { failures: 0, lastFailure: now, blockedUntil: 0 };
    entry.failures += 1;
    entry.lastFailure = now;
    if (entry.failures >= free) {
      const delay = Math.min(
        this.options.maxDelayMs,
        this.options.baseDelayMs * 2 ** (entry.failures - free),
      );
      entry.blockedUntil = now + delay;
    }
    this.entries.set(key, entry);
    // Bound memory under a flood of distinct names.
    if (this.entries.size > 50_000) {
      for (const [k, e] of this.entries)
        if (now - e.lastFailure > this.options.windowMs) this.entries.delete(k);
    }
  }
}
