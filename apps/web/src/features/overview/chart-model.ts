// View models of the overview charts: exact money stays bigint for labels and tables; charts get
// plain numbers only for geometry. Pure so the binning and scales are unit-tested in node.
import { formatQuarter, parseQuarter } from '@ntm/domain';
import type { PlanOverviewQuery } from '@ntm/graphql-client';
import type { Locale } from '../../i18n/locale';

type OverviewPlan = NonNullable<PlanOverviewQuery['plan']>;

/** Round numbers for an axis from 0 to at least `max`, about `count` steps (1, 2, 2.5 or 5 × 10^n). */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let value = 0; value < max + step / 2; value += step) ticks.push(value);
  if ((ticks[ticks.length - 1] ?? 0) < max) ticks.push(ticks.length * step);
  return ticks;
}

/** Whole-count axes (communes) never show fractional ticks. */
export function countTicks(max: number): number[] {
  const ticks = niceTicks(Math.max(max, 1));
  return ticks.every(Number.isInteger) ? ticks : niceTicks(Math.max(max, 4)).map(Math.round);
}

export type ProgressBin = { met: number; targets: number; others: number; names: string[] };

/**
 * Communes counted by how many criteria they meet, from the lowest count present up to the full
 * standard, with empty bins kept so the distance to the standard is visible.
 */
export function toProgressHistogram(plan: OverviewPlan): {
  bins: ProgressBin[];
  total: number;
  reaching: number;
} {
  const communes = plan.communes.map((entry) => ({
    name: entry.commune.name,
    isTarget: entry.isTarget,
    met: entry.commune.progress.met,
    total: entry.commune.progress.total,
  }));
  const total = Math.max(0, ...communes.map((c) => c.total));
  if (communes.length === 0) return { bins: [], total, reaching: 0 };
  const lowest = Math.min(...communes.map((c) => c.met));
  const bins: ProgressBin[] = [];
  for (let met = lowest; met <= total; met++) {
    const here = communes.filter((c) => c.met === met);
    bins.push({
      met,
      targets: here.filter((c) => c.isTarget).length,
      others: here.filter((c) => !c.isTarget).length,
      names: here.map((c) => c.name),
    });
  }
  return { bins, total, reaching: communes.filter((c) => c.total > 0 && c.met >= c.total).length };
}

export type SourceBar = {
  id: string;
  code: string;
  name: string;
  allocated: bigint;
  confirmedCap: bigint;
  /** Cap not confirmed yet (expected), 0 when the cap is confirmed or missing. */
  expectedCap: bigint;
  debtRisk: bigint;
  status: OverviewPlan['analysis']['sources'][number]['status'];
};

export function toSourceBars(plan: OverviewPlan, locale: Locale): SourceBar[] {
  return [...plan.analysis.sources]
    .sort((a, b) => a.source.position - b.source.position)
    .map((source) => {
      const cap = source.cap === null ? 0n : BigInt(source.cap);
      const confirmedCap = BigInt(source.confirmedCap);
      return {
        id: source.sourceId,
        code: source.source.code,
        name: locale === 'vi' ? source.source.nameVi : source.source.nameEn,
        allocated: BigInt(source.allocated),
        confirmedCap,
        expectedCap: cap > confirmedCap ? cap - confirmedCap : 0n,
        debtRisk: BigInt(source.debtRisk),
        status: source.status,
      };
    });
}

export type ShortfallBar = {
  id: string;
  name: string;
  deadline: string;
  allocated: bigint;
  shortfall: bigint;
  criteriaMet: number;
  criteriaTotal: number;
  isFunded: boolean;
  isOverdue: boolean;
};

/** Target communes in the API's order (deadline, then priority), deadlines in the reader's words. */
export function toShortfallBars(plan: OverviewPlan, locale: Locale): ShortfallBar[] {
  return plan.analysis.communes.map((commune) => {
    const quarter = commune.deadline ? parseQuarter(commune.deadline) : null;
    return {
      id: commune.communeId,
      name: commune.commune.name,
      deadline: quarter ? formatQuarter(quarter, locale) : '',
      allocated: BigInt(commune.allocated),
      shortfall: BigInt(commune.shortfall),
      criteriaMet: commune.criteriaMet,
      criteriaTotal: commune.criteriaTotal,
      isFunded: commune.isFunded,
      isOverdue: commune.isOverdue,
    };
  });
}

/** Shortens a long source name for an axis label; the full name stays in the table and tooltip. */
export function shortenLabel(text: string, max = 30): string {
  const withoutNote = text.replace(/\s*\(.*\)\s*$/, '');
  return withoutNote.length <= max ? withoutNote : `${withoutNote.slice(0, max - 1).trimEnd()}…`;
}
