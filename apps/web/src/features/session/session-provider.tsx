// Who is signed in. Loads `me` once; without a session it shows the sign-in page instead of the
// app. `can(operation)` hides what the role may not do — the server still decides every call.
import { GraphQLRequestError, LogoutDocument, MeDocument, type MeQuery, request } from '@ntm/graphql-client';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n-provider';
import { LOCALE_TAGS } from '../../i18n/locale';
import { LoginPage } from './login-page';

export type Me = MeQuery['me'];

type SessionValue = {
  me: Me;
  /** May the caller call this operation ("Mutation.setAllocations")? */
  can: (operation: string) => boolean;
  /** May the caller write this commune's cells (a commune officer: only their own)? */
  canEditCommune: (communeId: string) => boolean;
  /** A commune officer's commune: the only one they write. Null for every other role. */
  ownCommuneId: string | null;
  logout: () => Promise<void>;
};

const SessionContext = createContext<SessionValue | null>(null);

type State =
  | { status: 'loading' }
  | { status: 'signedOut' }
  | { status: 'error' }
  | { status: 'signedIn'; me: Me };

export function SessionProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const [locale] = useLocale();
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(() => {
    request(MeDocument, {}, { locale: LOCALE_TAGS[locale] })
      .then((data) => setState({ status: 'signedIn', me: data.me }))
      .catch((error: unknown) =>
        setState(
          error instanceof GraphQLRequestError && error.hasCode('UNAUTHENTICATED')
            ? { status: 'signedOut' }
            : { status: 'error' },
        ),
      );
  }, [locale]);

  // Loaded once: a language change does not sign anyone out.
  useEffect(load, []);

  const logout = useCallback(async () => {
    await request(LogoutDocument, {}, { locale: LOCALE_TAGS[locale] }).catch(() => undefined);
    setState({ status: 'signedOut' });
  }, [locale]);

  const value = useMemo<SessionValue | null>(() => {
    if (state.status !== 'signedIn') return null;
    const permissions = new Set(state.me.permissions);
    const can = (operation: string) => permissions.has(operation);
    const ownCommune = state.me.scopeLevel === 'COMMUNE' ? (state.me.commune?.id ?? null) : null;
    return {
      me: state.me,
      can,
      canEditCommune: (communeId) =>
        can('Mutation.setAllocations') && (ownCommune === null || ownCommune === communeId),
      ownCommuneId: ownCommune,
      logout,
    };
  }, [state, logout]);

  if (state.status === 'loading') return <p className="session-loading">{t('session.loading')}</p>;
  if (state.status === 'error') {
    return (
      <p role="alert" className="session-loading">
        {t('session.unavailable')}{' '}
        <button type="button" className="button button--quiet" onClick={load}>
          {t('session.retry')}
        </button>
      </p>
    );
  }
  if (!value) return <LoginPage onSignedIn={load} />;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
