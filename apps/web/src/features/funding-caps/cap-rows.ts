// View model of the funding caps screen: one row per funding source with its cap (if any), what is
// committed against it, and the draft the planner is typing. Amounts are typed in triệu đồng.
import { formatMoney, type ParseMoneyResult, parseMoney } from '@ntm/domain';
import type { FundingCapsQuery, SourceCommitmentStatus } from '@ntm/graphql-client';
import type { Locale } from '../../i18n/locale';

export type CapsData = FundingCapsQuery;
type Plan = NonNullable<FundingCapsQuery['plan']>;

/** The unit a bare number typed in the cap field is in. */
export const CAP_INPUT_UNIT = 'trieu' as const;

export type CapDraft = { amountText: string; isConfirmed: boolean; note: string };

export type CapRow = {
  sourceId: string;
  code: string;
  name: string;
  eligibility: string;
  needsCouncilApproval: boolean;
  cap: bigint | null;
  isConfirmed: boolean;
  note: string;
  version: number | null;
  allocated: bigint;
  debtRisk: bigint;
  overCap: bigint;
  status: SourceCommitmentStatus | null;
  /** The saved values as the form shows them. */
  saved: CapDraft;
};

/** Exact: a cap of 1.234.567 đồng shows as 1,234567 triệu rather than a rounded figure. */
export function formatCapInput(amount: bigint, locale: Locale): string {
  return formatMoney(amount, { locale, unit: CAP_INPUT_UNIT, maxFractionDigits: 6 });
}

export function parseCapInput(text: string, locale: Locale): ParseMoneyResult {
  return parseMoney(text, { locale, unit: CAP_INPUT_UNIT });
}

export function toCapRows(data: CapsData, locale: Locale): CapRow[] {
  const plan: Plan | null = data.plan;
  const caps = new Map(plan?.fundingCaps.map((cap) => [cap.source.id, cap]));
  const commitments = new Map(plan?.analysis.sources.map((source) => [source.sourceId, source]));
  return [...data.fundingSources]
    .sort((a, b) => a.position - b.position)
    .map((source) => {
      const cap = caps.get(source.id);
      const commitment = commitments.get(source.id);
      const capAmount = cap ? BigInt(cap.amount) : null;
      return {
        sourceId: source.id,
        code: source.code,
        name: locale === 'vi' ? source.nameVi : source.nameEn,
        eligibility: source.eligibility,
        needsCouncilApproval: source.needsCouncilApproval,
        cap: capAmount,
        isConfirmed: cap?.isConfirmed ?? false,
        note: cap?.note ?? '',
        version: cap?.version ?? null,
        allocated: commitment ? BigInt(commitment.allocated) : 0n,
        debtRisk: commitment ? BigInt(commitment.debtRisk) : 0n,
        overCap: commitment ? BigInt(commitment.overCap) : 0n,
        status: commitment?.status ?? null,
        saved: {
          amountText: capAmount === null ? '' : formatCapInput(capAmount, locale),
          isConfirmed: cap?.isConfirmed ?? false,
          note: cap?.note ?? '',
        },
      };
    });
}

export function isDraftChanged(draft: CapDraft, saved: CapDraft): boolean {
  return (
    draft.amountText.trim() !== saved.amountText ||
    draft.isConfirmed !== saved.isConfirmed ||
    draft.note.trim() !== saved.note
  );
}

/** The data after a successful save: the new cap and the plan's recomputed analysis. */
export function applySavedCap(
  data: CapsData,
  payload: { cap: Plan['fundingCaps'][number]; plan: { analysis: Plan['analysis'] } },
): CapsData {
  if (!data.plan) return data;
  const others = data.plan.fundingCaps.filter((cap) => cap.source.id !== payload.cap.source.id);
  return {
    ...data,
    plan: { ...data.plan, fundingCaps: [...others, payload.cap], analysis: payload.plan.analysis },
  };
}
