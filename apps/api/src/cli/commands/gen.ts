import { generateProvince } from '@ntm/db/synthetic';
import type { Command } from '../command.ts';
import { EXIT, UsageError } from '../command.ts';
import { openDatabase } from '../database.ts';
import { createProgress } from '../progress.ts';

export const genCommand: Command = {
  name: ['gen'],
  summary: 'Generate synthetic provinces with a fully allocated plan each (for benchmarks and load tests).',
  usage:
    'ntm gen --provinces N --communes M [--seed S]\n' +
    '  Each province gets M communes, districts of ~25 communes and a 2021–2025 plan with every cell set.\n' +
    '  Deterministic per seed; provinces take seeds S, S+1, … (default: the first unused).',
  options: { provinces: { type: 'string' }, communes: { type: 'string' }, seed: { type: 'string' } },
  async run({ values }, io) {
    const provinces = positiveInt(values['provinces'], '--provinces', 1);
    const communes = positiveInt(values['communes'], '--communes', 500);
    const { db } = await openDatabase();
    try {
      await db.migrate();
      let seed = values['seed'] === undefined ? null : positiveInt(values['seed'], '--seed', 1);
      if (seed === null) {
        const taken = await db.db
          .selectFrom('province')
          .select('code')
          .where('code', 'like', 'SYN-%')
          .execute();
        const used = new Set(taken.map((p) => Number(p.code.slice(4))));
        seed = 1;
        while (used.has(seed)) seed++;
      }
      const progress = createProgress('gen', provinces, io.isTTY);
      for (let i = 0; i < provinces; i++) {
        const generated = await generateProvince(db.db, { communes, seed: seed + i });
        progress.update(i + 1, `plan ${generated.planId}`);
        io.out(
          `Province SYN-${seed + i}: plan ${generated.planId}, ${communes} communes, ${generated.cellCount} cells.`,
        );
      }
      progress.finish();
      return EXIT.ok;
    } finally {
      await db.close();
    }
  },
};

function positiveInt(value: string | boolean | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`${name} must be a positive whole number`);
  return n;
}
