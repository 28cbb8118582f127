import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnalysisInput, analyzePlan, type ProjectStatus } from './analysis.ts';
import type { Quarter } from './quarter.ts';

const TY = 1_000_000_000n;
const TRIEU = 1_000_000n;
const Q4_2022: Quarter = { year: 2022, quarter: 4 };

// Lục Nam, 2022: Lục Sơn and Vô Tranh are the weakest communes and must reach the standard this
// year; Đông Phú is already recognised. The district budget (NS huyện) is planned but the district
// council has not approved it yet.
const LUC_SON = 1;
const VO_TRANH = 2;
const DONG_PHU = 3;
const GIAO_THONG = 2;
const TRUONG_HOC = 5;
const MOI_TRUONG = 17;
const NSTW = 1;
const NS_TINH = 2;
const NS_HUYEN = 3;

function project(communeId: number, criterionId: number, estimatedCost: bigint, disbursed = 0n) {
  return {
    communeId,
    criterionId,
    estimatedCost,
    disbursed,
    isRequired: true,
    status: 'in_progress' as ProjectStatus,
  };
}

const lucNam: AnalysisInput = {
  communes: [
    { id: LUC_SON, isTarget: true, priority: 2, deadline: Q4_2022 },
    { id: VO_TRANH, isTarget: true, priority: 2, deadline: Q4_2022 },
    { id: DONG_PHU, isTarget: false, priority: 0, deadline: null },
  ],
  criterionIds: [GIAO_THONG, TRUONG_HOC, MOI_TRUONG],
  metCriteria: [
    { communeId: LUC_SON, criterionId: MOI_TRUONG },
    { communeId: VO_TRANH, criterionId: TRUONG_HOC },
    { communeId: DONG_PHU, criterionId: GIAO_THONG },
    { communeId: DONG_PHU, criterionId: TRUONG_HOC },
    { communeId: DONG_PHU, criterionId: MOI_TRUONG },
  ],
  projects: [
    project(LUC_SON, GIAO_THONG, 3_500n * TRIEU, 500n * TRIEU),
    { ...project(LUC_SON, GIAO_THONG, 1n * TY), isRequired: false },
    { ...project(LUC_SON, GIAO_THONG, 800n * TRIEU), status: 'completed' },
    { ...project(LUC_SON, TRUONG_HOC, 1_200n * TRIEU), status: 'planned' },
    project(VO_TRANH, GIAO_THONG, 2n * TY),
    { ...project(VO_TRANH, GIAO_THONG, 5n * TY), status: 'cancelled' },
  ],
  allocations: [
    {
      communeId: LUC_SON,
      criterionId: GIAO_THONG,
      sourceId: NSTW,
      amount: 2n * TY,
    },
    {
      communeId: LUC_SON,
      criterionId: GIAO_THONG,
      sourceId: NS_HUYEN,
      amount: 500n * TRIEU,
    },
    {
      communeId: LUC_SON,
      criterionId: TRUONG_HOC,
      sourceId: NS_TINH,
      amount: 1_200n * TRIEU,
    },
    {
      communeId: VO_TRANH,
      criterionId: GIAO_THONG,
      sourceId: NSTW,
      amount: 1_500n * TRIEU,
    },
    {
      communeId: VO_TRANH,
      criterionId: GIAO_THONG,
      sourceId: NS_HUYEN,
      amount: 800n * TRIEU,
    },
    {
      communeId: VO_TRANH,
      criterionId: MOI_TRUONG,
      sourceId: NS_TINH,
      amount: 200n * TRIEU,
    },
    {
      communeId: VO_TRANH,
      criterionId: TRUONG_HOC,
      sourceId: NS_TINH,
      amount: 300n * TRIEU,
    },
    {
      communeId: DONG_PHU,
      criterionId: GIAO_THONG,
      sourceId: NS_HUYEN,
      amount: 400n * TRIEU,
    },
  ],
  sources: [
    { id: NSTW, needsCouncilApproval: false },
    { id: NS_TINH, needsCouncilApproval: true },
    { id: NS_HUYEN, needsCouncilApproval: true },
  ],
  caps: [
    { sourceId: NSTW, amount: 5n * TY, isConfirmed: true },
    { sourceId: NS_TINH, amount: 3n * TY, isConfirmed: true },
    { sourceId: NS_HUYEN, amount: 2n * TY, isConfirmed: false },
  ],
  asOf: { year: 2023, quarter: 1 },
};

describe('analyzePlan: the Lục Nam story', () => {
  const analysis = analyzePlan(lucNam);
  const lucSon = analysis.communes.find((c) => c.communeId === LUC_SON)!;
  const voTranh = analysis.communes.find((c) => c.communeId === VO_TRANH)!;

  it('lists only the target communes, same deadline and priority ordered by id', () => {
    expect(analysis.communes.map((c) => c.communeId)).toEqual([LUC_SON, VO_TRANH]);
  });

  it('costs Lục Sơn from its open required projects and finds a 500 triệu shortfall on roads', () => {
    expect(lucSon.unmet).toEqual([
      {
        criterionId: GIAO_THONG,
        cost: 3n * TY,
        allocated: 2_500n * TRIEU,
        shortfall: 500n * TRIEU,
        isCosted: true,
      },
      {
        criterionId: TRUONG_HOC,
        cost: 1_200n * TRIEU,
        allocated: 1_200n * TRIEU,
        shortfall: 0n,
        isCosted: true,
      },
    ]);
    expect(lucSon).toMatchObject({
      criteriaMet: 1,
      criteriaTotal: 3,
      cost: 4_200n * TRIEU,
      allocated: 3_700n * TRIEU,
      shortfall: 500n * TRIEU,
      uncostedCriterionIds: [],
      isFunded: false,
      reachesStandard: false,
      deadline: Q4_2022,
      isOverdue: true,
    });
  });

  it('does not call Vô Tranh funded while its environment criterion has no costed project', () => {
    expect(voTranh.unmet).toEqual([
      {
        criterionId: GIAO_THONG,
        cost: 2n * TY,
        allocated: 2_300n * TRIEU,
        shortfall: 0n,
        isCosted: true,
      },
      {
        criterionId: MOI_TRUONG,
        cost: 0n,
        allocated: 200n * TRIEU,
        shortfall: 0n,
        isCosted: false,
      },
    ]);
    expect(voTranh).toMatchObject({
      cost: 2n * TY,
      allocated: 2_500n * TRIEU,
      shortfall: 0n,
      uncostedCriterionIds: [MOI_TRUONG],
      isFunded: false,
    });
  });

  it('puts all of the unapproved district budget at risk of becoming debt', () => {
    const nsHuyen = analysis.sources.find((s) => s.sourceId === NS_HUYEN)!;
    expect(nsHuyen).toEqual({
      sourceId: NS_HUYEN,
      needsCouncilApproval: true,
      allocated: 1_700n * TRIEU,
      cap: 2n * TY,
      isConfirmed: false,
      confirmedCap: 0n,
      overCap: 0n,
      unconfirmedAllocated: 1_700n * TRIEU,
      debtRisk: 1_700n * TRIEU,
      status: 'unconfirmed',
    });
  });

  it('reports confirmed sources within their cap as ok', () => {
    expect(analysis.sources.map((s) => [s.sourceId, s.status, s.allocated, s.debtRisk])).toEqual([
      [NSTW, 'ok', 3_500n * TRIEU, 0n],
      [NS_TINH, 'ok', 1_700n * TRIEU, 0n],
      [NS_HUYEN, 'unconfirmed', 1_700n * TRIEU, 1_700n * TRIEU],
    ]);
  });

  it('warns about money spread thin', () => {
    expect(analysis.warnings).toEqual([
      {
        kind: 'OVER_FUNDED',
        communeId: VO_TRANH,
        criterionId: GIAO_THONG,
        amount: 300n * TRIEU,
      },
      {
        kind: 'MET_CRITERION',
        communeId: VO_TRANH,
        criterionId: TRUONG_HOC,
        amount: 300n * TRIEU,
      },
      { kind: 'NON_TARGET_COMMUNE', communeId: DONG_PHU, amount: 400n * TRIEU },
      {
        kind: 'MET_CRITERION',
        communeId: DONG_PHU,
        criterionId: GIAO_THONG,
        amount: 400n * TRIEU,
      },
    ]);
  });

  it('totals the plan', () => {
    expect(analysis.totals).toEqual({
      allocated: 6_900n * TRIEU,
      confirmedCaps: 8n * TY,
      expectedCaps: 2n * TY,
      shortfall: 500n * TRIEU,
      debtRisk: 1_700n * TRIEU,
      targetCommunes: 2,
      fundedTargetCommunes: 0,
    });
  });

  it('counts both communes funded once the road gap is closed and the environment work is costed', () => {
    const fixed = analyzePlan({
      ...lucNam,
      projects: [...lucNam.projects, project(VO_TRANH, MOI_TRUONG, 200n * TRIEU)],
      allocations: [
        ...lucNam.allocations,
        {
          communeId: LUC_SON,
          criterionId: GIAO_THONG,
          sourceId: NSTW,
          amount: 500n * TRIEU,
        },
      ],
    });
    expect(fixed.totals).toMatchObject({
      shortfall: 0n,
      fundedTargetCommunes: 2,
    });
    // With every target funded, money elsewhere is no longer competing with a gap.
    expect(fixed.warnings.some((w) => w.kind === 'NON_TARGET_COMMUNE')).toBe(false);
  });
});

describe('analyzePlan: details', () => {
  const base: AnalysisInput = {
    communes: [],
    criterionIds: [1],
    metCriteria: [],
    projects: [],
    allocations: [],
    sources: [],
    caps: [],
  };

  it('orders target communes by deadline (none last), then higher priority, then id', () => {
    const analysis = analyzePlan({
      ...base,
      communes: [
        { id: 1, isTarget: true, priority: 1, deadline: null },
        {
          id: 2,
          isTarget: true,
          priority: 1,
          deadline: { year: 2023, quarter: 2 },
        },
        {
          id: 3,
          isTarget: true,
          priority: 5,
          deadline: { year: 2023, quarter: 2 },
        },
        {
          id: 4,
          isTarget: true,
          priority: 0,
          deadline: { year: 2022, quarter: 4 },
        },
        {
          id: 5,
          isTarget: true,
          priority: 1,
          deadline: { year: 2023, quarter: 2 },
        },
        {
          id: 6,
          isTarget: false,
          priority: 9,
          deadline: { year: 2020, quarter: 1 },
        },
      ],
    });
    expect(analysis.communes.map((c) => c.communeId)).toEqual([4, 3, 2, 5, 1]);
  });

  it('is overdue only after the deadline quarter and only while the standard is not reached', () => {
    const communes = [
      { id: 1, isTarget: true, priority: 0, deadline: Q4_2022 },
      { id: 2, isTarget: true, priority: 0, deadline: Q4_2022 },
    ];
    const metCriteria = [{ communeId: 2, criterionId: 1 }];
    const overdue = (asOf?: Quarter) =>
      analyzePlan({
        ...base,
        communes,
        metCriteria,
        ...(asOf ? { asOf } : {}),
      }).communes.map((c) => c.isOverdue);
    expect(overdue(Q4_2022)).toEqual([false, false]);
    expect(overdue({ year: 2023, quarter: 1 })).toEqual([true, false]);
    expect(overdue()).toEqual([false, false]);
  });

  it('never lets disbursement beyond the estimate make a cost negative', () => {
    const analysis = analyzePlan({
      ...base,
      communes: [{ id: 1, isTarget: true, priority: 0, deadline: null }],
      projects: [project(1, 1, 100n, 150n), project(1, 1, 40n)],
    });
    expect(analysis.communes[0]!.unmet[0]).toMatchObject({
      cost: 40n,
      shortfall: 40n,
      isCosted: true,
    });
  });

  it('treats a criterion whose projects are fully disbursed as costed at zero and funded', () => {
    const analysis = analyzePlan({
      ...base,
      communes: [{ id: 1, isTarget: true, priority: 0, deadline: null }],
      projects: [project(1, 1, 100n, 100n)],
    });
    expect(analysis.communes[0]).toMatchObject({
      cost: 0n,
      isFunded: true,
      uncostedCriterionIds: [],
    });
  });

  it('reports a source over its cap, one with no cap row as over cap by everything, and an unused unconfirmed one as ok', () => {
    const analysis = analyzePlan({
      ...base,
      allocations: [
        { communeId: 1, criterionId: 1, sourceId: 1, amount: 150n },
        { communeId: 1, criterionId: 1, sourceId: 2, amount: 80n },
        { communeId: 1, criterionId: 1, sourceId: 3, amount: 30n },
      ],
      caps: [
        { sourceId: 1, amount: 100n, isConfirmed: false },
        { sourceId: 3, amount: 100n, isConfirmed: true },
        { sourceId: 4, amount: 70n, isConfirmed: false },
      ],
    });
    expect(analysis.sources).toEqual([
      expect.objectContaining({
        sourceId: 1,
        cap: 100n,
        overCap: 50n,
        unconfirmedAllocated: 100n,
        debtRisk: 150n,
        status: 'over_cap',
      }),
      expect.objectContaining({
        sourceId: 2,
        cap: null,
        confirmedCap: 0n,
        overCap: 80n,
        unconfirmedAllocated: 0n,
        debtRisk: 80n,
        status: 'over_cap',
      }),
      expect.objectContaining({
        sourceId: 3,
        cap: 100n,
        overCap: 0n,
        debtRisk: 0n,
        status: 'ok',
      }),
      expect.objectContaining({
        sourceId: 4,
        allocated: 0n,
        cap: 70n,
        debtRisk: 0n,
        // Nothing is committed from it yet, so nothing is at risk.
        status: 'ok',
      }),
    ]);
    expect(analysis.totals).toMatchObject({
      confirmedCaps: 100n,
      expectedCaps: 170n,
      debtRisk: 230n,
    });
  });

  it('adds up several cap rows of one source, confirming only the confirmed part', () => {
    const analysis = analyzePlan({
      ...base,
      allocations: [{ communeId: 1, criterionId: 1, sourceId: 1, amount: 120n }],
      caps: [
        { sourceId: 1, amount: 100n, isConfirmed: true },
        { sourceId: 1, amount: 50n, isConfirmed: false },
      ],
    });
    expect(analysis.sources[0]).toMatchObject({
      cap: 150n,
      confirmedCap: 100n,
      isConfirmed: false,
      unconfirmedAllocated: 20n,
      debtRisk: 20n,
      status: 'unconfirmed',
    });
  });

  it('does not warn about non-target money when every target is funded', () => {
    const analysis = analyzePlan({
      ...base,
      communes: [
        { id: 1, isTarget: true, priority: 0, deadline: null },
        { id: 2, isTarget: false, priority: 0, deadline: null },
      ],
      metCriteria: [{ communeId: 1, criterionId: 1 }],
      allocations: [{ communeId: 2, criterionId: 1, sourceId: 1, amount: 10n }],
    });
    expect(analysis.warnings).toEqual([]);
  });

  it('treats money on a commune missing from the plan as non-target money', () => {
    const analysis = analyzePlan({
      ...base,
      communes: [{ id: 1, isTarget: true, priority: 0, deadline: null }],
      allocations: [{ communeId: 99, criterionId: 1, sourceId: 1, amount: 10n }],
    });
    expect(analysis.warnings).toEqual([{ kind: 'NON_TARGET_COMMUNE', communeId: 99, amount: 10n }]);
    expect(analysis.communes.map((c) => c.communeId)).toEqual([1]);
  });

  it('counts money on criteria outside the set in totals but not against any commune', () => {
    const analysis = analyzePlan({
      ...base,
      communes: [{ id: 1, isTarget: true, priority: 0, deadline: null }],
      projects: [project(1, 1, 100n)],
      allocations: [{ communeId: 1, criterionId: 42, sourceId: 1, amount: 60n }],
    });
    expect(analysis.communes[0]).toMatchObject({
      allocated: 0n,
      shortfall: 100n,
    });
    expect(analysis.totals.allocated).toBe(60n);
  });
});

const quarter = fc.record({
  year: fc.integer({ min: 2021, max: 2026 }),
  quarter: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
});
const amount = fc.bigInt({ min: 0n, max: 10n ** 13n });
const communeId = fc.integer({ min: 1, max: 6 });
const criterionId = fc.integer({ min: 1, max: 6 });
const sourceId = fc.integer({ min: 1, max: 4 });
const allocation = fc.record({ communeId, criterionId, sourceId, amount });

const analysisInput: fc.Arbitrary<AnalysisInput> = fc.record({
  communes: fc.uniqueArray(
    fc.record({
      id: fc.integer({ min: 1, max: 5 }),
      isTarget: fc.boolean(),
      priority: fc.integer({ min: 0, max: 3 }),
      deadline: fc.option(quarter, { nil: null }),
    }),
    { selector: (c) => c.id, maxLength: 5 },
  ),
  criterionIds: fc.uniqueArray(fc.integer({ min: 1, max: 5 }), {
    maxLength: 5,
  }),
  metCriteria: fc.array(fc.record({ communeId, criterionId }), {
    maxLength: 15,
  }),
  projects: fc.array(
    fc.record({
      communeId,
      criterionId,
      estimatedCost: amount,
      disbursed: amount,
      isRequired: fc.boolean(),
      status: fc.constantFrom<ProjectStatus>('planned', 'in_progress', 'completed', 'cancelled'),
    }),
    { maxLength: 20 },
  ),
  allocations: fc.array(allocation, { maxLength: 30 }),
  sources: fc.uniqueArray(fc.record({ id: sourceId, needsCouncilApproval: fc.boolean() }), {
    selector: (s) => s.id,
  }),
  caps: fc.array(fc.record({ sourceId, amount, isConfirmed: fc.boolean() }), {
    maxLength: 6,
  }),
  asOf: fc.option(quarter, { nil: undefined }),
});

const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);

describe('analyzePlan: properties', () => {
  it('totals equal the sums of their parts exactly', () => {
    fc.assert(
      fc.property(analysisInput, (input) => {
        const { communes, sources, totals } = analyzePlan(input);
        for (const c of communes) {
          expect(c.shortfall).toBe(sum(c.unmet.map((u) => u.shortfall)));
          expect(c.cost).toBe(sum(c.unmet.map((u) => u.cost)));
          expect(c.allocated).toBe(sum(c.unmet.map((u) => u.allocated)));
          expect(c.criteriaTotal - c.criteriaMet).toBe(c.unmet.length);
        }
        for (const s of sources) expect(s.debtRisk).toBe(s.overCap + s.unconfirmedAllocated);
        expect(totals.allocated).toBe(sum(input.allocations.map((a) => a.amount)));
        expect(totals.allocated).toBe(sum(sources.map((s) => s.allocated)));
        expect(totals.shortfall).toBe(sum(communes.map((c) => c.shortfall)));
        expect(totals.debtRisk).toBe(sum(sources.map((s) => s.debtRisk)));
        expect(totals.confirmedCaps).toBe(sum(input.caps.filter((c) => c.isConfirmed).map((c) => c.amount)));
        expect(totals.expectedCaps).toBe(sum(input.caps.filter((c) => !c.isConfirmed).map((c) => c.amount)));
        expect(totals.targetCommunes).toBe(input.communes.filter((c) => c.isTarget).length);
        expect(totals.fundedTargetCommunes).toBe(communes.filter((c) => c.isFunded).length);
      }),
      { numRuns: 500 },
    );
  });

  it('never reports a negative shortfall, overrun or risk', () => {
    fc.assert(
      fc.property(analysisInput, (input) => {
        const { communes, sources, warnings, totals } = analyzePlan(input);
        for (const c of communes) {
          expect(c.shortfall >= 0n).toBe(true);
          for (const u of c.unmet) {
            expect(u.shortfall).toBe(u.isCosted && u.cost > u.allocated ? u.cost - u.allocated : 0n);
          }
        }
        for (const s of sources) {
          expect(s.overCap >= 0n && s.debtRisk >= 0n && s.unconfirmedAllocated >= 0n).toBe(true);
        }
        for (const w of warnings) expect(w.amount > 0n).toBe(true);
        expect(totals.shortfall >= 0n).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('calls a commune funded when every unmet criterion is costed and allocated at least its cost', () => {
    fc.assert(
      fc.property(analysisInput, (input) => {
        for (const c of analyzePlan(input).communes) {
          const isCovered = c.unmet.every((u) => u.isCosted && u.allocated >= u.cost);
          expect(c.isFunded).toBe(isCovered);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('closes every costed gap when each shortfall is allocated', () => {
    fc.assert(
      fc.property(analysisInput, sourceId, (input, topUpSource) => {
        const before = analyzePlan(input);
        const topUps = before.communes.flatMap((c) =>
          c.unmet
            .filter((u) => u.shortfall > 0n)
            .map((u) => ({
              communeId: c.communeId,
              criterionId: u.criterionId,
              sourceId: topUpSource,
              amount: u.shortfall,
            })),
        );
        const after = analyzePlan({
          ...input,
          allocations: [...input.allocations, ...topUps],
        });
        expect(after.totals.shortfall).toBe(0n);
        for (const c of after.communes) expect(c.isFunded).toBe(c.uncostedCriterionIds.length === 0);
      }),
      { numRuns: 300 },
    );
  });

  it('never increases any shortfall when money is added', () => {
    fc.assert(
      fc.property(analysisInput, fc.array(allocation, { minLength: 1, maxLength: 5 }), (input, extra) => {
        const before = analyzePlan(input);
        const after = analyzePlan({
          ...input,
          allocations: [...input.allocations, ...extra],
        });
        expect(after.totals.shortfall <= before.totals.shortfall).toBe(true);
        for (const c of after.communes) {
          const previous = before.communes.find((p) => p.communeId === c.communeId)!;
          expect(c.shortfall <= previous.shortfall).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
