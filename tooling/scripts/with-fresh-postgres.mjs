#!/usr/bin/env node
// Runs a command against a local PostgreSQL server, e.g. the whole test suite on real
// PostgreSQL:  node tooling/scripts/with-fresh-postgres.mjs turbo run test --concurrency=1
// Waits for the server (starting the local cluster with pg_ctlcluster if it is not answering),
// sets NTM_TEST_DATABASE_URL (unless already set) and runs the command with inherited stdio,
// exiting with its code. Each test file then creates and drops its own database on that server.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const WAIT_SECONDS = Number(process.env.NTM_PG_WAIT_SECONDS ?? 30);

// `pg` is a dependency of packages/db, not of the root: resolve it from there.
const requireFromDb = createRequire(new URL('../../packages/db/package.json', import.meta.url));
const pg = requireFromDb('pg');

const url = process.env.NTM_TEST_DATABASE_URL || DEFAULT_URL;

async function isReady() {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 2000,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function startLocalClusters() {
  let versions = [];
  try {
    versions = readdirSync('/etc/postgresql');
  } catch {
    console.error('with-fresh-postgres: PostgreSQL is not answering and /etc/postgresql does not exist');
    return;
  }
  for (const version of versions) {
    console.error(`with-fresh-postgres: starting PostgreSQL ${version}/main`);
    spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' });
  }
}

async function waitForServer() {
  if (await isReady()) return;
  startLocalClusters();
  const deadline = Date.now() + WAIT_SECONDS * 1000;
  while (Date.now() < deadline) {
    if (await isReady()) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const safeUrl = new URL(url);
  safeUrl.password = '';
  console.error(`with-fresh-postgres: PostgreSQL at ${safeUrl} did not answer within ${WAIT_SECONDS}s`);
  process.exit(1);
}

await waitForServer();
process.env.NTM_TEST_DATABASE_URL = url;

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.log(`PostgreSQL is ready; NTM_TEST_DATABASE_URL=${url}`);
  process.exit(0);
}

const child = spawn(command, args, { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (error) => {
  console.error(`with-fresh-postgres: cannot run ${command}: ${error.message}`);
  process.exit(127);
});
child.on('exit', (code, signal) => {
  process.exit(code ?? 128 + (constants.signals[signal] ?? 0));
});
