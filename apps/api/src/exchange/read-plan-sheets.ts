// Finds allocation amounts in a spreadsheet: our own export or the free-form sheets planners keep
// (communes down, criteria across by number or name, amounts in đồng or triệu đồng). The header row
// is found by how many cells name a criterion; a source row under it (our by-source layout) or the
// sheet's name/title/the caller's choice says which funding source the amounts belong to. Every
// cell that cannot be read becomes a problem with its sheet and address; nothing is guessed.
import {
  cellKey,
  DomainError,
  type Locale,
  MAX_MONEY,
  MONEY_UNIT_FACTOR,
  type MoneyUnit,
  parseMoney,
  toSearchKey,
} from '@ntm/domain';
import { META_MARK, META_SHEET } from './export-workbook.ts';
import { type CellValue, type SheetGrid, type Spreadsheet, toCellAddress } from './read-spreadsheet.ts';
import { TOTAL_ROW_WORDS } from './sheet-labels.ts';

export interface ImportCatalogue {
  /** The plan's communes. */
  communes: Array<{ id: number; code: string; name: string }>;
  criteria: Array<{ id: number; number: number; nameVi: string; nameEn: string }>;
  sources: Array<{ id: number; code: string; nameVi: string; nameEn: string }>;
}

export interface ReadOptions {
  /** Unit of bare numbers; detected from header text ("triệu đồng") when absent, else đồng. */
  unit?: MoneyUnit;
  /** The source of sheets that do not say theirs (a single-source sheet). */
  sourceId?: number;
  /** How text amounts are written ("1.500" is 1500 in vi, 1.5 in en). */
  locale: Locale;
  /** Read only these sheets (by name); default every visible sheet. */
  sheets?: string[];
}

export interface ImportedCell {
  sheet: string;
  cell: string;
  communeId: number;
  criterionId: number;
  sourceId: number;
  amount: bigint;
}

export interface ImportProblem {
  sheet: string | null;
  cell: string | null;
  error: DomainError;
}

export interface SheetReport {
  name: string;
  isRead: boolean;
  /** Why a sheet was not read (ours: the total, status and analysis sheets). */
  skipReason: string | null;
  headerRow: number | null;
  unit: MoneyUnit | null;
  unitFrom: 'chosen' | 'header' | 'default' | null;
  cellCount: number;
}

export interface PlanSheetsReading {
  cells: ImportedCell[];
  problems: ImportProblem[];
  sheets: SheetReport[];
}

type Strength = 0 | 1 | 2;
interface Named {
  id: number;
  keys: string[];
}

const SCAN_ROWS = 40;
const COMMUNE_PREFIX = /^(xa|phuong|thi tran|tt|commune|ward|town)\.?\s+/;

function cellText(value: CellValue | undefined): string {
  if (!value) return '';
  if (value.kind === 'text') return value.value.trim();
  if (value.kind === 'number') return String(value.value);
  return '';
}

function communeKey(text: string): string {
  return toSearchKey(text).replace(COMMUNE_PREFIX, '').trim();
}

export function readPlanSheets(
  book: Spreadsheet,
  catalogue: ImportCatalogue,
  options: ReadOptions,
): PlanSheetsReading {
  const reading: PlanSheetsReading = { cells: [], problems: [], sheets: [] };
  const seen = new Map<string, ImportedCell>();
  const roles = readMeta(book);
  const criteria = catalogue.criteria.map((c) => ({
    id: c.id,
    number: c.number,
    keys: [toSearchKey(c.nameVi), toSearchKey(c.nameEn)],
  }));
  const sources: Named[] = catalogue.sources.map((s) => ({
    id: s.id,
    keys: [
      toSearchKey(s.code),
      toSearchKey(s.code.replaceAll('_', ' ')),
      toSearchKey(s.nameVi),
      toSearchKey(s.nameEn),
    ],
  }));
  const sourceByCode = new Map(catalogue.sources.map((s) => [s.code, s.id]));
  const communes = indexCommunes(catalogue.communes);
  const names = {
    commune: new Map(catalogue.communes.map((c) => [c.id, c.name])),
    criterion: new Map(catalogue.criteria.map((c) => [c.id, String(c.number)])),
    source: new Map(catalogue.sources.map((s) => [s.id, s.code])),
  };

  for (const sheet of book.sheets) {
    const report: SheetReport = {
      name: sheet.name,
      isRead: false,
      skipReason: null,
      headerRow: null,
      unit: null,
      unitFrom: null,
      cellCount: 0,
    };
    if (sheet.name === META_SHEET) continue;
    const role = roles?.get(sheet.name);
    if (options.sheets && !options.sheets.includes(sheet.name)) {
      report.skipReason = 'not selected';
    } else if (sheet.isHidden) {
      report.skipReason = 'hidden';
    } else if (roles && (!role || role.role === 'total')) {
      report.skipReason = role ? 'total of all sources' : 'not an allocation sheet';
    }
    if (report.skipReason) {
      reading.sheets.push(report);
      continue;
    }
    const fixedSource = role?.role === 'source' ? (sourceByCode.get(role.sourceCode) ?? null) : null;
    readSheet(sheet, report, fixedSource);
    reading.sheets.push(report);
  }
  if (!reading.sheets.some((s) => s.isRead) && reading.problems.length === 0) {
    reading.problems.push({ sheet: null, cell: null, error: new DomainError('NOTHING_TO_IMPORT') });
  }
  return reading;

  function problem(sheet: string, row: number | null, column: number | null, error: DomainError) {
    reading.problems.push({
      sheet,
      cell: row === null || column === null ? null : toCellAddress(row, column),
      error,
    });
  }

  function readSheet(sheet: SheetGrid, report: SheetReport, fixedSource: number | null) {
    const header = findCriterionHeader(sheet.rows, criteria);
    if (!header) {
      report.skipReason = 'no criteria header';
      return;
    }
    report.headerRow = header.row + 1;
    const columnCriterion = header.columns;
    const firstCriterionColumn = Math.min(...columnCriterion.keys());
    // A source row just under (or over) the criteria: our by-source layout.
    let sourceRow: { row: number; columns: Map<number, number> } | null = null;
    for (const r of [header.row + 1, header.row + 2, header.row - 1]) {
      const row = sheet.rows[r];
      if (!row) continue;
      const columns = new Map<number, number>();
      row.forEach((value, c) => {
        if (c < firstCriterionColumn) return;
        const id = matchNamed(cellText(value), sources);
        if (id !== null) columns.set(c, id);
      });
      if (columns.size >= 2 && columns.size >= columnCriterion.size / 2) {
        sourceRow = { row: r, columns };
        break;
      }
    }
    if (sourceRow) {
      // Merged criterion headers exported without merges (CSV) leave blanks: inherit from the left.
      let current: number | null = null;
      const lastColumn = Math.max(...sourceRow.columns.keys());
      for (let c = firstCriterionColumn; c <= lastColumn; c++) {
        const own = columnCriterion.get(c);
        if (own !== undefined) current = own;
        else if (current !== null && sourceRow.columns.has(c) && cellText(sheet.rows[header.row]?.[c]) === '')
          columnCriterion.set(c, current);
      }
    }
    let sheetSource = fixedSource;
    if (!sourceRow && sheetSource === null) {
      sheetSource = options.sourceId ?? findSheetSource(sheet, header.row, sources);
      if (sheetSource === null) {
        problem(sheet.name, null, null, new DomainError('IMPORT_SOURCE_UNKNOWN', { sheet: sheet.name }));
        report.skipReason = 'source unknown';
        return;
      }
    }
    const bandEnd = Math.max(header.row, sourceRow?.row ?? header.row);
    const unit = options.unit ?? detectUnit(sheet.rows, bandEnd);
    report.unit = unit ?? 'dong';
    report.unitFrom = options.unit ? 'chosen' : unit ? 'header' : 'default';
    const factor = MONEY_UNIT_FACTOR[report.unit];
    const { nameColumn, codeColumn } = findCommuneColumns(
      sheet.rows,
      bandEnd + 1,
      firstCriterionColumn,
      communes,
    );
    if (nameColumn === null && codeColumn === null) {
      report.skipReason = 'no commune column';
      return;
    }
    report.isRead = true;
    for (let r = bandEnd + 1; r < sheet.rows.length; r++) {
      const row = sheet.rows[r] ?? [];
      const nameText = nameColumn === null ? '' : cellText(row[nameColumn]);
      const codeText = codeColumn === null ? '' : cellText(row[codeColumn]);
      if (nameText === '' && codeText === '') continue;
      if (isTotalOrSection(nameText)) continue;
      const hasAmounts = [...columnCriterion.keys()].some((c) => (row[c]?.kind ?? 'empty') !== 'empty');
      const match = matchCommune(nameText, codeText, communes);
      if (match.kind !== 'found') {
        // A heading row without amounts ("Các xã khu vực III") is not a commune row.
        if (!hasAmounts) continue;
        const at = nameColumn ?? codeColumn;
        problem(sheet.name, r, at, match.error);
        continue;
      }
      for (const [c, criterionId] of columnCriterion) {
        const sourceId = sourceRow ? sourceRow.columns.get(c) : sheetSource;
        if (sourceId === undefined || sourceId === null) continue;
        const amount = readAmount(row[c], factor);
        if (amount instanceof DomainError) {
          problem(sheet.name, r, c, amount);
          continue;
        }
        const key = cellKey(match.id, criterionId, sourceId);
        const cell = {
          sheet: sheet.name,
          cell: toCellAddress(r, c),
          communeId: match.id,
          criterionId,
          sourceId,
          amount,
        };
        const earlier = seen.get(key);
        if (earlier) {
          if (earlier.amount !== amount) {
            problem(
              sheet.name,
              r,
              c,
              new DomainError('CONFLICTING_IMPORT_VALUES', {
                commune: names.commune.get(match.id) ?? '',
                criterion: names.criterion.get(criterionId) ?? '',
                source: names.source.get(sourceId) ?? '',
                other: `${earlier.sheet}!${earlier.cell}`,
              }),
            );
          }
          continue;
        }
        seen.set(key, cell);
        reading.cells.push(cell);
        report.cellCount++;
      }
    }
  }

  function readAmount(value: CellValue | undefined, factor: bigint): bigint | DomainError {
    if (!value || value.kind === 'empty') return 0n;
    switch (value.kind) {
      case 'number':
        return numberToDong(value.value, factor);
      case 'text': {
        const parsed = parseMoney(value.value, { locale: options.locale, unit: unitOf(factor) });
        return parsed.ok ? parsed.value : parsed.error;
      }
      case 'date':
        return new DomainError('WRONG_CELL_TYPE', { input: value.text, type: 'date' });
      case 'boolean':
        return new DomainError('WRONG_CELL_TYPE', {
          input: String(value.value).toUpperCase(),
          type: 'boolean',
        });
      case 'pending':
        return new DomainError('WRONG_CELL_TYPE', { input: `=${value.formula}`, type: 'formula' });
      case 'error':
        return new DomainError('FORMULA_ERROR', {
          input: value.value,
          ...(value.formula ? { formula: value.formula } : {}),
        });
    }
  }
}

function unitOf(factor: bigint): MoneyUnit {
  return (Object.entries(MONEY_UNIT_FACTOR).find(([, f]) => f === factor)?.[0] ?? 'dong') as MoneyUnit;
}

/**
 * A sheet number times the unit, exactly: the double is first rounded to 15 significant digits
 * (what Excel shows), so float noise from formulas (0.1 + 0.2) does not read as a fraction of a đồng.
 */
export function numberToDong(value: number, factor: bigint): bigint | DomainError {
  const input = String(value);
  if (!Number.isFinite(value)) return new DomainError('NOT_AN_AMOUNT', { input });
  if (value < 0) return new DomainError('NEGATIVE_AMOUNT', { input });
  const text = Number(value.toPrecision(15)).toString();
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!match) return new DomainError('NOT_AN_AMOUNT', { input });
  const digits = match[1]! + (match[2] ?? '');
  const scale = (match[2]?.length ?? 0) - Number(match[3] ?? 0);
  let scaled = BigInt(digits) * factor;
  if (scale > 0) {
    const divisor = 10n ** BigInt(scale);
    if (scaled % divisor !== 0n) return new DomainError('FRACTIONAL_AMOUNT', { input });
    scaled /= divisor;
  } else scaled *= 10n ** BigInt(-scale);
  if (scaled > MAX_MONEY) return new DomainError('AMOUNT_TOO_LARGE', { input });
  return scaled;
}

function readMeta(book: Spreadsheet): Map<string, { role: string; sourceCode: string }> | null {
  const meta = book.sheets.find((s) => s.name === META_SHEET);
  if (!meta || cellText(meta.rows[0]?.[0]) !== META_MARK) return null;
  const roles = new Map<string, { role: string; sourceCode: string }>();
  for (const row of meta.rows.slice(1)) {
    const name = cellText(row?.[0]);
    if (name) roles.set(name, { role: cellText(row?.[1]), sourceCode: cellText(row?.[2]) });
  }
  return roles;
}

function matchNamed(text: string, items: Named[]): number | null {
  if (text === '') return null;
  const key = toSearchKey(text);
  return items.find((item) => item.keys.includes(key))?.id ?? null;
}

/** "1", "TC1", "Tiêu chí 1", "1. Quy hoạch", "Quy hoạch": strong when the form leaves no doubt. */
function matchCriterion(
  text: string,
  criteria: Array<{ id: number; number: number; keys: string[] }>,
): { id: number; strength: Strength } | null {
  if (text === '') return null;
  const key = toSearchKey(text);
  const numbered = /^(tc|tieu chi|criterion)?\s*(?:so|no\.?|#)?\s*(\d{1,2})(?:\s*[.:)\-–]\s*(.*))?$/.exec(
    key,
  );
  if (numbered) {
    const criterion = criteria.find((c) => c.number === Number(numbered[2]));
    if (!criterion) return null;
    const rest = numbered[3]?.trim() ?? '';
    if (rest !== '') {
      return criterion.keys.some((k) => k.startsWith(rest) || rest.startsWith(k))
        ? { id: criterion.id, strength: 2 }
        : null;
    }
    return { id: criterion.id, strength: numbered[1] ? 2 : 1 };
  }
  const byName = criteria.find((c) => c.keys.includes(key));
  return byName ? { id: byName.id, strength: 2 } : null;
}

function findCriterionHeader(
  rows: CellValue[][],
  criteria: Array<{ id: number; number: number; keys: string[] }>,
): { row: number; columns: Map<number, number> } | null {
  let best: { row: number; columns: Map<number, number>; score: number } | null = null;
  for (let r = 0; r < Math.min(rows.length, SCAN_ROWS); r++) {
    const columns = new Map<number, number>();
    let score = 0;
    let strong = 0;
    rows[r]?.forEach((value, c) => {
      const match = matchCriterion(cellText(value), criteria);
      if (!match) return;
      columns.set(c, match.id);
      score += match.strength;
      if (match.strength === 2) strong++;
    });
    const distinct = new Set(columns.values()).size;
    const isHeader = strong >= 1 || distinct >= 3;
    if (isHeader && (!best || score > best.score)) best = { row: r, columns, score };
  }
  return best;
}

function findSheetSource(sheet: SheetGrid, headerRow: number, sources: Named[]): number | null {
  const bySheetName = matchNamed(sheet.name, sources);
  if (bySheetName !== null) return bySheetName;
  // A title such as "Nguồn vốn: Vốn ngân sách tỉnh": the longest source name it contains.
  let best: { id: number; length: number } | null = null;
  for (let r = 0; r < headerRow; r++) {
    for (const value of sheet.rows[r] ?? []) {
      const key = toSearchKey(cellText(value));
      if (key === '') continue;
      for (const source of sources) {
        for (const name of source.keys.slice(2)) {
          if (name.length > 4 && key.includes(name) && (!best || name.length > best.length)) {
            best = { id: source.id, length: name.length };
          }
        }
      }
    }
  }
  return best?.id ?? null;
}

const UNIT_PHRASES: Array<[RegExp, MoneyUnit]> = [
  [/\b(trieu dong|trieu vnd|trieu|tr\.?d|trd|million)\b/, 'trieu'],
  [/\b(ty dong|ty vnd|billion)\b/, 'ty'],
  [/\b(nghin dong|ngan dong|nghin|thousand)\b/, 'nghin'],
  [/(don vi( tinh)?|unit)\s*:?\s*(dong|vnd)\b|\((dong|vnd)\)|^(dong|vnd)$/, 'dong'],
];

function detectUnit(rows: CellValue[][], bandEnd: number): MoneyUnit | null {
  for (let r = 0; r <= bandEnd; r++) {
    for (const value of rows[r] ?? []) {
      const key = toSearchKey(cellText(value));
      if (key === '' || !/(dong|vnd|don vi|unit|million|billion|thousand|trieu)/.test(key)) continue;
      for (const [pattern, unit] of UNIT_PHRASES) if (pattern.test(key)) return unit;
    }
  }
  return null;
}

interface CommuneIndex {
  byKey: Map<string, Array<{ id: number; name: string; code: string }>>;
  byCode: Map<string, number>;
  all: Array<{ id: number; name: string; code: string; key: string }>;
}

function indexCommunes(communes: ImportCatalogue['communes']): CommuneIndex {
  const index: CommuneIndex = { byKey: new Map(), byCode: new Map(), all: [] };
  for (const c of communes) {
    const key = communeKey(c.name);
    index.byKey.set(key, [...(index.byKey.get(key) ?? []), c]);
    index.byCode.set(c.code, c.id);
    index.all.push({ ...c, key });
  }
  return index;
}

function normalizeCode(text: string): string {
  // Excel often turns "07339" into the number 7339.
  return /^\d{1,5}$/.test(text) ? text.padStart(5, '0') : text;
}

function matchCommune(
  nameText: string,
  codeText: string,
  communes: CommuneIndex,
): { kind: 'found'; id: number } | { kind: 'problem'; error: DomainError } {
  if (codeText !== '') {
    const id = communes.byCode.get(normalizeCode(codeText));
    if (id !== undefined) return { kind: 'found', id };
  }
  const key = communeKey(nameText);
  const candidates = communes.byKey.get(key) ?? [];
  if (candidates.length === 1) return { kind: 'found', id: candidates[0]!.id };
  if (candidates.length > 1) {
    return {
      kind: 'problem',
      error: new DomainError('AMBIGUOUS_COMMUNE', {
        commune: nameText,
        candidates: candidates.map((c) => `${c.name} (${c.code})`).join(', '),
      }),
    };
  }
  const suggestions = communes.all
    .map((c) => ({ name: c.name, distance: editDistance(key, c.key) }))
    .filter((c) => c.distance <= Math.max(2, Math.floor(key.length / 4)))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 3)
    .map((c) => c.name);
  return {
    kind: 'problem',
    error: new DomainError('UNKNOWN_COMMUNE', {
      commune: `"${nameText || codeText}"`,
      ...(suggestions.length > 0 ? { suggestions: suggestions.join(', ') } : {}),
    }),
  };
}

function findCommuneColumns(
  rows: CellValue[][],
  firstDataRow: number,
  firstCriterionColumn: number,
  communes: CommuneIndex,
): { nameColumn: number | null; codeColumn: number | null } {
  const nameHits = new Map<number, number>();
  const codeHits = new Map<number, number>();
  for (let r = firstDataRow; r < rows.length; r++) {
    rows[r]?.forEach((value, c) => {
      if (c >= firstCriterionColumn) return;
      const text = cellText(value);
      if (text === '') return;
      if (communes.byKey.has(communeKey(text))) nameHits.set(c, (nameHits.get(c) ?? 0) + 1);
      if (communes.byCode.has(normalizeCode(text))) codeHits.set(c, (codeHits.get(c) ?? 0) + 1);
    });
  }
  const best = (hits: Map<number, number>) =>
    [...hits.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? null;
  const codeColumn = best(codeHits);
  let nameColumn = best(nameHits);
  if (nameColumn === null && codeColumn === null) {
    // No name matched at all: the column with the most words, so each row gets its own problem.
    const words = new Map<number, number>();
    for (let r = firstDataRow; r < rows.length; r++) {
      rows[r]?.forEach((value, c) => {
        if (c < firstCriterionColumn && value.kind === 'text' && /\p{L}/u.test(value.value)) {
          words.set(c, (words.get(c) ?? 0) + 1);
        }
      });
    }
    nameColumn = best(words);
  }
  return { nameColumn, codeColumn };
}

function isTotalOrSection(name: string): boolean {
  const key = toSearchKey(name);
  if (/^[ivxlc]+[.)]?\s/.test(key) || /^[ivxlc]+$/.test(key)) return true;
  return TOTAL_ROW_WORDS.some(
    (word) => key === word || key.startsWith(`${word} `) || key.startsWith(`${word}:`),
  );
}

/** Levenshtein distance, for "did you mean" suggestions on near-miss commune names. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_x, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}
