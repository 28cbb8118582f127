// The API answers only signed-in callers: every bench creates the bootstrap admin in its own
// throwaway database and signs in once, then sends that session cookie with every request.
import { BOOTSTRAP_ADMIN, ensureAdmin } from '@ntm/api/bootstrap-admin';
import type { Database } from '@ntm/db';
import type { Kysely } from 'kysely';

/** Bench-only: the admin exists only in the benches' generated databases, dropped after the run. */
export const BENCH_ADMIN_PASSWORD = 'bench-admin-password';

export interface BenchSession {
  /** The cookie's name and value, e.g. for Playwright's `context.addCookies`. */
  name: string;
  value: string;
  /** Headers that make a fetch or WebSocket upgrade request act as the admin. */
  headers: { cookie: string };
}

/** Creates the admin (unless the database has one) and signs in through `login` at `appUrl`. */
export async function signInAsBenchAdmin(db: Kysely<Database>, appUrl: string): Promise<BenchSession> {
  await ensureAdmin(db, BENCH_ADMIN_PASSWORD);
  const response = await fetch(new URL('/graphql', appUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($l: String!, $p: String!) { login(login: $l, password: $p) { __typename } }',
      variables: { l: BOOTSTRAP_ADMIN, p: BENCH_ADMIN_PASSWORD },
    }),
  });
  const setCookie = response.headers.get('set-cookie');
  if (!setCookie) throw new Error(`bench sign-in failed: ${(await response.text()).slice(0, 500)}`);
  const pair = setCookie.split(';')[0]!;
  const at = pair.indexOf('=');
  return { name: pair.slice(0, at), value: pair.slice(at + 1), headers: { cookie: pair } };
}
