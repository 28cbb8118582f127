// GET /export/plan/<plan global ID>.xlsx|.csv?lang=vi|en&unit=dong|trieu&views=bySource,total,source:NSTW
// A download of the plan workbook; errors are JSON with a typed code and a localized message.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '@ntm/db';
import { DomainError, isDomainError, type Locale, localizeError, parseLocale } from '@ntm/domain';
import type { Kysely } from 'kysely';
import { exportPlan } from '../exchange/export-plan.ts';
import { tryDecodeId } from '../schema/ids.ts';

export const EXPORT_PATH = /^\/export\/plan\/([^/]+)\.(xlsx|csv)$/;

export async function handleExport(
  db: Kysely<Database>,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const match = EXPORT_PATH.exec(url.pathname)!;
  const lang = url.searchParams.get('lang');
  const locale: Locale = lang === 'en' || lang === 'vi' ? lang : parseLocale(req.headers['accept-language']);
  const fail = (status: number, error: DomainError) => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Language': locale });
    res.end(
      JSON.stringify({
        errors: [
          { message: localizeError(error, locale), extensions: { code: error.code, params: error.params } },
        ],
      }),
    );
  };
  const unit = url.searchParams.get('unit') ?? 'dong';
  if (unit !== 'dong' && unit !== 'trieu')
    return fail(400, new DomainError('INVALID_INPUT', { field: 'unit' }));
  const globalId = decodeURIComponent(match[1]!);
  const planId = tryDecodeId(globalId, 'Plan');
  if (planId === null) return fail(404, new DomainError('UNKNOWN_PLAN', { plan: globalId }));
  try {
    const file = await exportPlan(db, planId, {
      format: match[2] as 'xlsx' | 'csv',
      locale,
      unit,
      views: url.searchParams.get('views') ?? undefined,
    });
    res.writeHead(200, {
      'Content-Type': file.contentType,
      'Content-Length': file.data.length,
      'Content-Disposition': `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': 'no-store',
    });
    res.end(file.data);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    fail(error.code === 'UNKNOWN_PLAN' ? 404 : 400, error);
  }
}
