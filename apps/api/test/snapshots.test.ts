// Versions of a plan over HTTP: take a named snapshot, edit, diff (cells and totals to the đồng,
// checked against an independent computation), diff two snapshots, restore as a new draft that
// equals the snapshot exactly; rejected operations change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_STATEMENTS, startTestApp, type TestApp } from './harness.ts';

let app: TestApp;
const ids: Record<string, string> = {};
const sources: Record<string, string> = {};
let planId: number;

const CREATE = `mutation($input: CreatePlanSnapshotInput!) { createPlanSnapshot(input: $input) {
  __typename ... on PlanSnapshotPayload { snapshot { id name note createdAt createdBy cellCount total plan { id } } }
  ... on Error { code message } } }`;
const RESTORE = `mutation($input: RestorePlanSnapshotInput!) { restorePlanSnapshot(input: $input) {
  __typename ... on RestorePlanSnapshotPayload { plan { id name status revision } } ... on Error { code message } } }`;
const TOTAL = 'id name before after delta changedCells';
const DIFF = `query($plan: ID!, $from: ID!, $to: ID) { plan(id: $plan) { diff(from: $from, to: $to) {
  __typename
  ... on PlanDiff { from { id } to { id } cells { communeId criterionId sourceId before after delta }
    total { ${TOTAL} } byCommune { ${TOTAL} } byCriterion { ${TOTAL} } bySource { ${TOTAL} } }
  ... on Error { code message } } } }`;
const SET = `mutation($input: SetAllocationsInput!) { setAllocations(input: $input) { __typename } }`;

const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
const num = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);

async function counts() {
  const n = async (table: 'plan' | 'plan_snapshot' | 'plan_snapshot_cell' | 'allocation' | 'audit_log') =>
    Number(
      (
        await app.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return Promise.all([
    n('plan'),
    n('plan_snapshot'),
    n('plan_snapshot_cell'),
    n('allocation'),
    n('audit_log'),
  ]);
}

type Cell = { commune_id: number; criterion_id: number; source_id: number; amount: bigint };
const key = (c: Cell) => `${c.commune_id}:${c.criterion_id}:${c.source_id}`;

async function liveCells(plan: number): Promise<Cell[]> {
  return app.db
    .selectFrom('allocation')
    .select(['commune_id', 'criterion_id', 'source_id', 'amount'])
    .where('plan_id', '=', plan)
    .where('amount', '>', 0n)
    .orderBy(['commune_id', 'criterion_id', 'source_id'])
    .execute();
}

/** The expected diff, computed in JS from the two sides. */
function expectedDiff(before: Cell[], after: Cell[]) {
  const a = new Map(before.map((c) => [key(c), c]));
  const b = new Map(after.map((c) => [key(c), c]));
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  const rows = keys.map((k) => {
    const cell = (a.get(k) ?? b.get(k))!;
    return { ...cell, before: a.get(k)?.amount ?? 0n, after: b.get(k)?.amount ?? 0n };
  });
  const by = (dim: 'commune_id' | 'criterion_id' | 'source_id', type: string) => {
    const groups = new Map<number, { before: bigint; after: bigint; changed: number }>();
    for (const r of rows) {
      const g = groups.get(r[dim]) ?? { before: 0n, after: 0n, changed: 0 };
      g.before += r.before;
      g.after += r.after;
      if (r.before !== r.after) g.changed++;
      groups.set(r[dim], g);
    }
    return [...groups.entries()]
      .sort(([x], [y]) => x - y)
      .map(([id, g]) => ({
        id: gid(type, id),
        before: String(g.before),
        after: String(g.after),
        delta: String(g.after - g.before),
        changedCells: g.changed,
      }));
  };
  const changed = rows
    .filter((r) => r.before !== r.after)
    .sort(
      (x, y) => x.commune_id - y.commune_id || x.criterion_id - y.criterion_id || x.source_id - y.source_id,
    )
    .map((r) => ({
      communeId: gid('Commune', r.commune_id),
      criterionId: gid('Criterion', r.criterion_id),
      sourceId: gid('FundingSource', r.source_id),
      before: String(r.before),
      after: String(r.after),
      delta: String(r.after - r.before),
    }));
  const sum = (f: (r: (typeof rows)[number]) => bigint) => rows.reduce((s, r) => s + f(r), 0n);
  return {
    cells: changed,
    total: {
      before: String(sum((r) => r.before)),
      after: String(sum((r) => r.after)),
      delta: String(sum((r) => r.after - r.before)),
      changedCells: changed.length,
    },
    byCommune: by('commune_id', 'Commune'),
    byCriterion: by('criterion_id', 'Criterion'),
    bySource: by('source_id', 'FundingSource'),
  };
}

function strip(totals: Array<Record<string, unknown>>) {
  return totals.map(({ name: _name, ...rest }) => rest);
}

async function diff(from: string, to?: string, plan = ids.plan) {
  const data = await app.ok(DIFF, { plan, from, to });
  return data.plan.diff;
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
  for (const n of [2, 5, 9])
    ids[`criterion${n}`] = plan.criteriaSet.criteria.find((c: any) => c.number === n).id;
  for (const s of data.fundingSources) sources[s.code] = s.id;
  const communes = data.communes.edges.map((e: any) => e.node);
  ids.lucSon = communes.find((c: any) => c.name === 'Lục Sơn').id;
  ids.voTranh = communes.find((c: any) => c.name === 'Vô Tranh').id;
  planId = num(ids.plan!);
});
afterAll(() => app?.close());

describe('plan versions', () => {
  let first: any;
  let cellsAtFirst: Cell[];

  it('takes a named snapshot of the non-zero cells with their count and total, audited', async () => {
    cellsAtFirst = await liveCells(planId);
    const result = (
      await app.ok(CREATE, {
        input: { planId: ids.plan, name: 'Bản trình HĐND 15/8/2022', note: 'Trình kỳ họp thứ 7' },
      })
    ).createPlanSnapshot;
    expect(result.__typename).toBe('PlanSnapshotPayload');
    first = result.snapshot;
    expect(first).toMatchObject({
      name: 'Bản trình HĐND 15/8/2022',
      note: 'Trình kỳ họp thứ 7',
      createdBy: 'admin',
      cellCount: cellsAtFirst.length,
      total: String(cellsAtFirst.reduce((s, c) => s + c.amount, 0n)),
      plan: { id: ids.plan },
    });
    expect(cellsAtFirst.length).toBeGreaterThan(10);
    const audit = await app.ok(
      `{ auditLog(first: 1, filter: { entity: PLAN_SNAPSHOT }) { edges { node { action plan { id } after { name json } } } } }`,
    );
    expect(audit.auditLog.edges[0].node).toMatchObject({
      action: 'INSERT',
      plan: { id: ids.plan },
      after: { name: 'Bản trình HĐND 15/8/2022' },
    });
  });

  it('diffs a snapshot against now after edits: cells and totals by commune, criterion and source, to the đồng', async () => {
    const empty = await diff(first.id);
    expect(empty.cells).toEqual([]);
    expect(empty.total).toMatchObject({
      before: first.total,
      after: first.total,
      delta: '0',
      changedCells: 0,
    });

    // Raise one cell, clear another, fill an empty one.
    await app.ok(SET, {
      input: {
        planId: ids.plan,
        cells: [
          {
            communeId: ids.lucSon,
            criterionId: ids.criterion2,
            sourceId: sources.NSTW,
            amount: '1800000001',
          },
          { communeId: ids.voTranh, criterionId: ids.criterion5, sourceId: sources.NSTW, amount: '0' },
          {
            communeId: ids.voTranh,
            criterionId: ids.criterion9,
            sourceId: sources.NS_TINH,
            amount: '333333333',
          },
        ],
      },
    });
    const now = await liveCells(planId);
    const expected = expectedDiff(cellsAtFirst, now);
    expect(expected.cells).toHaveLength(3);
    const actual = await diff(first.id);
    expect(actual.__typename).toBe('PlanDiff');
    expect(actual.to).toBeNull();
    expect(actual.cells).toEqual(expected.cells);
    expect(actual.total).toEqual({ id: null, name: '', ...expected.total });
    expect(strip(actual.byCommune)).toEqual(expected.byCommune);
    expect(strip(actual.byCriterion)).toEqual(expected.byCriterion);
    expect(strip(actual.bySource)).toEqual(expected.bySource);
    expect(actual.total.delta).toBe(String(1n - 1_300_000_000n + 333_333_333n));
    expect(actual.byCommune.find((c: any) => c.id === ids.lucSon).name).toBe('Lục Sơn');
  });

  it('diffs two snapshots the same way, in a bounded number of statements', async () => {
    const second = (await app.ok(CREATE, { input: { planId: ids.plan, name: 'Sau điều chỉnh' } }))
      .createPlanSnapshot.snapshot;
    const before = app.counter.statements;
    const between = await diff(first.id, second.id);
    expect(app.counter.statements - before).toBeLessThanOrEqual(8 + AUTH_STATEMENTS);
    const now = await diff(first.id);
    expect(between.to).toEqual({ id: second.id });
    expect({ ...between, to: null }).toEqual(now);
    const list = await app.ok(`query($id: ID!) { plan(id: $id) { snapshots { id name } } }`, {
      id: ids.plan,
    });
    expect(list.plan.snapshots).toEqual([
      { id: second.id, name: 'Sau điều chỉnh' },
      { id: first.id, name: 'Bản trình HĐND 15/8/2022' },
    ]);
    const node = await app.ok(
      `query($id: ID!) { node(id: $id) { __typename ... on PlanSnapshot { name cellCount } } }`,
      { id: first.id },
    );
    expect(node.node).toEqual({
      __typename: 'PlanSnapshot',
      name: 'Bản trình HĐND 15/8/2022',
      cellCount: first.cellCount,
    });
  });

  it('restores a snapshot as a new draft revision equal to the snapshot exactly', async () => {
    // The source plan moves on after the snapshot: caps too.
    await app.ok(`mutation($i: SetFundingCapInput!) { setFundingCap(input: $i) { __typename } }`, {
      i: { planId: ids.plan, sourceId: sources.NSTW, amount: '1', isConfirmed: false },
    });
    await app.recordConsultations(ids.plan!);
    const submitted = await app.ok(`mutation($id: ID!) { submitPlan(planId: $id) { __typename } }`, {
      id: ids.plan,
    });
    expect(submitted.submitPlan.__typename).toBe('PlanPayload');

    const capsAtFirst = await app.db
      .selectFrom('plan_snapshot_cap')
      .select(['source_id', 'amount', 'is_confirmed', 'note'])
      .where('snapshot_id', '=', num(first.id))
      .orderBy('source_id')
      .execute();
    const source = await app.db
      .selectFrom('plan')
      .selectAll()
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    const result = (
      await app.ok(RESTORE, { input: { snapshotId: first.id, name: 'Kế hoạch 2022 (điều chỉnh lần 2)' } })
    ).restorePlanSnapshot;
    expect(result.__typename).toBe('RestorePlanSnapshotPayload');
    expect(result.plan).toMatchObject({
      name: 'Kế hoạch 2022 (điều chỉnh lần 2)',
      status: 'DRAFT',
      revision: source.revision + 1,
    });
    const restoredId = num(result.plan.id);
    const restored = await app.db
      .selectFrom('plan')
      .selectAll()
      .where('id', '=', restoredId)
      .executeTakeFirstOrThrow();
    expect(restored).toMatchObject({
      previous_revision_id: planId,
      scope_level: source.scope_level,
      district_id: source.district_id,
      province_id: source.province_id,
      period_start_year: source.period_start_year,
      period_end_year: source.period_end_year,
      criteria_set_id: source.criteria_set_id,
      district_criteria_set_id: source.district_criteria_set_id,
    });

    expect(await liveCells(restoredId)).toEqual(cellsAtFirst);
    const caps = await app.db
      .selectFrom('funding_cap')
      .select(['source_id', 'amount', 'is_confirmed', 'note'])
      .where('plan_id', '=', restoredId)
      .orderBy('source_id')
      .execute();
    expect(caps).toEqual(capsAtFirst);
    expect(caps.find((c) => c.source_id === num(sources.NSTW!))?.amount).toBe(17_000_000_000n);
    const communes = (plan: number) =>
      app.db
        .selectFrom('plan_commune')
        .select(['commune_id', 'is_target', 'target_level', 'deadline_year', 'deadline_quarter', 'priority'])
        .where('plan_id', '=', plan)
        .orderBy('commune_id')
        .execute();
    expect(await communes(restoredId)).toEqual(await communes(planId));

    // Audited cell by cell under one batch, so the audit alone rebuilds the new plan.
    const audit = await app.db
      .selectFrom('audit_log')
      .select(['entity', 'batch_id'])
      .where('plan_id', '=', restoredId)
      .execute();
    expect(audit.filter((a) => a.entity === 'allocation')).toHaveLength(cellsAtFirst.length);
    expect(audit.filter((a) => a.entity === 'funding_cap')).toHaveLength(capsAtFirst.length);
    expect(new Set(audit.map((a) => a.batch_id)).size).toBe(1);

    // A snapshot of the restored plan has the same cells and total as the one it came from.
    const again = (await app.ok(CREATE, { input: { planId: result.plan.id, name: 'Kiểm tra' } }))
      .createPlanSnapshot.snapshot;
    expect([again.cellCount, again.total]).toEqual([first.cellCount, first.total]);
  });

  it('rejects bad requests with typed errors and writes nothing', async () => {
    const before = await counts();
    const unknown = gid('PlanSnapshot', 999_999);
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [CREATE, { input: { planId: ids.plan, name: '   ' } }, 'INVALID_NAME'],
      [CREATE, { input: { planId: gid('Plan', 999_999), name: 'x' } }, 'UNKNOWN_PLAN'],
      [RESTORE, { input: { snapshotId: unknown, name: 'x' } }, 'UNKNOWN_SNAPSHOT'],
      [RESTORE, { input: { snapshotId: ids.plan, name: 'x' } }, 'UNKNOWN_SNAPSHOT'],
      [
        RESTORE,
        {
          input: {
            snapshotId: (
              await app.ok(`query($id: ID!) { plan(id: $id) { snapshots { id } } }`, { id: ids.plan })
            ).plan.snapshots[0].id,
            name: '',
          },
        },
        'INVALID_NAME',
      ],
    ];
    for (const [query, variables, code] of cases) {
      const data = await app.ok(query, variables);
      expect((Object.values(data)[0] as any).code, JSON.stringify(variables)).toBe(code);
    }
    expect((await diff(unknown)).code).toBe('UNKNOWN_SNAPSHOT');
    // A snapshot of another plan is not a version of this one.
    const other = await app.db
      .selectFrom('plan_snapshot')
      .select('id')
      .where('plan_id', '<>', planId)
      .executeTakeFirstOrThrow();
    expect((await diff(gid('PlanSnapshot', other.id))).code).toBe('UNKNOWN_SNAPSHOT');
    expect(await counts()).toEqual(before);
  });
});
