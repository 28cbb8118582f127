// Builds the printable plan workbook (ExcelJS): one sheet per view, a criteria-status sheet and an
// analysis sheet. Amounts are numbers (đồng or triệu đồng) and every total is a live SUM formula
// whose cached result is the app's exact total, so the file reads right before and after Excel
// recalculates. The very hidden `_ntm` sheet tells our import which sheets hold which source.
import { cellKey, formatQuarter, type Locale } from '@ntm/domain';
import ExcelJS from 'exceljs';
import type { PlanSheetData, SheetSource } from './plan-sheet-data.ts';
import { toCellAddress } from './read-spreadsheet.ts';
import { communeColumnHeaders, communeColumnValues, type ExportUnit, SHEET_LABELS } from './sheet-labels.ts';

export type ExportView = { kind: 'bySource' } | { kind: 'total' } | { kind: 'source'; sourceId: number };

export interface ExportOptions {
  locale: Locale;
  unit: ExportUnit;
  /** Default: by source, then total. */
  views?: ExportView[];
}

export const META_SHEET = '_ntm';
export const META_MARK = 'ntm-planner-export';
const INFO_COLUMNS = 8;
const HEADER_TOP = 4;
const MONEY_FORMAT = { dong: '#,##0', trieu: '#,##0.000' } as const;
const UNIT_DIVISOR = { dong: 1, trieu: 1_000_000 } as const;
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A bigint đồng amount as the number a sheet shows in `unit` (exact for amounts below 2^53 đồng). */
export function toSheetNumber(amount: bigint, unit: ExportUnit): number {
  return Number(amount) / UNIT_DIVISOR[unit];
}

export function exportTitle(data: PlanSheetData): string {
  return data.plan.name;
}

export async function buildPlanWorkbook(data: PlanSheetData, options: ExportOptions): Promise<Buffer> {
  const labels = SHEET_LABELS[options.locale];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'NTM Planner';
  workbook.title = exportTitle(data);
  workbook.created = new Date();
  const meta: Array<[string, string, string]> = [];
  const views = options.views ?? [{ kind: 'bySource' }, { kind: 'total' }];
  for (const view of views) {
    if (view.kind === 'bySource') {
      addMoneySheet(workbook, data, options, labels.sheetBySource, data.sources, true);
      meta.push([labels.sheetBySource, 'bySource', '']);
    } else if (view.kind === 'total') {
      addMoneySheet(workbook, data, options, labels.sheetTotal, data.sources, false);
      meta.push([labels.sheetTotal, 'total', '']);
    } else {
      const source = data.sources.find((s) => s.id === view.sourceId);
      if (!source) continue;
      const name = safeSheetName(source.code);
      addMoneySheet(workbook, data, options, name, [source], false);
      meta.push([name, 'source', source.code]);
    }
  }
  addStatusSheet(workbook, data, options.locale);
  addAnalysisSheet(workbook, data, options);
  const metaSheet = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  metaSheet.addRow([META_MARK, data.plan.id, options.unit]);
  for (const row of meta) metaSheet.addRow(row);
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}

function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}

function nameOf(item: { nameVi: string; nameEn: string }, locale: Locale): string {
  return locale === 'en' ? item.nameEn : item.nameVi;
}

function setupSheet(sheet: ExcelJS.Worksheet, headerRows: number, lastColumn: number) {
  const lastHeader = HEADER_TOP + headerRows - 1;
  sheet.views = [{ state: 'frozen', xSplit: 3, ySplit: lastHeader }];
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${HEADER_TOP}:${lastHeader}`,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: '&C&P / &N' };
  const widths = [5, 9, 20, 9, 6, 11, 11, 8];
  for (let c = 1; c <= lastColumn; c++) sheet.getColumn(c).width = widths[c - 1] ?? 14;
}

function writeTitle(sheet: ExcelJS.Worksheet, lastColumn: number, title: string, subtitle: string) {
  sheet.mergeCells(1, 1, 1, lastColumn);
  sheet.mergeCells(2, 1, 2, lastColumn);
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 14 };
  titleCell.alignment = { horizontal: 'center' };
  const subtitleCell = sheet.getCell(2, 1);
  subtitleCell.value = subtitle;
  subtitleCell.font = { italic: true };
  subtitleCell.alignment = { horizontal: 'center' };
}

function styleHeader(cell: ExcelJS.Cell) {
  cell.font = { bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  cell.border = BORDER;
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
}

function mergeHeader(
  sheet: ExcelJS.Worksheet,
  top: number,
  left: number,
  bottom: number,
  right: number,
  text: string,
) {
  if (bottom > top || right > left) sheet.mergeCells(top, left, bottom, right);
  const cell = sheet.getCell(top, left);
  cell.value = text;
  styleHeader(cell);
  for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) styleHeader(sheet.getCell(r, c));
}

/**
 * Communes down, criteria across under their group rows. With `perSource`, each criterion has one
 * column per source under it (the grid's by-source view); otherwise one column per criterion summing
 * `sources` (the total view, or one source's view when `sources` has one).
 */
function addMoneySheet(
  workbook: ExcelJS.Workbook,
  data: PlanSheetData,
  options: ExportOptions,
  sheetName: string,
  sources: SheetSource[],
  perSource: boolean,
) {
  const { locale, unit } = options;
  const labels = SHEET_LABELS[locale];
  const sheet = workbook.addWorksheet(sheetName);
  const headerRows = perSource ? 3 : 2;
  const firstDataRow = HEADER_TOP + headerRows;
  const perCriterion = perSource ? sources.length : 1;
  const moneyColumns = data.criteria.length * perCriterion;
  const firstMoneyColumn = INFO_COLUMNS + 1;
  const lastMoneyColumn = INFO_COLUMNS + moneyColumns;
  const sourceTotalColumns = perSource ? sources.length : 0;
  const totalColumn = lastMoneyColumn + sourceTotalColumns + 1;
  setupSheet(sheet, headerRows, totalColumn);
  const sourceText = sources.length === 1 ? nameOf(sources[0]!, locale) : labels.allSources;
  writeTitle(
    sheet,
    totalColumn,
    data.plan.name,
    `${labels.sourceLine(sourceText)} — ${labels.unitLine(unit)}`,
  );

  const lastHeaderRow = firstDataRow - 1;
  communeColumnHeaders(labels).forEach((text, i) => {
    mergeHeader(sheet, HEADER_TOP, i + 1, lastHeaderRow, i + 1, text);
  });
  // Group rows, then criterion number and name, then (by source) the source under each criterion.
  let column = firstMoneyColumn;
  for (const group of data.groups) {
    const criteria = data.criteria.filter((c) => c.groupId === group.id);
    if (criteria.length === 0) continue;
    const width = criteria.length * perCriterion;
    mergeHeader(
      sheet,
      HEADER_TOP,
      column,
      HEADER_TOP,
      column + width - 1,
      `${group.code}. ${nameOf(group, locale)}`,
    );
    for (const criterion of criteria) {
      const text = `${criterion.number}. ${nameOf(criterion, locale)}`;
      mergeHeader(sheet, HEADER_TOP + 1, column, HEADER_TOP + 1, column + perCriterion - 1, text);
      if (perSource) {
        sources.forEach((source, i) => {
          mergeHeader(sheet, HEADER_TOP + 2, column + i, HEADER_TOP + 2, column + i, source.code);
        });
      }
      column += perCriterion;
    }
  }
  const ungrouped = data.criteria.filter(
    (c) => c.groupId === null || !data.groups.some((g) => g.id === c.groupId),
  );
  for (const criterion of ungrouped) {
    mergeHeader(
      sheet,
      HEADER_TOP,
      column,
      HEADER_TOP + 1,
      column + perCriterion - 1,
      `${criterion.number}. ${nameOf(criterion, locale)}`,
    );
    if (perSource)
      for (const [i, s] of sources.entries()) {
        mergeHeader(sheet, HEADER_TOP + 2, column + i, HEADER_TOP + 2, column + i, s.code);
      }
    column += perCriterion;
  }
  const orderedCriteria = [
    ...data.groups.flatMap((g) => data.criteria.filter((c) => c.groupId === g.id)),
    ...ungrouped,
  ];
  if (perSource) {
    mergeHeader(
      sheet,
      HEADER_TOP,
      lastMoneyColumn + 1,
      HEADER_TOP + 1,
      totalColumn - 1,
      labels.bySourceTotals,
    );
    for (const [i, s] of sources.entries()) {
      mergeHeader(
        sheet,
        HEADER_TOP + 2,
        lastMoneyColumn + 1 + i,
        HEADER_TOP + 2,
        lastMoneyColumn + 1 + i,
        s.code,
      );
    }
  }
  mergeHeader(sheet, HEADER_TOP, totalColumn, lastHeaderRow, totalColumn, labels.totals);

  const format = MONEY_FORMAT[unit];
  const columnTotals = new Array<bigint>(totalColumn + 1).fill(0n);
  data.communes.forEach((commune, index) => {
    const rowNumber = firstDataRow + index;
    const row = sheet.getRow(rowNumber);
    row.values = communeColumnValues(data.communes[index]!, index, labels, locale);
    const sourceSums = new Array<bigint>(sources.length).fill(0n);
    let rowTotal = 0n;
    orderedCriteria.forEach((criterion, ci) => {
      const amounts = sources.map(
        (s) => data.cells.get(cellKey(commune.id, criterion.id, s.id))?.amount ?? 0n,
      );
      amounts.forEach((a, si) => {
        sourceSums[si]! += a;
      });
      const values = perSource ? amounts : [amounts.reduce((x, y) => x + y, 0n)];
      values.forEach((amount, vi) => {
        const col = firstMoneyColumn + ci * perCriterion + vi;
        const cell = row.getCell(col);
        cell.value = toSheetNumber(amount, unit);
        cell.numFmt = format;
        columnTotals[col]! += amount;
        rowTotal += amount;
      });
    });
    if (perSource) {
      sources.forEach((_s, si) => {
        const refs = orderedCriteria.map((_c, ci) =>
          toCellAddress(rowNumber - 1, firstMoneyColumn - 1 + ci * perCriterion + si),
        );
        const col = lastMoneyColumn + 1 + si;
        const cell = row.getCell(col);
        cell.value = { formula: `SUM(${refs.join(',')})`, result: toSheetNumber(sourceSums[si]!, unit) };
        cell.numFmt = format;
        columnTotals[col]! += sourceSums[si]!;
      });
    }
    const from = toCellAddress(rowNumber - 1, firstMoneyColumn - 1);
    const to = toCellAddress(rowNumber - 1, lastMoneyColumn - 1);
    const totalCell = row.getCell(totalColumn);
    totalCell.value = { formula: `SUM(${from}:${to})`, result: toSheetNumber(rowTotal, unit) };
    totalCell.numFmt = format;
    totalCell.font = { bold: true };
    columnTotals[totalColumn]! += rowTotal;
    for (let c = 1; c <= totalColumn; c++) row.getCell(c).border = BORDER;
  });

  const lastDataRow = firstDataRow + data.communes.length - 1;
  const totalsRow = sheet.getRow(lastDataRow + 1);
  sheet.mergeCells(lastDataRow + 1, 1, lastDataRow + 1, INFO_COLUMNS);
  totalsRow.getCell(1).value = labels.totals;
  for (let col = firstMoneyColumn; col <= totalColumn; col++) {
    const letter = toCellAddress(0, col - 1).replace(/\d+$/, '');
    const cell = totalsRow.getCell(col);
    cell.value =
      data.communes.length === 0
        ? 0
        : {
            formula: `SUM(${letter}${firstDataRow}:${letter}${lastDataRow})`,
            result: toSheetNumber(columnTotals[col]!, unit),
          };
    cell.numFmt = format;
  }
  for (let c = 1; c <= totalColumn; c++) {
    const cell = totalsRow.getCell(c);
    cell.font = { bold: true };
    cell.border = BORDER;
  }
}

function addStatusSheet(workbook: ExcelJS.Workbook, data: PlanSheetData, locale: Locale) {
  const labels = SHEET_LABELS[locale];
  const sheet = workbook.addWorksheet(labels.sheetStatus);
  const lastColumn = INFO_COLUMNS + data.criteria.length;
  setupSheet(sheet, 1, lastColumn);
  writeTitle(sheet, lastColumn, data.plan.name, labels.sheetStatus);
  for (const [i, text] of communeColumnHeaders(labels).entries()) {
    mergeHeader(sheet, HEADER_TOP, i + 1, HEADER_TOP, i + 1, text);
  }
  data.criteria.forEach((criterion, i) => {
    mergeHeader(
      sheet,
      HEADER_TOP,
      INFO_COLUMNS + 1 + i,
      HEADER_TOP,
      INFO_COLUMNS + 1 + i,
      `${criterion.number}. ${nameOf(criterion, locale)}`,
    );
  });
  data.communes.forEach((commune, index) => {
    const row = sheet.getRow(HEADER_TOP + 1 + index);
    row.values = [
      ...communeColumnValues(data.communes[index]!, index, labels, locale),
      ...data.criteria.map((c) => (data.met.has(`${commune.id}:${c.id}`) ? labels.isMet : '')),
    ];
    for (let c = 1; c <= lastColumn; c++) {
      row.getCell(c).border = BORDER;
      if (c > INFO_COLUMNS) row.getCell(c).alignment = { horizontal: 'center' };
    }
  });
}

function addAnalysisSheet(workbook: ExcelJS.Workbook, data: PlanSheetData, options: ExportOptions) {
  const { locale, unit } = options;
  const labels = SHEET_LABELS[locale];
  const words = labels.analysis;
  const sheet = workbook.addWorksheet(labels.sheetAnalysis);
  const lastColumn = 9;
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
  sheet.getColumn(1).width = 26;
  for (let c = 2; c <= lastColumn; c++) sheet.getColumn(c).width = 17;
  writeTitle(sheet, lastColumn, data.plan.name, `${labels.sheetAnalysis} — ${labels.unitLine(unit)}`);
  const format = MONEY_FORMAT[unit];
  const money = (amount: bigint) => toSheetNumber(amount, unit);
  const heading = (text: string) => {
    const row = sheet.addRow([text]);
    row.getCell(1).font = { bold: true, size: 12 };
  };
  const header = (texts: string[]) => {
    const row = sheet.addRow(texts);
    for (let i = 1; i <= texts.length; i++) styleHeader(row.getCell(i));
  };
  const moneyRow = (values: ExcelJS.CellValue[], moneyColumns: number[]) => {
    const row = sheet.addRow(values);
    for (const c of moneyColumns) row.getCell(c).numFmt = format;
    values.forEach((_v, i) => {
      row.getCell(i + 1).border = BORDER;
    });
    return row;
  };
  const communeById = new Map(data.communes.map((c) => [c.id, c]));
  const sourceById = new Map(data.sources.map((s) => [s.id, s]));

  sheet.addRow([]);
  heading(words.communesTitle);
  header([
    labels.commune,
    labels.deadline,
    labels.met,
    words.cost,
    words.allocated,
    words.shortfall,
    words.uncosted,
    words.funded,
    words.overdue,
  ]);
  for (const c of data.analysis.communes) {
    const commune = communeById.get(c.communeId);
    moneyRow(
      [
        commune?.name ?? String(c.communeId),
        c.deadline ? formatQuarter(c.deadline, locale) : '',
        `${c.criteriaMet}/${c.criteriaTotal}`,
        money(c.cost),
        money(c.allocated),
        money(c.shortfall),
        c.uncostedCriterionIds.length,
        c.isFunded ? labels.yes : '',
        c.isOverdue ? labels.yes : '',
      ],
      [4, 5, 6],
    );
  }
  sheet.addRow([]);
  heading(words.sourcesTitle);
  header([
    words.source,
    words.cap,
    words.confirmed,
    labels.totals,
    words.overCap,
    words.unconfirmed,
    words.debtRisk,
    words.status,
  ]);
  for (const s of data.analysis.sources) {
    const source = sourceById.get(s.sourceId);
    moneyRow(
      [
        source ? nameOf(source, locale) : String(s.sourceId),
        s.cap === null ? '' : money(s.cap),
        money(s.confirmedCap),
        money(s.allocated),
        money(s.overCap),
        money(s.unconfirmedAllocated),
        money(s.debtRisk),
        words.statuses[s.status],
      ],
      [2, 3, 4, 5, 6, 7],
    );
  }
  sheet.addRow([]);
  heading(words.totalsTitle);
  const totals = data.analysis.totals;
  moneyRow([words.totalAllocated, money(totals.allocated)], [2]);
  moneyRow([words.totalShortfall, money(totals.shortfall)], [2]);
  moneyRow([words.totalDebtRisk, money(totals.debtRisk)], [2]);
  moneyRow([words.targetCommunes, totals.targetCommunes], []);
  moneyRow([words.fundedCommunes, totals.fundedTargetCommunes], []);
}
