// Reads an uploaded .xlsx or .csv into plain cell values, defensively: an .xlsx is a zip, so its
// central directory is checked (entry count, unpacked size) and every entry is inflated with an
// output cap before ExcelJS sees it — a zip bomb is refused without ever being unpacked in full.
import { inflateRawSync } from 'node:zlib';
import { DomainError } from '@ntm/domain';
import ExcelJS from 'exceljs';

export type CellValue =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'date'; text: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'error'; value: string; formula?: string }
  /** A formula saved without its computed value (some generators never compute). */
  | { kind: 'pending'; formula: string };

export interface SheetGrid {
  name: string;
  /** rows[r][c] is the cell at row r + 1, column c + 1; merged cells repeat the merge's value. */
  rows: CellValue[][];
  /** ExcelJS sheet state: our exports keep their metadata in a very hidden sheet. */
  isHidden: boolean;
}

export interface Spreadsheet {
  format: 'xlsx' | 'csv';
  sheets: SheetGrid[];
}

export interface SpreadsheetLimits {
  /** Largest accepted file, in bytes. */
  maxFileBytes: number;
  /** Largest total unpacked size of an .xlsx's parts. */
  maxUnpackedBytes: number;
  maxZipEntries: number;
}

export const DEFAULT_SPREADSHEET_LIMITS: SpreadsheetLimits = {
  maxFileBytes: 10 * 1024 * 1024,
  maxUnpackedBytes: 100 * 1024 * 1024,
  maxZipEntries: 2_000,
};

const EMPTY: CellValue = { kind: 'empty' };

export async function readSpreadsheet(
  fileName: string,
  data: Buffer,
  limits: SpreadsheetLimits = DEFAULT_SPREADSHEET_LIMITS,
): Promise<Spreadsheet> {
  if (data.length > limits.maxFileBytes) {
    throw new DomainError('FILE_TOO_LARGE', { size: data.length, max: limits.maxFileBytes });
  }
  const isZip = data.length >= 4 && data.readUInt32LE(0) === 0x04034b50;
  if (isZip) return { format: 'xlsx', sheets: await readXlsx(fileName, data, limits) };
  if (data.length >= 4 && data.readUInt32BE(0) === 0xd0cf11e0) {
    throw new DomainError('NOT_A_SPREADSHEET', {
      file: fileName,
      reason: '.xls (Excel 97–2003): save as .xlsx',
    });
  }
  return { format: 'csv', sheets: [readCsv(fileName, data)] };
}

// --- .xlsx -------------------------------------------------------------------------------------

function checkZip(fileName: string, data: Buffer, limits: SpreadsheetLimits): void {
  const notSpreadsheet = (reason: string) => new DomainError('NOT_A_SPREADSHEET', { file: fileName, reason });
  const tooComplex = (reason: string) => new DomainError('SPREADSHEET_TOO_COMPLEX', { reason });
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65535); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notSpreadsheet('damaged zip');
  const entryCount = data.readUInt16LE(eocd + 10);
  const directoryOffset = data.readUInt32LE(eocd + 16);
  if (entryCount === 0xffff || directoryOffset === 0xffffffff) throw tooComplex('zip64');
  if (entryCount > limits.maxZipEntries) throw tooComplex(`${entryCount} entries`);
  let offset = directoryOffset;
  let unpacked = 0;
  for (let n = 0; n < entryCount; n++) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== 0x02014b50)
      throw notSpreadsheet('damaged zip');
    const method = data.readUInt16LE(offset + 10);
    const packedSize = data.readUInt32LE(offset + 20);
    const declaredSize = data.readUInt32LE(offset + 24);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    const localOffset = data.readUInt32LE(offset + 42);
    offset += 46 + nameLength + extraLength + commentLength;
    unpacked += declaredSize;
    if (unpacked > limits.maxUnpackedBytes)
      throw tooComplex(`more than ${limits.maxUnpackedBytes} bytes unpacked`);
    if (localOffset + 30 > data.length || data.readUInt32LE(localOffset) !== 0x04034b50) {
      throw notSpreadsheet('damaged zip');
    }
    const start =
      localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28);
    const packed = data.subarray(start, start + packedSize);
    if (method === 0) {
      if (packedSize !== declaredSize) throw notSpreadsheet('damaged zip');
      continue;
    }
    if (method !== 8) throw notSpreadsheet(`zip compression method ${method}`);
    // Declared sizes can lie: inflate with a cap one byte above the declaration.
    let real: number;
    try {
      real = inflateRawSync(packed, { maxOutputLength: declaredSize + 1 }).length;
    } catch (error) {
      if (error instanceof RangeError) throw tooComplex('an entry unpacks beyond its declared size');
      throw notSpreadsheet('damaged zip');
    }
    if (real !== declaredSize) throw tooComplex('an entry unpacks beyond its declared size');
  }
}

async function readXlsx(fileName: string, data: Buffer, limits: SpreadsheetLimits): Promise<SheetGrid[]> {
  checkZip(fileName, data, limits);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('NOT_A_SPREADSHEET', { file: fileName, reason: 'not an Excel workbook' });
  }
  return workbook.worksheets.map((sheet) => {
    const rows: CellValue[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        cells[columnNumber - 1] = toCellValue(cell.value);
      });
      for (let c = 0; c < cells.length; c++) cells[c] ??= EMPTY;
      rows[rowNumber - 1] = cells;
    });
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    return { name: sheet.name, rows, isHidden: sheet.state !== 'visible' };
  });
}

function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return value.trim() === '' ? EMPTY : { kind: 'text', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return { kind: 'date', text: value.toISOString().slice(0, 10) };
  if ('error' in value) return { kind: 'error', value: value.error };
  if ('richText' in value) return toCellValue(value.richText.map((part) => part.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = ('formula' in value ? value.formula : value.sharedFormula) ?? '';
    const result = value.result;
    if (result === undefined || result === null) return { kind: 'pending', formula };
    if (typeof result === 'object' && !(result instanceof Date) && 'error' in result) {
      return { kind: 'error', value: result.error, formula };
    }
    return toCellValue(result as ExcelJS.CellValue);
  }
  if ('text' in value) return toCellValue(value.text as ExcelJS.CellValue);
  return EMPTY;
}

// --- .csv --------------------------------------------------------------------------------------

function readCsv(fileName: string, data: Buffer): SheetGrid {
  const notSpreadsheet = (reason: string) => new DomainError('NOT_A_SPREADSHEET', { file: fileName, reason });
  if (data.includes(0)) throw notSpreadsheet('binary file');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw notSpreadsheet('not UTF-8 text');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const delimiter = detectDelimiter(text);
  const rows = parseCsv(text, delimiter).map((row) =>
    row.map((field): CellValue => (field.trim() === '' ? EMPTY : { kind: 'text', value: field })),
  );
  const name = fileName.replace(/\.[^.]*$/, '') || 'CSV';
  return { name, rows, isHidden: false };
}

/** The candidate that appears most often in the first lines (Vietnamese Excel often writes `;`). */
function detectDelimiter(text: string): string {
  const sample = text.split(/\r?\n/, 10).join('\n');
  let best = ',';
  let bestCount = -1;
  for (const candidate of [',', ';', '\t']) {
    const count = sample.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/** RFC 4180: quoted fields may hold delimiters, doubled quotes and line breaks. */
function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') inQuotes = false;
      else field += ch;
    } else if (ch === '"' && field === '') inQuotes = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** "F12" for row index 11, column index 5. */
export function toCellAddress(rowIndex: number, columnIndex: number): string {
  let column = '';
  for (let n = columnIndex + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    column = String.fromCharCode(65 + ((n - 1) % 26)) + column;
  }
  return `${column}${rowIndex + 1}`;
}
