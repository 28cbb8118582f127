import type { PlanOverviewQuery } from '@ntm/graphql-client';
import { describe, expect, it } from 'vitest';
import {
  countTicks,
  niceTicks,
  shortenLabel,
  toProgressHistogram,
  toShortfallBars,
  toSourceBars,
} from './chart-model';

type Plan = NonNullable<PlanOverviewQuery['plan']>;

function commune(name: string, met: number, isTarget = false): Plan['communes'][number] {
  return { isTarget, commune: { id: name, name, progress: { met, total: 19, reachesStandard: met === 19 } } };
}

function plan(overrides: Partial<Plan> = {}): Plan {
  return {
    id: 'p',
    communes: [commune('A', 12, true), commune('B', 19), commune('C', 19), commune('D', 14)],
    analysis: {
      totals: {
        allocated: '0',
        confirmedCaps: '0',
        expectedCaps: '0',
        shortfall: '0',
        debtRisk: '0',
        targetCommunes: 1,
        fundedTargetCommunes: 0,
      },
      sources: [
        {
          sourceId: 's2',
          allocated: '4800000000',
          cap: '12000000000',
          confirmedCap: '0',
          debtRisk: '4800000000',
          isConfirmed: false,
          status: 'UNCONFIRMED',
          source: {
            id: 's2',
            code: 'NS_HUYEN',
            nameVi: 'Vốn ngân sách huyện',
            nameEn: 'District budget',
            position: 3,
          },
        },
        {
          sourceId: 's1',
          allocated: '16000000000',
          cap: '17000000000',
          confirmedCap: '17000000000',
          debtRisk: '0',
          isConfirmed: true,
          status: 'OK',
          source: {
            id: 's1',
            code: 'NSTW',
            nameVi: 'Vốn ngân sách trung ương',
            nameEn: 'Central budget',
            position: 1,
          },
        },
      ],
      communes: [
        {
          communeId: 'A',
          commune: { name: 'Vô Tranh' },
          criteriaMet: 13,
          criteriaTotal: 19,
          cost: '18070000000',
          allocated: '8000000000',
          shortfall: '10070000000',
          deadline: '2022-Q3',
          isFunded: false,
          isOverdue: false,
        },
      ],
    },
    ...overrides,
  };
}

describe('niceTicks', () => {
  it('covers the maximum with round steps', () => {
    expect(niceTicks(17_000)).toEqual([0, 5000, 10000, 15000, 20000]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it('gives whole numbers for counts', () => {
    expect(countTicks(3).every(Number.isInteger)).toBe(true);
    expect(countTicks(0)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('toProgressHistogram', () => {
  it('bins communes by criteria met from the lowest count to the standard, keeping empty bins', () => {
    const { bins, total, reaching } = toProgressHistogram(plan());
    expect(total).toBe(19);
    expect(reaching).toBe(2);
    expect(bins.map((bin) => bin.met)).toEqual([12, 13, 14, 15, 16, 17, 18, 19]);
    expect(bins[0]).toEqual({ met: 12, targets: 1, others: 0, names: ['A'] });
    expect(bins[1]).toMatchObject({ targets: 0, others: 0 });
    expect(bins.at(-1)).toMatchObject({ others: 2, names: ['B', 'C'] });
  });

  it('is empty without communes', () => {
    expect(toProgressHistogram(plan({ communes: [] })).bins).toEqual([]);
  });
});

describe('toSourceBars', () => {
  it('orders sources by position and splits confirmed from expected caps exactly', () => {
    const bars = toSourceBars(plan(), 'vi');
    expect(bars.map((bar) => bar.code)).toEqual(['NSTW', 'NS_HUYEN']);
    expect(bars[0]).toMatchObject({
      confirmedCap: 17_000_000_000n,
      expectedCap: 0n,
      allocated: 16_000_000_000n,
    });
    expect(bars[1]).toMatchObject({
      confirmedCap: 0n,
      expectedCap: 12_000_000_000n,
      debtRisk: 4_800_000_000n,
    });
    expect(toSourceBars(plan(), 'en')[0]?.name).toBe('Central budget');
  });
});

describe('toShortfallBars', () => {
  it('writes the deadline quarter in the reader language', () => {
    expect(toShortfallBars(plan(), 'vi')[0]).toMatchObject({
      name: 'Vô Tranh',
      deadline: 'Quý III/2022',
      shortfall: 10_070_000_000n,
    });
    expect(toShortfallBars(plan(), 'en')[0]?.deadline).toBe('Q3 2022');
  });
});

describe('shortenLabel', () => {
  it('drops a trailing parenthesis and truncates long names', () => {
    expect(shortenLabel('Vốn Chương trình 135 (Chương trình MTQG phát triển KT-XH)')).toBe(
      'Vốn Chương trình 135',
    );
    expect(
      shortenLabel('Vốn lồng ghép từ các chương trình MTQG khác, chương trình, dự án khác'),
    ).toHaveLength(30);
  });
});
