// Test helper: the real entry point (`src/main.ts`) as a child process, as in production, so a
// test can kill -9 it, start it again, and watch it recover on its own.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sessionHeaders, useSession } from './auth-session.ts';
import { TEST_ADMIN } from './harness.ts';

const apiDir = fileURLToPath(new URL('..', import.meta.url));

export interface ApiProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  /** SIGKILL: no shutdown hook runs, open transactions are cut off mid-way. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the API with the given environment on a free port; resolves once it listens. */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiDir,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      NTM_GRAPHQL_IDE: 'false',
      // Tests drive many requests from one address; the rate limit has its own tests.
      NTM_RATE_LIMIT_PER_MINUTE: '0',
      NTM_WEB_DIST: '/nonexistent',
      NTM_LOG_LEVEL: 'info',
      NTM_ADMIN_PASSWORD: TEST_ADMIN.password,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('API process did not start in 90 s')), 90_000);
    child.once('exit', (code, signal) => reject(new Error(`API process exited with ${code ?? signal}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'listening' && entry.url) {
          clearTimeout(timer);
          resolve(entry.url.replace('localhost', '127.0.0.1'));
        }
      } catch {
        // not a log line
      }
    });
  });
  // Raw requests of the test (sessionHeaders()) act as the admin that main.ts created.
  await useSession(url);
  return {
    child,
    url,
    exited,
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** POSTs one GraphQL request to the API at `url` (as the shared session by default); fails on any GraphQL error. */
export async function gqlAt(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = sessionHeaders(),
) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}
