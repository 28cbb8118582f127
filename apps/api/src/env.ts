// The only place that reads process.env. Defaults make the embedded mode work with no setup.
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_QUERY_LIMITS } from './http/query-limits.ts';
import { DEFAULT_RATE_LIMIT } from './http/rate-limit.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const positiveInt = z.coerce.number().int().positive();

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  /** PostgreSQL URL; when empty the embedded PGlite database under NTM_DATA_DIR is used. */
  DATABASE_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  NTM_DATA_DIR: z.string().default(`${repoRoot}data/pglite`),
  /** Load the Lục Nam 2022 demo on first start (when the database has no plan yet). */
  NTM_SEED_DEMO: booleanFlag.default(true),
  /** Serve the in-browser GraphQL IDE at /graphiql. Off unless set; it needs NTM_INTROSPECTION too. */
  NTM_GRAPHQL_IDE: booleanFlag.default(false),
  /** Answer introspection queries (__schema). Off unless set; never derived from NODE_ENV. */
  NTM_INTROSPECTION: booleanFlag.default(false),
  NTM_WEB_DIST: z.string().default(`${repoRoot}apps/web/dist`),
  /** The first admin's password (first start only); without it a one-time password is printed once. */
  NTM_ADMIN_PASSWORD: z.string().min(10).optional(),
  /** Mark the session cookie Secure: set to true when the app is served over https. */
  NTM_COOKIE_SECURE: booleanFlag.default(false),
  /** How long a sign-in lasts, in hours. */
  NTM_SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  /** The folder `pnpm ntm` was started from (pnpm runs scripts in the package folder): CLI file paths are relative to it. */
  INIT_CWD: z.string().optional(),
  /** The operator's login: CLI changes are audited as `cli:<USER>`. */
  USER: z.string().default('operator'),
  NTM_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Largest accepted request body, in bytes (a 50,000-cell batch is about 6 MB). */
  NTM_MAX_BODY_BYTES: positiveInt.default(16 * 1024 * 1024),
  NTM_MAX_QUERY_DEPTH: positiveInt.default(DEFAULT_QUERY_LIMITS.maxDepth),
  /** Static cost estimate: 1 per field, times `first`/`last` (or an assumed list size) around it. */
  NTM_MAX_QUERY_COST: positiveInt.default(DEFAULT_QUERY_LIMITS.maxCost),
  NTM_MAX_ALIASES: positiveInt.default(DEFAULT_QUERY_LIMITS.maxAliases),
  NTM_MAX_DIRECTIVES: positiveInt.default(DEFAULT_QUERY_LIMITS.maxDirectives),
  NTM_MAX_TOKENS: positiveInt.default(DEFAULT_QUERY_LIMITS.maxTokens),
  /** Sustained GraphQL requests per minute per caller (user, token or address); 0 turns it off. */
  NTM_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(DEFAULT_RATE_LIMIT.perMinute),
  NTM_RATE_LIMIT_BURST: positiveInt.default(DEFAULT_RATE_LIMIT.burst),
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (for per-address limits). */
  NTM_TRUST_PROXY: booleanFlag.default(false),
});

export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}
