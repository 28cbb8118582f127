// Test helper: signs in over HTTP and returns the session cookie, for tests that talk to an API
// with raw fetch or WebSocket (processes started from src/main.ts get the test admin's password).
import { TEST_ADMIN } from './harness.ts';

export async function signIn(
  url: string,
  user: { username: string; password: string } = TEST_ADMIN,
): Promise<{ cookie: string }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($l: String!, $p: String!) { login(login: $l, password: $p) { __typename } }',
      variables: { l: user.username, p: user.password },
    }),
  });
  const setCookie = response.headers.get('set-cookie');
  if (!setCookie) throw new Error(`Sign-in as ${user.username} failed: ${await response.text()}`);
  return { cookie: setCookie.split(';')[0]! };
}

let sharedCookie: string | undefined;

/** Signs in once for the whole test file; `sessionHeaders()` then carries that session. */
export async function useSession(url: string, user?: { username: string; password: string }): Promise<void> {
  sharedCookie = (await signIn(url, user)).cookie;
}

export function sessionHeaders(): Record<string, string> {
  return sharedCookie ? { cookie: sharedCookie } : {};
}
