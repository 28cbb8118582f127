// The benchmark's only reader of process.env. Defaults run both back ends with no configuration.
import { z } from 'zod';

const schema = z.object({
  /** A PostgreSQL server URL; the benchmark creates (and drops) a fresh database on it. */
  NTM_BENCH_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/postgres'),
  /** Comma-separated: pglite, postgres. */
  NTM_BENCH_BACKENDS: z.string().default('pglite,postgres'),
  NTM_BENCH_RUNS: z.coerce.number().int().positive().default(20),
  NTM_BENCH_WARMUP: z.coerce.number().int().nonnegative().default(3),
  NTM_BENCH_COMMUNES: z.coerce.number().int().positive().default(500),
  NTM_BENCH_SEED: z.coerce.number().int().default(20261127),
});

const parsed = schema.parse(process.env);

export const env = {
  databaseUrl: parsed.NTM_BENCH_DATABASE_URL,
  backends: parsed.NTM_BENCH_BACKENDS.split(',')
    .map((b) => b.trim())
    .filter((b): b is 'pglite' | 'postgres' => b === 'pglite' || b === 'postgres'),
  runs: parsed.NTM_BENCH_RUNS,
  warmup: parsed.NTM_BENCH_WARMUP,
  communes: parsed.NTM_BENCH_COMMUNES,
  seed: parsed.NTM_BENCH_SEED,
};
