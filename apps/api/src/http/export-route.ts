// GET /export/plan/<plan global ID>.xlsx|.csv?lang=vi|en&unit=dong|trieu&views=bySource,total,source:NSTW
// A download of the plan workbook; errors are JSON with a typed code and a localized message.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '@ntm/db';
import { DomainError, isDomainError, type Locale, localizeError, parseLocale } from '@ntm/domain';
import type { Kysely } from 'kysely';
import { isAllowed } from '../auth/rules.ts';
import { visible } from '../auth/scope.ts';
import { exportPlan } from '../exchange/export-plan.ts';
import { tryDecodeId } from '../schema/ids.ts';
import type { Caller } from './caller.ts';

export const EXPORT_PATH = /^\/export\/plan\/([^/]+)\.(xlsx|csv)$/;

export async function handleExport(
  db: Kysely<Database>,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  caller: Caller,
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
  // Outside GraphQL, so the rules are applied here: reading the plan is what a download needs,
  // and a plan outside the caller's scope answers like one that does not exist.
  if (!caller.principal) return fail(401, new DomainError('UNAUTHENTICATED'));
  if (!isAllowed(caller.principal, 'Query.plan')) return fail(403, new DomainError('FORBIDDEN'));
  const readable =
    planId !== null &&
    (await db
      .selectFrom('plan')
      .select('id')
      .where('id', '=', planId)
      .where(visible.plan(caller.principal))
      .executeTakeFirst());
  if (planId === null || !readable) return fail(404, new DomainError('UNKNOWN_PLAN', { plan: globalId }));
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
