import { useMemo } from 'react';
import { Link } from '../../app/router';
import { PLAN_SCREENS, type PlanScreen, planPath } from '../../app/routes';
import { useLocale, useT } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/vi';
import { type PlanRow, toPlanRows } from './plan-rows';
import { RequestError } from './request-error';
import { StatusBadge } from './status-badge';
import { usePlans } from './use-plans';

function MoneyCell({ cell, className }: { cell: PlanRow['allocated']; className?: string }) {
  return (
    <td className={className ? `num ${className}` : 'num'}>
      <span title={cell.exact}>{cell.text}</span>
    </td>
  );
}

const SCREEN_LINK: Record<PlanScreen, MessageKey> = {
  grid: 'home.link.grid',
  status: 'home.link.status',
  overview: 'home.link.overview',
  caps: 'home.link.caps',
};

function PlanLinks({ row }: { row: PlanRow }) {
  const t = useT();
  return (
    <ul className="plan-links" aria-label={t('home.linksLabel', { plan: row.name })}>
      {PLAN_SCREENS.map((screen) => (
        <li key={screen}>
          <Link to={planPath(row.id, screen)}>{t(SCREEN_LINK[screen])}</Link>
        </li>
      ))}
    </ul>
  );
}

function PlansTable({ rows }: { rows: PlanRow[] }) {
  const t = useT();
  return (
    <div className="table-scroll">
      <table className="plans-table">
        <caption className="visually-hidden">{t('plans.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plans.column.name')}</th>
            <th scope="col">{t('plans.column.period')}</th>
            <th scope="col">{t('plans.column.scope')}</th>
            <th scope="col">{t('plans.column.status')}</th>
            <th scope="col" className="num">
              {t('plans.column.allocated')}
            </th>
            <th scope="col" className="num">
              {t('plans.column.confirmedCaps')}
            </th>
            <th scope="col" className="num">
              {t('plans.column.expectedCaps')}
            </th>
            <th scope="col" className="num">
              {t('plans.column.shortfall')}
            </th>
            <th scope="col" className="num">
              {t('home.column.communes')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="plan-name">
                <Link className="plan-name__title" to={planPath(row.id, 'grid')}>
                  {row.name}
                </Link>
                <span className="plan-name__meta">
                  {row.place} · {row.revision}
                </span>
                <PlanLinks row={row} />
              </th>
              <td className="nowrap">{row.period}</td>
              <td className="nowrap">{row.scope}</td>
              <td>
                <StatusBadge status={row.status} label={row.statusLabel} />
              </td>
              <MoneyCell cell={row.allocated} />
              <MoneyCell cell={row.confirmedCaps} />
              <MoneyCell cell={row.expectedCaps} />
              <MoneyCell cell={row.shortfall} className={row.hasShortfall ? 'shortfall' : undefined} />
              <td className="num communes-status" data-testid="communes-status">
                <span aria-hidden="true" title={row.communesStatusLabel}>
                  <span className="communes-status__ok">
                    {t('home.onTrack', { count: row.onTrackCommunes })}
                  </span>
                  {' · '}
                  <span className={row.shortCommunes > 0 ? 'communes-status__short' : undefined}>
                    {t('home.short', { count: row.shortCommunes })}
                  </span>
                </span>
                <span className="visually-hidden">{row.communesStatusLabel}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PlansPage() {
  const t = useT();
  const [locale] = useLocale();
  const { state, reload, loadMore } = usePlans(locale);
  const plans = state.status === 'ready' ? state.plans : null;
  const rows = useMemo(() => (plans ? toPlanRows(plans, locale, t) : []), [plans, locale, t]);

  return (
    <section className="page" aria-labelledby="plans-heading" aria-busy={state.status === 'loading'}>
      <div className="page__header">
        <div>
          <h1 id="plans-heading">{t('plans.heading')}</h1>
          <p className="page__intro">{t('plans.intro')}</p>
        </div>
        {state.status === 'ready' && state.plans.length > 0 && (
          <p className="page__meta">
            <span>{t('plans.count', { count: state.plans.length })}</span>
            <span aria-hidden="true"> · </span>
            <span>{t('plans.unitNote')}</span>
          </p>
        )}
      </div>

      {state.status === 'loading' && (
        <p className="notice notice--loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('plans.loading')}
        </p>
      )}

      {state.status === 'error' && (
        <RequestError title={t('plans.errorTitle')} error={state.error} onRetry={reload} />
      )}

      {state.status === 'ready' && state.plans.length === 0 && (
        <p className="notice" role="status">
          {t('plans.empty')}
        </p>
      )}

      {state.status === 'ready' && state.plans.length > 0 && (
        <>
          <PlansTable rows={rows} />
          {state.loadMoreError != null && (
            <RequestError title={t('plans.errorTitle')} error={state.loadMoreError} onRetry={loadMore} />
          )}
          {state.hasNextPage && state.loadMoreError == null && (
            <div className="page__more">
              <button type="button" className="button" onClick={loadMore} disabled={state.isLoadingMore}>
                {state.isLoadingMore ? t('plans.loadingMore') : t('plans.loadMore')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
