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
  /** edits-bench: seconds each load scenario runs (after a 2 s warm-up). */
  NTM_BENCH_EDIT_SECONDS: z.coerce.number().positive().default(20),
  /** edits-bench: connections of the single-cell scenario. */
  NTM_BENCH_EDIT_CONNECTIONS: z.coerce.number().int().positive().default(10),
  /** edits-bench: planners of the soak-mix scenario. */
  NTM_BENCH_EDIT_PLANNERS: z.coerce.number().int().positive().default(20),
  /** edits-bench (PostgreSQL): API processes the load is spread over, each its own `--serve` child. */
  NTM_BENCH_EDIT_PROCESSES: z.coerce.number().int().positive().default(1),
  /** edits-bench (PostgreSQL): pool size of each API process (the production default is 10). */
  NTM_BENCH_EDIT_POOL: z.coerce.number().int().positive().default(10),
  /** edits-bench: a folder makes every API child write a V8 CPU profile there (`--cpu-prof`). */
  NTM_BENCH_EDIT_CPU_PROF: z.string().optional(),
  /** edits-bench: set by the script for its own `--serve` children. */
  NTM_BENCH_SERVE_DATABASE_URL: z.string().optional(),
  /** browser-bench: measured runs on the province plan (first render, scroll, paste). */
  NTM_BENCH_BROWSER_RUNS: z.coerce.number().int().positive().default(5),
  /** browser-bench: measured runs on the national plan. */
  NTM_BENCH_BROWSER_NATIONAL_RUNS: z.coerce.number().int().positive().default(3),
  /** browser-bench: warm-up runs before each series. */
  NTM_BENCH_BROWSER_WARMUP: z.coerce.number().int().nonnegative().default(1),
  /** browser-bench: communes of the national-size plan. */
  NTM_BENCH_NATIONAL_COMMUNES: z.coerce.number().int().positive().default(8_000),
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
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
  editSeconds: parsed.NTM_BENCH_EDIT_SECONDS,
  editConnections: parsed.NTM_BENCH_EDIT_CONNECTIONS,
  editPlanners: parsed.NTM_BENCH_EDIT_PLANNERS,
  editProcesses: parsed.NTM_BENCH_EDIT_PROCESSES,
  editPool: parsed.NTM_BENCH_EDIT_POOL,
  editCpuProf: parsed.NTM_BENCH_EDIT_CPU_PROF,
  serveDatabaseUrl: parsed.NTM_BENCH_SERVE_DATABASE_URL,
  browserRuns: parsed.NTM_BENCH_BROWSER_RUNS,
  browserNationalRuns: parsed.NTM_BENCH_BROWSER_NATIONAL_RUNS,
  browserWarmup: parsed.NTM_BENCH_BROWSER_WARMUP,
  nationalCommunes: parsed.NTM_BENCH_NATIONAL_COMMUNES,
  chromiumPath: parsed.CHROMIUM_PATH,
};
