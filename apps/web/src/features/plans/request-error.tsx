import { useT } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/vi';
import { errorCodeOf } from './use-plans';

const EXPLAINED_CODES = new Set<string>([
  'NETWORK_ERROR',
  'HTTP_ERROR',
  'BAD_RESPONSE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);

/** A failed request, explained by its error code; the code itself is shown for support calls. */
export function RequestError({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: unknown;
  onRetry: () => void;
}) {
  const t = useT();
  const code = errorCodeOf(error);
  const explanation =
    code && EXPLAINED_CODES.has(code) ? t(`error.${code}` as MessageKey) : t('error.generic');
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{title}</p>
      <p>{explanation}</p>
      {code && <p className="notice__code">{t('error.code', { code })}</p>}
      <button type="button" className="button" onClick={onRetry}>
        {t('plans.retry')}
      </button>
    </div>
  );
}
