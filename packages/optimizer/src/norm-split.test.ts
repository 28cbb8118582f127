import type { CommuneFlags } from '@ntm/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, NORM_TABLES, normCoefficient, splitByNorm } from './norm-split.ts';

const plain: CommuneFlags = {
  isProgram135: false,
  ethnicZone: null,
  isAtk: false,
  isBorder: false,
  isIsland: false,
  kind: 'xa',
};
const table = NORM_TABLES[0]!;

describe('norm coefficients (2026–2030 template)', () => {
  it('gives 50 to Zone III, ATK, border and island communes, 40/30 to Zone II/I, 25 otherwise, highest wins', () => {
    expect(normCoefficient(table, { ...plain, ethnicZone: 'III' })).toBe(50);
    expect(normCoefficient(table, { ...plain, isAtk: true })).toBe(50);
    expect(normCoefficient(table, { ...plain, isBorder: true, ethnicZone: 'I' })).toBe(50);
    expect(normCoefficient(table, { ...plain, isIsland: true })).toBe(50);
    expect(normCoefficient(table, { ...plain, ethnicZone: 'II' })).toBe(40);
    expect(normCoefficient(table, { ...plain, ethnicZone: 'I' })).toBe(30);
    expect(normCoefficient(table, plain)).toBe(25);
  });
});

describe('apportion (largest remainder)', () => {
  it('gives the left-over đồng to the largest remainders, ties to the earlier one', () => {
    // 100 by 50:25:25 → 50, 25, 25 exactly; 10 by 1:1:1 → 4, 3, 3 (tie goes to the first).
    expect(apportion(100n, [50n, 25n, 25n])).toEqual([50n, 25n, 25n]);
    expect(apportion(10n, [1n, 1n, 1n])).toEqual([4n, 3n, 3n]);
    // 1000 by 50:40:30 (sum 120): quotas 416.67, 333.33, 250 → 417, 333, 250.
    expect(apportion(1000n, [50n, 40n, 30n])).toEqual([417n, 333n, 250n]);
    expect(apportion(7n, [0n, 0n])).toEqual([4n, 3n]);
  });

  it('sums exactly to the total and stays within one đồng of each exact quota', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.array(fc.bigInt({ min: 1n, max: 50n }), { minLength: 1, maxLength: 40 }),
        (total, weights) => {
          const shares = apportion(total, weights);
          expect(shares.reduce((a, b) => a + b, 0n)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0n);
          shares.forEach((share, i) => {
            const floor = (total * weights[i]!) / sum;
            expect(share === floor || share === floor + 1n).toBe(true);
          });
        },
      ),
    );
  });
});

describe('splitByNorm', () => {
  it('splits a source over communes by coefficient, then over each commune’s unmet criteria by cost', () => {
    const commune = (id: number, flags: CommuneFlags) => ({
      id,
      name: `X${id}`,
      isTarget: false,
      priority: 1,
      deadline: null,
      flags,
    });
    const result = splitByNorm({
      total: 1_000_000_001n,
      sourceId: 9,
      table,
      communes: [commune(1, { ...plain, ethnicZone: 'III' }), commune(2, plain), commune(3, plain)],
      unmet: [
        { communeId: 1, criterionId: 11, cost: 300n },
        { communeId: 1, criterionId: 12, cost: 100n },
        { communeId: 2, criterionId: 11, cost: 0n },
      ],
      allocations: [{ communeId: 3, criterionId: 11, sourceId: 9, amount: 5n }],
    });
    // Commune 3 has no unmet criterion: it shares in nothing. 50:25 of 1 000 000 001: quotas
    // 666 666 667,33 and 333 333 333,67 → the spare đồng goes to the larger remainder (commune 2).
    expect(result.shares).toEqual([
      { communeId: 1, coefficient: 50, amount: 666_666_667n },
      { communeId: 2, coefficient: 25, amount: 333_333_334n },
    ]);
    // Inside commune 1, 3:1 by cost: 500 000 000,25 and 166 666 666,75 → 500 000 000 and 166 666 667.
    expect(result.cells).toEqual([
      { communeId: 1, criterionId: 11, sourceId: 9, current: 0n, proposed: 500_000_000n },
      { communeId: 1, criterionId: 12, sourceId: 9, current: 0n, proposed: 166_666_667n },
      { communeId: 2, criterionId: 11, sourceId: 9, current: 0n, proposed: 333_333_334n },
      { communeId: 3, criterionId: 11, sourceId: 9, current: 5n, proposed: 0n },
    ]);
    expect(result.cells.reduce((s, c) => s + c.proposed, 0n)).toBe(1_000_000_001n);
  });
});
