import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { isDomainError, localizeError } from '@ntm/domain';
import { exportPlan } from '../../exchange/export-plan.ts';
import type { Command } from '../command.ts';
import { EXIT, UsageError } from '../command.ts';
import { openDatabase, parsePlanArg, resolveUserPath } from '../database.ts';
import { createProgress } from '../progress.ts';

export const exportCommand: Command = {
  name: ['export'],
  summary: 'Write a plan to an .xlsx workbook or a .csv file (the format follows the extension).',
  usage:
    'ntm export <plan> <file.xlsx|file.csv> [--lang vi|en] [--unit dong|trieu] [--views bySource,total,source:NSTW]\n' +
    '  <plan> is the plan number or its global ID.',
  options: { lang: { type: 'string' }, unit: { type: 'string' }, views: { type: 'string' } },
  async run({ values, positionals }, io) {
    const [planArg, file] = positionals;
    const planId = parsePlanArg(planArg);
    if (planId === null || !file) throw new UsageError('export needs a plan and a file name');
    const format = extname(file).toLowerCase().slice(1);
    if (format !== 'xlsx' && format !== 'csv') throw new UsageError('the file must end in .xlsx or .csv');
    const locale = values['lang'] ?? 'vi';
    const unit = values['unit'] ?? 'dong';
    if (locale !== 'vi' && locale !== 'en') throw new UsageError('--lang is vi or en');
    if (unit !== 'dong' && unit !== 'trieu') throw new UsageError('--unit is dong or trieu');
    const { db } = await openDatabase();
    try {
      const progress = createProgress('export', 1, io.isTTY);
      const exported = await exportPlan(db.db, planId, {
        format,
        locale,
        unit,
        views: typeof values['views'] === 'string' ? values['views'] : undefined,
      });
      await writeFile(resolveUserPath(file), exported.data);
      progress.update(1, file);
      progress.finish();
      io.out(`Wrote ${file} (${exported.data.length} bytes).`);
      return EXIT.ok;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      io.err(localizeError(error, locale));
      return EXIT.refused;
    } finally {
      await db.close();
    }
  },
};
