// Runs one account mutation at a time for a form: busy while it runs, and the API's typed error
// (InputError's message, which the server writes in the UI language sent as Accept-Language).
import type { RequestOptions } from '@ntm/graphql-client';
import { useCallback, useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n-provider';
import { LOCALE_TAGS } from '../../i18n/locale';
import { errorCodeOf } from '../plans/use-plans';

type Result = { __typename: string; message?: string };

export function useMutation() {
  const t = useT();
  const [locale] = useLocale();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /**
   * The payload when it is of type `ok`; otherwise null, with `error` set — `explain` may word a
   * code better for this form than the API's general message.
   */
  const run = useCallback(
    async <R extends Result>(
      call: (options: RequestOptions) => Promise<R>,
      ok: R['__typename'],
      explain?: (code: string) => string | undefined,
    ) => {
      setBusy(true);
      setError(null);
      try {
        const result = await call({ locale: LOCALE_TAGS[locale] });
        if (result.__typename === ok) return result;
        const code = 'code' in result && typeof result.code === 'string' ? result.code : '';
        setError(explain?.(code) ?? result.message ?? t('accounts.failed'));
      } catch (failure) {
        setError(errorCodeOf(failure) === 'FORBIDDEN' ? t('error.FORBIDDEN') : t('accounts.failed'));
      } finally {
        setBusy(false);
      }
      return null;
    },
    [locale, t],
  );

  return { run, busy, error, setError };
}
