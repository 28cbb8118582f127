// One side (before or after) of an audited change, shown the way its entity is read: money for cells
// and caps, met/not met for statuses, the status or name otherwise, "—" when the row did not exist.
import type { AuditEntity } from '@ntm/graphql-client';
import { useT } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/vi';
import { MoneyText } from '../versions/money-text';

type Values = {
  amount?: string | null;
  isConfirmed?: boolean | null;
  isMet?: boolean | null;
  status?: string | null;
  name?: string | null;
};

const PLAN_STATUSES = new Set(['DRAFT', 'SUBMITTED', 'APPROVED', 'LOCKED']);

export function AuditValue({ entity, values }: { entity: AuditEntity; values: Values | null | undefined }) {
  const t = useT();
  if (!values) return <span className="audit-value audit-value--none">{t('audit.value.none')}</span>;
  if ((entity === 'ALLOCATION' || entity === 'FUNDING_CAP') && values.amount != null) {
    return (
      <span className="audit-value">
        <MoneyText value={values.amount} />
        {entity === 'FUNDING_CAP' && values.isConfirmed != null && (
          <> ({values.isConfirmed ? t('audit.value.confirmed') : t('audit.value.expected')})</>
        )}
      </span>
    );
  }
  if (values.isMet != null) {
    return (
      <span className="audit-value">{values.isMet ? t('audit.value.met') : t('audit.value.notMet')}</span>
    );
  }
  if (values.status) {
    const label = PLAN_STATUSES.has(values.status)
      ? t(`status.${values.status}` as MessageKey)
      : values.status;
    return <span className="audit-value">{label}</span>;
  }
  if (values.name) return <span className="audit-value">{values.name}</span>;
  if (values.amount != null) {
    return (
      <span className="audit-value">
        <MoneyText value={values.amount} />
      </span>
    );
  }
  return <span className="audit-value audit-value--none">{t('audit.value.none')}</span>;
}
