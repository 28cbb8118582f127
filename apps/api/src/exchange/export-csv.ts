// One view of a plan as CSV (UTF-8 with BOM so Excel shows Vietnamese): the same header rows as
// the workbook, amounts without digit grouping and with the language's decimal mark, so our
// import reads them back exactly. Totals are plain numbers: CSV has no formulas.
import { cellKey, type Locale } from '@ntm/domain';
import type { ExportView } from './export-workbook.ts';
import type { PlanSheetData } from './plan-sheet-data.ts';
import { communeColumnHeaders, communeColumnValues, type ExportUnit, SHEET_LABELS } from './sheet-labels.ts';

export function buildPlanCsv(
  data: PlanSheetData,
  options: { locale: Locale; unit: ExportUnit; view?: ExportView },
): string {
  const { locale, unit } = options;
  const labels = SHEET_LABELS[locale];
  const view = options.view ?? { kind: 'bySource' };
  const sources = view.kind === 'source' ? data.sources.filter((s) => s.id === view.sourceId) : data.sources;
  const perSource = view.kind === 'bySource';
  const name = (item: { nameVi: string; nameEn: string }) => (locale === 'en' ? item.nameEn : item.nameVi);
  const amountText = (amount: bigint) => formatPlain(amount, unit, locale);

  const sourceText = sources.length === 1 ? name(sources[0]!) : labels.allSources;
  const lines: string[][] = [
    [data.plan.name],
    [`${labels.sourceLine(sourceText)} — ${labels.unitLine(unit)}`],
  ];
  const info = communeColumnHeaders(labels);
  const criterionRow = [...info];
  const sourceRow = info.map(() => '');
  for (const criterion of data.criteria) {
    const text = `${criterion.number}. ${name(criterion)}`;
    if (perSource) {
      for (const source of sources) {
        criterionRow.push(text);
        sourceRow.push(source.code);
      }
    } else criterionRow.push(text);
  }
  criterionRow.push(labels.totals);
  sourceRow.push('');
  lines.push(criterionRow);
  if (perSource) lines.push(sourceRow);

  const columnTotals: bigint[] = [];
  data.communes.forEach((commune, index) => {
    const row = communeColumnValues(commune, index, labels, locale).map(String);
    let rowTotal = 0n;
    let column = 0;
    for (const criterion of data.criteria) {
      const amounts = sources.map(
        (s) => data.cells.get(cellKey(commune.id, criterion.id, s.id))?.amount ?? 0n,
      );
      const values = perSource ? amounts : [amounts.reduce((a, b) => a + b, 0n)];
      for (const amount of values) {
        row.push(amountText(amount));
        columnTotals[column] = (columnTotals[column] ?? 0n) + amount;
        rowTotal += amount;
        column++;
      }
    }
    row.push(amountText(rowTotal));
    columnTotals[column] = (columnTotals[column] ?? 0n) + rowTotal;
    lines.push(row);
  });
  lines.push([labels.totals, '', '', '', '', '', '', '', ...columnTotals.map(amountText)]);
  return `\ufeff${lines.map((line) => line.map(quoteField).join(',')).join('\r\n')}\r\n`;
}

/** Exact decimal text of `amount` in `unit`, e.g. 1234500 đồng in triệu → "1,2345" (vi) or "1.2345" (en). */
function formatPlain(amount: bigint, unit: ExportUnit, locale: Locale): string {
  if (unit === 'dong') return amount.toString();
  const whole = amount / 1_000_000n;
  const fraction = (amount % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return fraction ? `${whole}${locale === 'en' ? '.' : ','}${fraction}` : whole.toString();
}

function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
