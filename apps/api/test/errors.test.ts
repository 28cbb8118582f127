// Every error code over HTTP, with its message in both languages, and proof that a rejected
// request changed nothing.
import { ERROR_CODES, type ErrorCode } from '@ntm/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLY, PREVIEW, upload, withTwinCommune } from './exchange-client.ts';
import { type Caller, DEMO_USERS, startTestApp, TEST_ADMIN, type TestApp } from './harness.ts';

let app: TestApp;
const ids: Record<string, string> = {};
const sources: Record<string, string> = {};

const SET = `mutation($input: SetAllocationsInput!) { setAllocations(input: $input) {
  __typename ... on Error { code message } ... on BatchRejectedError { errorCount cellErrors { index code message } } } }`;

function cell(overrides: Record<string, unknown> = {}) {
  return {
    communeId: ids.lucSon,
    criterionId: ids.criterion2,
    sourceId: sources.NSTW,
    amount: '1000',
    ...overrides,
  };
}

/**
 * Runs a request expected to fail and returns the code and message wherever the error is
 * reported: top-level GraphQL errors, a typed error result, or the first cell of a rejected batch.
 */
async function failure(
  query: string,
  variables: Record<string, unknown>,
  locale = 'vi',
  as?: Caller,
  baseUrl?: string,
) {
  const result = await app.gql(query, variables, { locale, as, baseUrl });
  if (result.errors?.length) {
    const e = result.errors[0]!;
    return { code: String(e.extensions?.['code']), message: e.message };
  }
  const payload = Object.values(result.data ?? {})[0] as {
    code?: string;
    message?: string;
    cellErrors?: Array<{ code: string; message: string }>;
  };
  const first = payload?.cellErrors?.[0];
  if (first) {
    return {
      code: first.code,
      message: first.message,
      batch: { code: String(payload.code), message: String(payload.message) },
    };
  }
  return { code: String(payload?.code), message: String(payload?.message) };
}

const createPlan = `mutation($input: CreatePlanInput!) { createPlan(input: $input) { __typename ... on Error { code message } } }`;
const planInput = () => ({
  name: 'Kế hoạch thử',
  districtId: ids.district,
  periodStartYear: 2024,
  periodEndYear: 2024,
  criteriaSetId: ids.criteriaSet,
});
const setTargets = `mutation($p: ID!, $t: [PlanTargetInput!]!) { setPlanTargets(planId: $p, targets: $t) { __typename ... on Error { code message } } }`;
const step = (name: string, args = '') =>
  `mutation($id: ID!) { ${name}(planId: $id${args}) { __typename ... on Error { code message } } }`;
const recordConsultation = `mutation($input: RecordConsultationInput!) { recordConsultation(input: $input) { __typename ... on Error { code message } } }`;
/** Apps over the same database with tight request limits (the main one has them off or high). */
const tight: { rateLimited: string; smallBody: string } = { rateLimited: '', smallBody: '' };
const setStatusOf = `mutation($input: SetCriterionStatusInput!) { setCriterionStatus(input: $input) { __typename ... on Error { code message } } }`;
const restoreSnapshot = `mutation($input: RestorePlanSnapshotInput!) { restorePlanSnapshot(input: $input) { __typename ... on Error { code message } } }`;
const optimizePlan = `mutation($input: OptimizePlanInput!) { optimizePlan(input: $input) { __typename ... on Error { code message } } }`;
const normSplitPlan = `mutation($input: NormSplitPlanInput!) { normSplitPlan(input: $input) { __typename ... on Error { code message } } }`;
const acceptProposal = `mutation($input: AcceptProposalInput!) { acceptProposal(input: $input) { __typename ... on Error { code message } } }`;
const revert = `mutation($input: RevertChangeInput!) { revertChange(input: $input) { __typename ... on Error { code message } } }`;

const login = `mutation($l: String!, $p: String!) { login(login: $l, password: $p) { __typename ... on Error { code message } } }`;
const changePassword = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { __typename ... on Error { code message } } }`;
const createUser = `mutation($input: CreateUserInput!) { createUser(input: $input) { __typename ... on Error { code message } } }`;
const createToken = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { __typename ... on Error { code message } } }`;
const updateUser = `mutation($input: UpdateUserInput!) { updateUser(input: $input) { __typename ... on Error { code message } } }`;

/** A one-sheet workbook from rows of values; more sheets with `extra`. */
async function workbookOf(sheets: Record<string, unknown[][]>) {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const [r, row] of rows.entries()) {
      for (const [c, v] of row.entries()) sheet.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
    }
  }
  return { name: 'ke-hoach.xlsx', data: Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer) };
}

/** The first problem a preview reports, or the typed error it returns. */
async function importFailure(file: { name: string; data: Buffer }) {
  const { body } = await upload(app, PREVIEW, { planId: ids.plan }, file);
  if (body.errors?.length)
    return { code: String(body.errors[0].extensions.code), message: body.errors[0].message };
  const result = body.data.previewImport;
  if (result.code) return { code: result.code, message: result.message };
  return { code: result.problems[0]?.code, message: result.problems[0]?.message };
}

const NSTW_SHEET = (row: unknown[]) => workbookOf({ NSTW: [['Xã', '1. Quy hoạch'], row] });

/** One scenario per error code. A new code without a scenario fails the coverage test below. */
const scenarios: Record<ErrorCode, () => Promise<{ code: string; message: string }>> = {
  NOT_AN_AMOUNT: () =>
    failure(SET, {
      input: { planId: ids.plan, cells: [cell({ amount: 'một triệu' })] },
    }),
  NEGATIVE_AMOUNT: () =>
    failure(SET, {
      input: { planId: ids.plan, cells: [cell({ amount: '-5' })] },
    }),
  FRACTIONAL_AMOUNT: () =>
    failure(SET, {
      input: { planId: ids.plan, cells: [cell({ amount: '1.5' })] },
    }),
  AMOUNT_TOO_LARGE: () =>
    failure(SET, {
      input: {
        planId: ids.plan,
        cells: [cell({ amount: '9007199254740992' })],
      },
    }),
  UNKNOWN_PLAN: () => failure(SET, { input: { planId: 'bm9wZQ==', cells: [cell()] } }),
  UNKNOWN_COMMUNE: () =>
    failure(SET, {
      input: { planId: ids.plan, cells: [cell({ communeId: 'xyz' })] },
    }),
  UNKNOWN_CRITERION: () =>
    failure(SET, {
      input: { planId: ids.plan, cells: [cell({ criterionId: ids.lucSon })] },
    }),
  UNKNOWN_SOURCE: () =>
    failure(SET, {
      input: { planId: ids.plan, cells: [cell({ sourceId: ids.plan })] },
    }),
  UNKNOWN_PROJECT: () =>
    failure(
      `mutation { deleteProject(id: "UHJvamVjdDo5OTk5OTk=") { __typename ... on Error { code message } } }`,
      {},
    ),
  COMMUNE_NOT_IN_PLAN: () =>
    failure(SET, {
      input: { planId: ids.plan, cells: [cell({ communeId: ids.outsider })] },
    }),
  CRITERION_NOT_IN_SET: () =>
    failure(SET, {
      input: {
        planId: ids.plan,
        cells: [cell({ criterionId: ids.districtCriterion })],
      },
    }),
  SOURCE_NOT_ELIGIBLE: () =>
    failure(SET, {
      input: {
        planId: ids.plan,
        cells: [cell({ communeId: ids.nonP135, sourceId: sources.CT135 })],
      },
    }),
  PLAN_LOCKED: () => failure(SET, { input: { planId: ids.submittedPlan, cells: [cell()] } }),
  BATCH_TOO_LARGE: () =>
    failure(SET, {
      input: {
        planId: ids.plan,
        cells: Array.from({ length: 50_001 }, () => cell()),
      },
    }),
  DUPLICATE_CELL: () =>
    failure(SET, {
      input: { planId: ids.plan, cells: [cell(), cell({ amount: '2000' })] },
    }),
  INVALID_PERIOD: () =>
    failure(createPlan, {
      input: { ...planInput(), periodStartYear: 2025, periodEndYear: 2021 },
    }),
  INVALID_SCOPE: () =>
    failure(createPlan, {
      input: { ...planInput(), provinceId: ids.province },
    }),
  INVALID_NAME: () => failure(createPlan, { input: { ...planInput(), name: '   ' } }),
  INVALID_QUARTER: () =>
    failure(setTargets, {
      p: ids.plan,
      t: [{ communeId: ids.lucSon, isTarget: true, deadline: 'Q5/2022' }],
    }),
  INVALID_STATUS_TRANSITION: () => failure(step('lockPlan'), { id: ids.plan }),
  INVALID_TARGET: () =>
    failure(setTargets, {
      p: ids.plan,
      t: [{ communeId: ids.lucSon, isTarget: true }],
    }),
  UNKNOWN_DISTRICT: () => failure(createPlan, { input: { ...planInput(), districtId: ids.lucSon } }),
  UNKNOWN_CRITERIA_SET: () =>
    failure(createPlan, { input: { ...planInput(), criteriaSetId: ids.districtSet } }),
  BATCH_REJECTED: async () => {
    const rejected = await failure(SET, {
      input: { planId: ids.plan, cells: [cell({ communeId: ids.outsider })] },
    });
    return rejected.batch ?? { code: 'none', message: '' };
  },
  VERSION_CONFLICT: () =>
    failure(SET, { input: { planId: ids.plan, cells: [cell({ amount: '5', expectedVersion: 999 })] } }),
  IDEMPOTENCY_KEY_REUSED: async () => {
    const headers = { 'idempotency-key': `reuse-${Math.random()}` };
    // The first use stores a (typed-error) response and writes nothing; the second differs.
    await app.gql(SET, { input: { planId: ids.plan, cells: [cell({ communeId: 'x' })] } }, { headers });
    const second = await app.gql(
      SET,
      { input: { planId: ids.plan, cells: [cell({ communeId: 'y' })] } },
      { headers },
    );
    expect(second.status).toBe(422);
    const e = second.errors?.[0];
    return { code: String(e?.extensions?.['code']), message: String(e?.message) };
  },
  IDEMPOTENCY_SECRET_NOT_REPLAYABLE: async () => {
    // A sign-in's answer (its session cookie) is not kept, so its retry cannot be answered.
    const login = `mutation($l: String!, $p: String!) { login(login: $l, password: $p) { __typename } }`;
    const vars = { l: DEMO_USERS.viewer.username, p: DEMO_USERS.viewer.password };
    const headers = { 'idempotency-key': `secret-${Math.random()}` };
    await app.gql(login, vars, { as: null, headers });
    const retry = await app.gql(login, vars, { as: null, headers });
    expect(retry.status).toBe(409);
    const e = retry.errors?.[0];
    return { code: String(e?.extensions?.['code']), message: String(e?.message) };
  },
  SUBSCRIPTION_OVER_HTTP: async () => {
    const result = await app.gql(`subscription($id: ID!) { planChanged(planId: $id) { __typename } }`, {
      id: ids.plan,
    });
    expect(result.status).toBe(400);
    expect(result.errors).toHaveLength(1);
    const e = result.errors?.[0];
    expect(e?.message).toMatch(/WebSocket/);
    return { code: String(e?.extensions?.['code']), message: String(e?.message) };
  },
  INVALID_INPUT: () =>
    failure(setStatusOf, {
      input: {
        unitId: ids.lucSon,
        criterionId: ids.criterion2,
        isMet: true,
        assessedOn: '15/08/2022',
      },
    }),
  UNKNOWN_SNAPSHOT: () =>
    failure(restoreSnapshot, {
      input: { snapshotId: 'UGxhblNuYXBzaG90Ojk5OTk5OQ==', name: 'Bản khôi phục' },
    }),
  UNKNOWN_AUDIT_ENTRY: () => failure(revert, { input: { batchId: 'no-such-batch' } }),
  NOT_REVERTIBLE: () => failure(revert, { input: { auditId: ids.planAudit } }),
  REVERT_CONFLICT: () => failure(revert, { input: { auditId: ids.movedAudit } }),
  RETURN_COMMENT_REQUIRED: () => failure(step('returnPlan', ', comment: "   "'), { id: ids.submittedPlan }),
  CONSULTATION_MISSING: () => failure(step('submitPlan'), { id: ids.plan }),
  INVALID_CONSULTATION: () =>
    failure(recordConsultation, {
      input: {
        planId: ids.plan,
        communeId: ids.lucSon,
        heldOn: '2999-01-01',
        outcome: 'AGREED',
        minutesRef: 'BB-01',
      },
    }),
  PLAN_NOT_LOCKED: () => failure(step('openPlanRevision'), { id: ids.plan }),
  REVISION_EXISTS: () => failure(step('openPlanRevision'), { id: ids.lockedPlan }),
  QUERY_LIMIT_EXCEEDED: () =>
    failure(`{ ${Array.from({ length: 40 }, (_, i) => `a${i}: provinces { id }`).join(' ')} }`, {}),
  RATE_LIMITED: async () => {
    await app.gql('{ provinces { id } }', {}, { baseUrl: tight.rateLimited });
    return failure('{ provinces { id } }', {}, 'vi', undefined, tight.rateLimited);
  },
  PAYLOAD_TOO_LARGE: () =>
    failure(`{ provinces { id } } # ${'x'.repeat(4096)}`, {}, 'vi', undefined, tight.smallBody),
  UNAUTHENTICATED: () => failure('{ plans { edges { node { id } } } }', {}, 'vi', null),
  FORBIDDEN: () =>
    failure(SET, { input: { planId: ids.plan, cells: [cell()] } }, 'vi', DEMO_USERS.viewer.username),
  INVALID_CREDENTIALS: () =>
    failure(login, { l: DEMO_USERS.viewer.username, p: 'not the password' }, 'vi', null),
  LOGIN_THROTTLED: async () => {
    for (let i = 0; i < 5; i++) await failure(login, { l: 'guessed.account', p: `guess ${i}` }, 'vi', null);
    return failure(login, { l: 'guessed.account', p: 'one more guess' }, 'vi', null);
  },
  WEAK_PASSWORD: () => failure(changePassword, { c: TEST_ADMIN.password, n: 'short' }),
  USERNAME_TAKEN: () =>
    failure(createUser, {
      input: {
        username: DEMO_USERS.viewer.username,
        displayName: 'Trùng tên',
        password: 'a long enough password',
        role: 'VIEWER',
        districtId: ids.district,
      },
    }),
  UNKNOWN_PROVINCE: () =>
    failure(createUser, {
      input: {
        username: 'tinh.khong.co',
        displayName: 'Tỉnh không có',
        password: 'a long enough password',
        role: 'PROVINCE_PLANNER',
        provinceId: Buffer.from('Province:999999').toString('base64'),
      },
    }),
  ROLE_SCOPE_MISMATCH: () =>
    failure(createUser, {
      input: {
        username: 'sai.pham.vi',
        displayName: 'Sai phạm vi',
        password: 'a long enough password',
        role: 'DISTRICT_PLANNER',
        communeId: ids.lucSon,
      },
    }),
  UNKNOWN_SESSION: () =>
    failure(`mutation { revokeSession(id: "999999") { __typename ... on Error { code message } } }`, {}),
  UNKNOWN_USER: () =>
    failure(
      `mutation { updateUser(input: { id: "999999", displayName: "Không có" }) { __typename ... on Error { code message } } }`,
      {},
    ),
  // The test admin is the only admin.
  LAST_ADMIN: () =>
    failure(updateUser, { input: { id: ids.admin, role: 'VIEWER', districtId: ids.district } }),
  UNKNOWN_API_TOKEN: () =>
    failure(`mutation { revokeApiToken(id: "999999") { __typename ... on Error { code message } } }`, {}),
  INVALID_EXPIRY: () =>
    failure(createToken, {
      input: { name: 'Cổng dữ liệu', access: 'READ', districtId: ids.district, expiresInDays: 0 },
    }),
  FILE_TOO_LARGE: async () => {
    const { status, body } = await upload(
      app,
      PREVIEW,
      { planId: ids.plan },
      { name: 'x.csv', data: Buffer.alloc(11 * 1024 * 1024, 'a') },
    );
    expect(status).toBe(413);
    return { code: body.errors[0].extensions.code, message: body.errors[0].message };
  },
  NOT_A_SPREADSHEET: () =>
    importFailure({ name: 'x.xlsx', data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]) }),
  SPREADSHEET_TOO_COMPLEX: async () => {
    const { data } = await workbookOf({ NSTW: [['Xã']] });
    // Claim 70,000 entries in the end-of-central-directory record.
    const end = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    data.writeUInt16LE(0xfff0, end + 10);
    return importFailure({ name: 'x.xlsx', data });
  },
  NOTHING_TO_IMPORT: async () => importFailure(await workbookOf({ Sheet1: [['Ghi chú']] })),
  AMBIGUOUS_COMMUNE: () =>
    withTwinCommune(app, ids.plan!, 'Lục Sơn', '99002', async () =>
      importFailure(await NSTW_SHEET(['Lục Sơn', 1000])),
    ),
  WRONG_CELL_TYPE: async () => importFailure(await NSTW_SHEET(['Lục Sơn', new Date(Date.UTC(2022, 0, 1))])),
  FORMULA_ERROR: async () =>
    importFailure(await NSTW_SHEET(['Lục Sơn', { formula: 'NA()', result: { error: '#N/A' } }])),
  IMPORT_SOURCE_UNKNOWN: async () =>
    importFailure(
      await workbookOf({
        Sheet1: [
          ['Xã', '1. Quy hoạch'],
          ['Lục Sơn', 1],
        ],
      }),
    ),
  CONFLICTING_IMPORT_VALUES: async () =>
    importFailure(
      await workbookOf({
        NSTW: [
          ['Xã', '1. Quy hoạch'],
          ['Lục Sơn', 1000],
        ],
        NS_TINH: [
          ['Xã', '1. Quy hoạch', '1. Quy hoạch'],
          [null, 'NSTW', 'NS_TINH'],
          ['Lục Sơn', 2000, 0],
        ],
      }),
    ),
  IMPORT_HAS_PROBLEMS: async () => {
    const file = await NSTW_SHEET(['Lục Sơn', 'mười']);
    const { body } = await upload(app, APPLY, { planId: ids.plan, token: 'x' }, file);
    return body.data.applyImport;
  },
  IMPORT_PREVIEW_MISMATCH: async () => {
    const previewed = await NSTW_SHEET(['Lục Sơn', 1000]);
    const { body } = await upload(app, PREVIEW, { planId: ids.plan }, previewed);
    const other = await NSTW_SHEET(['Lục Sơn', 2000]);
    const applied = await upload(
      app,
      APPLY,
      { planId: ids.plan, token: body.data.previewImport.token },
      other,
    );
    return applied.body.data.applyImport;
  },
  UNKNOWN_OPTIMIZATION: () =>
    failure(acceptProposal, { input: { planId: ids.plan, optimizationId: 'khong-co-luot-nay' } }),
  INVALID_TIME_LIMIT: () => failure(optimizePlan, { input: { planId: ids.plan, timeLimitSeconds: 0 } }),
  NO_NORM_COMMUNES: () =>
    failure(normSplitPlan, { input: { planId: ids.plan, sourceId: ids.wardOnlySource } }),
};

beforeAll(async () => {
  app = await startTestApp();
  const data =
    await app.ok(`{ plans { edges { node { id province { id } district { id } criteriaSet { id criteria { id number } }
    districtCriteriaSet { id criteria { id } } } } }
    fundingSources { id code } communes(first: 50) { edges { node { id name isProgram135 } } } }`);
  const plan = data.plans.edges[0].node;
  Object.assign(ids, {
    plan: plan.id,
    province: plan.province.id,
    district: plan.district.id,
    criteriaSet: plan.criteriaSet.id,
    criterion2: plan.criteriaSet.criteria.find((c: any) => c.number === 2).id,
    districtSet: plan.districtCriteriaSet.id,
    districtCriterion: plan.districtCriteriaSet.criteria[0].id,
  });
  for (const s of data.fundingSources) sources[s.code] = s.id;
  const admin = await app.db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', TEST_ADMIN.username)
    .executeTakeFirstOrThrow();
  ids.admin = String(admin.id);
  const communes = data.communes.edges.map((e: any) => e.node);
  ids.lucSon = communes.find((c: any) => c.name === 'Lục Sơn').id;
  ids.nonP135 = communes.find((c: any) => !c.isProgram135).id;

  // A source only wards may receive: Lục Nam has no ward, so a norm split has no commune to split over.
  const wardOnly = await app.db
    .insertInto('funding_source')
    .values({
      code: 'CHI_PHUONG',
      name_vi: 'Nguồn chỉ cho phường',
      name_en: 'Wards-only source',
      kind: 'program',
      eligibility: JSON.stringify({ communeKinds: ['phuong'] }),
      position: 99,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ids.wardOnlySource = Buffer.from(`FundingSource:${wardOnly.id}`).toString('base64');

  // A commune of another district, so it is outside the Lục Nam plan.
  const province = await app.db.selectFrom('province').select('id').executeTakeFirstOrThrow();
  const district = await app.db
    .insertInto('district')
    .values({ province_id: province.id, code: '999', name: 'Huyện thử' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const outsider = await app.db
    .insertInto('commune')
    .values({
      province_id: province.id,
      district_id: district.id,
      code: '99999',
      name: 'Xã Ngoài',
      search_key: 'xa ngoai',
      kind: 'xa',
      region: 'TDMNPB',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ids.outsider = Buffer.from(`Commune:${outsider.id}`).toString('base64');

  // A submitted plan: no longer editable.
  const created = await app.ok(
    `mutation($input: CreatePlanInput!) { createPlan(input: $input) { ... on PlanPayload { plan { id } } } }`,
    { input: planInput() },
  );
  ids.submittedPlan = created.createPlan.plan.id;
  await app.ok(step('submitPlan'), { id: ids.submittedPlan });

  // A locked plan that already has a draft revision.
  const locked = await app.ok(
    `mutation($input: CreatePlanInput!) { createPlan(input: $input) { ... on PlanPayload { plan { id } } } }`,
    { input: planInput() },
  );
  ids.lockedPlan = locked.createPlan.plan.id;
  for (const name of ['submitPlan', 'approvePlan', 'lockPlan', 'openPlanRevision']) {
    const moved = await app.ok(step(name), { id: ids.lockedPlan });
    expect(moved[name].__typename).toBe('PlanPayload');
  }
  tight.rateLimited = await app.startSibling({ rateLimit: { perMinute: 1, burst: 1 } });
  tight.smallBody = await app.startSibling({ maxBodyBytes: 1024 });

  // Audit entries to revert: a plan change (not revertible) and a cell that moved again since.
  const auditId = (id: bigint) => Buffer.from(`AuditEntry:${id}`).toString('base64');
  const planAudit = await app.db
    .selectFrom('audit_log')
    .select('id')
    .where('entity', '=', 'plan')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  ids.planAudit = auditId(planAudit.id);
  await app.ok(SET, { input: { planId: ids.plan, cells: [cell({ amount: '11' })] } });
  const moved = await app.db
    .selectFrom('audit_log')
    .select('id')
    .where('entity', '=', 'allocation')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  ids.movedAudit = auditId(moved.id);
  await app.ok(SET, { input: { planId: ids.plan, cells: [cell({ amount: '12' })] } });
});
afterAll(() => app?.close());

describe('error codes', () => {
  it('has a scenario for every error code', () => {
    expect(Object.keys(scenarios).sort()).toEqual([...ERROR_CODES].sort());
  });

  for (const code of ERROR_CODES) {
    it(`${code}: typed, bilingual, and nothing written`, async () => {
      const snapshot = async () => {
        const [a, l, p] = await Promise.all([
          app.db
            .selectFrom('allocation')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow(),
          app.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow(),
          app.db
            .selectFrom('plan')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow(),
        ]);
        return [a.n, l.n, p.n].map(Number);
      };
      const before = await snapshot();
      const vi = await scenarios[code]();
      expect(vi.code).toBe(code);
      expect(vi.message.length).toBeGreaterThan(5);
      expect(vi.message).not.toMatch(/select|insert|update|stack|\bat\s+\S+\.ts/i);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('names what is wrong in the message', async () => {
    const mentions: Array<[ErrorCode, RegExp]> = [
      ['NOT_AN_AMOUNT', /một triệu/],
      ['INVALID_PERIOD', /2025–2021/],
      ['INVALID_QUARTER', /Q5\/2022/],
      ['SOURCE_NOT_ELIGIBLE', /Chương trình 135/],
      ['BATCH_TOO_LARGE', /50\.000/],
      ['PLAN_LOCKED', /Đã trình|trình/i],
      ['ROLE_SCOPE_MISMATCH', /đúng một huyện/],
      ['UNKNOWN_PROVINCE', /tỉnh/],
      ['LAST_ADMIN', /hạ quyền "admin", quản trị viên cuối cùng/],
    ];
    for (const [code, pattern] of mentions) {
      const { message } = await scenarios[code]();
      expect(message, code).toMatch(pattern);
    }
  });

  it('speaks the caller language', async () => {
    const input = {
      input: { planId: ids.plan, cells: [cell({ amount: '-5' })] },
    };
    const vi = await failure(SET, input, 'vi-VN');
    const en = await failure(SET, input, 'en-GB,en;q=0.8');
    expect(vi.code).toBe('NEGATIVE_AMOUNT');
    expect(en.code).toBe('NEGATIVE_AMOUNT');
    expect(vi.message).not.toBe(en.message);
    expect(vi.message).toMatch(/âm/);
    expect(en.message).toMatch(/negative/i);
  });

  it('rejects the whole batch when one cell is invalid, listing every bad cell', async () => {
    const before = await app.db.selectFrom('allocation').selectAll().where('amount', '=', 4242n).execute();
    const result = await app.gql(SET, {
      input: {
        planId: ids.plan,
        cells: [
          cell({ amount: '4242' }),
          cell({
            communeId: ids.nonP135,
            sourceId: sources.CT135,
            amount: '4242',
          }),
          cell({ communeId: ids.outsider, amount: '4242' }),
        ],
      },
    });
    const payload = (result.data as any).setAllocations;
    expect(payload.__typename).toBe('BatchRejectedError');
    expect(payload.errorCount).toBe(2);
    expect(payload.cellErrors.map((e: any) => [e.index, e.code])).toEqual([
      [1, 'SOURCE_NOT_ELIGIBLE'],
      [2, 'COMMUNE_NOT_IN_PLAN'],
    ]);
    const after = await app.db.selectFrom('allocation').selectAll().where('amount', '=', 4242n).execute();
    expect(after).toEqual(before);
  });
});
