import type { Locale } from './money.ts';
import { toSearchKey } from './text.ts';

export type Quarter = { year: number; quarter: 1 | 2 | 3 | 4 };

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

function toQuarterNumber(text: string): 1 | 2 | 3 | 4 | null {
  const arabic = ['1', '2', '3', '4'].indexOf(text);
  const roman = (ROMAN as readonly string[]).indexOf(text.toUpperCase());
  const index = arabic !== -1 ? arabic : roman;
  return index === -1 ? null : ((index + 1) as 1 | 2 | 3 | 4);
}

function toYear(text: string): number | null {
  const year = Number(text);
  return year >= 1900 && year <= 9999 ? year : null;
}

/**
 * Accepts "2022-Q3", "Q3/2022", "Q3 2022", "quý III/2022", "Quý 3/2022" and "III/2022".
 * A bare "3/2022" is refused: in Vietnamese that reads as March 2022.
 */
export function parseQuarter(s: string): Quarter | null {
  const text = toSearchKey(s);
  const yearFirst = /^(\d{4}) ?-? ?q ?([1-4])$/.exec(text);
  const quarterFirst = /^(?:(?:quy|q) ?([1-4]|i{1,3}|iv)|(i{1,3}|iv)) ?[/\- ] ?(\d{4})$/.exec(text);
  const [yearText, quarterText] = yearFirst
    ? [yearFirst[1], yearFirst[2]]
    : quarterFirst
      ? [quarterFirst[3], quarterFirst[1] ?? quarterFirst[2]]
      : [undefined, undefined];
  if (yearText === undefined || quarterText === undefined) return null;
  const year = toYear(yearText);
  const quarter = toQuarterNumber(quarterText);
  return year === null || quarter === null ? null : { year, quarter };
}

export function formatQuarter(q: Quarter, locale: Locale): string {
  return locale === 'vi' ? `Quý ${ROMAN[q.quarter - 1]}/${q.year}` : `Q${q.quarter} ${q.year}`;
}

/** Stable, sortable code for storage and URLs. */
export function toQuarterCode(q: Quarter): string {
  return `${q.year}-Q${q.quarter}`;
}

export function compareQuarter(a: Quarter, b: Quarter): number {
  return a.year !== b.year ? a.year - b.year : a.quarter - b.quarter;
}

/**
 * Reads the UTC calendar date, so pass dates built from ISO day strings (`new Date('2022-07-01')`),
 * which are UTC midnight; the server's own time zone then cannot shift a day across quarters.
 */
export function quarterOf(date: Date): Quarter {
  return {
    year: date.getUTCFullYear(),
    quarter: (Math.floor(date.getUTCMonth() / 3) + 1) as 1 | 2 | 3 | 4,
  };
}

const LAST_DAYS = ['03-31', '06-30', '09-30', '12-31'] as const;

/** ISO yyyy-mm-dd; quarter ends never depend on leap years. */
export function lastDayOfQuarter(q: Quarter): string {
  return `${String(q.year).padStart(4, '0')}-${LAST_DAYS[q.quarter - 1]}`;
}
