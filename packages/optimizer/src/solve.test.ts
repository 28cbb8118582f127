import type { CommuneFlags } from '@ntm/domain';
import fc from 'fast-check';
import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainOutcome } from './explain.ts';
import { solveGreedy } from './greedy.ts';
import { loadSolver } from './highs.ts';
import type {
  OptimizeOptions,
  OptimizeResult,
  OptimizerCommune,
  OptimizerInput,
  OptimizerSource,
} from './model.ts';
import { solveAllocation } from './solve.ts';

const TY = 1_000_000_000n;
const plain: CommuneFlags = {
  isProgram135: false,
  ethnicZone: null,
  isAtk: false,
  isBorder: false,
  isIsland: false,
  kind: 'xa',
};
const p135: CommuneFlags = { ...plain, isProgram135: true, ethnicZone: 'III' };

function commune(id: number, name: string, priority = 1, flags = plain): OptimizerCommune {
  return { id, name, isTarget: true, priority, deadline: { year: 2022, quarter: 4 }, flags };
}
function source(
  id: number,
  name: string,
  confirmed: bigint,
  expected = 0n,
  p135Only = false,
): OptimizerSource {
  return {
    id,
    name,
    eligibility: p135Only ? { communeFlags: ['program135'] } : {},
    confirmedCap: confirmed,
    expectedCap: expected,
  };
}
const criteria = Array.from({ length: 19 }, (_, i) => ({ id: 100 + i + 1, number: i + 1 }));
const base = (input: Partial<OptimizerInput>): OptimizerInput => ({
  communes: [],
  criteria,
  needs: [],
  uncosted: [],
  sources: [],
  counterparts: [],
  allocations: [],
  ...input,
});
const keepConfirmed: OptimizeOptions = { capMode: 'confirmed', existing: 'keep' };

let highs: Highs;
beforeAll(async () => {
  highs = await loadSolver();
});

const names = (input: OptimizerInput) => ({
  commune: (id: number) => input.communes.find((c) => c.id === id)?.name ?? '?',
  criterionNumber: (id: number) => input.criteria.find((c) => c.id === id)?.number ?? 0,
  source: (id: number) => input.sources.find((s) => s.id === id)?.name ?? '?',
});
const reachedIds = (result: OptimizeResult) =>
  result.outcomes.filter((o) => o.status !== 'not_reached').map((o) => o.communeId);

describe('solveAllocation (HiGHS)', () => {
  it('prefers three ordinary communes over one of double priority when the money allows only one or the other', () => {
    // A (priority 2) needs 100 tỷ; B, C, D (priority 1) need 40 tỷ each; 120 tỷ in total.
    // Greedy funds A first (weight 2); the optimum funds B, C and D (weight 3).
    const input = base({
      communes: [commune(1, 'A', 2), commune(2, 'B'), commune(3, 'C'), commune(4, 'D')],
      needs: [
        { communeId: 1, criterionId: 101, cost: 100n * TY },
        { communeId: 2, criterionId: 102, cost: 40n * TY },
        { communeId: 3, criterionId: 102, cost: 25n * TY },
        { communeId: 3, criterionId: 105, cost: 15n * TY },
        { communeId: 4, criterionId: 117, cost: 40n * TY },
      ],
      sources: [source(9, 'NSTW', 120n * TY)],
    });
    const result = solveAllocation(highs, input, keepConfirmed);
    expect(result.status).toBe('optimal');
    expect(result.gap).toBe(0);
    expect(reachedIds(result)).toEqual([2, 3, 4]);
    expect(result.summary).toMatchObject({ reachedWeight: 3, totalWeight: 5, newMoney: 120n * TY });
    const a = result.outcomes.find((o) => o.communeId === 1)!;
    expect(a).toMatchObject({ reason: 'caps_binding', shortfall: 100n * TY, bindingSourceIds: [9] });

    const greedy = solveGreedy(input, keepConfirmed);
    expect(reachedIds(greedy)).toEqual([1]);
    expect(greedy.summary.reachedWeight).toBe(2);
  });

  it('between sets of equal weight it picks the cheaper one and spends exactly the need', () => {
    const input = base({
      communes: [commune(1, 'A'), commune(2, 'B')],
      needs: [
        { communeId: 1, criterionId: 101, cost: 70n * TY },
        { communeId: 2, criterionId: 101, cost: 60n * TY + 123n },
      ],
      sources: [source(9, 'NSTW', 100n * TY)],
    });
    const result = solveAllocation(highs, input, keepConfirmed);
    expect(reachedIds(result)).toEqual([2]);
    expect(result.cells).toEqual([
      { communeId: 2, criterionId: 101, sourceId: 9, current: 0n, proposed: 60n * TY + 123n },
    ]);
  });

  it('sends Program 135 money only to Program 135 communes and explains the commune it cannot reach', () => {
    // General money 5 tỷ, P135 money 6 tỷ. Lục Sơn (P135) needs 4,2 tỷ over 6 criteria; Vô Tranh
    // (not P135) needs 2 tỷ on criterion 13 and 4,1 tỷ on criterion 17.
    const input = base({
      communes: [
        commune(1, 'Lục Sơn', 2, p135),
        { ...commune(2, 'Vô Tranh', 3), deadline: { year: 2022, quarter: 3 } },
      ],
      needs: [
        ...[101, 102, 103, 105, 106, 107].map((criterionId) => ({
          communeId: 1,
          criterionId,
          cost: 700_000_000n,
        })),
        { communeId: 2, criterionId: 113, cost: 2n * TY },
        { communeId: 2, criterionId: 117, cost: 4_100_000_000n },
      ],
      sources: [source(8, 'NS huyện', 5n * TY), source(9, 'CT135', 6n * TY, 0n, true)],
    });
    const result = solveAllocation(highs, input, keepConfirmed);
    expect(reachedIds(result)).toEqual([1]);
    // Lục Sơn is funded from P135 money so that general money stays for others.
    for (const cell of result.cells) expect(cell.communeId).toBe(1);
    const [lucSon, voTranh] = result.outcomes;
    expect(lucSon).toMatchObject({ status: 'reached', criteriaFunded: 6, amount: 4_200_000_000n });
    expect(voTranh).toMatchObject({
      status: 'not_reached',
      reason: 'caps_binding',
      shortfall: 1_100_000_000n,
      missing: [{ criterionId: 117, amount: 1_100_000_000n }],
      bindingSourceIds: [8],
      ineligibleSourceIds: [9],
    });
    expect(explainOutcome(lucSon!, names(input), 'vi')).toBe('Lục Sơn đạt chuẩn: 6 tiêu chí, 4,2 tỷ');
    expect(explainOutcome(voTranh!, names(input), 'vi')).toBe(
      'Vô Tranh không thể về đích quý III/2022: thiếu 1,1 tỷ ở tiêu chí 17; nguồn đã hết hạn mức: NS huyện; CT135 còn vốn nhưng xã không thuộc diện được cấp',
    );
    expect(explainOutcome(voTranh!, names(input), 'en')).toBe(
      'Vô Tranh cannot reach the standard by Q3 2022: 1.1 billion short on criterion 17; caps exhausted: NS huyện; CT135 has money left but the commune is not eligible',
    );
  });

  it('counts expected caps only when asked and keeps or frees current allocations', () => {
    const input = base({
      communes: [commune(1, 'A'), commune(2, 'B'), { ...commune(3, 'C'), isTarget: false }],
      needs: [
        { communeId: 1, criterionId: 101, cost: 3n * TY },
        { communeId: 2, criterionId: 101, cost: 3n * TY },
      ],
      sources: [source(9, 'NS huyện', 3n * TY, 3n * TY)],
      allocations: [{ communeId: 3, criterionId: 104, sourceId: 9, amount: 3n * TY }],
    });
    expect(reachedIds(solveAllocation(highs, input, keepConfirmed))).toEqual([]);
    expect(reachedIds(solveAllocation(highs, input, { capMode: 'expected', existing: 'keep' }))).toHaveLength(
      1,
    );
    const freed = solveAllocation(highs, input, { capMode: 'expected', existing: 'free' });
    expect(reachedIds(freed)).toEqual([1, 2]);
    expect(freed.cells).toContainEqual({
      communeId: 3,
      criterionId: 104,
      sourceId: 9,
      current: 3n * TY,
      proposed: 0n,
    });
  });

  it('honours a commune-only budget and a minimum counterpart share', () => {
    const input = base({
      communes: [commune(1, 'A'), commune(2, 'B')],
      needs: [
        { communeId: 1, criterionId: 101, cost: 10n * TY },
        { communeId: 2, criterionId: 101, cost: 10n * TY },
      ],
      sources: [
        source(1, 'NSTW', 16n * TY),
        {
          ...source(2, 'NS xã', 10n * TY),
          communeCaps: [
            { communeId: 1, confirmed: 3n * TY, expected: 0n },
            { communeId: 2, confirmed: 1n * TY, expected: 0n },
          ],
        },
      ],
      // The commune budget must put in at least 20 % of what the central budget puts in.
      counterparts: [{ sourceId: 1, counterpartSourceIds: [2], minShareBasisPoints: 2_000 }],
    });
    const result = solveAllocation(highs, input, keepConfirmed);
    // B can bring at most 1 tỷ of its own, so it can take at most 5 tỷ central: not enough for 10.
    expect(reachedIds(result)).toEqual([1]);
    const own = result.cells.filter((c) => c.sourceId === 2).reduce((s, c) => s + c.proposed, 0n);
    const central = result.cells.filter((c) => c.sourceId === 1).reduce((s, c) => s + c.proposed, 0n);
    expect(own * 10_000n).toBeGreaterThanOrEqual(central * 2_000n);
    expect(own).toBeLessThanOrEqual(3n * TY);
  });

  it('reports uncosted criteria, passed deadlines and communes no source may fund', () => {
    const input = base({
      communes: [
        commune(1, 'A'),
        { ...commune(2, 'B'), deadline: { year: 2022, quarter: 1 } },
        commune(3, 'C'),
        commune(4, 'D'),
      ],
      needs: [
        { communeId: 2, criterionId: 101, cost: TY },
        { communeId: 3, criterionId: 101, cost: TY },
      ],
      uncosted: [{ communeId: 1, criterionId: 117 }],
      sources: [source(9, 'CT135', 10n * TY, 0n, true)],
      asOf: { year: 2022, quarter: 3 },
    });
    const result = solveAllocation(highs, input, keepConfirmed);
    expect(result.outcomes.map((o) => [o.communeId, o.status, o.reason])).toEqual([
      [1, 'not_reached', 'uncosted'],
      [2, 'not_reached', 'deadline_passed'],
      [3, 'not_reached', 'no_eligible_source'],
      [4, 'already_met', null],
    ]);
    expect(explainOutcome(result.outcomes[0]!, names(input), 'vi')).toBe(
      'A không thể về đích quý IV/2022: tiêu chí 17 chưa có dự án bắt buộc ước tính chi phí',
    );
    expect(result.outcomes[2]).toMatchObject({ shortfall: TY, ineligibleSourceIds: [9] });
  });
});

/** Random small plans: 2–6 targets, 1–4 criteria, 2–4 sources, some P135, some current money. */
const instance = fc
  .record({
    communes: fc.array(fc.record({ priority: fc.integer({ min: 1, max: 3 }), isP135: fc.boolean() }), {
      minLength: 2,
      maxLength: 6,
    }),
    needs: fc.array(
      fc.record({
        commune: fc.nat(5),
        criterion: fc.integer({ min: 1, max: 4 }),
        cost: fc.bigInt({ min: 1n, max: 5_000_000_000n }),
      }),
      { maxLength: 14 },
    ),
    met: fc.array(fc.record({ commune: fc.nat(5), criterion: fc.integer({ min: 5, max: 6 }) }), {
      maxLength: 4,
    }),
    sources: fc.array(
      fc.record({
        confirmed: fc.bigInt({ min: 0n, max: 8_000_000_000n }),
        expected: fc.bigInt({ min: 0n, max: 3_000_000_000n }),
        p135Only: fc.boolean(),
      }),
      { minLength: 2, maxLength: 4 },
    ),
    current: fc.array(
      fc.record({
        commune: fc.nat(5),
        criterion: fc.integer({ min: 1, max: 6 }),
        source: fc.nat(3),
        amount: fc.bigInt({ min: 1n, max: 2_000_000_000n }),
      }),
      { maxLength: 4 },
    ),
    options: fc.record({
      capMode: fc.constantFrom('confirmed' as const, 'expected' as const),
      existing: fc.constantFrom('keep' as const, 'free' as const),
    }),
  })
  .map(({ communes, needs, met, sources, current, options }) => {
    const communeRows = communes.map((c, i) =>
      commune(i + 1, `X${i + 1}`, c.priority, c.isP135 ? p135 : plain),
    );
    const currentMap = new Map<string, OptimizerInput['allocations'][number]>();
    for (const c of current) {
      const cell = {
        communeId: (c.commune % communes.length) + 1,
        criterionId: 100 + c.criterion,
        sourceId: (c.source % sources.length) + 1,
        amount: c.amount,
      };
      currentMap.set(`${cell.communeId}:${cell.criterionId}:${cell.sourceId}`, cell);
    }
    const needMap = new Map<string, { communeId: number; criterionId: number; cost: bigint }>();
    for (const n of needs) {
      const communeId = (n.commune % communes.length) + 1;
      needMap.set(`${communeId}:${n.criterion}`, { communeId, criterionId: 100 + n.criterion, cost: n.cost });
    }
    const input = base({
      communes: communeRows,
      needs: [...needMap.values()],
      sources: sources.map((s, i) => source(i + 1, `S${i + 1}`, s.confirmed, s.expected, s.p135Only)),
      allocations: [...currentMap.values()],
    });
    const metPairs = met.map((m) => ({
      communeId: (m.commune % communes.length) + 1,
      criterionId: 100 + m.criterion,
    }));
    return { input, options, metPairs };
  });

describe('solveAllocation properties', () => {
  it('never exceeds a cap, funds only unmet criteria from eligible sources, fully funds what it reports reached, and beats greedy', () => {
    fc.assert(
      fc.property(instance, ({ input, options, metPairs }) => {
        const result = solveAllocation(highs, input, options);
        const greedy = solveGreedy(input, options);
        expect(result.status).toBe('optimal');
        const amountOf = new Map<string, bigint>();
        for (const cell of input.allocations) {
          const key = `${cell.communeId}:${cell.criterionId}:${cell.sourceId}`;
          amountOf.set(key, (amountOf.get(key) ?? 0n) + cell.amount);
        }
        const currentBySource = new Map<number, bigint>();
        for (const [key, amount] of amountOf) {
          const s = Number(key.split(':')[2]);
          currentBySource.set(s, (currentBySource.get(s) ?? 0n) + amount);
        }
        for (const cell of result.cells) {
          expect(cell.current).toBe(
            amountOf.get(`${cell.communeId}:${cell.criterionId}:${cell.sourceId}`) ?? 0n,
          );
          amountOf.set(`${cell.communeId}:${cell.criterionId}:${cell.sourceId}`, cell.proposed);
          expect(cell.proposed).toBeGreaterThanOrEqual(0n);
          if (cell.proposed > cell.current) {
            const need = input.needs.find(
              (n) => n.communeId === cell.communeId && n.criterionId === cell.criterionId,
            );
            expect(need).toBeDefined();
            expect(
              metPairs.some((m) => m.communeId === cell.communeId && m.criterionId === cell.criterionId),
            ).toBe(false);
            const src = input.sources.find((s) => s.id === cell.sourceId)!;
            const com = input.communes.find((c) => c.id === cell.communeId)!;
            if (src.eligibility.communeFlags) expect(com.flags.isProgram135).toBe(true);
          }
        }
        for (const src of input.sources) {
          const cap = options.capMode === 'confirmed' ? src.confirmedCap : src.confirmedCap + src.expectedCap;
          const total = [...amountOf]
            .filter(([k]) => Number(k.split(':')[2]) === src.id)
            .reduce((s, [, a]) => s + a, 0n);
          const kept = options.existing === 'keep' ? (currentBySource.get(src.id) ?? 0n) : 0n;
          // Money already over a kept cap is the planner's; the optimizer adds none on top of it.
          expect(total).toBeLessThanOrEqual(cap > kept ? cap : kept);
        }
        for (const outcome of result.outcomes.filter((o) => o.status !== 'not_reached')) {
          for (const need of input.needs.filter((n) => n.communeId === outcome.communeId)) {
            const funded = [...amountOf]
              .filter(([k]) => k.startsWith(`${need.communeId}:${need.criterionId}:`))
              .reduce((s, [, a]) => s + a, 0n);
            expect(funded).toBeGreaterThanOrEqual(need.cost);
          }
        }
        expect(result.summary.reachedWeight).toBeGreaterThanOrEqual(greedy.summary.reachedWeight);
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
