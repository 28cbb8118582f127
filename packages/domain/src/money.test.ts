import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatMoney,
  formatMoneyCompact,
  type Locale,
  MAX_MONEY,
  MONEY_UNIT_FACTOR,
  type MoneyUnit,
  parseMoney,
  sumMoney,
} from './money.ts';

function parsed(input: string, options?: Parameters<typeof parseMoney>[1]): bigint {
  const result = parseMoney(input, options);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(input)} to parse, got ${result.error.code}`);
  return result.value;
}

function errorOf(input: string, options?: Parameters<typeof parseMoney>[1]) {
  const result = parseMoney(input, options);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to fail, got ${result.value}`);
  return result.error;
}

const LOCALES: Locale[] = ['vi', 'en'];
const UNITS: MoneyUnit[] = ['dong', 'nghin', 'trieu', 'ty'];

describe('parseMoney: accepted forms', () => {
  it.each([
    ['1.234.567', 1_234_567n],
    ['1,234,567', 1_234_567n],
    ['1234567', 1_234_567n],
    ['1 234 567', 1_234_567n],
    ['1\u00a0234\u00a0567', 1_234_567n],
    ['1.234.567 đ', 1_234_567n],
    ['1.234.567đ', 1_234_567n],
    ['1.234.567 đồng', 1_234_567n],
    ['1.234.567 VND', 1_234_567n],
    ['1.234.567 VNĐ', 1_234_567n],
    ['1.234.567 ₫', 1_234_567n],
    ['VND 1.234.567', 1_234_567n],
    ['1,5 tỷ', 1_500_000_000n],
    ['250 triệu', 250_000_000n],
    ['250tr', 250_000_000n],
    ['250 tr', 250_000_000n],
    ['250 triệu đồng', 250_000_000n],
    ['2 tỷ 300 triệu', 2_300_000_000n],
    ['2 tỷ 300 triệu 500 nghìn', 2_300_500_000n],
    ['2 tỷ 300 triệu 500 đồng', 2_300_000_500n],
    ['500 nghìn', 500_000n],
    ['500 ngàn', 500_000n],
    ['500k', 500_000n],
    ['500K', 500_000n],
    ['1,2 triệu', 1_200_000n],
    ['3 ty', 3_000_000_000n],
    ['3 Tỷ', 3_000_000_000n],
    ['3 tỉ', 3_000_000_000n],
    ['3 trieu', 3_000_000n],
    ['1.5 tỷ', 1_500_000_000n],
    ['  1.234.567  ', 1_234_567n],
    ['+1.234', 1_234n],
    ['1 nghìn tỷ', 1_000_000_000_000n],
    ['2,8 triệu tỷ', 2_800_000_000_000_000n],
    ['39.632 tỷ đồng', 39_632_000_000_000n],
    ['1.234.567,89 triệu', 1_234_567_890_000n],
    ['0', 0n],
  ])('vi: %s', (input, expected) => {
    expect(parsed(input)).toBe(expected);
  });

  it.each([
    ['1.5 tỷ', 1_500_000_000n],
    ['1.5 billion', 1_500_000_000n],
    ['250 million', 250_000_000n],
    ['500 thousand', 500_000n],
    ['1,234,567.89 million', 1_234_567_890_000n],
    ['1,500 billion', 1_500_000_000_000n],
  ])('en: %s', (input, expected) => {
    expect(parsed(input, { locale: 'en' })).toBe(expected);
  });

  it('reads a bare number in the grid unit', () => {
    expect(parsed('250', { unit: 'trieu' })).toBe(250_000_000n);
    expect(parsed('1,5', { unit: 'ty' })).toBe(1_500_000_000n);
    expect(parsed('1.5', { unit: 'ty', locale: 'en' })).toBe(1_500_000_000n);
    expect(parsed('12', { unit: 'nghin' })).toBe(12_000n);
  });

  it('lets an explicit unit word or currency marker override the grid unit', () => {
    expect(parsed('2 tỷ', { unit: 'trieu' })).toBe(2_000_000_000n);
    expect(parsed('1.234.567 đ', { unit: 'trieu' })).toBe(1_234_567n);
  });

  it('uses the locale only for one separator followed by three digits', () => {
    expect(parsed('1.234', { unit: 'trieu' })).toBe(1_234_000_000n);
    expect(parsed('1.234', { unit: 'trieu', locale: 'en' })).toBe(1_234_000n);
    expect(parsed('1,234', { unit: 'trieu' })).toBe(1_234_000n);
    expect(parsed('1,234', { unit: 'trieu', locale: 'en' })).toBe(1_234_000_000n);
    // Not ambiguous: two fraction digits are a decimal in either locale.
    expect(parsed('1.25', { unit: 'trieu' })).toBe(1_250_000n);
    expect(parsed('1,25', { unit: 'trieu', locale: 'en' })).toBe(1_250_000n);
  });

  it('treats the last of mixed separators as the decimal separator', () => {
    expect(parsed('1,234.5', { unit: 'nghin' })).toBe(1_234_500n);
    expect(parsed('1.234,5', { unit: 'nghin', locale: 'en' })).toBe(1_234_500n);
  });
});

describe('parseMoney: signs', () => {
  it('rejects negatives by default with NEGATIVE_AMOUNT', () => {
    expect(errorOf('-1.234').code).toBe('NEGATIVE_AMOUNT');
    expect(errorOf('(1.234)').code).toBe('NEGATIVE_AMOUNT');
  });

  it('returns the negative value when the caller allows it', () => {
    expect(parsed('-1.234', { allowNegative: true })).toBe(-1_234n);
    expect(parsed('(1.234)', { allowNegative: true })).toBe(-1_234n);
    expect(parsed('−2,5 triệu', { allowNegative: true })).toBe(-2_500_000n);
    expect(parsed('(250 triệu đ)', { allowNegative: true })).toBe(-250_000_000n);
  });

  it('accepts minus zero as zero', () => {
    expect(parsed('-0')).toBe(0n);
  });
});

describe('parseMoney: errors', () => {
  it.each([
    '',
    '   ',
    'abc',
    '1.2.3',
    '1,,2',
    '12a',
    '1.23.456',
    '1.23.4567',
    '12 34',
    '2 tỷ 300',
    '300 triệu 2 tỷ',
    '5 5',
    'đ',
    '1.000 đ đ',
    '--5',
    '(-5)',
    '1.234,567.8',
    '.5',
    '5.',
    '1e6',
    'tỷ 5',
    '5 triệu nghìn',
    '5 tỷ tỷ',
    '1tỷ2',
  ])('%j is NOT_AN_AMOUNT with the original text in params', (input) => {
    const error = errorOf(input);
    expect(error.code).toBe('NOT_AN_AMOUNT');
    expect(error.params['input']).toBe(input);
  });

  it('rejects amounts that are not a whole number of đồng', () => {
    expect(errorOf('1,5').code).toBe('FRACTIONAL_AMOUNT');
    expect(errorOf('1,2345678 triệu').code).toBe('FRACTIONAL_AMOUNT');
    expect(parsed('0,5 nghìn')).toBe(500n);
  });

  it('rejects amounts beyond MAX_MONEY', () => {
    expect(parsed('9007199254740991')).toBe(MAX_MONEY);
    expect(errorOf('9007199254740992').code).toBe('AMOUNT_TOO_LARGE');
    expect(errorOf('10.000.000 tỷ').code).toBe('AMOUNT_TOO_LARGE');
    expect(errorOf(`1${'0'.repeat(150)}`).code).toBe('AMOUNT_TOO_LARGE');
    expect(errorOf('-9007199254740992', { allowNegative: true }).code).toBe('AMOUNT_TOO_LARGE');
  });

  it('gives a planner-readable message', () => {
    expect(errorOf('1.2.3').message).toBe('"1.2.3" is not an amount');
  });

  it('never throws, whatever the input', () => {
    const amountish = fc.string({
      unit: fc.constantFrom(...'0123456789.,  -+()đĐktrỷyiệuVND₫abc\u00a0'.split('')),
      maxLength: 30,
    });
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), amountish),
        fc.boolean(),
        (input, allowNegative) => {
          const result = parseMoney(input, { allowNegative });
          if (result.ok) {
            expect(typeof result.value).toBe('bigint');
            expect(result.value <= MAX_MONEY && result.value >= -MAX_MONEY).toBe(true);
            if (!allowNegative) expect(result.value >= 0n).toBe(true);
          } else {
            expect(['NOT_AN_AMOUNT', 'NEGATIVE_AMOUNT', 'FRACTIONAL_AMOUNT', 'AMOUNT_TOO_LARGE']).toContain(
              result.error.code,
            );
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('formatMoney', () => {
  it('groups đồng by locale', () => {
    expect(formatMoney(1_234_567n)).toBe('1.234.567');
    expect(formatMoney(1_234_567n, { locale: 'en' })).toBe('1,234,567');
    expect(formatMoney(0n)).toBe('0');
    expect(formatMoney(999n)).toBe('999');
    expect(formatMoney(MAX_MONEY)).toBe('9.007.199.254.740.991');
  });

  it('shows larger units with up to two fraction digits by default', () => {
    expect(formatMoney(1_234_567_890n, { unit: 'trieu' })).toBe('1.234,57');
    expect(formatMoney(1_234_567_890n, { unit: 'trieu', locale: 'en' })).toBe('1,234.57');
    expect(formatMoney(250_000_000n, { unit: 'trieu' })).toBe('250');
    expect(formatMoney(1_500_000_000n, { unit: 'ty' })).toBe('1,5');
  });

  it('rounds half away from zero', () => {
    expect(formatMoney(1_005_000n, { unit: 'trieu' })).toBe('1,01');
    expect(formatMoney(1_004_999n, { unit: 'trieu' })).toBe('1');
    expect(formatMoney(-1_005_000n, { unit: 'trieu' })).toBe('-1,01');
    expect(formatMoney(2_500n, { unit: 'nghin', maxFractionDigits: 0 })).toBe('3');
    expect(formatMoney(-2_500n, { unit: 'nghin', maxFractionDigits: 0 })).toBe('-3');
  });

  it('respects maxFractionDigits and does not print minus zero', () => {
    expect(formatMoney(1_234_567n, { unit: 'trieu', maxFractionDigits: 6 })).toBe('1,234567');
    expect(formatMoney(-1n, { unit: 'trieu' })).toBe('0');
  });

  it('appends the unit label when asked', () => {
    expect(formatMoney(1_234_567n, { withUnit: true })).toBe('1.234.567 đ');
    expect(formatMoney(1_234_567n, { withUnit: true, locale: 'en' })).toBe('1,234,567 ₫');
    expect(formatMoney(500_000n, { unit: 'nghin', withUnit: true })).toBe('500 nghìn');
    expect(
      formatMoney(250_000_000n, {
        unit: 'trieu',
        withUnit: true,
        locale: 'en',
      }),
    ).toBe('250 million');
    expect(formatMoney(4_200_000_000n, { unit: 'ty', withUnit: true })).toBe('4,2 tỷ');
    expect(formatMoney(4_200_000_000n, { unit: 'ty', withUnit: true, locale: 'en' })).toBe('4.2 billion');
  });

  it('puts a leading minus on negatives', () => {
    expect(formatMoney(-1_234_567n)).toBe('-1.234.567');
  });

  it('rejects a nonsensical maxFractionDigits', () => {
    expect(() => formatMoney(1n, { maxFractionDigits: -1 })).toThrow(RangeError);
    expect(() => formatMoney(1n, { maxFractionDigits: 1.5 })).toThrow(RangeError);
  });
});

describe('formatMoneyCompact', () => {
  it.each([
    [4_200_000_000n, 'vi', '4,2 tỷ'],
    [4_200_000_000n, 'en', '4.2 billion'],
    [250_000_000n, 'vi', '250 triệu'],
    [1_250_000_000n, 'vi', '1,25 tỷ'],
    [12_540_000_000n, 'vi', '12,5 tỷ'],
    [123_456_000_000n, 'vi', '123 tỷ'],
    [39_632_000_000_000n, 'vi', '39.632 tỷ'],
    [500_000n, 'vi', '500 nghìn'],
    [500n, 'vi', '500 đ'],
    [0n, 'vi', '0 đ'],
    [999_996_000n, 'vi', '1 tỷ'],
    [-4_200_000_000n, 'vi', '-4,2 tỷ'],
  ] as const)('%s (%s) → %s', (value, locale, expected) => {
    expect(formatMoneyCompact(value, locale)).toBe(expected);
  });
});

describe('round trip', () => {
  // Enough digits that formatting loses nothing: a unit of 10^k đồng needs k fraction digits.
  const EXACT_DIGITS: Record<MoneyUnit, number> = {
    dong: 0,
    nghin: 3,
    trieu: 6,
    ty: 9,
  };

  it('parse(format(v)) === v for every locale and unit, with and without the unit label', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: MAX_MONEY }),
        fc.constantFrom(...LOCALES),
        fc.constantFrom(...UNITS),
        fc.boolean(),
        (value, locale, unit, withUnit) => {
          const text = formatMoney(value, {
            locale,
            unit,
            withUnit,
            maxFractionDigits: EXACT_DIGITS[unit],
          });
          const result = parseMoney(text, { locale, unit });
          expect(result).toEqual({ ok: true, value });
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('round-trips values that hit the ambiguous one-separator shape', () => {
    for (const locale of LOCALES) {
      for (const unit of UNITS) {
        for (const value of [1_234n, 1_500n, 999_999n, 1_000n].map((v) => v * MONEY_UNIT_FACTOR[unit])) {
          const text = formatMoney(value, { locale, unit, withUnit: true });
          expect(parseMoney(text, { locale, unit }), `${locale} ${unit} ${text}`).toEqual({
            ok: true,
            value,
          });
        }
      }
    }
  });
});

describe('sumMoney', () => {
  it('sums exactly, beyond the range of doubles', () => {
    expect(sumMoney([MAX_MONEY, MAX_MONEY, 1n])).toBe(18014398509481983n);
    expect(sumMoney([])).toBe(0n);
    expect(sumMoney(new Set([1n, 2n]))).toBe(3n);
  });

  it('equals the BigInt sum of any array', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: -MAX_MONEY, max: MAX_MONEY })), (values) => {
        expect(sumMoney(values)).toBe(values.reduce((a, b) => a + b, 0n));
      }),
    );
  });
});
