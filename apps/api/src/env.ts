// The only place that reads process.env. Defaults make the embedded mode work with no setup.
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

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
  /** Serve the in-browser GraphQL IDE at /graphiql and allow introspection. Set explicitly. */
  NTM_GRAPHQL_IDE: booleanFlag.default(true),
  NTM_WEB_DIST: z.string().default(`${repoRoot}apps/web/dist`),
  /** The folder `pnpm ntm` was started from (pnpm runs scripts in the package folder): CLI file paths are relative to it. */
  INIT_CWD: z.string().optional(),
  /** The operator's login: CLI changes are audited as `cli:<USER>`. */
  USER: z.string().default('operator'),
  NTM_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Largest accepted request body, in bytes (a 50,000-cell batch is about 6 MB). */
  NTM_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(16 * 1024 * 1024),
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
