import { GraphQLRequestError, PlansListDocument, request } from '@ntm/graphql-client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { LOCALE_TAGS, type Locale } from '../../i18n/locale';
import type { PlanNode } from './plan-rows';

const PAGE_SIZE = 50;

export type PlansState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | {
      status: 'ready';
      plans: PlanNode[];
      hasNextPage: boolean;
      isLoadingMore: boolean;
      loadMoreError: unknown;
    };

function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** Error codes a screen can explain; anything else shows the generic message plus the code. */
export function errorCodeOf(error: unknown): string | undefined {
  return error instanceof GraphQLRequestError ? error.code : undefined;
}

/**
 * Loads the plan list page by page. The locale is sent as Accept-Language, so switching language
 * refetches (server-side texts and collation follow the language).
 */
export function usePlans(locale: Locale) {
  const [state, setState] = useState<PlansState>({ status: 'loading' });
  const [reloadCount, setReloadCount] = useState(0);
  const cursorRef = useRef<string | null>(null);
  const loadMoreAbortRef = useRef<AbortController | null>(null);

  // reloadCount is a dependency on purpose: bumping it is how "Try again" refetches.
  useEffect(() => {
    const controller = new AbortController();
    loadMoreAbortRef.current?.abort();
    setState({ status: 'loading' });
    request(
      PlansListDocument,
      { first: PAGE_SIZE },
      { locale: LOCALE_TAGS[locale], signal: controller.signal },
    )
      .then((data) => {
        cursorRef.current = data.plans.pageInfo.endCursor;
        setState({
          status: 'ready',
          plans: data.plans.edges.map((edge) => edge.node),
          hasNextPage: data.plans.pageInfo.hasNextPage,
          isLoadingMore: false,
          loadMoreError: null,
        });
      })
      .catch((error: unknown) => {
        if (!isAbortError(error)) setState({ status: 'error', error });
      });
    return () => controller.abort();
  }, [locale, reloadCount]);

  const reload = useCallback(() => setReloadCount((count) => count + 1), []);

  const loadMore = useCallback(() => {
    if (loadMoreAbortRef.current) return;
    const controller = new AbortController();
    loadMoreAbortRef.current = controller;
    setState((current) =>
      current.status === 'ready' ? { ...current, isLoadingMore: true, loadMoreError: null } : current,
    );
    request(
      PlansListDocument,
      { first: PAGE_SIZE, after: cursorRef.current },
      { locale: LOCALE_TAGS[locale], signal: controller.signal },
    )
      .then((data) => {
        cursorRef.current = data.plans.pageInfo.endCursor;
        setState((current) =>
          current.status === 'ready'
            ? {
                ...current,
                plans: [...current.plans, ...data.plans.edges.map((edge) => edge.node)],
                hasNextPage: data.plans.pageInfo.hasNextPage,
                isLoadingMore: false,
              }
            : current,
        );
      })
      .catch((error: unknown) => {
        if (isAbortError(error)) return;
        setState((current) =>
          current.status === 'ready' ? { ...current, isLoadingMore: false, loadMoreError: error } : current,
        );
      })
      .finally(() => {
        if (loadMoreAbortRef.current === controller) loadMoreAbortRef.current = null;
      });
  }, [locale]);

  return { state, reload, loadMore };
}
