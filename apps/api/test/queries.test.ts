// Every top-level query over HTTP against the Lục Nam 2022 demo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_STATEMENTS, startTestApp, type TestApp } from './harness.ts';

let app: TestApp;
let planId: string;

beforeAll(async () => {
  app = await startTestApp();
  const data = await app.ok(`{ plans(first: 10) { edges { node { id name } } } }`);
  planId = data.plans.edges[0].node.id;
});
afterAll(() => app?.close());

describe('geography', () => {
  it('lists the province and its Lục Nam district', async () => {
    const data = await app.ok(
      `{ provinces { id name districts { id name } } districts { name province { name } } }`,
    );
    expect(data.provinces.map((p: any) => p.name)).toContain('Bắc Giang');
    const bacGiang = data.provinces.find((p: any) => p.name === 'Bắc Giang');
    expect(bacGiang.districts.map((d: any) => d.name)).toContain('Lục Nam');
    expect(data.districts.find((d: any) => d.name === 'Lục Nam').province.name).toBe('Bắc Giang');
  });

  it('pages through the 25 Lục Nam units with stable cursors', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const data: any = await app.ok(
        `query($after: String) { communes(first: 10, after: $after) { edges { node { id name } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      seen.push(...data.communes.edges.map((e: any) => e.node.name));
      if (!data.communes.pageInfo.hasNextPage) break;
      after = data.communes.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect(seen).toContain('Đồi Ngô');
  });

  it('finds communes by name without diacritics or case', async () => {
    const data = await app.ok(`{ communes(filter: { search: "luc son" }) { edges { node { name kind } } } }`);
    expect(data.communes.edges.map((e: any) => e.node.name)).toEqual(['Lục Sơn']);
    const upper = await app.ok(`{ communes(filter: { search: "VÔ TRANH" }) { edges { node { name } } } }`);
    expect(upper.communes.edges.map((e: any) => e.node.name)).toEqual(['Vô Tranh']);
  });

  it('filters Program 135 communes and the targets of a plan', async () => {
    const p135 = await app.ok(
      `{ communes(filter: { program135: true }) { edges { node { name isProgram135 } } } }`,
    );
    expect(p135.communes.edges.length).toBeGreaterThan(0);
    expect(p135.communes.edges.every((e: any) => e.node.isProgram135)).toBe(true);
    const targets = await app.ok(
      `query($plan: ID!) { communes(first: 50, filter: { targetedInPlanId: $plan }) { edges { node { name } } } }`,
      { plan: planId },
    );
    const names = targets.communes.edges.map((e: any) => e.node.name);
    expect(names).toHaveLength(7);
    expect(names).toEqual(expect.arrayContaining(['Trường Giang', 'Lục Sơn', 'Vô Tranh']));
  });
});

describe('criteria', () => {
  it('exposes the three criteria sets as data with groups and indicators', async () => {
    const data = await app.ok(
      `{ criteriaSets { code level decision criteria { number name indicators { code threshold isUncertain } } groups { code } } }`,
    );
    const byCode = Object.fromEntries(data.criteriaSets.map((s: any) => [s.code, s]));
    expect(byCode['xa-ntm-2021-2025'].criteria).toHaveLength(19);
    expect(byCode['xa-ntm-2021-2025'].groups.map((g: any) => g.code)).toEqual(['I', 'II', 'III', 'IV', 'V']);
    expect(byCode['huyen-ntm-2021-2025'].criteria).toHaveLength(9);
    expect(byCode['huyen-ntm-2021-2025'].level).toBe('DISTRICT');
    expect(byCode['xa-ntm-2026-2030'].criteria).toHaveLength(10);
    expect(byCode['xa-ntm-2021-2025'].criteria[1].indicators.length).toBeGreaterThan(0);
  });

  it('names criteria in the caller language', async () => {
    const query = `{ criteriaSets(level: COMMUNE) { code criteria { number name } } }`;
    const vi = await app.ok(query, {}, 'vi');
    const en = await app.ok(query, {}, 'en-US,en;q=0.9');
    const viSet = vi.criteriaSets.find((s: any) => s.code === 'xa-ntm-2021-2025');
    const enSet = en.criteriaSets.find((s: any) => s.code === 'xa-ntm-2021-2025');
    expect(viSet.criteria[1].name).toBe('Giao thông');
    expect(enSet.criteria[1].name).toBe('Transport');
  });

  it("reports each commune's status and progress, and the district's", async () => {
    const data = await app.ok(
      `query($plan: ID!) { plan(id: $plan) { criteriaSet { id } districtCriteriaSet { id criteria { id number } }
         district { id criteriaStatus { isMet criterion { number } } } } }`,
      { plan: planId },
    );
    const setId = data.plan.criteriaSet.id;
    const district = data.plan.district;
    const unmet = district.criteriaStatus
      .filter((s: any) => !s.isMet)
      .map((s: any) => s.criterion.number)
      .sort();
    expect(unmet).toEqual([5, 7, 8]);
    const progress = await app.ok(
      `query($d: ID!, $set: ID!) { node(id: $d) { ... on District { progress(criteriaSetId: $set) { met total reachesStandard } } } }`,
      { d: district.id, set: data.plan.districtCriteriaSet.id },
    );
    expect(progress.node.progress).toEqual({
      met: 6,
      total: 9,
      reachesStandard: false,
    });

    const communes = await app.ok(
      `query($set: ID!) { communes(first: 50) { edges { node { name progress(criteriaSetId: $set) { met total reachesStandard }
         criteriaStatus(criteriaSetId: $set) { isMet } } } } }`,
      { set: setId },
    );
    const byName = Object.fromEntries(communes.communes.edges.map((e: any) => [e.node.name, e.node]));
    expect(byName['Lục Sơn'].progress.total).toBe(19);
    expect(byName['Lục Sơn'].progress.reachesStandard).toBe(false);
    expect(byName['Lục Sơn'].criteriaStatus).toHaveLength(19);
    expect(byName['Bảo Đài'].progress).toEqual({
      met: 19,
      total: 19,
      reachesStandard: true,
    });
    // Lục Sơn and Vô Tranh are the weakest of the targets (reference: 9 criteria in 2019).
    const targets = ['Trường Giang', 'Lục Sơn', 'Vô Tranh'].map((n) => byName[n].progress.met);
    expect(Math.max(byName['Lục Sơn'].progress.met, byName['Vô Tranh'].progress.met)).toBeLessThanOrEqual(
      byName['Trường Giang'].progress.met,
    );
    expect(targets.every((m: number) => m < 19)).toBe(true);
  });

  it("lists a commune's projects, optionally for one criterion", async () => {
    const data = await app.ok(
      `{ communes(filter: { search: "luc son" }) { edges { node { projects { id name estimatedCost isRequired status criterion { id number } } } } } }`,
    );
    const projects = data.communes.edges[0].node.projects;
    expect(projects.length).toBeGreaterThan(0);
    expect(projects.every((p: any) => /^\d+$/.test(p.estimatedCost))).toBe(true);
    const first = projects[0];
    const filtered = await app.ok(
      `query($c: ID!) { communes(filter: { search: "luc son" }) { edges { node { projects(criterionId: $c) { criterion { id } } } } } }`,
      { c: first.criterion.id },
    );
    const onlyOne = filtered.communes.edges[0].node.projects;
    expect(onlyOne.length).toBeGreaterThan(0);
    expect(onlyOne.every((p: any) => p.criterion.id === first.criterion.id)).toBe(true);
  });
});

describe('funding sources', () => {
  it('lists the nine sources with eligibility rules as data', async () => {
    const data = await app.ok(
      `{ fundingSources { code kind needsCouncilApproval eligibleCommuneFlags eligibility } }`,
    );
    expect(data.fundingSources).toHaveLength(9);
    const byCode = Object.fromEntries(data.fundingSources.map((s: any) => [s.code, s]));
    expect(byCode.CT135.eligibleCommuneFlags).toEqual(['program135']);
    expect(byCode.NS_HUYEN.needsCouncilApproval).toBe(true);
    expect(byCode.NSTW.eligibleCommuneFlags).toEqual([]);
  });
});

describe('plans', () => {
  it('describes the Lục Nam 2022 plan with its caps and targets', async () => {
    const data = await app.ok(
      `query($id: ID!) { plan(id: $id) { name status scopeLevel periodStartYear periodEndYear revision
        district { name } province { name } criteriaSet { code }
        fundingCaps { amount isConfirmed source { code } }
        communes(targetedOnly: true) { commune { name } deadline deadlineLabel targetLevel priority } } }`,
      { id: planId },
    );
    const plan = data.plan;
    expect(plan.district.name).toBe('Lục Nam');
    expect(plan.status).toBe('DRAFT');
    expect(plan.criteriaSet.code).toBe('xa-ntm-2021-2025');
    const huyen = plan.fundingCaps.find((c: any) => c.source.code === 'NS_HUYEN');
    expect(huyen.isConfirmed).toBe(false);
    const voTranh = plan.communes.find((c: any) => c.commune.name === 'Vô Tranh');
    expect(voTranh.deadline).toBe('2022-Q3');
    expect(voTranh.deadlineLabel).toBe('Quý III/2022');
    expect(plan.communes.find((c: any) => c.commune.name === 'Lục Sơn').deadline).toBe('2022-Q4');
  });

  it('returns the whole grid in at most 3 SQL statements (plus 1 to authenticate), however many cells it has', async () => {
    const query = `query($id: ID!) { plan(id: $id) { grid { communeIds criterionIds sourceIds cellCount
      communeIndex criterionIndex sourceIndex amounts versions } } }`;
    app.counter.statements = 0;
    const small = await app.ok(query, { id: planId });
    expect(app.counter.statements).toBeLessThanOrEqual(3 + AUTH_STATEMENTS);
    // Fill every cell of NSTW (eligible everywhere) and read again: still the same statements.
    const g = small.plan.grid;
    const nstw = (await app.ok(`{ fundingSources { id code } }`)).fundingSources.find(
      (s: any) => s.code === 'NSTW',
    ).id;
    const cells = g.communeIds.flatMap((communeId: string) =>
      g.criterionIds.map((criterionId: string) => ({
        communeId,
        criterionId,
        sourceId: nstw,
        amount: '1000000',
      })),
    );
    await app.ok(`mutation($input: SetAllocationsInput!) { setAllocations(input: $input) { __typename } }`, {
      input: { planId, cells },
    });
    app.counter.statements = 0;
    const data = await app.ok(query, { id: planId });
    expect(app.counter.statements).toBeLessThanOrEqual(3 + AUTH_STATEMENTS);
    expect(data.plan.grid.cellCount).toBeGreaterThan(small.plan.grid.cellCount + 400);
    const grid = data.plan.grid;
    expect(grid.communeIds).toHaveLength(25);
    expect(grid.criterionIds).toHaveLength(19);
    expect(grid.sourceIds).toHaveLength(9);
    expect(grid.cellCount).toBeGreaterThan(0);
    for (const list of [
      grid.communeIndex,
      grid.criterionIndex,
      grid.sourceIndex,
      grid.amounts,
      grid.versions,
    ]) {
      expect(list).toHaveLength(grid.cellCount);
    }
    expect(grid.communeIndex.every((i: number) => i >= 0 && i < 25)).toBe(true);
  });

  it('sums the grid per commune × criterion and per commune × source for the total view of large plans', async () => {
    const data = await app.ok(
      `query($id: ID!) { plan(id: $id) { communeCount
        grid { communeIds criterionIds sourceIds communeIndex criterionIndex sourceIndex amounts }
        gridTotals { communeIds criterionIds sourceIds
          byCriterion { communeIndex axisIndex amounts } bySource { communeIndex axisIndex amounts } } } }`,
      { id: planId },
    );
    const { grid, gridTotals, communeCount } = data.plan;
    expect(communeCount).toBe(grid.communeIds.length);
    expect(gridTotals.communeIds).toEqual(grid.communeIds);
    expect(gridTotals.criterionIds).toEqual(grid.criterionIds);
    expect(gridTotals.sourceIds).toEqual(grid.sourceIds);
    // The same sums computed here from every cell, keyed by axis positions.
    const expected = (axis: number[]) => {
      const sums = new Map<string, bigint>();
      grid.amounts.forEach((amount: string, i: number) => {
        const key = `${grid.communeIndex[i]}|${axis[i]}`;
        sums.set(key, (sums.get(key) ?? 0n) + BigInt(amount));
      });
      return new Map([...sums].filter(([, amount]) => amount !== 0n));
    };
    const actual = (sums: { communeIndex: number[]; axisIndex: number[]; amounts: string[] }) =>
      new Map(
        sums.amounts.map((amount, i) => [`${sums.communeIndex[i]}|${sums.axisIndex[i]}`, BigInt(amount)]),
      );
    expect(gridTotals.byCriterion.amounts.length).toBeGreaterThan(0);
    expect(actual(gridTotals.byCriterion)).toEqual(expected(grid.criterionIndex));
    expect(actual(gridTotals.bySource)).toEqual(expected(grid.sourceIndex));
  });

  it("reads a region's cells: grid(communeIds:) keeps only those communes, on their axis and in the plan's order", async () => {
    const whole = (
      await app.ok(
        `query($id: ID!) { plan(id: $id) { grid { communeIds criterionIds sourceIds communeIndex criterionIndex sourceIndex amounts versions } } }`,
        { id: planId },
      )
    ).plan.grid;
    const picked = [whole.communeIds[3], whole.communeIds[1]];
    const region = (
      await app.ok(
        `query($id: ID!, $only: [ID!]) { plan(id: $id) { grid(communeIds: $only) { communeIds criterionIds sourceIds communeIndex criterionIndex sourceIndex amounts versions } } }`,
        { id: planId, only: picked },
      )
    ).plan.grid;
    expect(region.communeIds).toEqual([whole.communeIds[1], whole.communeIds[3]]);
    expect(region.criterionIds).toEqual(whole.criterionIds);
    const cellsOf = (g: any) =>
      new Set<string>(
        g.amounts.map(
          (amount: string, i: number) =>
            `${g.communeIds[g.communeIndex[i]]}|${g.criterionIds[g.criterionIndex[i]]}|${g.sourceIds[g.sourceIndex[i]]}|${amount}|${g.versions[i]}`,
        ),
      );
    const expected = [...cellsOf(whole)].filter((key) => picked.includes(key.split('|')[0]));
    expect(expected.length).toBeGreaterThan(0);
    expect(cellsOf(region)).toEqual(new Set(expected));
  });

  it("lists the plan's met criteria as index arrays, the same pairs as each commune's criteriaStatus", async () => {
    const data = await app.ok(
      `query($id: ID!) { plan(id: $id) { criteriaSet { criteria { id } }
        grid { communeIds criterionIds }
        criteriaMet { communeIds criterionIds communeIndex criterionIndex }
        communes { commune { id criteriaStatus { isMet criterion { id } } } } } }`,
      { id: planId },
    );
    const { criteriaMet, grid, criteriaSet, communes } = data.plan;
    expect(criteriaMet.communeIds).toEqual(grid.communeIds);
    expect(criteriaMet.criterionIds).toEqual(grid.criterionIds);
    const inSet = new Set(criteriaSet.criteria.map((c: { id: string }) => c.id));
    const expected = communes.flatMap((pc: any) =>
      pc.commune.criteriaStatus
        .filter((s: any) => s.isMet && inSet.has(s.criterion.id))
        .map((s: any) => `${pc.commune.id}|${s.criterion.id}`),
    );
    const actual = criteriaMet.communeIndex.map(
      (c: number, i: number) =>
        `${criteriaMet.communeIds[c]}|${criteriaMet.criterionIds[criteriaMet.criterionIndex[i]]}`,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(new Set(actual)).toEqual(new Set(expected));
    expect(actual).toHaveLength(expected.length);
    // However many communes: the plan, the axes and the met pairs.
    app.counter.statements = 0;
    await app.ok(`query($id: ID!) { plan(id: $id) { criteriaMet { communeIndex criterionIndex } } }`, {
      id: planId,
    });
    expect(app.counter.statements).toBeLessThanOrEqual(3 + AUTH_STATEMENTS);
  });

  it('agrees between grid, allocations connection and totals to the đồng', async () => {
    const data = await app.ok(
      `query($id: ID!) { plan(id: $id) { grid { amounts sourceIndex sourceIds }
        bySource: totals(by: SOURCE) { id name amount } byCommune: totals(by: COMMUNE) { amount }
        byCriterion: totals(by: CRITERION) { amount } } }`,
      { id: planId },
    );
    const grid = data.plan.grid;
    const gridTotal = grid.amounts.reduce((s: bigint, a: string) => s + BigInt(a), 0n);
    const sum = (rows: any[]) => rows.reduce((s: bigint, r: any) => s + BigInt(r.amount), 0n);
    expect(sum(data.plan.bySource)).toBe(gridTotal);
    expect(sum(data.plan.byCommune)).toBe(gridTotal);
    expect(sum(data.plan.byCriterion)).toBe(gridTotal);

    let after: string | null = null;
    let paged = 0n;
    let count = 0;
    for (let i = 0; i < 100; i++) {
      const page: any = await app.ok(
        `query($id: ID!, $after: String) { plan(id: $id) { allocations(first: 37, after: $after) {
           edges { node { amount version communeId source { code } } } pageInfo { hasNextPage endCursor } } } }`,
        { id: planId, after },
      );
      for (const edge of page.plan.allocations.edges) {
        paged += BigInt(edge.node.amount);
        count++;
      }
      if (!page.plan.allocations.pageInfo.hasNextPage) break;
      after = page.plan.allocations.pageInfo.endCursor;
    }
    expect(count).toBe(grid.amounts.length);
    expect(paged).toBe(gridTotal);
  });

  it('filters allocations by commune, criterion and source', async () => {
    const data = await app.ok(
      `query($id: ID!) { plan(id: $id) { allocations(first: 1, filter: { nonZero: true }) { edges { node { communeId criterionId sourceId } } } } }`,
      { id: planId },
    );
    const cell = data.plan.allocations.edges[0].node;
    const filtered = await app.ok(
      `query($id: ID!, $f: AllocationFilter) { plan(id: $id) { allocations(first: 100, filter: $f) { edges { node { communeId criterionId sourceId } } } } }`,
      {
        id: planId,
        f: {
          communeId: cell.communeId,
          criterionId: cell.criterionId,
          sourceId: cell.sourceId,
        },
      },
    );
    expect(filtered.plan.allocations.edges.map((e: any) => e.node)).toEqual([cell]);
  });

  it('tells the Lục Nam story: Lục Sơn and Vô Tranh short, district money unconfirmed', async () => {
    const data = await app.ok(
      `query($id: ID!) { plan(id: $id) { analysis {
        totals { allocated confirmedCaps expectedCaps shortfall debtRisk targetCommunes fundedTargetCommunes }
        communes { commune { name } shortfall cost allocated isFunded deadline unmet { criterion { number } shortfall } }
        sources { source { code } status debtRisk allocated isConfirmed }
        spreadThin { kind communeId amount } } } }`,
      { id: planId },
    );
    const analysis = data.plan.analysis;
    expect(analysis.totals.targetCommunes).toBe(7);
    const byName = Object.fromEntries(analysis.communes.map((c: any) => [c.commune.name, c]));
    for (const name of ['Lục Sơn', 'Vô Tranh']) {
      expect(BigInt(byName[name].shortfall)).toBeGreaterThan(0n);
      expect(byName[name].isFunded).toBe(false);
      expect(BigInt(byName[name].cost) - BigInt(byName[name].allocated)).toBeLessThanOrEqual(
        BigInt(byName[name].shortfall),
      );
    }
    expect(analysis.communes[0].deadline).toBe('2022-Q3');
    const huyen = analysis.sources.find((s: any) => s.source.code === 'NS_HUYEN');
    expect(huyen.isConfirmed).toBe(false);
    expect(huyen.status).not.toBe('OK');
    expect(BigInt(huyen.debtRisk)).toBe(BigInt(huyen.allocated));
    expect(BigInt(analysis.totals.debtRisk)).toBeGreaterThanOrEqual(BigInt(huyen.debtRisk));
    expect(analysis.spreadThin.some((w: any) => w.kind === 'MET_CRITERION')).toBe(true);
    const shortfallSum = analysis.communes.reduce((s: bigint, c: any) => s + BigInt(c.shortfall), 0n);
    expect(BigInt(analysis.totals.shortfall)).toBe(shortfallSum);
  });

  it('lists the first spread-thin warnings on request and counts them all', async () => {
    const query = `query($id: ID!, $first: Int) { plan(id: $id) { analysis {
      all: spreadThin { kind communeId criterionId amount }
      first: spreadThin(first: $first) { kind communeId criterionId amount }
      spreadThinCount } } }`;
    const { analysis } = (await app.ok(query, { id: planId, first: 2 })).plan;
    expect(analysis.all.length).toBeGreaterThan(2);
    expect(analysis.first).toEqual(analysis.all.slice(0, 2));
    expect(analysis.spreadThinCount).toBe(analysis.all.length);
    expect((await app.ok(query, { id: planId, first: 0 })).plan.analysis.first).toEqual([]);

    const negative = await app.gql(query, { id: planId, first: -1 });
    expect(negative.errors?.[0]?.extensions?.['code']).toBe('INVALID_INPUT');
    expect(negative.errors?.[0]?.message).toContain('first');
  });

  it('resolves every node type through node(id) and returns null for unknown ids', async () => {
    const data = await app.ok(
      `query($id: ID!) { plan(id: $id) { id criteriaSet { id criteria { id } } province { id } district { id }
        fundingCaps { source { id } } communes { commune { id projects { id } } } } }`,
      { id: planId },
    );
    const plan = data.plan;
    const ids = [
      plan.id,
      plan.criteriaSet.id,
      plan.criteriaSet.criteria[0].id,
      plan.province.id,
      plan.district.id,
      plan.fundingCaps[0].source.id,
      plan.communes[0].commune.id,
      plan.communes.flatMap((c: any) => c.commune.projects)[0].id,
    ];
    const nodes = await app.ok(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids });
    expect(nodes.nodes.map((n: any) => n.__typename)).toEqual([
      'Plan',
      'CriteriaSet',
      'Criterion',
      'Province',
      'District',
      'FundingSource',
      'Commune',
      'Project',
    ]);
    expect(nodes.nodes.map((n: any) => n.id)).toEqual(ids);
    const missing = await app.gql(`{ node(id: "UGxhbjo5OTk5OTk=") { id } plan(id: "garbage") { id } }`);
    expect(missing.data).toEqual({ node: null, plan: null });
  });

  it('judges deadlines against a quarter: Vô Tranh is overdue after Q3/2022, not before', async () => {
    const query = `query($id: ID!, $asOf: String) { plan(id: $id) { analysis(asOf: $asOf) {
      communes { commune { name } isOverdue isFunded } } } }`;
    const during = await app.ok(query, { id: planId, asOf: '2022-Q3' });
    const after = await app.ok(query, { id: planId, asOf: 'Quý IV/2022' });
    const voTranh = (data: any) =>
      data.plan.analysis.communes.find((c: any) => c.commune.name === 'Vô Tranh');
    expect(voTranh(during).isOverdue).toBe(false);
    expect(voTranh(after).isOverdue).toBe(true);
    const bad = await app.gql(query, { id: planId, asOf: 'sometime' });
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('INVALID_QUARTER');
  });

  it('treats malformed ids and page sizes as the caller’s mistake, not a server error', async () => {
    const node = await app.gql(`{ node(id: "garbage") { id } }`);
    expect(node.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const page = await app.gql(`{ communes(first: -1) { edges { node { id } } } }`);
    expect(page.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('keeps the typed code of a bad Money literal written inline in the query', async () => {
    const result = await app.gql(
      `mutation { setFundingCap(input: { planId: "x", sourceId: "y", amount: "1,5", isConfirmed: true }) { __typename } }`,
      {},
      { locale: 'en' },
    );
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('NOT_AN_AMOUNT');
    expect(result.errors?.[0]?.message).toMatch(/not an amount/);
  });

  it('pages plans and filters them by status', async () => {
    const drafts = await app.ok(`{ plans(status: DRAFT) { edges { node { status } } } }`);
    expect(drafts.plans.edges.length).toBeGreaterThan(0);
    expect(drafts.plans.edges.every((e: any) => e.node.status === 'DRAFT')).toBe(true);
    const locked = await app.ok(`{ plans(status: LOCKED) { edges { node { id } } } }`);
    expect(locked.plans.edges).toEqual([]);
  });
});
