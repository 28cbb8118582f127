import { useEffect } from 'react';
import { PlansPage } from '../features/plans/plans-page';
import { useT } from '../i18n/i18n-provider';
import { LanguageSwitch } from './language-switch';

/** Where the API serves the IDE; the dev server rewrites the same path (see vite.config.ts). */
const GRAPHQL_IDE_PATH = '/graphiql';

export function App() {
  const t = useT();

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__brand">
          <span className="app-header__logo" aria-hidden="true">
            NTM
          </span>
          <p className="app-header__title">
            <span className="app-header__product">{t('app.productName')}</span>
            <span className="app-header__dash" aria-hidden="true">
              {' '}
              —{' '}
            </span>
            <span className="app-header__tagline">{t('app.tagline')}</span>
          </p>
        </div>
        <nav className="app-header__actions" aria-label={t('app.productName')}>
          <a
            className="link-button"
            href={GRAPHQL_IDE_PATH}
            target="_blank"
            rel="noopener"
            title={t('app.graphqlIdeHint')}
          >
            {t('app.graphqlIde')}
          </a>
          <LanguageSwitch />
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <PlansPage />
      </main>
      <footer className="app-footer">{t('app.footer')}</footer>
    </div>
  );
}
