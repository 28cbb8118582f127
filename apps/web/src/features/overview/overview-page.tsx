// Overview dashboard: the plan at a glance — key totals, then progress toward the standard, money
// by source against caps, and what each target commune still lacks before its deadline.
import { formatMoney, formatMoneyCompact } from '@ntm/domain';
import { PlanOverviewDocument } from '@ntm/graphql-client';
import { useMemo } from 'react';
import type { PlanHeader } from '../../app/plan-layout';
import { useQuery } from '../../app/use-query';
import { useLocale, useT } from '../../i18n/i18n-provider';
import { RequestError } from '../plans/request-error';
import { toProgressHistogram, toShortfallBars, toSourceBars } from './chart-model';
import { ProgressChart, ShortfallChart, SourcesChart } from './charts';
import './overview.css';

function Kpi({
  label,
  value,
  exact,
  tone,
}: {
  label: string;
  value: string;
  exact?: string;
  tone?: 'danger' | 'good';
}) {
  return (
    <div className={tone ? `kpi kpi--${tone}` : 'kpi'}>
      <dt>{label}</dt>
      <dd title={exact}>{value}</dd>
    </div>
  );
}

export function OverviewPage({ plan }: { plan: PlanHeader }) {
  const t = useT();
  const [locale] = useLocale();
  const { state, reload } = useQuery(PlanOverviewDocument, {
    id: plan.id,
    criteriaSetId: plan.criteriaSet.id,
  });
  const overview = state.status === 'ready' ? state.data.plan : null;
  const histogram = useMemo(() => (overview ? toProgressHistogram(overview) : null), [overview]);
  const sources = useMemo(() => (overview ? toSourceBars(overview, locale) : []), [overview, locale]);
  const shortfalls = useMemo(() => (overview ? toShortfallBars(overview, locale) : []), [overview, locale]);

  if (state.status === 'loading') {
    return (
      <p className="notice notice--loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('overview.loading')}
      </p>
    );
  }
  if (state.status === 'error' || !overview || !histogram) {
    return (
      <RequestError
        title={t('overview.errorTitle')}
        error={state.status === 'error' ? state.error : null}
        onRetry={reload}
      />
    );
  }

  const { totals } = overview.analysis;
  const money = (amount: string) => ({
    value: formatMoneyCompact(BigInt(amount), locale),
    exact: `${formatMoney(BigInt(amount), { locale })} ${locale === 'vi' ? 'đồng' : 'VND'}`,
  });
  const shortfall = money(totals.shortfall);
  const debtRisk = money(totals.debtRisk);

  return (
    <section className="screen overview" aria-labelledby="overview-heading">
      <div className="screen__header">
        <div>
          <h2 id="overview-heading">{t('overview.heading')}</h2>
          <p className="page__intro">{t('overview.intro')}</p>
        </div>
      </div>
      <dl className="kpis">
        <Kpi label={t('overview.kpi.allocated')} {...money(totals.allocated)} />
        <Kpi label={t('overview.kpi.confirmedCaps')} {...money(totals.confirmedCaps)} />
        <Kpi label={t('overview.kpi.expectedCaps')} {...money(totals.expectedCaps)} />
        <Kpi
          label={t('overview.kpi.shortfall')}
          {...shortfall}
          tone={BigInt(totals.shortfall) > 0n ? 'danger' : 'good'}
        />
        <Kpi
          label={t('overview.kpi.debtRisk')}
          {...debtRisk}
          tone={BigInt(totals.debtRisk) > 0n ? 'danger' : 'good'}
        />
        <Kpi
          label={t('overview.kpi.funded')}
          value={`${totals.fundedTargetCommunes}/${totals.targetCommunes}`}
          tone={totals.fundedTargetCommunes >= totals.targetCommunes ? 'good' : 'danger'}
        />
      </dl>
      <div className="overview__grid">
        <ProgressChart {...histogram} />
        <ShortfallChart communes={shortfalls} />
        <SourcesChart sources={sources} />
      </div>
    </section>
  );
}
