import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareQuarter,
  formatQuarter,
  lastDayOfQuarter,
  parseQuarter,
  type Quarter,
  quarterOf,
  toQuarterCode,
} from './quarter.ts';

const Q3_2022: Quarter = { year: 2022, quarter: 3 };

describe('parseQuarter', () => {
  it.each([
    '2022-Q3',
    '2022Q3',
    'Q3/2022',
    'q3/2022',
    'Q3 2022',
    'Q3-2022',
    'quý III/2022',
    'Quý III/2022',
    'Quý 3/2022',
    'quy 3/2022',
    'III/2022',
    '  Quý  III / 2022 ',
  ])('reads %j as Q3 2022', (input) => {
    expect(parseQuarter(input)).toEqual(Q3_2022);
  });

  it('reads quarter IV and I', () => {
    expect(parseQuarter('IV/2025')).toEqual({ year: 2025, quarter: 4 });
    expect(parseQuarter('Quý I/2023')).toEqual({ year: 2023, quarter: 1 });
  });

  it.each(['', '3/2022', '2022-Q5', 'Q0/2022', 'V/2022', 'Quý IIII/2022', 'Q3/22', 'tháng 3/2022', '2022'])(
    'refuses %j',
    (input) => {
      expect(parseQuarter(input)).toBeNull();
    },
  );
});

describe('formatQuarter and toQuarterCode', () => {
  it('formats for each locale and as a code', () => {
    expect(formatQuarter(Q3_2022, 'vi')).toBe('Quý III/2022');
    expect(formatQuarter(Q3_2022, 'en')).toBe('Q3 2022');
    expect(toQuarterCode(Q3_2022)).toBe('2022-Q3');
  });

  it('parses back everything it formats', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9999 }), fc.constantFrom(1, 2, 3, 4), (year, quarter) => {
        const q: Quarter = { year, quarter: quarter as Quarter['quarter'] };
        expect(parseQuarter(formatQuarter(q, 'vi'))).toEqual(q);
        expect(parseQuarter(formatQuarter(q, 'en'))).toEqual(q);
        expect(parseQuarter(toQuarterCode(q))).toEqual(q);
      }),
    );
  });
});

describe('compareQuarter', () => {
  it('orders by year, then quarter', () => {
    expect(compareQuarter({ year: 2022, quarter: 4 }, { year: 2023, quarter: 1 })).toBeLessThan(0);
    expect(compareQuarter({ year: 2023, quarter: 2 }, { year: 2023, quarter: 1 })).toBeGreaterThan(0);
    expect(compareQuarter(Q3_2022, { ...Q3_2022 })).toBe(0);
  });

  it('agrees with the order of quarter codes', () => {
    const quarters: Quarter[] = [
      { year: 2023, quarter: 1 },
      { year: 2022, quarter: 4 },
      { year: 2022, quarter: 1 },
      { year: 2024, quarter: 2 },
    ];
    const byCompare = [...quarters].sort(compareQuarter).map(toQuarterCode);
    expect(byCompare).toEqual(quarters.map(toQuarterCode).sort());
  });
});

describe('quarterOf', () => {
  it('maps calendar days to their quarter at the boundaries', () => {
    expect(quarterOf(new Date('2022-03-31'))).toEqual({
      year: 2022,
      quarter: 1,
    });
    expect(quarterOf(new Date('2022-04-01'))).toEqual({
      year: 2022,
      quarter: 2,
    });
    expect(quarterOf(new Date('2022-09-30'))).toEqual(Q3_2022);
    expect(quarterOf(new Date('2022-12-31'))).toEqual({
      year: 2022,
      quarter: 4,
    });
  });
});

describe('lastDayOfQuarter', () => {
  it('gives the ISO last day', () => {
    expect(lastDayOfQuarter({ year: 2024, quarter: 1 })).toBe('2024-03-31');
    expect(lastDayOfQuarter({ year: 2022, quarter: 2 })).toBe('2022-06-30');
    expect(lastDayOfQuarter(Q3_2022)).toBe('2022-09-30');
    expect(lastDayOfQuarter({ year: 2022, quarter: 4 })).toBe('2022-12-31');
  });

  it('is a day inside the quarter whose next day is in the next quarter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1970, max: 9998 }), fc.constantFrom(1, 2, 3, 4), (year, quarter) => {
        const q: Quarter = { year, quarter: quarter as Quarter['quarter'] };
        const last = new Date(lastDayOfQuarter(q));
        const next = new Date(last.getTime() + 86_400_000);
        expect(quarterOf(last)).toEqual(q);
        expect(compareQuarter(quarterOf(next), q)).toBe(1);
      }),
    );
  });
});
