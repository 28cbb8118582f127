// Import = preview, then apply. The preview reads the file against the plan and lists every cell
// that would change (old → new, with the version it was read at) and every problem. Apply reads
// the same file again, refuses it if anything is wrong, and writes exactly the previewed changes
// through setAllocations as one audited batch (origin "import") with the previewed versions as
// expected versions: a cell someone changed since the preview is a conflict, never overwritten.
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Database } from '@ntm/db';
import { cellKey, DomainError, type Locale, type MoneyUnit } from '@ntm/domain';
import type { Kysely } from 'kysely';
import type { Context } from '../context.ts';
import { encodeId } from '../schema/ids.ts';
import { type SetAllocationsResult, setAllocations } from '../services/allocations.ts';
import { loadPlanSheetData } from './plan-sheet-data.ts';
import { type ImportProblem, readPlanSheets, type SheetReport } from './read-plan-sheets.ts';
import { DEFAULT_SPREADSHEET_LIMITS, readSpreadsheet, type SpreadsheetLimits } from './read-spreadsheet.ts';

export interface ImportFile {
  name: string;
  data: Buffer;
}

export interface ImportOptions {
  unit?: MoneyUnit;
  sourceId?: number;
  /** How text amounts are written; defaults to the caller's language. */
  locale?: Locale;
  sheets?: string[];
}

export interface ImportChange {
  sheet: string;
  cell: string;
  communeId: number;
  communeName: string;
  criterionId: number;
  criterionNumber: number;
  sourceId: number;
  sourceCode: string;
  oldAmount: bigint;
  newAmount: bigint;
  /** The cell's version when previewed (0 = never written). */
  version: number;
}

export interface ImportPreview {
  planId: number;
  fileName: string;
  format: 'xlsx' | 'csv';
  sheets: SheetReport[];
  changes: ImportChange[];
  unchangedCount: number;
  problems: ImportProblem[];
  totalBefore: bigint;
  totalAfter: bigint;
  /** Hands the previewed file, options and versions to `applyImport`. */
  token: string;
}

export interface ImportResult {
  preview: ImportPreview;
  result: SetAllocationsResult;
}

export async function previewImport(
  db: Kysely<Database>,
  planId: number,
  file: ImportFile,
  options: ImportOptions & { locale: Locale },
  limits: SpreadsheetLimits = DEFAULT_SPREADSHEET_LIMITS,
): Promise<ImportPreview> {
  const book = await readSpreadsheet(file.name, file.data, limits);
  const data = await loadPlanSheetData(db, planId);
  if (options.sourceId !== undefined && !data.sources.some((s) => s.id === options.sourceId)) {
    throw new DomainError('UNKNOWN_SOURCE', { source: String(options.sourceId), field: 'sourceId' });
  }
  const reading = readPlanSheets(
    book,
    { communes: data.communes, criteria: data.criteria, sources: data.sources },
    options,
  );
  const communeName = new Map(data.communes.map((c) => [c.id, c.name]));
  const criterionNumber = new Map(data.criteria.map((c) => [c.id, c.number]));
  const sourceCode = new Map(data.sources.map((s) => [s.id, s.code]));
  const changes: ImportChange[] = [];
  let unchangedCount = 0;
  let totalBefore = 0n;
  for (const stored of data.cells.values()) totalBefore += stored.amount;
  let totalAfter = totalBefore;
  for (const cell of reading.cells) {
    const stored = data.cells.get(cellKey(cell.communeId, cell.criterionId, cell.sourceId));
    const oldAmount = stored?.amount ?? 0n;
    if (oldAmount === cell.amount) {
      unchangedCount++;
      continue;
    }
    totalAfter += cell.amount - oldAmount;
    changes.push({
      ...cell,
      communeName: communeName.get(cell.communeId) ?? '',
      criterionNumber: criterionNumber.get(cell.criterionId) ?? 0,
      sourceCode: sourceCode.get(cell.sourceId) ?? '',
      oldAmount,
      newAmount: cell.amount,
      version: stored?.version ?? 0,
    });
  }
  return {
    planId,
    fileName: file.name,
    format: book.format,
    sheets: reading.sheets,
    changes,
    unchangedCount,
    problems: reading.problems,
    totalBefore,
    totalAfter,
    token: encodeToken(fingerprint(file, options), changes),
  };
}

/**
 * Applies a previewed import. Without a token (the CLI, which previews and applies in one go) the
 * versions come from a fresh preview.
 */
export async function applyImport(
  ctx: Context,
  planId: number,
  file: ImportFile,
  options: ImportOptions & { locale: Locale },
  token: string | null,
  limits: SpreadsheetLimits = DEFAULT_SPREADSHEET_LIMITS,
): Promise<ImportResult> {
  const preview = await previewImport(ctx.db, planId, file, options, limits);
  if (preview.problems.length > 0) {
    throw new DomainError('IMPORT_HAS_PROBLEMS', { count: preview.problems.length });
  }
  const previewed =
    token === null ? preview.changes.map(toVersioned) : decodeToken(token, fingerprint(file, options));
  const amounts = new Map(
    preview.changes.map((c) => [cellKey(c.communeId, c.criterionId, c.sourceId), c.newAmount]),
  );
  // A previewed cell the file no longer changes now has its value already: write it anyway, so a
  // version that moved since the preview still reports a conflict.
  const fileAmounts = await fileAmountsFor(ctx.db, planId, previewed, amounts);
  const result = await setAllocations(
    { ...ctx, origin: 'import' },
    planId,
    previewed.map((v) => ({
      communeId: encodeId('Commune', v.communeId),
      criterionId: encodeId('Criterion', v.criterionId),
      sourceId: encodeId('FundingSource', v.sourceId),
      amount: fileAmounts.get(cellKey(v.communeId, v.criterionId, v.sourceId))!,
      expectedVersion: v.version,
    })),
    'all_or_nothing',
  );
  return { preview, result };
}

interface VersionedCell {
  communeId: number;
  criterionId: number;
  sourceId: number;
  version: number;
}

function toVersioned(c: ImportChange): VersionedCell {
  return { communeId: c.communeId, criterionId: c.criterionId, sourceId: c.sourceId, version: c.version };
}

async function fileAmountsFor(
  db: Kysely<Database>,
  planId: number,
  previewed: VersionedCell[],
  changed: Map<string, bigint>,
): Promise<Map<string, bigint>> {
  const missing = previewed.filter((v) => !changed.has(cellKey(v.communeId, v.criterionId, v.sourceId)));
  if (missing.length === 0) return changed;
  // The file is the same (the token's fingerprint matched), so these cells equal the file already.
  const rows = await db
    .selectFrom('allocation')
    .select(['commune_id', 'criterion_id', 'source_id', 'amount'])
    .where('plan_id', '=', planId)
    .execute();
  const current = new Map(
    rows.map((r) => [cellKey(r.commune_id, r.criterion_id, r.source_id), BigInt(r.amount)]),
  );
  const amounts = new Map(changed);
  for (const v of missing) {
    const key = cellKey(v.communeId, v.criterionId, v.sourceId);
    amounts.set(key, current.get(key) ?? 0n);
  }
  return amounts;
}

function fingerprint(file: ImportFile, options: ImportOptions & { locale: Locale }): string {
  const settings = JSON.stringify([
    options.unit ?? null,
    options.sourceId ?? null,
    options.locale,
    options.sheets ?? null,
  ]);
  return createHash('sha256').update(file.data).update(settings).digest('base64url').slice(0, 22);
}

function encodeToken(print: string, changes: ImportChange[]): string {
  const flat = changes.flatMap((c) => [c.communeId, c.criterionId, c.sourceId, c.version]);
  return `${print}.${deflateRawSync(Buffer.from(JSON.stringify(flat))).toString('base64url')}`;
}

function decodeToken(token: string, print: string): VersionedCell[] {
  const [tokenPrint, payload] = token.split('.');
  if (tokenPrint !== print || payload === undefined) throw new DomainError('IMPORT_PREVIEW_MISMATCH');
  let flat: unknown;
  try {
    flat = JSON.parse(
      inflateRawSync(Buffer.from(payload, 'base64url'), { maxOutputLength: 64 * 1024 * 1024 }).toString(),
    );
  } catch {
    throw new DomainError('IMPORT_PREVIEW_MISMATCH');
  }
  if (
    !Array.isArray(flat) ||
    flat.length % 4 !== 0 ||
    !flat.every((n) => Number.isSafeInteger(n) && n >= 0)
  ) {
    throw new DomainError('IMPORT_PREVIEW_MISMATCH');
  }
  const cells: VersionedCell[] = [];
  for (let i = 0; i < flat.length; i += 4) {
    cells.push({ communeId: flat[i], criterionId: flat[i + 1], sourceId: flat[i + 2], version: flat[i + 3] });
  }
  return cells;
}
