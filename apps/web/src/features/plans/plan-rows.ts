// View model for the Home screen's plan list: turns the API's plan nodes (Money as digit strings)
// into display-ready rows. Kept free of React so the formatting is unit-tested in node.

import { formatMoney } from '@ntm/domain';
import type { PlanStatus, PlansListQuery, ScopeLevel } from '@ntm/graphql-client';
import type { Translate } from '../../i18n/i18n-provider';
import type { Locale } from '../../i18n/locale';

export type PlanNode = PlansListQuery['plans']['edges'][number]['node'];

export type MoneyCell = {
  /** In triệu đồng, grouped for the locale ("1.234.567" in vi). */
  text: string;
  /** The exact amount in đồng, for a tooltip: rounding to triệu must never hide the real figure. */
  exact: string;
};

export type PlanRow = {
  id: string;
  name: string;
  place: string;
  period: string;
  scopeLevel: ScopeLevel;
  scope: string;
  status: PlanStatus;
  statusLabel: string;
  revision: string;
  allocated: MoneyCell;
  confirmedCaps: MoneyCell;
  expectedCaps: MoneyCell;
  shortfall: MoneyCell;
  hasShortfall: boolean;
  fundedCommunes: string;
  fundedCommunesLabel: string;
  isFullyFunded: boolean;
  /** Target communes whose unmet criteria are all costed and funded. */
  onTrackCommunes: number;
  /** Target communes still short of money. */
  shortCommunes: number;
  communesStatusLabel: string;
};

function toMoneyCell(amount: string, locale: Locale, t: Translate): MoneyCell {
  // Money arrives as an exact integer string; BigInt keeps it exact (Number would lose đồng above 2^53).
  const value = BigInt(amount);
  return {
    text: formatMoney(value, { locale, unit: 'trieu', maxFractionDigits: 0 }),
    exact: t('plans.exactAmount', {
      amount: formatMoney(value, { locale, unit: 'dong' }),
    }),
  };
}

export function toPlanRow(plan: PlanNode, locale: Locale, t: Translate): PlanRow {
  const { totals } = plan.analysis;
  const place = plan.district ? `${plan.district.name}, ${plan.province.name}` : plan.province.name;
  const funded = totals.fundedTargetCommunes;
  const total = totals.targetCommunes;
  return {
    id: plan.id,
    name: plan.name,
    place,
    period:
      plan.periodStartYear === plan.periodEndYear
        ? String(plan.periodStartYear)
        : t('plans.period', {
            start: plan.periodStartYear,
            end: plan.periodEndYear,
          }),
    scopeLevel: plan.scopeLevel,
    scope: t(`scope.${plan.scopeLevel}`),
    status: plan.status,
    statusLabel: t(`status.${plan.status}`),
    revision: t('plans.revision', { revision: plan.revision }),
    allocated: toMoneyCell(totals.allocated, locale, t),
    confirmedCaps: toMoneyCell(totals.confirmedCaps, locale, t),
    expectedCaps: toMoneyCell(totals.expectedCaps, locale, t),
    shortfall: toMoneyCell(totals.shortfall, locale, t),
    hasShortfall: BigInt(totals.shortfall) > 0n,
    fundedCommunes: t('plans.fundedCommunes', { funded, total }),
    fundedCommunesLabel: t('plans.fundedCommunesLabel', { funded, total }),
    isFullyFunded: total > 0 && funded >= total,
    onTrackCommunes: funded,
    shortCommunes: Math.max(0, total - funded),
    communesStatusLabel: t('home.communesStatusLabel', {
      onTrack: funded,
      short: Math.max(0, total - funded),
      total,
    }),
  };
}

export function toPlanRows(plans: readonly PlanNode[], locale: Locale, t: Translate): PlanRow[] {
  return plans.map((plan) => toPlanRow(plan, locale, t));
}
