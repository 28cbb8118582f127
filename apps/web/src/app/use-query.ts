// Loads one typed document for a screen. The UI locale goes out as Accept-Language (server messages
// and names follow it); `setData` lets a screen apply a mutation's answer without refetching.
import { request, type TypedDocumentString } from '@ntm/graphql-client';
import { useCallback, useEffect, useState } from 'react';
import { useLocale } from '../i18n/i18n-provider';
import { LOCALE_TAGS } from '../i18n/locale';

export type QueryState<TData> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; data: TData };

function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

export function useQuery<TData, TVariables>(
  document: TypedDocumentString<TData, TVariables>,
  variables: TVariables,
  options: { refetchOnLocale?: boolean } = {},
) {
  const [locale] = useLocale();
  // The answer remembers which variables it answered: data for another plan never shows, even for
  // the one render between a navigation and the effect that starts the new request.
  const [answer, setAnswer] = useState<{ key: string; state: QueryState<TData> }>({
    key: '',
    state: { status: 'loading' },
  });
  const [reloadCount, setReloadCount] = useState(0);
  // Variables are compared by value so callers can pass an object literal.
  const variablesKey = JSON.stringify(variables);
  const localeKey = options.refetchOnLocale ? locale : null;
  const state: QueryState<TData> = answer.key === variablesKey ? answer.state : { status: 'loading' };
  const setState = useCallback(
    (next: QueryState<TData> | ((current: QueryState<TData>) => QueryState<TData>)) =>
      setAnswer((current) => {
        const mine: QueryState<TData> = current.key === variablesKey ? current.state : { status: 'loading' };
        return { key: variablesKey, state: typeof next === 'function' ? next(mine) : next };
      }),
    [variablesKey],
  );

  // variablesKey stands for variables; reloadCount forces a refetch; localeKey refetches on a language
  // change only when the screen asks for it (server texts in the new language).
  useEffect(() => {
    const controller = new AbortController();
    setState((current) => (current.status === 'ready' ? current : { status: 'loading' }));
    request(document, JSON.parse(variablesKey) as TVariables, {
      locale: LOCALE_TAGS[locale],
      signal: controller.signal,
    })
      .then((data) => setState({ status: 'ready', data }))
      .catch((error: unknown) => {
        if (!isAbortError(error)) setState({ status: 'error', error });
      });
    return () => controller.abort();
  }, [document, variablesKey, reloadCount, localeKey, setState]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setReloadCount((count) => count + 1);
  }, [setState]);

  /** Refetches in the background: the current data stays on screen until the answer replaces it. */
  const refresh = useCallback(() => setReloadCount((count) => count + 1), []);

  const setData = useCallback(
    (update: (data: TData) => TData) =>
      setState((current) =>
        current.status === 'ready' ? { status: 'ready', data: update(current.data) } : current,
      ),
    [setState],
  );

  return { state, reload, refresh, setData };
}
