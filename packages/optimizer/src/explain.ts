// One sentence per target commune, in the reader's language:
// "Lục Sơn đạt chuẩn: 6 tiêu chí, 4,2 tỷ"; "Vô Tranh không thể về đích quý III/2022: thiếu 1,1 tỷ ở tiêu chí 17".
import { formatMoneyCompact, formatQuarter, type Locale } from '@ntm/domain';
import type { CommuneOutcome } from './model.ts';

export interface ExplainNames {
  commune: (communeId: number) => string;
  criterionNumber: (criterionId: number) => number;
  source: (sourceId: number) => string;
}

function list(items: string[]): string {
  return items.join(', ');
}

export function explainOutcome(outcome: CommuneOutcome, names: ExplainNames, locale: Locale): string {
  const name = names.commune(outcome.communeId);
  const money = (amount: bigint) => formatMoneyCompact(amount, locale);
  const criteria = (ids: number[]) =>
    list(
      ids
        .map((id) => names.criterionNumber(id))
        .sort((a, b) => a - b)
        .map(String),
    );
  const vi = locale === 'vi';
  switch (outcome.status) {
    case 'reached':
      return vi
        ? `${name} đạt chuẩn: ${outcome.criteriaFunded} tiêu chí, ${money(outcome.amount)}`
        : `${name} reaches the standard: ${outcome.criteriaFunded} criteria, ${money(outcome.amount)}`;
    case 'already_met':
      return vi ? `${name} đã đạt đủ các tiêu chí` : `${name} already meets every criterion`;
    case 'already_funded':
      return vi
        ? `${name} đã đủ vốn cho ${outcome.criteriaFunded} tiêu chí chưa đạt`
        : `${name} is already funded for its ${outcome.criteriaFunded} unmet criteria`;
    case 'not_reached':
      break;
  }
  const by = outcome.deadline
    ? vi
      ? ` q${formatQuarter(outcome.deadline, 'vi').slice(1)}`
      : ` by ${formatQuarter(outcome.deadline, 'en')}`
    : '';
  const head = vi ? `${name} không thể về đích${by}` : `${name} cannot reach the standard${by}`;
  const missing = outcome.missing.map((m) => m.criterionId);
  const sources = (ids: number[]) => list(ids.map(names.source));
  switch (outcome.reason) {
    case 'uncosted':
      return vi
        ? `${head}: tiêu chí ${criteria(outcome.uncostedCriterionIds)} chưa có dự án bắt buộc ước tính chi phí`
        : `${head}: criterion ${criteria(outcome.uncostedCriterionIds)} has no costed required project`;
    case 'deadline_passed':
      return vi ? `${head}: đã quá hạn` : `${head}: the deadline has passed`;
    case 'no_eligible_source': {
      const others = outcome.ineligibleSourceIds.length
        ? vi
          ? ` (còn vốn ${sources(outcome.ineligibleSourceIds)} nhưng xã không thuộc diện được cấp)`
          : ` (${sources(outcome.ineligibleSourceIds)} has money left but this commune is not eligible)`
        : '';
      return vi
        ? `${head}: không còn nguồn vốn nào được phép cấp cho xã, thiếu ${money(outcome.shortfall)}${others}`
        : `${head}: no source it may use has money left, ${money(outcome.shortfall)} short${others}`;
    }
    case 'caps_binding': {
      const binding = outcome.bindingSourceIds.length
        ? vi
          ? `; nguồn đã hết hạn mức: ${sources(outcome.bindingSourceIds)}`
          : `; caps exhausted: ${sources(outcome.bindingSourceIds)}`
        : '';
      const others = outcome.ineligibleSourceIds.length
        ? vi
          ? `; ${sources(outcome.ineligibleSourceIds)} còn vốn nhưng xã không thuộc diện được cấp`
          : `; ${sources(outcome.ineligibleSourceIds)} has money left but the commune is not eligible`
        : '';
      return vi
        ? `${head}: thiếu ${money(outcome.shortfall)} ở tiêu chí ${criteria(missing)}${binding}${others}`
        : `${head}: ${money(outcome.shortfall)} short on criterion ${criteria(missing)}${binding}${others}`;
    }
    case 'counterpart':
      return vi
        ? `${head}: không đủ vốn đối ứng theo tỷ lệ tối thiểu`
        : `${head}: not enough counterpart funding for the minimum share`;
    default:
      return vi
        ? `${head}: bộ giải dừng trước khi chứng minh tối ưu (giới hạn thời gian)`
        : `${head}: the solver stopped before proving optimality (time limit)`;
  }
}
