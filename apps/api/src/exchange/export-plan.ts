// The one entry point for exports, shared by the HTTP download route and the CLI: reads the plan,
// builds the .xlsx or .csv and names the file.
import type { Database } from '@ntm/db';
import { DomainError, type Locale, toSearchKey } from '@ntm/domain';
import type { Kysely } from 'kysely';
import { buildPlanCsv } from './export-csv.ts';
import { buildPlanWorkbook, type ExportView } from './export-workbook.ts';
import { loadPlanSheetData, type PlanSheetData } from './plan-sheet-data.ts';
import type { ExportUnit } from './sheet-labels.ts';

export type ExportFormat = 'xlsx' | 'csv';

export interface ExportRequest {
  format: ExportFormat;
  locale: Locale;
  unit: ExportUnit;
  /**
   * Comma-separated views: `bySource`, `total`, `source:<CODE>` (e.g. "bySource,total,source:NSTW").
   * Default: by source and total for .xlsx, by source for .csv (which holds one view only).
   */
  views?: string;
}

export interface ExportedFile {
  fileName: string;
  contentType: string;
  data: Buffer;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export async function exportPlan(
  db: Kysely<Database>,
  planId: number,
  request: ExportRequest,
): Promise<ExportedFile> {
  const data = await loadPlanSheetData(db, planId);
  const views = request.views ? parseViews(request.views, data) : undefined;
  const options = { locale: request.locale, unit: request.unit };
  const body =
    request.format === 'xlsx'
      ? await buildPlanWorkbook(data, { ...options, views })
      : Buffer.from(buildPlanCsv(data, { ...options, view: views?.[0] }), 'utf8');
  return {
    fileName: `${fileStem(data)}.${request.format}`,
    contentType: CONTENT_TYPES[request.format],
    data: body,
  };
}

export function parseViews(spec: string, data: PlanSheetData): ExportView[] {
  return spec
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part): ExportView => {
      if (part === 'bySource') return { kind: 'bySource' };
      if (part === 'total') return { kind: 'total' };
      const code = /^source:(.+)$/.exec(part)?.[1];
      const source = data.sources.find((s) => s.code === code);
      if (!source) throw new DomainError('UNKNOWN_SOURCE', { source: code ?? part, field: 'views' });
      return { kind: 'source', sourceId: source.id };
    });
}

/** An ASCII file name from the plan's name, e.g. "ke-hoach-phan-bo-von-...-huyen-luc-nam". */
function fileStem(data: PlanSheetData): string {
  const stem = toSearchKey(data.plan.name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
  return stem || `plan-${data.plan.id}`;
}
