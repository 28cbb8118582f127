// My account: change the password, see and end my sessions, and — for roles that may — make and
// revoke integrator tokens. The server decides every call; `can(...)` only hides what would fail.
import {
  ChangePasswordDocument,
  MySessionsDocument,
  RevokeSessionDocument,
  request,
} from '@ntm/graphql-client';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useQuery } from '../../app/use-query';
import { useLocale, useT } from '../../i18n/i18n-provider';
import { LOCALE_TAGS } from '../../i18n/locale';
import { RequestError } from '../plans/request-error';
import { useSession } from '../session/session-provider';
import { formatDateTime } from '../versions/money-text';
import { MIN_PASSWORD_LENGTH, ROLE_LABELS, scopeName } from './account-logic';
import './accounts.css';
import { ConfirmButton } from './confirm-button';
import { TextField } from './text-field';
import { TokensSection } from './tokens-section';
import { useMutation } from './use-mutation';

function PasswordSection({ onChanged }: { onChanged: () => void }) {
  const t = useT();
  const id = useId();
  const { run, busy, error, setError } = useMutation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    if (next !== repeat) {
      setError(t('account.password.mismatch'));
      return;
    }
    const result = await run(
      (options) =>
        request(ChangePasswordDocument, { currentPassword: current, newPassword: next }, options).then(
          (data) => data.changePassword,
        ),
      'DonePayload',
      // The API's INVALID_CREDENTIALS speaks of "user name or password": here only one was typed.
      (code) => (code === 'INVALID_CREDENTIALS' ? t('account.password.wrongCurrent') : undefined),
    );
    if (!result) return;
    setCurrent('');
    setNext('');
    setRepeat('');
    setDone(true);
    onChanged();
  }

  return (
    <section className="accounts-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('account.password.heading')}</h2>
      <form
        className="accounts-form"
        onSubmit={submit}
        aria-labelledby={`${id}-heading`}
        aria-describedby={`${id}-hint`}
      >
        <p id={`${id}-hint`} className="accounts-form__note">
          {t('account.password.hint', { min: MIN_PASSWORD_LENGTH })}
        </p>
        <div className="accounts-form__fields">
          <TextField
            id={`${id}-current`}
            label={t('account.password.current')}
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onValue={setCurrent}
          />
          <TextField
            id={`${id}-new`}
            label={t('account.password.new')}
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            value={next}
            onValue={setNext}
          />
          <TextField
            id={`${id}-repeat`}
            label={t('account.password.repeat')}
            type="password"
            autoComplete="new-password"
            required
            value={repeat}
            onValue={setRepeat}
          />
          <button type="submit" className="button" disabled={busy}>
            {t('account.password.submit')}
          </button>
        </div>
        {error && (
          <p className="accounts-error" role="alert">
            {error}
          </p>
        )}
        {done && (
          <p className="accounts-done" role="status">
            {t('account.password.done')}
          </p>
        )}
      </form>
    </section>
  );
}

function SessionsSection({ reloadKey }: { reloadKey: number }) {
  const t = useT();
  const [locale] = useLocale();
  const { state, reload, refresh, setData } = useQuery(MySessionsDocument, {});
  const { run, busy, error } = useMutation();
  // A password change ends the other sessions: show the list the server has now.
  useEffect(() => {
    if (reloadKey > 0) refresh();
  }, [reloadKey, refresh]);

  async function revoke(sessionId: string) {
    const result = await run(
      (options) =>
        request(RevokeSessionDocument, { id: sessionId }, options).then((data) => data.revokeSession),
      'SessionPayload',
    );
    if (result) setData((data) => ({ mySessions: data.mySessions.filter((s) => s.id !== sessionId) }));
  }

  if (state.status === 'error') {
    return <RequestError title={t('account.sessions.loadError')} error={state.error} onRetry={reload} />;
  }
  const tag = LOCALE_TAGS[locale];
  return (
    <section className="accounts-section" aria-labelledby="account-sessions-heading">
      <h2 id="account-sessions-heading">{t('account.sessions.heading')}</h2>
      <p className="screen__hint">{t('account.sessions.intro')}</p>
      {state.status === 'loading' ? (
        <p className="notice notice--loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('session.loading')}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table accounts-table" data-testid="sessions-table">
            <caption className="visually-hidden">{t('account.sessions.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('account.sessions.browser')}</th>
                <th scope="col">{t('account.sessions.ip')}</th>
                <th scope="col">{t('account.sessions.signedIn')}</th>
                <th scope="col">{t('account.sessions.lastSeen')}</th>
                <th scope="col">{t('account.sessions.expires')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('accounts.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {state.data.mySessions.map((session) => (
                <tr key={session.id} aria-current={session.isCurrent ? 'true' : undefined}>
                  <th scope="row" className="accounts-table__agent">
                    {session.userAgent ?? t('account.sessions.unknownBrowser')}
                    {session.isCurrent && (
                      <span className="badge accounts-badge">{t('account.sessions.current')}</span>
                    )}
                  </th>
                  <td>{session.ip ?? '—'}</td>
                  <td className="nowrap">{formatDateTime(session.createdAt, tag)}</td>
                  <td className="nowrap">{formatDateTime(session.lastSeenAt, tag)}</td>
                  <td className="nowrap">{formatDateTime(session.expiresAt, tag)}</td>
                  <td className="accounts-table__actions">
                    {!session.isCurrent && (
                      <ConfirmButton
                        label={t('account.sessions.revoke')}
                        question={t('account.sessions.revokeQuestion')}
                        confirmLabel={t('account.sessions.revokeConfirm')}
                        busy={busy}
                        onConfirm={() => void revoke(session.id)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {error && (
        <p className="accounts-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

export function AccountPage() {
  const t = useT();
  const { me, can } = useSession();
  const [passwordChanges, setPasswordChanges] = useState(0);
  const place = scopeName(me);
  return (
    <section className="page accounts-page" aria-labelledby="account-heading">
      <div className="page__header">
        <div>
          <h1 id="account-heading">{t('account.heading')}</h1>
          <p className="page__intro">
            {me.displayName} · {t(ROLE_LABELS[me.role])}
            {place ? ` · ${place}` : ''}
          </p>
        </div>
      </div>
      <PasswordSection onChanged={() => setPasswordChanges((n) => n + 1)} />
      <SessionsSection reloadKey={passwordChanges} />
      {can('Query.apiTokens') && <TokensSection />}
    </section>
  );
}
