/**
 * Money is a bigint number of đồng, end to end: the database column, the GraphQL scalar and the
 * grid all carry whole đồng, so no float ever touches an amount. Parsing accepts what planners
 * actually type or paste ("1,5 tỷ", "250tr", "1.234.567 đ", "(1.234)") and turns anything doubtful
 * into a typed error instead of a guess.
 */
import { groupDigits } from './digit-grouping.ts';
import { DomainError } from './errors.ts';

export type Money = bigint;

/** 2^53 − 1: the API's upper bound, so every amount also survives a JSON/JS-number round trip. */
export const MAX_MONEY = 9007199254740991n;

export type Locale = 'vi' | 'en';
export type MoneyUnit = 'dong' | 'nghin' | 'trieu' | 'ty';

export const MONEY_UNIT_FACTOR: Record<MoneyUnit, bigint> = {
  dong: 1n,
  nghin: 1_000n,
  trieu: 1_000_000n,
  ty: 1_000_000_000n,
};

export type ParseMoneyResult = { ok: true; value: bigint } | { ok: false; error: DomainError };

export type ParseMoneyOptions = {
  locale?: Locale;
  /** The unit a bare number is in, e.g. 'trieu' for a grid showing triệu đồng. */
  unit?: MoneyUnit;
  allowNegative?: boolean;
};

export type FormatMoneyOptions = {
  locale?: Locale;
  unit?: MoneyUnit;
  withUnit?: boolean;
  /** Defaults to 0 for đồng and 2 for larger units. */
  maxFractionDigits?: number;
};

// Keys are diacritic-free and lower-case so "tỷ", "Tỷ", "ty" and "TY" all match.
const UNIT_WORDS: Record<string, bigint> = {
  k: 1_000n,
  nghin: 1_000n,
  ngan: 1_000n,
  thousand: 1_000n,
  tr: 1_000_000n,
  trieu: 1_000_000n,
  million: 1_000_000n,
  ty: 1_000_000_000n,
  ti: 1_000_000_000n,
  billion: 1_000_000_000n,
  bn: 1_000_000_000n,
};

const CURRENCY_WORDS = new Set(['d', 'dong', 'vnd', '₫']);

const UNIT_LABELS: Record<MoneyUnit, Record<Locale, string>> = {
  dong: { vi: 'đ', en: '₫' },
  nghin: { vi: 'nghìn', en: 'thousand' },
  trieu: { vi: 'triệu', en: 'million' },
  ty: { vi: 'tỷ', en: 'billion' },
};

const SEPARATORS: Record<Locale, { group: string; decimal: string }> = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

// Longer than any real amount ("2 tỷ 300 triệu 500 nghìn đồng" is 29); bounds the work on pasted junk.
const MAX_INPUT_LENGTH = 200;

type Token = { kind: 'number'; text: string } | { kind: 'word'; text: string };

function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Splits into numbers (digits with . , and single spaces between digits) and letter words. */
function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === ' ') {
      i++;
    } else if (isDigit(ch)) {
      let end = i;
      while (end < text.length) {
        const c = text[end];
        if (isDigit(c) || c === '.' || c === ',') end++;
        else if (c === ' ' && isDigit(text[end - 1]) && isDigit(text[end + 1])) end++;
        else break;
      }
      tokens.push({ kind: 'number', text: text.slice(i, end) });
      i = end;
    } else if (ch === '₫') {
      tokens.push({ kind: 'word', text: ch });
      i++;
    } else if (/\p{L}/u.test(ch)) {
      let end = i;
      while (end < text.length && /[\p{L}\p{M}]/u.test(text[end] as string)) end++;
      tokens.push({ kind: 'word', text: foldWord(text.slice(i, end)) });
      i = end;
    } else {
      return null;
    }
  }
  return tokens;
}

type Decimal = { digits: string; scale: number };

/**
 * Reads one number token. The locale only settles the single genuinely ambiguous shape: one
 * separator followed by exactly three digits ("1.500" is 1500 in vi, 1.5 in en). That holds with a
 * unit word too, because Vietnamese writes "39.632 tỷ đồng" for 39 632 tỷ.
 */
function readNumber(text: string, locale: Locale): Decimal | null {
  if (/^\d+$/.test(text)) return { digits: text, scale: 0 };
  const spaced = /^(\d{1,3}(?: \d{3})+)(?:[.,](\d+))?$/.exec(text);
  if (spaced) return toDecimal(spaced[1]!.replaceAll(' ', ''), spaced[2] ?? '');
  if (text.includes(' ')) return null;

  const dots = text.split('.').length - 1;
  const commas = text.split(',').length - 1;
  if (dots > 0 && commas > 0) {
    const decimal = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const match = new RegExp(`^(\\d{1,3}(?:\\${group}\\d{3})+)\\${decimal}(\\d+)$`).exec(text);
    return match ? toDecimal(match[1]!.replaceAll(group, ''), match[2]!) : null;
  }
  const separator = dots > 0 ? '.' : ',';
  if (dots + commas > 1) {
    const match = new RegExp(`^\\d{1,3}(?:\\${separator}\\d{3})+$`).exec(text);
    return match ? toDecimal(text.replaceAll(separator, ''), '') : null;
  }
  const single = /^(\d+)[.,](\d+)$/.exec(text);
  if (!single) return null;
  const before = single[1]!;
  const after = single[2]!;
  const isGrouping = separator === SEPARATORS[locale].group && after.length === 3 && before.length <= 3;
  return isGrouping ? toDecimal(before + after, '') : toDecimal(before, after);
}

function toDecimal(integer: string, fraction: string): Decimal {
  return { digits: integer + fraction, scale: fraction.length };
}

type Segment = {
  number: Decimal;
  factor: bigint | null;
  lastWordFactor: bigint;
};

function fail(
  code: 'NOT_AN_AMOUNT' | 'NEGATIVE_AMOUNT' | 'FRACTIONAL_AMOUNT' | 'AMOUNT_TOO_LARGE',
  input: string,
) {
  return { ok: false as const, error: new DomainError(code, { input }) };
}

export function parseMoney(input: string, options: ParseMoneyOptions = {}): ParseMoneyResult {
  const locale = options.locale ?? 'vi';
  const notAnAmount = fail('NOT_AN_AMOUNT', input);
  if (input.length > MAX_INPUT_LENGTH) return notAnAmount;

  let text = input
    .normalize('NFC')
    .replace(/[\s\u00a0\u202f\u2009]+/gu, ' ')
    .trim();
  let isNegative = false;
  const accounting = /^\((.*)\)$/.exec(text);
  if (accounting) {
    isNegative = true;
    text = accounting[1]!.trim();
  } else if (/^[-+\u2212]/.test(text)) {
    isNegative = text[0] !== '+';
    text = text.slice(1).trim();
  }

  const tokens = tokenize(text);
  if (!tokens || tokens.length === 0) return notAnAmount;

  // A currency marker may stand before or after the amount ("VND 1.000", "1.000 đ"); once.
  let hasCurrency = false;
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  if (first.kind === 'word' && CURRENCY_WORDS.has(first.text)) {
    hasCurrency = true;
    tokens.shift();
  } else if (last.kind === 'word' && CURRENCY_WORDS.has(last.text)) {
    hasCurrency = true;
    tokens.pop();
  }

  const segments: Segment[] = [];
  for (const token of tokens) {
    if (token.kind === 'number') {
      const number = readNumber(token.text, locale);
      if (!number) return notAnAmount;
      segments.push({ number, factor: null, lastWordFactor: 0n });
      continue;
    }
    const factor = UNIT_WORDS[token.text];
    const current = segments[segments.length - 1];
    // Compound units grow left to right ("nghìn tỷ", "2,8 triệu tỷ"); "triệu nghìn" is a typo.
    if (factor === undefined || !current || factor <= current.lastWordFactor) return notAnAmount;
    current.factor = (current.factor ?? 1n) * factor;
    current.lastWordFactor = factor;
  }
  if (segments.length === 0) return notAnAmount;

  if (segments.length > 1) {
    // "2 tỷ 300 triệu": each part needs its own unit, largest first; "2 tỷ 300" is ambiguous.
    for (const [index, segment] of segments.entries()) {
      const isLast = index === segments.length - 1;
      if (segment.factor === null) {
        if (!(isLast && hasCurrency)) return notAnAmount;
        segment.factor = 1n;
      }
      const previous = segments[index - 1];
      if (previous && previous.factor !== null && previous.factor <= segment.factor) return notAnAmount;
    }
  } else if (segments[0]!.factor === null) {
    // An explicit "đ"/"VND" says the number is already in đồng, whatever the grid's unit is.
    segments[0]!.factor = hasCurrency ? 1n : MONEY_UNIT_FACTOR[options.unit ?? 'dong'];
  }

  let value = 0n;
  for (const { number, factor } of segments) {
    const scaled = BigInt(number.digits) * (factor ?? 1n);
    const divisor = 10n ** BigInt(number.scale);
    if (scaled % divisor !== 0n) return fail('FRACTIONAL_AMOUNT', input);
    value += scaled / divisor;
  }
  if (value > MAX_MONEY) return fail('AMOUNT_TOO_LARGE', input);
  if (isNegative && value !== 0n) {
    if (!options.allowNegative) return fail('NEGATIVE_AMOUNT', input);
    value = -value;
  }
  return { ok: true, value };
}

function checkFractionDigits(digits: number): number {
  if (!Number.isInteger(digits) || digits < 0 || digits > 30) {
    throw new RangeError(`maxFractionDigits must be an integer from 0 to 30, got ${digits}`);
  }
  return digits;
}

/** |value| / factor rounded half away from zero to `digits` places, as an integer of 10^-digits. */
function scaleRounded(abs: bigint, factor: bigint, digits: number): bigint {
  const numerator = abs * 10n ** BigInt(digits);
  const quotient = numerator / factor;
  return (numerator % factor) * 2n >= factor ? quotient + 1n : quotient;
}

function renderScaled(scaled: bigint, digits: number, isNegative: boolean, locale: Locale): string {
  const { group, decimal } = SEPARATORS[locale];
  const divisor = 10n ** BigInt(digits);
  const integer = groupDigits((scaled / divisor).toString(), group);
  const fraction = digits === 0 ? '' : (scaled % divisor).toString().padStart(digits, '0').replace(/0+$/, '');
  const sign = isNegative && scaled !== 0n ? '-' : '';
  return `${sign}${integer}${fraction ? decimal + fraction : ''}`;
}

export function formatMoney(value: bigint, options: FormatMoneyOptions = {}): string {
  const locale = options.locale ?? 'vi';
  const unit = options.unit ?? 'dong';
  const digits = checkFractionDigits(options.maxFractionDigits ?? (unit === 'dong' ? 0 : 2));
  const abs = value < 0n ? -value : value;
  const number = renderScaled(scaleRounded(abs, MONEY_UNIT_FACTOR[unit], digits), digits, value < 0n, locale);
  return options.withUnit ? `${number} ${UNIT_LABELS[unit][locale]}` : number;
}

const UNITS_LARGEST_FIRST: readonly MoneyUnit[] = ['ty', 'trieu', 'nghin', 'dong'];

/**
 * Short human form for explanations ("4,2 tỷ", "250 triệu"): the largest unit the amount reaches,
 * about three significant digits.
 */
export function formatMoneyCompact(value: bigint, locale: Locale = 'vi'): string {
  const abs = value < 0n ? -value : value;
  let index = UNITS_LARGEST_FIRST.findIndex((unit) => abs >= MONEY_UNIT_FACTOR[unit]);
  if (index === -1) index = UNITS_LARGEST_FIRST.length - 1;
  for (;;) {
    const unit = UNITS_LARGEST_FIRST[index]!;
    const factor = MONEY_UNIT_FACTOR[unit];
    const whole = abs / factor;
    const digits = unit === 'dong' ? 0 : whole < 10n ? 2 : whole < 100n ? 1 : 0;
    const scaled = scaleRounded(abs, factor, digits);
    // 999,96 triệu rounds to 1.000 triệu, which reads better as 1 tỷ.
    const roundsUpToNextUnit = scaled >= 1000n * 10n ** BigInt(digits) && index > 0;
    if (!roundsUpToNextUnit) {
      return `${renderScaled(scaled, digits, value < 0n, locale)} ${UNIT_LABELS[unit][locale]}`;
    }
    index--;
  }
}

export function sumMoney(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const value of values) total += value;
  return total;
}
