// Starts NTM Planner: configuration, database (embedded PGlite by default), migrations, reference
// data and, on first start, the Lục Nam demo; then the HTTP server, until SIGTERM/SIGINT.
import { createDb, seedDemo, seedReference } from '@ntm/db';
import { ensureAdmin } from './auth/bootstrap-admin.ts';
import { createAuthSettings } from './context.ts';
import { readEnv } from './env.ts';
import { createLogger } from './logger.ts';
import { createApp } from './server.ts';

const env = readEnv();
const log = createLogger(env.NTM_LOG_LEVEL, { service: 'ntm-api' });

const database = await createDb(
  env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.NTM_DATA_DIR },
);
log.info('database', {
  backend: database.backend,
  location: env.DATABASE_URL ? 'DATABASE_URL' : env.NTM_DATA_DIR,
});
await database.migrate();
await seedReference(database.db);
if (env.NTM_SEED_DEMO) {
  const hasPlan = await database.db.selectFrom('plan').select('id').limit(1).executeTakeFirst();
  if (!hasPlan) {
    await seedDemo(database.db);
    log.info('demo data loaded', { demo: 'Lục Nam 2022' });
  }
}

const admin = await ensureAdmin(database.db, env.NTM_ADMIN_PASSWORD);
if (admin.created && admin.generatedPassword) {
  // Printed once, on the console only (not the JSON log): it is stored nowhere in clear.
  process.stderr.write(
    `\nNTM Planner: created the admin account "${admin.username}" with the one-time password:\n\n    ${admin.generatedPassword}\n\nSign in and change it (or set NTM_ADMIN_PASSWORD before the first start).\n\n`,
  );
} else if (admin.created) {
  log.info('admin account created', { username: admin.username, password: 'NTM_ADMIN_PASSWORD' });
}

const app = createApp({
  db: database.db,
  log,
  webDist: env.NTM_WEB_DIST,
  ideEnabled: env.NTM_GRAPHQL_IDE,
  introspection: env.NTM_INTROSPECTION,
  maxBodyBytes: env.NTM_MAX_BODY_BYTES,
  queryLimits: {
    maxDepth: env.NTM_MAX_QUERY_DEPTH,
    maxCost: env.NTM_MAX_QUERY_COST,
    maxAliases: env.NTM_MAX_ALIASES,
    maxDirectives: env.NTM_MAX_DIRECTIVES,
    maxTokens: env.NTM_MAX_TOKENS,
  },
  rateLimit: { perMinute: env.NTM_RATE_LIMIT_PER_MINUTE, burst: env.NTM_RATE_LIMIT_BURST },
  trustProxy: env.NTM_TRUST_PROXY,
  listen: database.listen,
  auth: createAuthSettings({
    cookie: { secure: env.NTM_COOKIE_SECURE },
    sessionTtlSeconds: Math.round(env.NTM_SESSION_HOURS * 3600),
  }),
});
const port = await app.listen(env.PORT, env.HOST);
log.info('listening', {
  url: `http://localhost:${port}`,
  graphql: `http://localhost:${port}/graphql`,
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info('shutting down', { signal });
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await app.stop();
  await database.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
