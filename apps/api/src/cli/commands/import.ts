import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { formatMoney, isDomainError, localizeError } from '@ntm/domain';
import { operatorPrincipal } from '../../auth/principal.ts';
import { createAuthSettings, createContext } from '../../context.ts';
import { readEnv } from '../../env.ts';
import { applyImport, type ImportPreview, previewImport } from '../../exchange/import-plan.ts';
import { DEFAULT_SPREADSHEET_LIMITS } from '../../exchange/read-spreadsheet.ts';
import { createLogger } from '../../logger.ts';
import { VersionConflictError } from '../../services/errors.ts';
import type { Command, CommandIO } from '../command.ts';
import { EXIT, UsageError } from '../command.ts';
import { openDatabase, parsePlanArg, resolveUserPath } from '../database.ts';
import { createProgress } from '../progress.ts';

const UNITS = ['dong', 'nghin', 'trieu', 'ty'] as const;

export const importCommand: Command = {
  name: ['import'],
  summary:
    'Import allocations from an .xlsx or .csv into a plan: shows every change and problem, then applies.',
  usage:
    'ntm import <file> --plan <plan> [--dry-run] [--unit dong|nghin|trieu|ty] [--source CODE] [--lang vi|en] [--sheet NAME]\n' +
    '  --dry-run   only show what would change\n' +
    '  --unit      unit of the amounts (default: read from the header, else đồng)\n' +
    '  --source    funding source of sheets that do not name theirs\n' +
    '  --lang      language of messages and of numbers written as text (default vi)\n' +
    'Exit codes: 0 applied (or nothing to do), 3 refused (problems or conflicts; nothing written).',
  options: {
    plan: { type: 'string' },
    'dry-run': { type: 'boolean' },
    unit: { type: 'string' },
    source: { type: 'string' },
    lang: { type: 'string' },
    sheet: { type: 'string', multiple: true },
  },
  async run({ values, positionals }, io) {
    const [file] = positionals;
    const planId = parsePlanArg(values['plan'] as string | undefined);
    if (!file || planId === null) throw new UsageError('import needs a file and --plan <plan>');
    const locale = (values['lang'] as string | undefined) ?? 'vi';
    if (locale !== 'vi' && locale !== 'en') throw new UsageError('--lang is vi or en');
    const unit = values['unit'] as string | undefined;
    if (unit !== undefined && !(UNITS as readonly string[]).includes(unit))
      throw new UsageError(`--unit is one of ${UNITS.join(', ')}`);
    const path = resolveUserPath(file);
    const size = (await stat(path)).size;
    if (size > DEFAULT_SPREADSHEET_LIMITS.maxFileBytes) {
      io.err(
        localizeError(
          { code: 'FILE_TOO_LARGE', params: { size, max: DEFAULT_SPREADSHEET_LIMITS.maxFileBytes } },
          locale,
        ),
      );
      return EXIT.refused;
    }
    const upload = { name: basename(file), data: await readFile(path) };
    const { db } = await openDatabase();
    try {
      let sourceId: number | undefined;
      if (typeof values['source'] === 'string') {
        const source = await db.db
          .selectFrom('funding_source')
          .select('id')
          .where('code', '=', values['source'])
          .executeTakeFirst();
        if (!source) throw new UsageError(`unknown funding source ${values['source']}`);
        sourceId = source.id;
      }
      const options = {
        locale,
        unit: unit as (typeof UNITS)[number] | undefined,
        sourceId,
        sheets: values['sheet'] as unknown as string[] | undefined,
      } as const;
      // Steps: read and preview, then apply; a big province file takes a while on each.
      const progress = createProgress('import', values['dry-run'] ? 1 : 2, io.isTTY);
      const preview = await previewImport(db.db, planId, upload, options);
      progress.update(1, 'preview');
      if (values['dry-run'] || preview.problems.length > 0) progress.finish();
      report(preview, locale, io);
      if (preview.problems.length > 0) {
        io.err(
          localizeError({ code: 'IMPORT_HAS_PROBLEMS', params: { count: preview.problems.length } }, locale),
        );
        return EXIT.refused;
      }
      if (values['dry-run']) {
        io.out(locale === 'vi' ? 'Chạy thử: chưa ghi gì.' : 'Dry run: nothing written.');
        return EXIT.ok;
      }
      const ctx = createContext({
        db: db.db,
        locale,
        log: createLogger('silent'),
        origin: 'import',
        auth: createAuthSettings(),
        principal: operatorPrincipal(readEnv().USER),
      });
      const { result } = await applyImport(ctx, planId, upload, options, preview.token);
      progress.update(2, 'applied');
      progress.finish();
      io.out(
        locale === 'vi'
          ? `Đã nhập ${result.changedCount} ô (lô ${result.batchId}).`
          : `Imported ${result.changedCount} cells (batch ${result.batchId}).`,
      );
      return EXIT.ok;
    } catch (error) {
      if (error instanceof VersionConflictError) {
        io.err(
          localizeError({ code: 'VERSION_CONFLICT', params: { count: error.conflicts.length } }, locale),
        );
        return EXIT.refused;
      }
      if (!isDomainError(error)) throw error;
      io.err(localizeError(error, locale));
      return EXIT.refused;
    } finally {
      await db.close();
    }
  },
};

function report(preview: ImportPreview, locale: 'vi' | 'en', io: CommandIO) {
  const money = (amount: bigint) => formatMoney(amount, { locale });
  for (const sheet of preview.sheets) {
    const state = sheet.isRead
      ? `${sheet.cellCount} cells, ${sheet.unit} (${sheet.unitFrom})`
      : `skipped: ${sheet.skipReason}`;
    io.out(`${sheet.name}: ${state}`);
  }
  for (const c of preview.changes) {
    io.out(
      `${c.sheet}!${c.cell}\t${c.communeName}\t${c.criterionNumber}\t${c.sourceCode}\t${money(c.oldAmount)} → ${money(c.newAmount)}`,
    );
  }
  for (const p of preview.problems) {
    const place = p.sheet === null ? '' : p.cell === null ? `${p.sheet}: ` : `${p.sheet}!${p.cell}: `;
    io.err(place + localizeError(p.error, locale));
  }
  io.out(
    locale === 'vi'
      ? `${preview.changes.length} ô thay đổi, ${preview.unchangedCount} ô giữ nguyên, ${preview.problems.length} lỗi. Tổng: ${money(preview.totalBefore)} → ${money(preview.totalAfter)} đ`
      : `${preview.changes.length} changed, ${preview.unchangedCount} unchanged, ${preview.problems.length} problems. Total: ${money(preview.totalBefore)} → ${money(preview.totalAfter)} ₫`,
  );
}
