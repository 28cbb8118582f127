// Every mutation over HTTP: the change, its audit row, and that rejected input changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../src/auth/secrets.ts';
import {
  idempotencyKeyFor,
  MUTATIONS_NOT_REPLAYABLE,
  MUTATIONS_WITH_OUTSIDE_EFFECTS,
} from '../src/http/idempotency.ts';
import { schema } from '../src/schema/index.ts';
import { sessionHeaders } from './auth-session.ts';
import { DEMO_USERS, startTestApp, TEST_ADMIN, type TestApp } from './harness.ts';

let app: TestApp;
const ids: Record<string, string> = {};
const sources: Record<string, string> = {};

const SET_ALLOCATIONS = `mutation($input: SetAllocationsInput!) { setAllocations(input: $input) {
  __typename
  ... on SetAllocationsPayload { batchId changedCount cells { communeId criterionId sourceId amount version changed }
    plan { bySource: totals(by: SOURCE) { id amount } analysis { totals { allocated } } } }
  ... on Error { code message }
  ... on BatchRejectedError { errorCount cellErrors { index code message } } } }`;

async function countRows() {
  const [allocations, audit] = await Promise.all([
    app.db
      .selectFrom('allocation')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
    app.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { allocations: Number(allocations.n), audit: Number(audit.n) };
}

beforeAll(async () => {
  app = await startTestApp();
  const data =
    await app.ok(`{ plans { edges { node { id district { id } criteriaSet { id criteria { id number } }
    districtCriteriaSet { id criteria { id number } } } } }
    fundingSources { id code }
    communes(first: 50) { edges { node { id name isProgram135 } } } }`);
  const plan = data.plans.edges[0].node;
  ids.plan = plan.id;
  ids.district = plan.district.id;
  ids.criteriaSet = plan.criteriaSet.id;
  ids.districtSet = plan.districtCriteriaSet.id;
  ids.criterion2 = plan.criteriaSet.criteria.find((c: any) => c.number === 2).id;
  ids.criterion5 = plan.criteriaSet.criteria.find((c: any) => c.number === 5).id;
  ids.districtCriterion5 = plan.districtCriteriaSet.criteria.find((c: any) => c.number === 5).id;
  for (const s of data.fundingSources) sources[s.code] = s.id;
  const communes = data.communes.edges.map((e: any) => e.node);
  ids.lucSon = communes.find((c: any) => c.name === 'Lục Sơn').id;
  ids.voTranh = communes.find((c: any) => c.name === 'Vô Tranh').id;
  ids.nonP135 = communes.find((c: any) => !c.isProgram135).id;
  ids.p135 = communes.find((c: any) => c.isProgram135).id;
});
afterAll(() => app?.close());

describe('setAllocations', () => {
  it('writes a batch, bumps versions, audits each changed cell and returns totals', async () => {
    const before = await countRows();
    const cells = [
      {
        communeId: ids.lucSon,
        criterionId: ids.criterion2,
        sourceId: sources.NSTW,
        amount: '1234567890',
      },
      {
        communeId: ids.voTranh,
        criterionId: ids.criterion2,
        sourceId: sources.NS_TINH,
        amount: 250_000_000,
      },
    ];
    const data = await app.ok(SET_ALLOCATIONS, {
      input: { planId: ids.plan, cells },
    });
    const result = data.setAllocations;
    expect(result.__typename).toBe('SetAllocationsPayload');
    expect(result.cells.map((c: any) => c.amount)).toEqual(['1234567890', '250000000']);
    expect(result.changedCount).toBe(2);
    const after = await countRows();
    expect(after.audit - before.audit).toBe(2);
    const audit = await app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('batch_id', '=', result.batchId)
      .orderBy('id')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit.every((a) => a.entity === 'allocation' && a.origin === 'api' && a.actor === 'admin')).toBe(
      true,
    );
    expect(audit.some((a) => (a.after as any).amount === '1234567890')).toBe(true);

    // Same amounts again: nothing changes, versions stay.
    const again = await app.ok(SET_ALLOCATIONS, {
      input: { planId: ids.plan, cells },
    });
    expect(again.setAllocations.changedCount).toBe(0);
    expect(again.setAllocations.cells.map((c: any) => c.version)).toEqual(
      result.cells.map((c: any) => c.version),
    );
    expect((await countRows()).audit).toBe(after.audit);

    // A change bumps the version by one and the totals follow to the đồng.
    const totalBefore = BigInt(again.setAllocations.plan.analysis.totals.allocated);
    const changed = await app.ok(SET_ALLOCATIONS, {
      input: {
        planId: ids.plan,
        cells: [{ ...cells[0], amount: '1234567891' }],
      },
    });
    expect(changed.setAllocations.cells[0].version).toBe(result.cells[0].version + 1);
    expect(BigInt(changed.setAllocations.plan.analysis.totals.allocated)).toBe(totalBefore + 1n);
  });

  it('marks writes from the grid with origin "grid"', async () => {
    const result = await app.gql(
      SET_ALLOCATIONS,
      {
        input: {
          planId: ids.plan,
          cells: [
            {
              communeId: ids.lucSon,
              criterionId: ids.criterion5,
              sourceId: sources.NSTW,
              amount: '777',
            },
          ],
        },
      },
      { headers: { 'x-ntm-origin': 'grid' } },
    );
    const batchId = (result.data as any).setAllocations.batchId;
    const rows = await app.db
      .selectFrom('audit_log')
      .select('origin')
      .where('batch_id', '=', batchId)
      .execute();
    expect(rows.map((r) => r.origin)).toEqual(['grid']);
  });

  it('accepts a 10,000-cell batch atomically', async () => {
    const grid = await app.ok(`query($id: ID!) { plan(id: $id) { grid { communeIds criterionIds } } }`, {
      id: ids.plan,
    });
    const cells = [];
    for (const communeId of grid.plan.grid.communeIds) {
      for (const criterionId of grid.plan.grid.criterionIds) {
        for (const source of [
          'NSTW',
          'NS_TINH',
          'NS_XA',
          'LONG_GHEP',
          'TIN_DUNG',
          'DOANH_NGHIEP',
          'CONG_DONG',
        ]) {
          cells.push({
            communeId,
            criterionId,
            sourceId: sources[source],
            amount: String(1000 + cells.length),
          });
        }
      }
    }
    expect(cells.length).toBeGreaterThan(3000);
    const data = await app.ok(SET_ALLOCATIONS, {
      input: { planId: ids.plan, cells },
    });
    expect(data.setAllocations.cells).toHaveLength(cells.length);
  });
});

describe('optimistic concurrency', () => {
  // NS_HUYEN on Vô Tranh / criterion 5: a cell the other tests leave alone.
  const target = () => ({ communeId: ids.voTranh, criterionId: ids.criterion5, sourceId: sources.NS_HUYEN });
  const cellAt = (amount: string, expectedVersion: number) => ({ ...target(), amount, expectedVersion });
  const CONFLICT = `mutation($input: SetAllocationsInput!) { setAllocations(input: $input) { __typename
    ... on SetAllocationsPayload { changedCount cells { version amount } conflicts { currentVersion currentAmount expectedVersion attemptedAmount changedBy changedAt } }
    ... on VersionConflictError { code message conflicts { currentVersion currentAmount changedBy } } } }`;
  async function current() {
    const data = await app.ok(
      `query($id: ID!, $f: AllocationFilter) { plan(id: $id) { allocations(filter: $f) { edges { node { amount version } } } } }`,
      { id: ids.plan, f: target() },
    );
    return data.plan.allocations.edges[0]?.node ?? { amount: '0', version: 0 };
  }

  it('writes a change based on the current version, then refuses a stale one and keeps the current value', async () => {
    const v = (await current()).version;
    const first = await app.ok(CONFLICT, { input: { planId: ids.plan, cells: [cellAt('100', v)] } });
    expect(first.setAllocations.cells[0]).toEqual({ version: v + 1, amount: '100' });
    const second = await app.ok(CONFLICT, { input: { planId: ids.plan, cells: [cellAt('200', v + 1)] } });
    expect(second.setAllocations.cells[0]).toEqual({ version: v + 2, amount: '200' });

    const before = await countRows();
    const stale = await app.ok(
      CONFLICT,
      { input: { planId: ids.plan, cells: [cellAt('300', v + 1)] } },
      'en',
    );
    expect(stale.setAllocations.__typename).toBe('VersionConflictError');
    expect(stale.setAllocations.code).toBe('VERSION_CONFLICT');
    expect(stale.setAllocations.conflicts).toEqual([
      { currentVersion: v + 2, currentAmount: '200', changedBy: 'admin' },
    ]);
    expect(stale.setAllocations.message).toMatch(/changed by someone else/);
    expect(await countRows()).toEqual(before);
    expect(await current()).toEqual({ amount: '200', version: v + 2 });
  });

  it('applies the others and reports the conflicts in APPLY_OTHERS mode', async () => {
    const now = await current();
    const fresh = {
      communeId: ids.lucSon,
      criterionId: ids.criterion5,
      sourceId: sources.NS_HUYEN,
      amount: '42',
    };
    const result = await app.ok(CONFLICT, {
      input: {
        planId: ids.plan,
        conflictMode: 'APPLY_OTHERS',
        cells: [cellAt('999', now.version - 1), fresh],
      },
    });
    const payload = result.setAllocations;
    expect(payload.__typename).toBe('SetAllocationsPayload');
    expect(payload.changedCount).toBe(1);
    expect(payload.conflicts).toHaveLength(1);
    expect(payload.conflicts[0]).toMatchObject({
      expectedVersion: now.version - 1,
      currentVersion: now.version,
      currentAmount: now.amount,
      attemptedAmount: '999',
      changedBy: 'admin',
    });
    expect(payload.conflicts[0].changedAt).toMatch(/^\d{4}-/);
    expect(await current()).toEqual(now);
  });
});

describe('setAllocations in compact form (grid)', () => {
  const GRID_SAVE = `mutation($input: SetAllocationsInput!) { setAllocations(input: $input) { __typename
    ... on SetAllocationsPayload { batchId changedCount versions changedIndexes
      conflicts { communeId currentVersion currentAmount expectedVersion attemptedAmount } }
    ... on VersionConflictError { code conflicts { currentVersion currentAmount } }
    ... on BatchRejectedError { code cellErrors { index code } }
    ... on Error { code message } } }`;
  // Criterion 2 × two sources on Lục Sơn and Vô Tranh: 4 cells, as the grid would send them.
  const gridOf = (amounts: string[], expectedVersions?: number[]) => ({
    communeIds: [ids.lucSon, ids.voTranh],
    criterionIds: [ids.criterion2],
    sourceIds: [sources.NS_XA, sources.DOANH_NGHIEP],
    communeIndex: [0, 0, 1, 1],
    criterionIndex: [0, 0, 0, 0],
    sourceIndex: [0, 1, 0, 1],
    amounts,
    ...(expectedVersions ? { expectedVersions } : {}),
  });
  async function versionsNow() {
    const data = await app.ok(
      `query($id: ID!) { plan(id: $id) { allocations(filter: { criterionId: "${ids.criterion2}" }, first: 1000) {
        edges { node { communeId sourceId version } } } } }`,
      { id: ids.plan },
    );
    const byKey = new Map<string, number>(
      data.plan.allocations.edges.map((e: any) => [`${e.node.communeId}|${e.node.sourceId}`, e.node.version]),
    );
    return [
      [ids.lucSon, sources.NS_XA],
      [ids.lucSon, sources.DOANH_NGHIEP],
      [ids.voTranh, sources.NS_XA],
      [ids.voTranh, sources.DOANH_NGHIEP],
    ].map(([c, s]) => byKey.get(`${c}|${s}`) ?? 0);
  }

  it('writes like `cells`, audits in the same batch and answers with versions in input order', async () => {
    const before = await versionsNow();
    const audit = await countRows();
    const data = await app.ok(GRID_SAVE, {
      input: { planId: ids.plan, grid: gridOf(['11', '12', '13', '14'], before) },
    });
    const result = data.setAllocations;
    expect(result.__typename).toBe('SetAllocationsPayload');
    expect(result.changedCount).toBe(4);
    expect(result.changedIndexes).toEqual([0, 1, 2, 3]);
    expect(result.versions).toEqual(before.map((v) => v + 1));
    expect(await versionsNow()).toEqual(result.versions);
    expect((await countRows()).audit - audit.audit).toBe(4);
    const rows = await app.db
      .selectFrom('audit_log')
      .select('batch_id')
      .where('batch_id', '=', result.batchId)
      .execute();
    expect(rows).toHaveLength(4);

    // The same amounts again: nothing changes, versions stay.
    const again = await app.ok(GRID_SAVE, {
      input: { planId: ids.plan, grid: gridOf(['11', '12', '13', '14'], result.versions) },
    });
    expect(again.setAllocations).toMatchObject({
      changedCount: 0,
      changedIndexes: [],
      versions: result.versions,
    });
  });

  it('reports stale cells like `cells`: all or nothing, or the others applied', async () => {
    const now = await versionsNow();
    const stale = [now[0]! - 1, now[1]!, now[2]!, now[3]!];
    const refused = await app.ok(GRID_SAVE, {
      input: { planId: ids.plan, grid: gridOf(['21', '22', '23', '24'], stale) },
    });
    expect(refused.setAllocations).toMatchObject({
      __typename: 'VersionConflictError',
      code: 'VERSION_CONFLICT',
      conflicts: [{ currentVersion: now[0], currentAmount: '11' }],
    });
    expect(await versionsNow()).toEqual(now);

    const applied = await app.ok(GRID_SAVE, {
      input: {
        planId: ids.plan,
        conflictMode: 'APPLY_OTHERS',
        grid: gridOf(['21', '22', '23', '24'], stale),
      },
    });
    expect(applied.setAllocations).toMatchObject({
      changedCount: 3,
      changedIndexes: [1, 2, 3],
      versions: [now[0], now[1]! + 1, now[2]! + 1, now[3]! + 1],
      conflicts: [
        {
          communeId: ids.lucSon,
          currentVersion: now[0],
          expectedVersion: now[0]! - 1,
          attemptedAmount: '21',
        },
      ],
    });
  });

  it('rejects a batch given both ways, columns of different lengths, or an index off its axis', async () => {
    const cells = [
      { communeId: ids.lucSon, criterionId: ids.criterion2, sourceId: sources.NS_XA, amount: '1' },
    ];
    const before = await countRows();
    const both = await app.ok(GRID_SAVE, {
      input: { planId: ids.plan, cells, grid: gridOf(['1', '2', '3', '4']) },
    });
    expect(both.setAllocations.code).toBe('INVALID_INPUT');
    const neither = await app.ok(GRID_SAVE, { input: { planId: ids.plan } });
    expect(neither.setAllocations.code).toBe('INVALID_INPUT');
    const short = await app.ok(GRID_SAVE, { input: { planId: ids.plan, grid: gridOf(['1', '2', '3']) } });
    expect(short.setAllocations.code).toBe('INVALID_INPUT');
    const offAxis = await app.ok(GRID_SAVE, {
      input: { planId: ids.plan, grid: { ...gridOf(['1', '2', '3', '4']), sourceIndex: [0, 1, 0, 2] } },
    });
    expect(offAxis.setAllocations).toMatchObject({
      code: 'BATCH_REJECTED',
      cellErrors: [{ index: 3, code: 'INVALID_INPUT' }],
    });
    const badMoney = await app.gql(GRID_SAVE, {
      input: { planId: ids.plan, grid: gridOf(['1', '2', '3', '-4']) },
    });
    expect(badMoney.errors?.[0]?.extensions?.['code']).toBe('NEGATIVE_AMOUNT');
    expect(await countRows()).toEqual(before);
  });

  it('replays a compact batch sent twice with the same Idempotency-Key and applies it once', async () => {
    const send = () =>
      app.gql(
        GRID_SAVE,
        { input: { planId: ids.plan, grid: gridOf(['31', '32', '33', '34']) } },
        { headers: { 'idempotency-key': 'compact-batch-once' } },
      );
    const first = await send();
    const audit = await countRows();
    const second = await send();
    expect(second.data).toEqual(first.data);
    expect(await countRows()).toEqual(audit);
  });
});

describe('idempotency keys', () => {
  const cell = (amount: string) => ({
    communeId: ids.lucSon,
    criterionId: ids.criterion2,
    sourceId: sources.CONG_DONG,
    amount,
  });
  const post = (key: string, amount: string) =>
    fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key, ...sessionHeaders() },
      body: JSON.stringify({
        query: SET_ALLOCATIONS,
        variables: { input: { planId: ids.plan, cells: [cell(amount)] } },
      }),
    });

  it('returns the stored response to a retry and applies the change once', async () => {
    const before = await countRows();
    const first = await post('retry-1', '31337');
    const firstBody = await first.text();
    const second = await post('retry-1', '31337');
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await second.text()).toBe(firstBody);
    const after = await countRows();
    expect(after.audit - before.audit).toBe(1);
  });

  it('applies concurrent duplicates exactly once', async () => {
    const before = await countRows();
    const responses = await Promise.all([
      post('race-1', '4040'),
      post('race-1', '4040'),
      post('race-1', '4040'),
    ]);
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect((await countRows()).audit - before.audit).toBe(1);
  });

  it('treats variables in any key order as the same request', async () => {
    const send = (variables: Record<string, unknown>) =>
      fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'order-1', ...sessionHeaders() },
        body: JSON.stringify({ query: SET_ALLOCATIONS, variables }),
      });
    const input = { planId: ids.plan, cells: [cell('777')] };
    await send({ input });
    const reordered = await send({ input: { cells: input.cells, planId: input.planId } });
    expect(reordered.headers.get('idempotent-replayed')).toBe('true');
  });

  it('works for every mutation, e.g. a named snapshot', async () => {
    const snapshot = (key: string) =>
      fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key, ...sessionHeaders() },
        body: JSON.stringify({
          query: `mutation($input: CreatePlanSnapshotInput!) { createPlanSnapshot(input: $input) { __typename } }`,
          variables: { input: { planId: ids.plan, name: 'Bản trình HĐND 15/8/2022' } },
        }),
      });
    const first = (await (await snapshot('snap-1')).json()) as any;
    expect(first.errors).toBeUndefined();
    const again = await snapshot('snap-1');
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const data = await app.ok(`query($id: ID!) { plan(id: $id) { snapshots { name } } }`, { id: ids.plan });
    expect(data.plan.snapshots.filter((s: any) => s.name === 'Bản trình HĐND 15/8/2022')).toHaveLength(1);
  });

  it('refuses a key longer than 200 characters instead of ignoring it', async () => {
    const response = await post('k'.repeat(201), '5');
    expect(response.status).toBe(400);
  });

  /**
   * Mutations reviewed as writing only the database, so a retry may run again and be rolled back
   * (the fast path). A new mutation fails the next test until it is put here or, when it has an
   * effect a rollback cannot undo, in MUTATIONS_WITH_OUTSIDE_EFFECTS (optimizePlan's tests in
   * optimizer.test.ts show what that buys).
   */
  const DATABASE_ONLY = [
    // A rolled-back session row authenticates nothing; users and tokens are rows. The answers of
    // login and createApiToken carry a secret: they are never stored (MUTATIONS_NOT_REPLAYABLE).
    ...['login', 'logout', 'changePassword', 'revokeSession', 'createUser', 'updateUser'],
    ...['createApiToken', 'revokeApiToken'],
    // Uploads (multipart) never go through the idempotency store.
    ...['previewImport', 'applyImport'],
    // Rows and audit; their live events are sent after the commit (afterCommit), never on rollback.
    ...['setAllocations', 'setFundingCap', 'setCriterionStatus', 'setPlanTargets', 'recordConsultation'],
    ...['createPlan', 'updatePlan', 'openPlanRevision', 'createProject', 'updateProject', 'deleteProject'],
    ...['submitPlan', 'returnPlan', 'approvePlan', 'lockPlan', 'revertChange', 'acceptProposal'],
    ...['createPlanSnapshot', 'restorePlanSnapshot'],
  ];

  it('classifies every mutation: database only, or looked up first for its outside effects', () => {
    const mutations = Object.keys(schema.getMutationType()!.getFields()).sort();
    const classified = [...DATABASE_ONLY, ...MUTATIONS_WITH_OUTSIDE_EFFECTS].sort();
    expect(classified).toEqual(mutations);
    for (const name of MUTATIONS_NOT_REPLAYABLE) expect(mutations).toContain(name);
  });

  describe('answers carrying a secret', () => {
    const LOGIN = `mutation($l: String!, $p: String!) { login(login: $l, password: $p) { __typename } }`;
    const CREATE_TOKEN = `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) {
      __typename ... on CreateApiTokenPayload { secret token { id } } ... on Error { code } } }`;
    const viewer = { l: DEMO_USERS.viewer.username, p: DEMO_USERS.viewer.password };
    const send = (key: string, query: string, variables: Record<string, unknown>, auth = sessionHeaders()) =>
      fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'accept-language': 'en',
          'idempotency-key': key,
          ...auth,
        },
        body: JSON.stringify({ query, variables }),
      });
    const storedText = async () =>
      JSON.stringify(await app.db.selectFrom('idempotency_key').selectAll().execute());
    const count = async (table: 'api_token' | 'user_session') =>
      Number(
        (
          await app.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    async function expectNotReplayable(response: Response) {
      expect(response.status).toBe(409);
      expect(response.headers.get('set-cookie')).toBeNull();
      const body = (await response.json()) as any;
      expect(body.errors[0].extensions.code).toBe('IDEMPOTENCY_SECRET_NOT_REPLAYABLE');
      expect(body.errors[0].message).toMatch(/new key/);
    }

    it('createApiToken: the secret is answered once, never stored; a retry is refused, not a second token', async () => {
      const variables = { i: { name: 'Cổng thử lại', access: 'READ', districtId: ids.district } };
      const first = await send('token-1', CREATE_TOKEN, variables);
      const { secret } = ((await first.json()) as any).data.createApiToken;
      expect(secret).toMatch(/.{20,}/);
      const stored = await storedText();
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain(hashSecret(secret));
      const tokens = await count('api_token');
      await expectNotReplayable(await send('token-1', CREATE_TOKEN, variables));
      expect(await count('api_token')).toBe(tokens);
    });

    it('login: the cookie is set once, its secret never stored; a retry is refused and opens no session', async () => {
      const first = await send('login-1', LOGIN, viewer, {});
      const cookie = first.headers.get('set-cookie');
      const secret = cookie?.split(';')[0]?.split('=')[1];
      expect(secret).toMatch(/.{20,}/);
      const stored = await storedText();
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain(hashSecret(secret!));
      const sessions = await count('user_session');
      await expectNotReplayable(await send('login-1', LOGIN, viewer, {}));
      expect(await count('user_session')).toBe(sessions);
    });

    it('login rolled back by a failing field sets no cookie and leaves no session', async () => {
      // The plan's analysis fails on a bad quarter: a top-level error, so the request is undone.
      const query = `mutation($l: String!, $p: String!, $u: UpdatePlanInput!) {
        login(login: $l, password: $p) { __typename }
        updatePlan(input: $u) { ... on PlanPayload { plan { analysis(asOf: "Q9") { __typename } } } } }`;
      const admin = { l: TEST_ADMIN.username, p: TEST_ADMIN.password };
      const sessions = await count('user_session');
      const variables = { ...admin, u: { planId: ids.plan, note: 'không lưu' } };
      const response = await send('login-2', query, variables, {});
      const body = (await response.json()) as any;
      expect(body.data).toBeNull();
      expect(body.errors[0].extensions.code).toBe('INVALID_QUARTER');
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(await count('user_session')).toBe(sessions);
    });
  });

  it('looks the key up first when any root field has outside effects, through aliases and fragments', () => {
    const lookupFirst = (query: string) =>
      idempotencyKeyFor('k', { query, operationName: 'M' })?.lookupFirst ?? null;
    expect(lookupFirst('mutation M { setAllocations(input: $i) { __typename } }')).toBe(false);
    expect(lookupFirst('mutation M { run: optimizePlan(input: $i) { id } }')).toBe(true);
    expect(
      lookupFirst(`mutation M { setAllocations(input: $i) { __typename } ...F }
        fragment F on Mutation { ... on Mutation { cancelOptimization(planId: 1, optimizationId: 2) { id } } }`),
    ).toBe(true);
    expect(lookupFirst('query M { optimization(id: 1) { id } }')).toBeNull();
    // An answer with a secret is never stored, also beside another field.
    const request = idempotencyKeyFor('k', {
      query:
        'mutation M { setAllocations(input: $i) { __typename } t: createApiToken(input: $t) { __typename } }',
      operationName: 'M',
    });
    expect(request).toMatchObject({ lookupFirst: true, replayable: false });
  });

  it('refuses the same key for a different request', async () => {
    await post('reuse-2', '1');
    const reused = await post('reuse-2', '2');
    expect(reused.status).toBe(422);
    expect(((await reused.json()) as any).errors[0].extensions.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});

describe('setFundingCap', () => {
  it('sets a cap, confirms it and audits both changes', async () => {
    const mutation = `mutation($input: SetFundingCapInput!) { setFundingCap(input: $input) {
      ... on FundingCapPayload { cap { amount isConfirmed version source { code } } plan { analysis { sources { source { code } status } } } }
      ... on Error { code } } }`;
    const first = await app.ok(mutation, {
      input: {
        planId: ids.plan,
        sourceId: sources.NS_HUYEN,
        amount: '5000000000',
        isConfirmed: false,
      },
    });
    expect(first.setFundingCap.cap.amount).toBe('5000000000');
    const second = await app.ok(mutation, {
      input: {
        planId: ids.plan,
        sourceId: sources.NS_HUYEN,
        amount: '5000000000',
        isConfirmed: true,
        note: 'HĐND huyện thông qua',
      },
    });
    expect(second.setFundingCap.cap.isConfirmed).toBe(true);
    expect(second.setFundingCap.cap.version).toBe(first.setFundingCap.cap.version + 1);
    const huyen = second.setFundingCap.plan.analysis.sources.find((s: any) => s.source.code === 'NS_HUYEN');
    expect(huyen.status).not.toBe('UNCONFIRMED');
    const audit = await app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'funding_cap')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });
});

describe('criterion status', () => {
  it('records a commune criterion as met and a district criterion as met', async () => {
    const mutation = `mutation($input: SetCriterionStatusInput!) { setCriterionStatus(input: $input) {
      ... on CriterionStatusPayload { status { isMet assessedOn note version criterion { number } } }
      ... on Error { code message } } }`;
    const commune = await app.ok(mutation, {
      input: {
        unitId: ids.lucSon,
        criterionId: ids.criterion5,
        isMet: true,
        assessedOn: '2022-10-15',
        note: 'Trường mầm non đạt chuẩn',
      },
    });
    expect(commune.setCriterionStatus.status).toMatchObject({
      isMet: true,
      assessedOn: '2022-10-15',
      criterion: { number: 5 },
    });
    const district = await app.ok(mutation, {
      input: {
        unitId: ids.district,
        criterionId: ids.districtCriterion5,
        isMet: true,
      },
    });
    expect(district.setCriterionStatus.status.isMet).toBe(true);
    const progress = await app.ok(
      `query($d: ID!, $s: ID!) { node(id: $d) { ... on District { progress(criteriaSetId: $s) { met } } } }`,
      { d: ids.district, s: ids.districtSet },
    );
    expect(progress.node.progress.met).toBe(7);
    const wrongLevel = await app.ok(mutation, {
      input: {
        unitId: ids.lucSon,
        criterionId: ids.districtCriterion5,
        isMet: true,
      },
    });
    expect(wrongLevel.setCriterionStatus.code).toBe('UNKNOWN_CRITERION');
  });
});

describe('projects', () => {
  it('creates, updates and deletes a project, each audited', async () => {
    const created = await app.ok(
      `mutation($input: CreateProjectInput!) { createProject(input: $input) { ... on ProjectPayload { project { id name estimatedCost isRequired status } } } }`,
      {
        input: {
          communeId: ids.voTranh,
          criterionId: ids.criterion2,
          name: 'Cứng hóa đường thôn Khuôn Thần',
          estimatedCost: '1800000000',
        },
      },
    );
    const project = created.createProject.project;
    expect(project).toMatchObject({
      estimatedCost: '1800000000',
      isRequired: true,
      status: 'PLANNED',
    });
    const updated = await app.ok(
      `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { ... on ProjectPayload { project { status disbursed version } } } }`,
      {
        input: {
          id: project.id,
          status: 'IN_PROGRESS',
          disbursed: '300000000',
        },
      },
    );
    expect(updated.updateProject.project).toMatchObject({
      status: 'IN_PROGRESS',
      disbursed: '300000000',
      version: 2,
    });
    const deleted = await app.ok(
      `mutation($id: ID!) { deleteProject(id: $id) { ... on ProjectPayload { project { id } } } }`,
      { id: project.id },
    );
    expect(deleted.deleteProject.project.id).toBe(project.id);
    const gone = await app.ok(`query($id: ID!) { node(id: $id) { id } }`, {
      id: project.id,
    });
    expect(gone.node).toBeNull();
    const audit = await app.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'project')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['insert', 'update', 'delete']);
  });
});

describe('plans', () => {
  it('creates a district plan with all its communes, edits it, targets communes and moves it through statuses', async () => {
    const created = await app.ok(
      `mutation($input: CreatePlanInput!) { createPlan(input: $input) { ... on PlanPayload { plan { id name status communes { commune { name } } } } ... on Error { code message } } }`,
      {
        input: {
          name: 'Kế hoạch năm 2023',
          districtId: ids.district,
          periodStartYear: 2023,
          periodEndYear: 2023,
          criteriaSetId: ids.criteriaSet,
          districtCriteriaSetId: ids.districtSet,
        },
      },
    );
    const plan = created.createPlan.plan;
    expect(plan.status).toBe('DRAFT');
    expect(plan.communes).toHaveLength(25);

    const updated = await app.ok(
      `mutation($input: UpdatePlanInput!) { updatePlan(input: $input) { ... on PlanPayload { plan { name note periodEndYear version } } } }`,
      {
        input: {
          planId: plan.id,
          name: 'Kế hoạch trung hạn 2023–2025',
          note: 'Dự thảo',
          periodEndYear: 2025,
        },
      },
    );
    expect(updated.updatePlan.plan).toMatchObject({
      name: 'Kế hoạch trung hạn 2023–2025',
      note: 'Dự thảo',
      periodEndYear: 2025,
      version: 2,
    });

    const targeted = await app.ok(
      `mutation($plan: ID!, $targets: [PlanTargetInput!]!) { setPlanTargets(planId: $plan, targets: $targets) {
        ... on PlanPayload { plan { communes(targetedOnly: true) { commune { name } deadline priority targetLevel } } } ... on Error { code message } } }`,
      {
        plan: plan.id,
        targets: [
          {
            communeId: ids.lucSon,
            isTarget: true,
            deadline: 'Quý II/2023',
            priority: 5,
          },
        ],
      },
    );
    expect(targeted.setPlanTargets.plan.communes).toEqual([
      {
        commune: { name: 'Lục Sơn' },
        deadline: '2023-Q2',
        priority: 5,
        targetLevel: 'DAT_CHUAN',
      },
    ]);

    const step = (name: string) =>
      `mutation($id: ID!) { ${name}(planId: $id) { ... on PlanPayload { plan { status } } ... on Error { code } } }`;
    expect((await app.ok(step('submitPlan'), { id: plan.id })).submitPlan.plan.status).toBe('SUBMITTED');
    expect((await app.ok(step('approvePlan'), { id: plan.id })).approvePlan.plan.status).toBe('APPROVED');
    expect((await app.ok(step('lockPlan'), { id: plan.id })).lockPlan.plan.status).toBe('LOCKED');
    const audit = await app.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'plan')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(5);
  });
});
