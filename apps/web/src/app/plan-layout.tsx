// The frame of every plan screen: the plan header (what plan, which period, what state) and the
// tabs between its screens. Screens get the header's ids so they need not look them up again.
import { PlanHeaderDocument, type PlanHeaderQuery } from '@ntm/graphql-client';
import { lazy, Suspense, useEffect } from 'react';
import { PresenceBar } from '../features/live-updates/presence-bar';
import { usePlanChanges } from '../features/live-updates/use-plan-changes';
import { PlanWorkflow } from '../features/plan-workflow/plan-workflow';
import { RequestError } from '../features/plans/request-error';
import { StatusBadge } from '../features/plans/status-badge';
import { isTabAvailable } from '../features/session/plan-access';
import { useSession } from '../features/session/session-provider';
import { useT } from '../i18n/i18n-provider';
import type { MessageKey } from '../i18n/vi';
import { GridScreen, preloadGridScreen } from './grid-screen';
import { NotFound } from './not-found';
import { Link } from './router';
import { PLAN_TABS, type PlanTab, planPath } from './routes';
import { useQuery } from './use-query';

export type PlanHeader = NonNullable<PlanHeaderQuery['plan']>;

// Screens load on demand: AG Grid and the charts stay out of the home page's bundle budget.
const CriteriaStatusPage = lazy(() =>
  import('../features/criteria-status/criteria-status-page').then((m) => ({ default: m.CriteriaStatusPage })),
);
const OverviewPage = lazy(() =>
  import('../features/overview/overview-page').then((m) => ({ default: m.OverviewPage })),
);
const FundingCapsPage = lazy(() =>
  import('../features/funding-caps/funding-caps-page').then((m) => ({ default: m.FundingCapsPage })),
);
const OptimizerPage = lazy(() =>
  import('../features/optimizer/optimizer-page').then((m) => ({ default: m.OptimizerPage })),
);
const VersionsPage = lazy(() =>
  import('../features/versions/versions-page').then((m) => ({ default: m.VersionsPage })),
);
const PlanExchangePage = lazy(() =>
  import('../features/plan-exchange/plan-exchange-page').then((m) => ({ default: m.PlanExchangePage })),
);
const AuditLogPage = lazy(() =>
  import('../features/audit-log/audit-log-page').then((m) => ({ default: m.AuditLogPage })),
);

const SCREEN_LABEL: Record<PlanTab, MessageKey> = {
  grid: 'nav.tab.grid',
  status: 'nav.tab.status',
  overview: 'nav.tab.overview',
  caps: 'nav.tab.caps',
  excel: 'exchange.tab',
  optimize: 'nav.tab.optimize',
  versions: 'versions.tab',
  history: 'audit.tab',
};

function PlanTabs({ planId, screen }: { planId: string; screen: PlanTab }) {
  const t = useT();
  const { can } = useSession();
  return (
    <nav className="plan-tabs" aria-label={t('nav.planScreens')}>
      <ul>
        {PLAN_TABS.filter((tab) => isTabAvailable(tab, can)).map((tab) => (
          <li key={tab}>
            <Link
              to={planPath(planId, tab)}
              className="plan-tabs__tab"
              aria-current={tab === screen ? 'page' : undefined}
            >
              {t(SCREEN_LABEL[tab])}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function periodOf(plan: PlanHeader): string {
  return plan.periodStartYear === plan.periodEndYear
    ? String(plan.periodStartYear)
    : `${plan.periodStartYear}–${plan.periodEndYear}`;
}

function ScreenBody({ plan, screen }: { plan: PlanHeader; screen: PlanTab }) {
  const t = useT();
  const { can } = useSession();
  // Reached by a typed or shared link: say why instead of a screen whose every call is refused.
  if (!isTabAvailable(screen, can)) {
    return (
      <p className="notice" data-testid="screen-not-allowed">
        {t('nav.screenNotAllowed')}
      </p>
    );
  }
  switch (screen) {
    case 'grid':
      return <GridScreen planId={plan.id} communeCount={plan.communeCount} />;
    case 'status':
      return <CriteriaStatusPage plan={plan} />;
    case 'overview':
      return <OverviewPage plan={plan} />;
    case 'caps':
      return <FundingCapsPage plan={plan} />;
    case 'excel':
      return <PlanExchangePage plan={plan} />;
    case 'optimize':
      return <OptimizerPage plan={plan} />;
    case 'versions':
      return <VersionsPage plan={plan} />;
    case 'history':
      return <AuditLogPage plan={plan} />;
  }
}

export function PlanLayout({ planId, screen }: { planId: string; screen: PlanTab }) {
  const t = useT();
  const { state, reload, refresh, setData } = useQuery(PlanHeaderDocument, { id: planId });
  const plan = state.status === 'ready' ? state.data.plan : undefined;

  // Locked or submitted from elsewhere: the badge follows at once (the screens react on their own);
  // after missed events the header is read again.
  usePlanChanges(planId, (change) => {
    if (change.__typename === 'ResyncRequired') refresh();
    if (change.__typename !== 'PlanStatusChanged') return;
    setData((data) => (data.plan ? { ...data, plan: { ...data.plan, status: change.status } } : data));
  });

  // The grid's code and AG Grid load while the header is fetched, not after it.
  useEffect(() => {
    if (screen === 'grid') preloadGridScreen();
  }, [screen]);

  useEffect(() => {
    if (plan) document.title = t('nav.documentTitle', { screen: t(SCREEN_LABEL[screen]), plan: plan.name });
  }, [plan, screen, t]);

  if (state.status === 'loading') {
    return (
      <p className="notice notice--loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('nav.loadingPlan')}
      </p>
    );
  }
  if (state.status === 'error') {
    return <RequestError title={t('nav.planErrorTitle')} error={state.error} onRetry={reload} />;
  }
  if (!plan) return <NotFound kind="plan" />;

  const place = plan.district ? `${plan.district.name}, ${plan.province.name}` : plan.province.name;
  return (
    <div className="plan-layout">
      <header className="plan-header">
        <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
          <Link to="/">{t('nav.home')}</Link>
          <span aria-hidden="true"> › </span>
          <span>{t(SCREEN_LABEL[screen])}</span>
        </nav>
        <div className="plan-header__main">
          <h1 className="plan-header__name">{plan.name}</h1>
          <p className="plan-header__meta">
            <span>{place}</span>
            <span aria-hidden="true"> · </span>
            <span>{t('nav.period', { period: periodOf(plan) })}</span>
            <span aria-hidden="true"> · </span>
            <span data-testid="plan-status">
              <StatusBadge status={plan.status} label={t(`status.${plan.status}`)} />
            </span>
          </p>
        </div>
        <PlanWorkflow planId={plan.id} onChanged={refresh} />
        <PresenceBar planId={plan.id} />
        <PlanTabs planId={plan.id} screen={screen} />
      </header>
      <div className="plan-layout__screen">
        <Suspense
          fallback={
            <p className="notice notice--loading" role="status">
              <span className="spinner" aria-hidden="true" />
              {t('nav.loadingScreen')}
            </p>
          }
        >
          <ScreenBody plan={plan} screen={screen} />
        </Suspense>
      </div>
    </div>
  );
}
