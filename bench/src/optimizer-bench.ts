// Optimizer benchmark: the MIP (HiGHS, in process) against the greedy baseline on a generated
// 500-commune province (19 criteria × 9 sources) and on the Lục Nam demo, for the four switch
// combinations. Solve time is the whole solveAllocation call (model build, both HiGHS stages,
// exact rounding); reading the plan from the database is not included. Prints a markdown table.
// Run: pnpm --filter @ntm/bench bench:optimizer   (NTM_BENCH_RUNS, NTM_BENCH_COMMUNES, NTM_BENCH_SEED).
import { availableParallelism } from 'node:os';
import { loadOptimizerData, type PlanOptimizerData } from '@ntm/api/optimizer-input';
import { seedDemo, seedReference } from '@ntm/db';
import { generateProvince } from '@ntm/db/synthetic';
import { createTestDb } from '@ntm/db/testing';
import {
  loadSolver,
  type OptimizeOptions,
  type OptimizerInput,
  solveAllocation,
  solveGreedy,
} from '@ntm/optimizer';
import { env } from './env.ts';

const RUNS = Math.min(env.runs, 5);
/** The target: a province solved within 10 s on 2 cores. */
const TIME_LIMIT_SECONDS = 10;
const SWITCHES: OptimizeOptions[] = [
  { capMode: 'confirmed', existing: 'keep' },
  { capMode: 'expected', existing: 'keep' },
  { capMode: 'confirmed', existing: 'free' },
  { capMode: 'expected', existing: 'free' },
];

/**
 * The generated plan's caps cover its 100-odd targets easily, so a stress variant makes every
 * commune a target (random priority 1–10 as generated) and scales every cap to 40 % of the total
 * need: hundreds of binaries competing for money, most of them left out.
 */
function toStress({ input, unmet }: PlanOptimizerData): OptimizerInput {
  const needs = unmet.filter((u) => u.cost > 0n);
  const need = needs.reduce((sum, n) => sum + n.cost, 0n);
  const caps = input.sources.reduce((sum, s) => sum + s.confirmedCap + s.expectedCap, 0n);
  const scale = (amount: bigint) => (caps === 0n ? 0n : (amount * need * 40n) / (caps * 100n));
  return {
    ...input,
    communes: input.communes.map((c) => ({ ...c, isTarget: true })),
    needs,
    uncosted: unmet.filter((u) => u.cost === 0n),
    sources: input.sources.map((s) => ({
      ...s,
      confirmedCap: scale(s.confirmedCap),
      expectedCap: scale(s.expectedCap),
    })),
  };
}

const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

async function main() {
  const highs = await loadSolver();
  const rows: string[] = [];
  const database = await createTestDb();
  try {
    await seedReference(database.db);
    await seedDemo(database.db);
    const demoPlan = await database.db.selectFrom('plan').selectAll().orderBy('id').executeTakeFirstOrThrow();
    const province = await generateProvince(database.db, { communes: env.communes, seed: env.seed });
    const provincePlan = await database.db
      .selectFrom('plan')
      .selectAll()
      .where('id', '=', province.planId)
      .executeTakeFirstOrThrow();
    const generated = await loadOptimizerData(database.db, provincePlan, null);
    for (const [label, input] of [
      ['Lục Nam demo (25 communes, 7 targets)', (await loadOptimizerData(database.db, demoPlan, null)).input],
      [
        `Generated province (${env.communes} communes), as generated`,
        (await loadOptimizerData(database.db, provincePlan, null)).input,
      ],
      [
        `Generated province (${env.communes} communes), stress: all targets, caps 40 % of need`,
        toStress(generated),
      ],
    ] as const) {
      const targets = input.communes.filter((c) => c.isTarget).length;
      for (const options of SWITCHES) {
        const times: number[] = [];
        let result = solveAllocation(highs, input, { ...options, timeLimitSeconds: TIME_LIMIT_SECONDS });
        for (let run = 0; run < RUNS; run++) {
          const started = performance.now();
          result = solveAllocation(highs, input, { ...options, timeLimitSeconds: TIME_LIMIT_SECONDS });
          times.push(performance.now() - started);
        }
        const greedyStarted = performance.now();
        const greedy = solveGreedy(input, options);
        const greedyMs = performance.now() - greedyStarted;
        const s = result.summary;
        rows.push(
          `| ${label} | ${options.capMode} / ${options.existing} | ${targets} | ${input.needs.length} | ` +
            `${result.status} (gap ${result.gap ?? '–'}) | ${p50(times).toFixed(0)} | ${s.reachedCommunes} (w ${s.reachedWeight}) | ` +
            `${greedy.summary.reachedCommunes} (w ${greedy.summary.reachedWeight}) | ${greedyMs.toFixed(0)} |`,
        );
        console.error(rows.at(-1));
      }
    }
  } finally {
    await database.close();
  }
  console.log(
    `Machine: ${availableParallelism()} cores (shared with other jobs); ${RUNS} measured runs after 1 warm-up.\n`,
  );
  console.log(
    '| Plan | caps / existing | targets | unmet costed criteria | status | solve p50 ms | MIP reached (weight) | greedy reached (weight) | greedy ms |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
}

await main();
