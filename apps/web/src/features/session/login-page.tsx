// The sign-in form: user name (or email) and password. Errors come typed from the server
// (wrong password, too many attempts with the wait) and are shown in the UI language.
import { LoginDocument, request } from '@ntm/graphql-client';
import { type FormEvent, useState } from 'react';
import { LanguageSwitch } from '../../app/language-switch';
import { useLocale, useT } from '../../i18n/i18n-provider';
import { LOCALE_TAGS } from '../../i18n/locale';
import './session.css';

export function LoginPage({ onSignedIn }: { onSignedIn: () => void }) {
  const t = useT();
  const [locale] = useLocale();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const data = await request(LoginDocument, { login, password }, { locale: LOCALE_TAGS[locale] });
      if (data.login.__typename === 'LoginPayload') onSignedIn();
      else setError('message' in data.login ? data.login.message : t('session.failed'));
    } catch {
      setError(t('session.unavailable'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login" id="main">
      <form className="login__card" onSubmit={submit} aria-labelledby="login-title">
        <div className="login__top">
          <span className="app-header__logo" aria-hidden="true">
            NTM
          </span>
          <LanguageSwitch />
        </div>
        <h1 id="login-title">{t('session.title')}</h1>
        <p className="login__hint">{t('app.tagline')}</p>
        <label>
          {t('session.login')}
          <input
            name="login"
            autoComplete="username"
            required
            value={login}
            onChange={(e) => setLogin(e.target.value)}
          />
        </label>
        <label>
          {t('session.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="login__error">
            {error}
          </p>
        )}
        <button type="submit" className="button" disabled={isBusy}>
          {t('session.submit')}
        </button>
      </form>
    </main>
  );
}
