// The audit trail over HTTP: every kind of change is listed with its values, filters and keyset
// paging work, a cell's history reads newest first, and revertChange puts values back — or
// reports a conflict / a locked plan and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_STATEMENTS, startTestApp, type TestApp } from './harness.ts';

let app: TestApp;
const ids: Record<string, string> = {};
const sources: Record<string, string> = {};

const SET = `mutation($input: SetAllocationsInput!) { setAllocations(input: $input) {
  __typename ... on SetAllocationsPayload { batchId cells { amount version } } ... on Error { code message } } }`;
const ENTRY = `id at actor requestId batchId origin entity action entityKey
  plan { id } commune { id name } criterion { id } source { code }
  before { amount version isConfirmed isMet status revertOf json }
  after { amount version isConfirmed isMet status revertOf json }`;
const LOG = `query($filter: AuditLogFilter, $first: Int, $after: String, $last: Int, $before: String) {
  auditLog(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { ${ENTRY} } } } }`;
const REVERT = `mutation($input: RevertChangeInput!) { revertChange(input: $input) {
  __typename
  ... on RevertChangePayload { batchId revertedCount entries { ${ENTRY} } plan { id } }
  ... on RevertConflictError { code message conflicts { entity communeId criterionId sourceId expectedVersion
      currentVersion currentAmount changedBy changedAt } }
  ... on Error { code message } } }`;
const HISTORY = `query($plan: ID!, $c: ID!, $k: ID!, $s: ID!) { plan(id: $plan) {
  cellHistory(communeId: $c, criterionId: $k, sourceId: $s) { id action batchId before { amount version } after { amount version revertOf } } } }`;

function cell(amount: string, overrides: Record<string, string | undefined> = {}) {
  return { communeId: ids.lucSon, criterionId: ids.criterion9, sourceId: sources.NSTW, amount, ...overrides };
}

async function set(
  planId: string | undefined,
  cells: ReturnType<typeof cell>[],
  headers: Record<string, string> = {},
) {
  const result = await app.gql(SET, { input: { planId, cells } }, { headers });
  const payload = result.data?.setAllocations;
  if (payload?.__typename !== 'SetAllocationsPayload') throw new Error(JSON.stringify(result));
  return payload as { batchId: string; cells: Array<{ amount: string; version: number }> };
}

async function log(filter: Record<string, unknown>, paging: Record<string, unknown> = { first: 100 }) {
  const data = await app.ok(LOG, { filter, ...paging });
  return data.auditLog as {
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };
    edges: Array<{ cursor: string; node: any }>;
  };
}

async function history(
  communeId = ids.lucSon,
  criterionId = ids.criterion9,
  sourceId = sources.NSTW,
  plan = ids.plan,
) {
  const data = await app.ok(HISTORY, { plan, c: communeId, k: criterionId, s: sourceId });
  return data.plan.cellHistory as any[];
}

async function state() {
  const [cells, audit, caps] = await Promise.all([
    app.db
      .selectFrom('allocation')
      .selectAll()
      .orderBy(['plan_id', 'commune_id', 'criterion_id', 'source_id'])
      .execute(),
    app.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
    app.db.selectFrom('funding_cap').selectAll().orderBy(['plan_id', 'source_id']).execute(),
  ]);
  return { cells, audit: Number(audit.n), caps };
}

beforeAll(async () => {
  app = await startTestApp();
  const data =
    await app.ok(`{ plans { edges { node { id district { id } criteriaSet { id criteria { id number } } } } }
    fundingSources { id code } communes(first: 50) { edges { node { id name } } } }`);
  const plan = data.plans.edges[0].node;
  ids.plan = plan.id;
  ids.district = plan.district.id;
  ids.criteriaSet = plan.criteriaSet.id;
  ids.criterion2 = plan.criteriaSet.criteria.find((c: any) => c.number === 2).id;
  ids.criterion5 = plan.criteriaSet.criteria.find((c: any) => c.number === 5).id;
  // Criteria 9 and 10 have no demo allocations: their cells start empty.
  ids.criterion9 = plan.criteriaSet.criteria.find((c: any) => c.number === 9).id;
  ids.criterion10 = plan.criteriaSet.criteria.find((c: any) => c.number === 10).id;
  for (const s of data.fundingSources) sources[s.code] = s.id;
  const communes = data.communes.edges.map((e: any) => e.node);
  ids.lucSon = communes.find((c: any) => c.name === 'Lục Sơn').id;
  ids.voTranh = communes.find((c: any) => c.name === 'Vô Tranh').id;
});
afterAll(() => app?.close());

describe('auditLog', () => {
  it('lists every kind of change, newest first, with typed before/after values', async () => {
    const batch = await set(
      ids.plan,
      [cell('1234567890'), cell('250000000', { communeId: ids.voTranh, sourceId: sources.NS_TINH })],
      {
        'x-ntm-origin': 'grid',
      },
    );
    await app.ok(`mutation($i: SetFundingCapInput!) { setFundingCap(input: $i) { __typename } }`, {
      i: { planId: ids.plan, sourceId: sources.NSTW, amount: '90000000000', isConfirmed: true },
    });
    await app.ok(`mutation($i: SetCriterionStatusInput!) { setCriterionStatus(input: $i) { __typename } }`, {
      i: { unitId: ids.lucSon, criterionId: ids.criterion5, isMet: true, assessedOn: '2022-08-15' },
    });
    await app.ok(`mutation($i: UpdatePlanInput!) { updatePlan(input: $i) { __typename } }`, {
      i: { planId: ids.plan, note: 'Ghi chú mới' },
    });
    await app.ok(`mutation($i: CreateProjectInput!) { createProject(input: $i) { __typename } }`, {
      i: {
        communeId: ids.lucSon,
        criterionId: ids.criterion2,
        name: 'Đường trục xã',
        estimatedCost: '500000000',
      },
    });

    const planLog = await log({ planId: ids.plan }, { first: 5 });
    const nodes = planLog.edges.map((e) => e.node);
    expect(nodes.map((n) => n.entity)).toEqual(['PLAN', 'FUNDING_CAP', 'ALLOCATION', 'ALLOCATION']);
    const [planRow, capRow, cellB, cellA] = nodes;
    expect(planRow.after.json).toContain('Ghi chú mới');
    expect(planRow.action).toBe('UPDATE');
    expect(capRow.after).toMatchObject({ amount: '90000000000', isConfirmed: true });
    expect(capRow.after.version).toBe(capRow.before.version + 1);
    expect(capRow.before.amount).toBe('17000000000');
    expect(cellA).toMatchObject({
      action: 'INSERT',
      origin: 'GRID',
      actor: 'admin',
      batchId: batch.batchId,
      commune: { id: ids.lucSon, name: 'Lục Sơn' },
      criterion: { id: ids.criterion9 },
      source: { code: 'NSTW' },
      before: null,
      after: { amount: '1234567890', version: 1, revertOf: null },
    });
    expect(cellA.requestId).toEqual(expect.any(String));
    expect(cellB.commune.name).toBe('Vô Tranh');
    expect(Date.parse(cellA.at)).toBeGreaterThan(Date.now() - 60_000);

    const status = await log({ entity: 'CRITERION_STATUS', communeId: ids.lucSon });
    expect(status.edges[0]!.node).toMatchObject({ entity: 'CRITERION_STATUS', after: { isMet: true } });
    const project = await log({ entity: 'PROJECT' });
    expect(project.edges[0]!.node.after.amount).toBe('500000000');
  });

  it('filters by cell, source, actor, time range and batch', async () => {
    const batch = await set(ids.plan, [
      cell('7000', { criterionId: ids.criterion5 }),
      cell('8000', { criterionId: ids.criterion5, communeId: ids.voTranh, sourceId: sources.NS_TINH }),
    ]);
    const byBatch = await log({ batchId: batch.batchId });
    expect(byBatch.edges.map((e) => e.node.after.amount)).toEqual(['8000', '7000']);

    const byCell = await log({
      planId: ids.plan,
      communeId: ids.voTranh,
      criterionId: ids.criterion5,
      sourceId: sources.NS_TINH,
    });
    expect(byCell.edges).toHaveLength(1);
    expect((await log({ sourceId: sources.NS_TINH, criterionId: ids.criterion5 })).edges).toHaveLength(1);

    expect((await log({ actor: 'admin', batchId: batch.batchId })).edges).toHaveLength(2);
    expect((await log({ actor: 'someone else' })).edges).toHaveLength(0);

    const now = Date.now();
    expect(
      (await log({ batchId: batch.batchId, from: new Date(now - 60_000).toISOString() })).edges,
    ).toHaveLength(2);
    expect(
      (await log({ batchId: batch.batchId, from: new Date(now + 60_000).toISOString() })).edges,
    ).toHaveLength(0);
    expect(
      (await log({ batchId: batch.batchId, to: new Date(now - 60_000).toISOString() })).edges,
    ).toHaveLength(0);
    // A filter ID of another type matches nothing rather than everything.
    expect((await log({ planId: ids.lucSon })).edges).toHaveLength(0);
  });

  it('pages by keyset in both directions without gaps or repeats', async () => {
    const all = (await log({ planId: ids.plan }, { first: 500 })).edges.map((e) => e.cursor);
    expect(all.length).toBeGreaterThanOrEqual(6);
    expect([...all].map(Number)).toEqual([...all].map(Number).sort((a, b) => b - a));

    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await log({ planId: ids.plan }, { first: 3, after });
      seen.push(...page.edges.map((e) => e.cursor));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);

    const last = await log({ planId: ids.plan }, { last: 2 });
    expect(last.edges.map((e) => e.cursor)).toEqual(all.slice(-2));
    const before = await log({ planId: ids.plan }, { last: 2, before: all[4] });
    expect(before.edges.map((e) => e.cursor)).toEqual(all.slice(2, 4));
  });

  it('reads a page of entries with their links in a bounded number of statements', async () => {
    const before = app.counter.statements;
    const page = await log({}, { first: 100 });
    expect(page.edges.length).toBeGreaterThan(5);
    expect(app.counter.statements - before).toBeLessThanOrEqual(6 + AUTH_STATEMENTS);
  });

  it('exposes entries as nodes', async () => {
    const first = (await log({ planId: ids.plan }, { first: 1 })).edges[0]!.node;
    const data = await app.ok(
      `query($id: ID!) { node(id: $id) { __typename ... on AuditEntry { id entity } } }`,
      { id: first.id },
    );
    expect(data.node).toEqual({ __typename: 'AuditEntry', id: first.id, entity: first.entity });
  });
});

describe('Plan.cellHistory', () => {
  it("lists one cell's changes newest first", async () => {
    const c = { communeId: ids.voTranh, criterionId: ids.criterion9, sourceId: sources.NSTW };
    await set(ids.plan, [cell('100', c)]);
    await set(ids.plan, [cell('200', c)]);
    await set(ids.plan, [cell('0', c)]);
    const rows = await history(c.communeId, c.criterionId, c.sourceId);
    expect(rows.map((r) => [r.action, r.before?.amount ?? null, r.after.amount, r.after.version])).toEqual([
      ['UPDATE', '200', '0', 3],
      ['UPDATE', '100', '200', 2],
      ['INSERT', null, '100', 1],
    ]);
  });
});

describe('revertChange', () => {
  const at = () => ({ communeId: ids.lucSon, criterionId: ids.criterion10, sourceId: sources.NSTW });

  async function current(c = at()) {
    const data = await app.ok(
      `query($plan: ID!, $f: AllocationFilter) { plan(id: $plan) { allocations(filter: $f) { edges { node { amount version } } } } }`,
      { plan: ids.plan, f: c },
    );
    return data.plan.allocations.edges[0]?.node ?? null;
  }

  it('reverts one change: the cell gets its value back, a new version, and an audit row linking the revert', async () => {
    await set(ids.plan, [cell('100', at())]);
    await set(ids.plan, [cell('250', at())]);
    const [latest] = await history(ids.lucSon, ids.criterion10, sources.NSTW);
    const result = (await app.ok(REVERT, { input: { auditId: latest.id } })).revertChange;
    expect(result.__typename).toBe('RevertChangePayload');
    expect(result.revertedCount).toBe(1);
    expect(result.plan.id).toBe(ids.plan);
    expect(result.entries[0]).toMatchObject({
      entity: 'ALLOCATION',
      action: 'UPDATE',
      before: { amount: '250', version: 2 },
      after: { amount: '100', version: 3, revertOf: latest.id },
    });
    expect(await current()).toEqual({ amount: '100', version: 3 });
    const [newest] = await history(ids.lucSon, ids.criterion10, sources.NSTW);
    expect(newest.after.revertOf).toBe(latest.id);
    expect(newest.batchId).toBe(result.batchId);

    // Reverting the revert redoes the change.
    const redo = (await app.ok(REVERT, { input: { batchId: result.batchId } })).revertChange;
    expect(redo.__typename).toBe('RevertChangePayload');
    expect(await current()).toEqual({ amount: '250', version: 4 });
  });

  it('reverts a whole batch: updated cells go back, inserted cells go to 0', async () => {
    const other = { communeId: ids.voTranh, criterionId: ids.criterion10, sourceId: sources.NSTW };
    const batch = await set(ids.plan, [cell('999', at()), cell('555', other)]);
    const result = (await app.ok(REVERT, { input: { batchId: batch.batchId } })).revertChange;
    expect(result.revertedCount).toBe(2);
    expect(await current()).toEqual({ amount: '250', version: 6 });
    expect(await current(other)).toEqual({ amount: '0', version: 2 });
  });

  it('reports a conflict when the cell moved since, listing its current value, version and author, and writes nothing', async () => {
    const first = await set(ids.plan, [
      cell('1000', at()),
      cell('2000', { ...at(), communeId: ids.voTranh }),
    ]);
    await set(ids.plan, [cell('1500', at())]);
    const before = await state();
    const result = (await app.ok(REVERT, { input: { batchId: first.batchId } })).revertChange;
    expect(result.__typename).toBe('RevertConflictError');
    expect(result.code).toBe('REVERT_CONFLICT');
    expect(result.message).toMatch(/admin/);
    expect(result.conflicts).toEqual([
      {
        entity: 'ALLOCATION',
        communeId: ids.lucSon,
        criterionId: ids.criterion10,
        sourceId: sources.NSTW,
        expectedVersion: 7,
        currentVersion: 8,
        currentAmount: '1500',
        changedBy: 'admin',
        changedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    expect(await state()).toEqual(before);
  });

  it('reverts cap and criterion status changes, deleting what the change created', async () => {
    const setCap = `mutation($i: SetFundingCapInput!) { setFundingCap(input: $i) { __typename } }`;
    // A new plan has no caps yet, so the first change creates one.
    const created = await app.ok(
      `mutation($i: CreatePlanInput!) { createPlan(input: $i) { ... on PlanPayload { plan { id } } } }`,
      {
        i: {
          name: 'KH thử nguồn',
          districtId: ids.district,
          periodStartYear: 2024,
          periodEndYear: 2024,
          criteriaSetId: ids.criteriaSet,
        },
      },
    );
    const planGid = created.createPlan.plan.id as string;
    const planId = Number(Buffer.from(planGid, 'base64').toString().split(':')[1]);
    const sourceId = sources.NS_TINH!;
    const cap = () => app.db.selectFrom('funding_cap').selectAll().where('plan_id', '=', planId).execute();

    await app.ok(setCap, { i: { planId: planGid, sourceId, amount: '5000', isConfirmed: false } });
    await app.ok(setCap, {
      i: { planId: planGid, sourceId, amount: '7000', isConfirmed: true, note: 'đã giao' },
    });
    const [second, first] = (await log({ planId: planGid, sourceId, entity: 'FUNDING_CAP' })).edges.map(
      (e) => e.node,
    );
    expect(first.action).toBe('INSERT');
    const undo = (await app.ok(REVERT, { input: { auditId: second.id } })).revertChange;
    expect(undo.entries[0]).toMatchObject({
      entity: 'FUNDING_CAP',
      after: { amount: '5000', isConfirmed: false, version: 3 },
    });
    expect((await cap()).map((c) => [c.amount, c.is_confirmed, c.note, c.version])).toEqual([
      [5000n, false, null, 3],
    ]);

    // The first change created the cap, but the cap moved since (the revert above): a conflict.
    const conflict = (await app.ok(REVERT, { input: { auditId: first.id } })).revertChange;
    expect(conflict.conflicts[0]).toMatchObject({
      entity: 'FUNDING_CAP',
      sourceId,
      currentVersion: 3,
      expectedVersion: 1,
      currentAmount: '5000',
    });
    // Undoing the undo brings 7000 back.
    await app.ok(REVERT, { input: { batchId: undo.batchId } });
    expect((await cap()).map((c) => c.amount)).toEqual([7000n]);

    // A fresh cap, reverted right away: the revert deletes it and says so.
    await app.ok(setCap, { i: { planId: planGid, sourceId: sources.NSTW, amount: '1', isConfirmed: false } });
    const fresh = (await log({ planId: planGid, sourceId: sources.NSTW }, { first: 1 })).edges[0]!.node;
    const removed = (await app.ok(REVERT, { input: { auditId: fresh.id } })).revertChange;
    expect(removed.entries[0]).toMatchObject({
      action: 'DELETE',
      before: { amount: '1' },
      after: { amount: null, revertOf: fresh.id },
    });
    expect((await cap()).map((c) => c.source_id)).toHaveLength(1);

    const setStatus = `mutation($i: SetCriterionStatusInput!) { setCriterionStatus(input: $i) { __typename } }`;
    await app.ok(setStatus, {
      i: { unitId: ids.voTranh, criterionId: ids.criterion5, isMet: false, note: 'chưa đạt' },
    });
    await app.ok(setStatus, { i: { unitId: ids.voTranh, criterionId: ids.criterion5, isMet: true } });
    const [latest] = (await log({ communeId: ids.voTranh, entity: 'CRITERION_STATUS' })).edges.map(
      (e) => e.node,
    );
    const reverted = (await app.ok(REVERT, { input: { auditId: latest.id } })).revertChange;
    expect(reverted.entries[0]).toMatchObject({
      entity: 'CRITERION_STATUS',
      after: { isMet: false, revertOf: latest.id },
    });
  });

  it('refuses on a plan that is no longer a draft (PLAN_LOCKED) and changes nothing', async () => {
    const created = await app.ok(
      `mutation($i: CreatePlanInput!) { createPlan(input: $i) { ... on PlanPayload { plan { id } } } }`,
      {
        i: {
          name: 'KH thử khóa',
          districtId: ids.district,
          periodStartYear: 2024,
          periodEndYear: 2024,
          criteriaSetId: ids.criteriaSet,
        },
      },
    );
    const planId = created.createPlan.plan.id;
    const batch = await set(planId, [cell('4242')]);
    await app.recordConsultations(planId);
    const submitted = await app.ok(`mutation($id: ID!) { submitPlan(planId: $id) { __typename } }`, {
      id: planId,
    });
    expect(submitted.submitPlan.__typename).toBe('PlanPayload');
    const before = await state();
    const result = (await app.ok(REVERT, { input: { batchId: batch.batchId } })).revertChange;
    expect(result).toMatchObject({ __typename: 'InputError', code: 'PLAN_LOCKED' });
    expect(await state()).toEqual(before);
  });

  it('rejects unknown entries, non-revertible changes and ambiguous input without writing', async () => {
    const before = await state();
    const planEntry = (await log({ planId: ids.plan, entity: 'PLAN' }, { first: 1 })).edges[0]!.node;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ auditId: planEntry.id }, 'NOT_REVERTIBLE'],
      [{ batchId: 'no-such-batch' }, 'UNKNOWN_AUDIT_ENTRY'],
      [{ auditId: Buffer.from('AuditEntry:999999999').toString('base64') }, 'UNKNOWN_AUDIT_ENTRY'],
      [{ auditId: ids.plan }, 'UNKNOWN_AUDIT_ENTRY'],
      [{}, 'INVALID_INPUT'],
      [{ auditId: planEntry.id, batchId: 'x' }, 'INVALID_INPUT'],
    ];
    for (const [input, code] of cases) {
      const result = (await app.ok(REVERT, { input })).revertChange;
      expect(result.code, JSON.stringify(input)).toBe(code);
    }
    expect(await state()).toEqual(before);
  });
});
