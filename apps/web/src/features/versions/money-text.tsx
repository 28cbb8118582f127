// Amounts on the versions and history screens: millions of đồng (the planners' unit), with the exact
// đồng on hover. Formatting comes from @ntm/domain; deltas carry an explicit sign.
import { formatMoney } from '@ntm/domain';
import { useLocale } from '../../i18n/i18n-provider';

export function MoneyText({ value }: { value: string | bigint }) {
  const [locale] = useLocale();
  const amount = typeof value === 'bigint' ? value : BigInt(value);
  return (
    <span title={`${formatMoney(amount, { locale })} ${locale === 'vi' ? 'đồng' : 'VND'}`}>
      {formatMoney(amount, { locale, unit: 'trieu' })}
    </span>
  );
}

export function DeltaText({ value }: { value: string | bigint }) {
  const [locale] = useLocale();
  const amount = typeof value === 'bigint' ? value : BigInt(value);
  const text = formatMoney(amount, { locale, unit: 'trieu' });
  const className = amount > 0n ? 'delta delta--up' : amount < 0n ? 'delta delta--down' : 'delta';
  return (
    <span
      className={className}
      title={`${formatMoney(amount, { locale })} ${locale === 'vi' ? 'đồng' : 'VND'}`}
    >
      {amount > 0n ? `+${text}` : text}
    </span>
  );
}

export function formatDateTime(iso: string, localeTag: string): string {
  return new Date(iso).toLocaleString(localeTag, { dateStyle: 'short', timeStyle: 'short' });
}
