import { AllocationGridDocument, type AllocationGridQuery, request } from '@ntm/graphql-client';
import { useCallback, useEffect, useState } from 'react';
import { LOCALE_TAGS, type Locale } from '../../i18n/locale';

export type GridDataState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; data: AllocationGridQuery };

/**
 * Loads the plan once. Names come in both languages, so switching language does not refetch (and
 * does not disturb edits in flight); `locale` only picks the server's message language.
 * `totalsOnly` reads the sums a large plan's total view needs instead of every cell; `region` reads
 * only those communes' cells, with the plan-wide sums.
 */
export function useGridData(
  planId: string,
  locale: Locale,
  totalsOnly: boolean,
  region: readonly string[] | null,
) {
  const [state, setState] = useState<GridDataState>({ status: 'loading' });
  const [reloadCount, setReloadCount] = useState(0);
  const [initialLocale] = useState(locale);

  // reloadCount is a dependency on purpose: bumping it refetches.
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    request(
      AllocationGridDocument,
      { planId, totalsOnly, withSums: region !== null, communeIds: region ? [...region] : null },
      { locale: LOCALE_TAGS[initialLocale], signal: controller.signal },
    )
      .then((data) => setState({ status: 'ready', data }))
      .catch((error: unknown) => {
        if (!(error instanceof Error && error.name === 'AbortError')) setState({ status: 'error', error });
      });
    return () => controller.abort();
  }, [planId, initialLocale, totalsOnly, region, reloadCount]);

  const reload = useCallback(() => setReloadCount((count) => count + 1), []);
  return { state, reload };
}
