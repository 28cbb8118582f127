// A real spreadsheet program reads our workbook: LibreOffice (headless) recalculates every formula
// of the export — cached results are stripped first, so nothing is taken on trust — and writes the
// sheets as CSV; its totals must equal the app's to the đồng. CI installs LibreOffice (.ci/run).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Db, seedDemo, seedReference, sumAllocations } from '@ntm/db';
import { createTestDb } from '@ntm/db/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPlan } from '../src/exchange/export-plan.ts';

const run = promisify(execFile);
let database: Db;
let planId: number;
let folder: string;

beforeAll(async () => {
  database = await createTestDb();
  await seedReference(database.db);
  planId = (await seedDemo(database.db)).planId;
  folder = await mkdtemp(join(tmpdir(), 'ntm-libreoffice-'));
});
afterAll(async () => {
  await database?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** Runs soffice; a missing LibreOffice fails the test with the way to install it. */
async function convertToCsv(xlsx: string): Promise<void> {
  const profile = `file://${join(folder, 'profile')}`;
  try {
    await run(
      'soffice',
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--convert-to',
        // UTF-8, comma, raw numbers (not as shown), every sheet to its own file (-1).
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
        '--outdir',
        folder,
        xlsx,
      ],
      { timeout: 120_000 },
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('LibreOffice is needed: apt-get install libreoffice-calc-nogui (.ci/run does this)');
    }
    throw error;
  }
}

function parseCsv(text: string): string[][] {
  // LibreOffice quotes text fields (no line breaks in ours); amounts are bare numbers.
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const fields: string[] = [];
      let field = '';
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (quoted && ch === '"' && line[i + 1] === '"') {
          field += '"';
          i++;
        } else if (ch === '"') quoted = !quoted;
        else if (ch === ',' && !quoted) {
          fields.push(field);
          field = '';
        } else field += ch;
      }
      fields.push(field);
      return fields;
    });
}

describe('LibreOffice', () => {
  it('recalculates the exported SUM formulas to the app totals', async () => {
    const exported = await exportPlan(database.db, planId, { format: 'xlsx', locale: 'vi', unit: 'dong' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.data as unknown as ArrayBuffer);
    let formulas = 0;
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          const value = cell.value;
          if (value && typeof value === 'object' && 'formula' in value) {
            cell.value = { formula: value.formula } as ExcelJS.CellFormulaValue;
            formulas++;
          }
        }),
      );
    }
    expect(formulas).toBeGreaterThan(100);
    const xlsx = join(folder, 'plan.xlsx');
    await writeFile(xlsx, Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    await convertToCsv(xlsx);

    const bySource = parseCsv(await readFile(join(folder, 'plan-Theo nguồn.csv'), 'utf8'));
    const total = parseCsv(await readFile(join(folder, 'plan-Tổng hợp.csv'), 'utf8'));
    const [byCommune, bySourceTotals] = await Promise.all([
      sumAllocations(database.db, planId, 'commune'),
      sumAllocations(database.db, planId, 'source'),
    ]);
    const grand = byCommune.reduce((sum, c) => sum + c.amount, 0n);
    expect(grand).toBeGreaterThan(0n);

    for (const rows of [bySource, total]) {
      const totalsRow = rows[rows.length - 1]!;
      expect(totalsRow[0]).toBe('Tổng cộng');
      expect(BigInt(totalsRow[totalsRow.length - 1]!)).toBe(grand);
    }
    // Per commune: the row total column, matched by commune code (column B).
    const codes = await database.db.selectFrom('commune').select(['id', 'code']).execute();
    const codeOf = new Map(codes.map((c) => [c.id, c.code]));
    const rowTotal = new Map(
      bySource.filter((r) => /^\d{5}$/.test(r[1] ?? '')).map((r) => [r[1], BigInt(r[r.length - 1]!)]),
    );
    for (const c of byCommune) expect(rowTotal.get(codeOf.get(c.id)), `commune ${c.id}`).toBe(c.amount);
    // Per source: the "Tổng theo nguồn" columns of the totals row, headed by source codes (row 6).
    const header = bySource[5]!;
    const totalsRow = bySource[bySource.length - 1]!;
    const sources = await database.db.selectFrom('funding_source').select(['id', 'code']).execute();
    for (const s of bySourceTotals) {
      const code = sources.find((x) => x.id === s.id)!.code;
      const column = header.lastIndexOf(code);
      expect(BigInt(totalsRow[column]!), code).toBe(s.amount);
    }
  });
});
