// The app shell: header, main region and the route switch. Focus moves to the main region when
// the page changes (not when only a plan tab changes) so screen readers announce the new page.
import { lazy, Suspense, useEffect, useRef } from 'react';
import { PlansPage } from '../features/plans/plans-page';
import { SessionProvider, useSession } from '../features/session/session-provider';
import { UserMenu } from '../features/session/user-menu';
import { useT } from '../i18n/i18n-provider';
import './app-shell.css';
import { LanguageSwitch } from './language-switch';
import { NotFound } from './not-found';
import { PlanLayout } from './plan-layout';
import { Link, RouterProvider, useRouter } from './router';
import type { Route } from './routes';

// Account screens load on demand, like the plan screens: most visits never open them.
const AccountPage = lazy(() =>
  import('../features/accounts/account-page').then((m) => ({ default: m.AccountPage })),
);
const UsersPage = lazy(() =>
  import('../features/accounts/users-page').then((m) => ({ default: m.UsersPage })),
);

/** Where the API serves the IDE; the dev server rewrites the same path (see vite.config.ts). */
const GRAPHQL_IDE_PATH = '/graphiql';

/** Identity of a "page" for focus purposes: plan tabs share one. */
function pageKeyOf(route: Route): string {
  switch (route.name) {
    case 'plan':
      return `plan:${route.planId}`;
    case 'not-found':
      return `404:${route.path}`;
    default:
      return route.name;
  }
}

function RouteView() {
  const { route } = useRouter();
  switch (route.name) {
    case 'home':
      return <PlansPage />;
    case 'plan':
      return <PlanLayout key={route.planId} planId={route.planId} screen={route.screen} />;
    case 'account':
    case 'users':
      return (
        <Suspense fallback={<PageLoading />}>
          {route.name === 'account' ? <AccountPage /> : <UsersPage />}
        </Suspense>
      );
    case 'not-found':
      return <NotFound />;
  }
}

function PageLoading() {
  const t = useT();
  return (
    <p className="notice notice--loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {t('session.loading')}
    </p>
  );
}

function Shell() {
  const t = useT();
  const { route } = useRouter();
  // The server says whether it serves the IDE (NTM_GRAPHQL_IDE and NTM_INTROSPECTION): no dead link.
  const hasGraphqlIde = useSession().me.hasGraphqlIde;
  const mainRef = useRef<HTMLElement>(null);
  const pageKey = pageKeyOf(route);
  const lastPageKey = useRef(pageKey);

  useEffect(() => {
    if (route.name !== 'plan') document.title = t('app.title');
  }, [route.name, t]);

  useEffect(() => {
    if (lastPageKey.current === pageKey) return;
    lastPageKey.current = pageKey;
    mainRef.current?.focus({ preventScroll: true });
  }, [pageKey]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <Link to="/" className="app-header__brand" aria-label={t('app.homeLink')}>
          <span className="app-header__logo" aria-hidden="true">
            NTM
          </span>
          <span className="app-header__title">
            <span className="app-header__product">{t('app.productName')}</span>
            <span className="app-header__dash" aria-hidden="true">
              {' '}
              —{' '}
            </span>
            <span className="app-header__tagline">{t('app.tagline')}</span>
          </span>
        </Link>
        <nav className="app-header__actions" aria-label={t('app.productName')}>
          {hasGraphqlIde && (
            <a
              className="link-button"
              href={GRAPHQL_IDE_PATH}
              target="_blank"
              rel="noopener"
              title={t('app.graphqlIdeHint')}
            >
              {t('app.graphqlIde')}
            </a>
          )}
          <LanguageSwitch />
          <UserMenu />
        </nav>
      </header>
      <main
        id="main"
        tabIndex={-1}
        ref={mainRef}
        className={route.name === 'plan' ? 'main--wide' : undefined}
      >
        <RouteView />
      </main>
      <footer className="app-footer">{t('app.footer')}</footer>
    </div>
  );
}

export function App() {
  return (
    <SessionProvider>
      <RouterProvider>
        <Shell />
      </RouterProvider>
    </SessionProvider>
  );
}
