import { useT } from '../i18n/i18n-provider';
import { Link } from './router';

export function NotFound({ kind = 'page' }: { kind?: 'page' | 'plan' }) {
  const t = useT();
  return (
    <section className="page not-found" aria-labelledby="not-found-heading">
      <h1 id="not-found-heading">{kind === 'plan' ? t('nav.planNotFound') : t('nav.notFound')}</h1>
      <p className="page__intro">{kind === 'plan' ? t('nav.planNotFoundHint') : t('nav.notFoundHint')}</p>
      <p>
        <Link className="button" to="/">
          {t('nav.backHome')}
        </Link>
      </p>
    </section>
  );
}
