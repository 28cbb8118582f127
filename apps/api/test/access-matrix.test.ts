// The role × operation matrix, generated from the schema: every Query, Mutation and Subscription
// field, for every role (and anonymous), on a target in the Lục Nam scope and on one in another
// province. Allowed or refused exactly as auth/rules.ts says; a refused call changes no table; an
// object outside the caller's scope answers exactly like an id that does not exist. A root field
// without a rule (or without a case here) fails the first test.
import { createHash, randomUUID } from 'node:crypto';
import { isObjectType } from 'graphql';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAllowed, type Operation, RULES, type RuleSubject } from '../src/auth/rules.ts';
import { MUTATIONS_NOT_REPLAYABLE } from '../src/http/idempotency.ts';
import { schema } from '../src/schema/index.ts';
import { PREVIEW, upload } from './exchange-client.ts';
import { type Caller, DEMO_USERS, startTestApp, TEST_ADMIN, type TestApp } from './harness.ts';
import { connectLive } from './live-client.ts';

let app: TestApp;

type Target = 'in' | 'out' | 'missing';
type Vars = Record<string, unknown>;

const ROLE_USERS = {
  admin: TEST_ADMIN,
  province_planner: DEMO_USERS.provincePlanner,
  district_planner: DEMO_USERS.districtPlanner,
  commune_officer: DEMO_USERS.communeOfficer,
  council_reviewer: DEMO_USERS.councilReviewer,
  viewer: DEMO_USERS.viewer,
} as const;
type RoleName = keyof typeof ROLE_USERS;
const ROLE_NAMES = Object.keys(ROLE_USERS) as RoleName[];

const gid = (type: string, id: number | bigint) => Buffer.from(`${type}:${id}`).toString('base64');
const MISSING = 999_999;
type FixtureId =
  | 'plan'
  | 'province'
  | 'district'
  | 'criteriaSet'
  | 'criterion'
  | 'source'
  | 'lucSon'
  | 'otherLucNam'
  | 'outProvince'
  | 'outDistrict'
  | 'outCommune'
  | 'outPlan'
  | 'snapshot'
  | 'outSnapshot';
const ids = {} as Record<FixtureId, string>;
let unique = 0;
const next = () => `${Date.now()}-${++unique}`;

const E = '__typename ... on Error { code message }';

async function asAdmin(query: string, variables: Vars = {}) {
  return app.ok(query, variables);
}

// Fixtures made on demand so that every attempt meets the same state.
const make = {
  async plan(side: 'in' | 'out') {
    const data = await asAdmin(
      `mutation($i: CreatePlanInput!) { createPlan(input: $i) { ... on PlanPayload { plan { id } } } }`,
      {
        i: {
          name: `Kế hoạch ${next()}`,
          districtId: side === 'in' ? ids.district : ids.outDistrict,
          periodStartYear: 2024,
          periodEndYear: 2024,
          criteriaSetId: ids.criteriaSet,
        },
      },
    );
    return data.createPlan.plan.id as string;
  },
  async project(side: 'in' | 'out') {
    const data = await asAdmin(
      `mutation($i: CreateProjectInput!) { createProject(input: $i) { ... on ProjectPayload { project { id } } } }`,
      {
        i: {
          communeId: side === 'in' ? ids.lucSon : ids.outCommune,
          criterionId: ids.criterion,
          name: `Đường ${next()}`,
          estimatedCost: '1000000',
        },
      },
    );
    return data.createProject.project.id as string;
  },
  /** A fresh plan moved along the workflow by the admin, so each attempt meets the state it needs. */
  async planAt(side: 'in' | 'out', steps: Array<'submitPlan' | 'approvePlan' | 'lockPlan'>) {
    const planId = await make.plan(side);
    for (const step of steps) {
      await asAdmin(`mutation($p: ID!) { ${step}(planId: $p) { ${E} } }`, { p: planId });
    }
    return planId;
  },
  /** A norm split of NSTW over the plan: a proposal (no solver needed) to poll or accept. */
  async proposal(side: 'in' | 'out') {
    const data = await asAdmin(
      `mutation($i: NormSplitPlanInput!) { normSplitPlan(input: $i) { ... on Optimization { id } ${E} } }`,
      // A new total each time, so the proposal differs from what an earlier accepted one wrote.
      {
        i: {
          planId: side === 'in' ? ids.plan : ids.outPlan,
          sourceId: ids.source,
          total: String(1e9 + 1e6 * unique++),
        },
      },
    );
    if (!data.normSplitPlan.id) throw new Error(`normSplitPlan: ${JSON.stringify(data)}`);
    return data.normSplitPlan.id as string;
  },
  async cellChange(side: 'in' | 'out') {
    const planId = side === 'in' ? ids.plan : ids.outPlan;
    await asAdmin(`mutation($i: SetAllocationsInput!) { setAllocations(input: $i) { ${E} } }`, {
      i: { planId, cells: [cell(side, String(1000 + unique++))] },
    });
    const row = await app.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity', '=', 'allocation')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    return gid('AuditEntry', row.id);
  },
};

function cell(side: 'in' | 'out', amount = '1000') {
  return {
    communeId: side === 'in' ? ids.lucSon : ids.outCommune,
    criterionId: ids.criterion,
    sourceId: ids.source,
    amount,
  };
}

/** An id for the target: in Lục Nam, in the other province, or not existing at all. */
function pick(target: Target, inId: string, outId: string, type: string) {
  return target === 'in' ? inId : target === 'out' ? outId : gid(type, MISSING);
}

interface Case {
  query: string;
  vars?: (target: Target, role: RoleName | null) => Vars | Promise<Vars>;
  /** False when the operation has no target to be in or out of scope. */
  scoped?: boolean;
  /** For lists: does the answer include the target? (checked instead of comparing with a missing id) */
  includes?: (data: any, target: 'in' | 'out') => boolean;
  /** Send with a session made just for this call (the call ends or changes sessions). */
  freshSession?: boolean;
  /** Uploads: the file sent as the `file` variable (GraphQL multipart request). */
  file?: (target: Target) => { name: string; data: Buffer };
}

/** A one-source CSV for the import cases: one cell of the target plan's commune, a new amount each time. */
function importFile(target: Target) {
  const commune = target === 'out' ? 'Xã Ngoài Tỉnh' : 'Lục Sơn';
  return { name: 'phan-bo.csv', data: Buffer.from(`Xã,2. Giao thông\n${commune},${3_000_000 + unique++}\n`) };
}

/** The file of the import case being run: made with its variables, sent with them. */
let importing = importFile('in');

function importVars(target: Target): Vars {
  importing = importFile(target);
  return {
    planId: pick(target, ids.plan, ids.outPlan, 'Plan'),
    options: { sourceId: ids.source, numberLocale: 'VI' },
  };
}

const CASES: Record<Operation, Case> = {
  'Query.auditLog': {
    query: `query($p: ID) { auditLog(first: 5, filter: { planId: $p }) { edges { node { id } } } }`,
    vars: (t) => ({ p: pick(t, ids.plan, ids.outPlan, 'Plan') }),
    includes: (d) => d.auditLog.edges.length > 0,
  },
  'Query.communes': {
    query: `{ communes(first: 500) { edges { node { id } } } }`,
    includes: (d, t) =>
      d.communes.edges.some((e: any) => e.node.id === (t === 'in' ? ids.lucSon : ids.outCommune)),
  },
  'Query.criteriaSets': { query: `{ criteriaSets { id } }`, scoped: false },
  'Query.districts': {
    query: `{ districts { id } }`,
    includes: (d, t) => d.districts.some((x: any) => x.id === (t === 'in' ? ids.district : ids.outDistrict)),
  },
  'Query.fundingSources': { query: `{ fundingSources { id } }`, scoped: false },
  'Query.node': {
    query: `query($id: ID!) { node(id: $id) { id } }`,
    vars: (t) => ({ id: pick(t, ids.plan, ids.outPlan, 'Plan') }),
  },
  'Query.nodes': {
    query: `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
    vars: (t) => ({ ids: [pick(t, ids.lucSon, ids.outCommune, 'Commune')] }),
    includes: (d) => d.nodes[0] !== null,
  },
  'Query.plan': {
    query: `query($id: ID!) { plan(id: $id) { id name } }`,
    vars: (t) => ({ id: pick(t, ids.plan, ids.outPlan, 'Plan') }),
  },
  'Query.plans': {
    query: `{ plans(first: 500) { edges { node { id } } } }`,
    includes: (d, t) => d.plans.edges.some((e: any) => e.node.id === (t === 'in' ? ids.plan : ids.outPlan)),
  },
  'Query.provinces': {
    query: `{ provinces { id } }`,
    includes: (d, t) => d.provinces.some((x: any) => x.id === (t === 'in' ? ids.province : ids.outProvince)),
  },
  'Query.me': { query: `{ me { name role permissions } }`, scoped: false },
  'Query.mySessions': { query: `{ mySessions { id } }`, scoped: false },
  'Query.apiTokens': { query: `{ apiTokens { id } }`, scoped: false },
  'Query.users': { query: `{ users { username } }`, scoped: false },
  'Subscription.planChanged': {
    query: 'subscription',
    vars: (t) => ({ planId: pick(t, ids.plan, ids.outPlan, 'Plan') }),
  },
  'Mutation.login': {
    query: `mutation($l: String!, $p: String!) { login(login: $l, password: $p) { ${E} } }`,
    vars: () => ({ l: DEMO_USERS.viewer.username, p: DEMO_USERS.viewer.password }),
    scoped: false,
  },
  'Mutation.logout': { query: `mutation { logout { ${E} } }`, scoped: false, freshSession: true },
  'Mutation.changePassword': {
    query: `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { ${E} } }`,
    vars: (_t, role) => {
      const password = role ? ROLE_USERS[role].password : 'anything at all';
      return { c: password, n: password };
    },
    // The caller's own session: changing the password keeps it and ends the others.
    scoped: false,
  },
  'Mutation.revokeSession': {
    query: `mutation($id: ID!) { revokeSession(id: $id) { ${E} } }`,
    vars: async (_t, role) => {
      await app.login(ROLE_USERS[role ?? 'viewer'].username);
      const row = await app.db
        .selectFrom('user_session')
        .select('id')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      return { id: String(row.id) };
    },
    scoped: false,
  },
  'Mutation.createUser': {
    query: `mutation($i: CreateUserInput!) { createUser(input: $i) { ${E} } }`,
    vars: () => ({
      i: {
        username: `user.${next()}`,
        displayName: 'Người dùng mới',
        password: 'a long enough password',
        role: 'VIEWER',
        districtId: ids.district,
      },
    }),
    scoped: false,
  },
  'Mutation.updateUser': {
    query: `mutation($i: UpdateUserInput!) { updateUser(input: $i) { ${E} } }`,
    vars: async () => {
      const made = await app.ok(
        `mutation($i: CreateUserInput!) { createUser(input: $i) { ... on UserPayload { user { id } } } }`,
        {
          i: {
            username: `user.${next()}`,
            displayName: 'Người dùng mới',
            password: 'a long enough password',
            role: 'VIEWER',
            districtId: ids.district,
          },
        },
      );
      return { i: { id: made.createUser.user.id, displayName: 'Đổi tên' } };
    },
    scoped: false,
  },
  'Mutation.createApiToken': {
    query: `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { ${E} } }`,
    vars: (t) => ({
      i: {
        name: `Cổng ${next()}`,
        access: 'READ',
        districtId: pick(t, ids.district, ids.outDistrict, 'District'),
      },
    }),
  },
  'Mutation.revokeApiToken': {
    query: `mutation($id: ID!) { revokeApiToken(id: $id) { ${E} } }`,
    vars: async (_t, role) => {
      const maker: Caller =
        role && isAllowed(subjectOf(role), 'Mutation.createApiToken')
          ? ROLE_USERS[role].username
          : TEST_ADMIN.username;
      const made = await app.ok(
        `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { ... on CreateApiTokenPayload { token { id } } } }`,
        { i: { name: `Cổng ${next()}`, access: 'READ', districtId: ids.district } },
        undefined,
        maker,
      );
      return { id: made.createApiToken.token.id };
    },
    scoped: false,
  },
  'Mutation.createPlan': {
    query: `mutation($i: CreatePlanInput!) { createPlan(input: $i) { ${E} } }`,
    vars: (t) => ({
      i: {
        name: `Kế hoạch ${next()}`,
        districtId: pick(t, ids.district, ids.outDistrict, 'District'),
        periodStartYear: 2025,
        periodEndYear: 2025,
        criteriaSetId: ids.criteriaSet,
      },
    }),
  },
  'Mutation.updatePlan': {
    query: `mutation($i: UpdatePlanInput!) { updatePlan(input: $i) { ${E} } }`,
    vars: (t) => ({ i: { planId: pick(t, ids.plan, ids.outPlan, 'Plan'), note: `ghi chú ${next()}` } }),
  },
  'Mutation.setPlanTargets': {
    query: `mutation($p: ID!, $t: [PlanTargetInput!]!) { setPlanTargets(planId: $p, targets: $t) { ${E} } }`,
    vars: (t) => ({
      p: pick(t, ids.plan, ids.outPlan, 'Plan'),
      t: [
        {
          communeId: t === 'out' ? ids.outCommune : ids.lucSon,
          isTarget: true,
          targetLevel: 'DAT_CHUAN',
          deadline: '2022-Q4',
        },
      ],
    }),
  },
  'Mutation.setFundingCap': {
    query: `mutation($i: SetFundingCapInput!) { setFundingCap(input: $i) { ${E} } }`,
    vars: (t) => ({
      i: {
        planId: pick(t, ids.plan, ids.outPlan, 'Plan'),
        sourceId: ids.source,
        amount: '900000000000',
        isConfirmed: false,
      },
    }),
  },
  'Mutation.submitPlan': {
    query: `mutation($p: ID!) { submitPlan(planId: $p) { ${E} } }`,
    vars: async (t) => ({ p: t === 'missing' ? gid('Plan', MISSING) : await make.planAt(t, []) }),
  },
  'Mutation.approvePlan': {
    query: `mutation($p: ID!) { approvePlan(planId: $p) { ${E} } }`,
    vars: async (t) => ({ p: t === 'missing' ? gid('Plan', MISSING) : await make.planAt(t, ['submitPlan']) }),
  },
  'Mutation.returnPlan': {
    query: `mutation($p: ID!) { returnPlan(planId: $p, comment: "Bổ sung nguồn vốn xã") { ${E} } }`,
    vars: async (t) => ({ p: t === 'missing' ? gid('Plan', MISSING) : await make.planAt(t, ['submitPlan']) }),
  },
  'Mutation.lockPlan': {
    query: `mutation($p: ID!) { lockPlan(planId: $p) { ${E} } }`,
    vars: async (t) => ({
      p: t === 'missing' ? gid('Plan', MISSING) : await make.planAt(t, ['submitPlan', 'approvePlan']),
    }),
  },
  'Mutation.openPlanRevision': {
    query: `mutation($p: ID!) { openPlanRevision(planId: $p) { ${E} } }`,
    vars: async (t) => ({
      p:
        t === 'missing'
          ? gid('Plan', MISSING)
          : await make.planAt(t, ['submitPlan', 'approvePlan', 'lockPlan']),
    }),
  },
  'Mutation.recordConsultation': {
    query: `mutation($i: RecordConsultationInput!) { recordConsultation(input: $i) { ${E} } }`,
    vars: (t) => ({
      i: {
        planId: pick(t, ids.plan, ids.outPlan, 'Plan'),
        communeId: t === 'out' ? ids.outCommune : ids.lucSon,
        heldOn: '2022-03-15',
        outcome: 'AGREED',
        minutesRef: `BB-${next()}`,
      },
    }),
  },
  'Mutation.previewImport': {
    query: `mutation($planId: ID!, $file: Upload!, $options: ImportOptionsInput) {
      previewImport(planId: $planId, file: $file, options: $options) { ${E} } }`,
    vars: (t) => importVars(t),
    file: () => importing,
  },
  'Mutation.applyImport': {
    query: `mutation($planId: ID!, $file: Upload!, $options: ImportOptionsInput, $token: String!) {
      applyImport(planId: $planId, file: $file, options: $options, previewToken: $token) { ${E} } }`,
    vars: async (t) => {
      const vars = importVars(t);
      if (t === 'missing') return { ...vars, token: 'khong-co' };
      const preview = await upload(app, PREVIEW, vars, importing, {
        headers: await app.authHeaders(TEST_ADMIN.username),
      });
      return { ...vars, token: preview.body.data.previewImport.token as string };
    },
    file: () => importing,
  },
  'Query.optimization': {
    query: `query($id: ID!) { optimization(id: $id) { id state } }`,
    vars: async (t) => ({ id: t === 'missing' ? 'khong-co-luot-nay' : await make.proposal(t) }),
    includes: (d) => d?.optimization?.id !== undefined,
  },
  'Mutation.optimizePlan': {
    query: `mutation($i: OptimizePlanInput!) { optimizePlan(input: $i) { ${E} } }`,
    vars: (t) => ({ i: { planId: pick(t, ids.plan, ids.outPlan, 'Plan'), wait: false } }),
  },
  'Mutation.cancelOptimization': {
    query: `mutation($p: ID!, $o: ID!) { cancelOptimization(planId: $p, optimizationId: $o) { ${E} } }`,
    vars: async (t) => ({
      p: pick(t, ids.plan, ids.outPlan, 'Plan'),
      o: t === 'missing' ? 'khong-co-luot-nay' : await make.proposal(t),
    }),
  },
  'Mutation.normSplitPlan': {
    query: `mutation($i: NormSplitPlanInput!) { normSplitPlan(input: $i) { ${E} } }`,
    vars: (t) => ({
      i: { planId: pick(t, ids.plan, ids.outPlan, 'Plan'), sourceId: ids.source, total: '1000000000' },
    }),
  },
  'Mutation.acceptProposal': {
    query: `mutation($i: AcceptProposalInput!) { acceptProposal(input: $i) { ${E} } }`,
    vars: async (t) => ({
      i: {
        planId: pick(t, ids.plan, ids.outPlan, 'Plan'),
        optimizationId: t === 'missing' ? 'khong-co-luot-nay' : await make.proposal(t),
      },
    }),
  },
  'Mutation.createPlanSnapshot': {
    query: `mutation($i: CreatePlanSnapshotInput!) { createPlanSnapshot(input: $i) { ${E} } }`,
    vars: (t) => ({ i: { planId: pick(t, ids.plan, ids.outPlan, 'Plan'), name: `Bản ${next()}` } }),
  },
  'Mutation.restorePlanSnapshot': {
    query: `mutation($i: RestorePlanSnapshotInput!) { restorePlanSnapshot(input: $i) { ${E} } }`,
    vars: (t) => ({
      i: { snapshotId: pick(t, ids.snapshot, ids.outSnapshot, 'PlanSnapshot'), name: `Phục hồi ${next()}` },
    }),
  },
  'Mutation.revertChange': {
    query: `mutation($i: RevertChangeInput!) { revertChange(input: $i) { ${E} } }`,
    vars: async (t) => ({
      i: { auditId: t === 'missing' ? gid('AuditEntry', MISSING) : await make.cellChange(t) },
    }),
  },
  'Mutation.setAllocations': {
    query: `mutation($i: SetAllocationsInput!) { setAllocations(input: $i) { ${E} } }`,
    vars: (t) => ({
      i: {
        planId: pick(t, ids.plan, ids.outPlan, 'Plan'),
        cells: [cell(t === 'out' ? 'out' : 'in', String(2000 + unique++))],
      },
    }),
  },
  'Mutation.setCriterionStatus': {
    query: `mutation($i: SetCriterionStatusInput!) { setCriterionStatus(input: $i) { ${E} } }`,
    vars: (t) => ({
      i: {
        unitId: pick(t, ids.lucSon, ids.outCommune, 'Commune'),
        criterionId: ids.criterion,
        isMet: unique++ % 2 === 0,
      },
    }),
  },
  'Mutation.createProject': {
    query: `mutation($i: CreateProjectInput!) { createProject(input: $i) { ${E} } }`,
    vars: (t) => ({
      i: {
        communeId: pick(t, ids.lucSon, ids.outCommune, 'Commune'),
        criterionId: ids.criterion,
        name: `Trường ${next()}`,
        estimatedCost: '5000000',
      },
    }),
  },
  'Mutation.updateProject': {
    query: `mutation($i: UpdateProjectInput!) { updateProject(input: $i) { ${E} } }`,
    vars: async (t) => ({
      i: { id: t === 'missing' ? gid('Project', MISSING) : await make.project(t), name: `Sửa ${next()}` },
    }),
  },
  'Mutation.deleteProject': {
    query: `mutation($id: ID!) { deleteProject(id: $id) { ${E} } }`,
    vars: async (t) => ({ id: t === 'missing' ? gid('Project', MISSING) : await make.project(t) }),
  },
};

function subjectOf(role: RoleName): RuleSubject {
  return { kind: 'user', role, canWrite: true };
}

/** Every table a forbidden call could touch, hashed (sessions are left out: signing in writes them). */
const HASHED_TABLES = [
  'plan',
  'plan_commune',
  'allocation',
  'funding_cap',
  'criterion_status',
  'district_criterion_status',
  'project',
  'audit_log',
  'plan_snapshot',
  'app_user',
  'api_token',
];

async function hashTables(): Promise<string> {
  const hash = createHash('sha256');
  for (const table of HASHED_TABLES) {
    const { rows } = await sql<{ h: string | null }>`
      select md5(string_agg(t::text, '|' order by t::text)) as h from ${sql.table(table)} t`.execute(app.db);
    hash.update(`${table}:${rows[0]?.h ?? ''};`);
  }
  return hash.digest('hex');
}

/** Error messages may quote the id asked for; the id is masked so answers compare by shape. */
function maskIds(outcome: string, vars: Vars): string {
  const strings = JSON.stringify(vars).match(/"[A-Za-z0-9+/=]{8,}"/g) ?? [];
  return strings.reduce((text, quoted) => text.split(quoted.slice(1, -1)).join('<id>'), outcome);
}

/** What a call came to: OK, NULL (nothing found), or `CODE: message` of its error. */
async function attempt(
  operation: Operation,
  role: RoleName | null,
  target: Target,
  preparedVars?: Vars,
  extraHeaders: Record<string, string> = {},
): Promise<{ outcome: string; data: any }> {
  const spec = CASES[operation];
  const vars = preparedVars ?? (await spec.vars?.(target, role)) ?? {};
  if (operation.startsWith('Subscription.')) return subscribe(role, vars);
  let as: Caller = role === null ? null : ROLE_USERS[role].username;
  let headers: Record<string, string> = { ...extraHeaders };
  if (spec.freshSession && role !== null) {
    headers = { ...headers, cookie: await app.login(ROLE_USERS[role].username) };
    as = null;
  }
  const result = spec.file
    ? (
        await upload(app, spec.query, vars, spec.file(target), {
          locale: 'en',
          headers: { ...(await app.authHeaders(as)), ...headers },
        })
      ).body
    : await app.gql(spec.query, vars, { as, headers, locale: 'en' });
  if (result.errors?.length) {
    const error = result.errors[0]!;
    return { outcome: `${String(error.extensions?.['code'])}: ${error.message}`, data: null };
  }
  const value = Object.values(result.data ?? {})[0] as any;
  if (value === null) return { outcome: 'NULL', data: result.data };
  if (value && typeof value === 'object' && typeof value.code === 'string') {
    return { outcome: `${value.code}: ${value.message}`, data: result.data };
  }
  return { outcome: 'OK', data: result.data };
}

async function subscribe(role: RoleName | null, vars: Vars): Promise<{ outcome: string; data: any }> {
  const headers: Record<string, string> =
    role === null ? {} : { cookie: await app.login(ROLE_USERS[role].username) };
  const live = connectLive(app.url, { locale: 'en' }, headers);
  try {
    const { viewers } = await live.watchPlan(String(vars['planId']));
    return { outcome: 'OK', data: viewers };
  } catch (error) {
    // The live client reports `subscription errors: [<GraphQL errors as JSON>]`.
    const json = /subscription errors: (.*)$/s.exec(String(error))?.[1];
    const first = json
      ? (JSON.parse(json) as Array<{ message: string; extensions?: { code?: string } }>)[0]
      : undefined;
    if (!first) throw error;
    return { outcome: `${String(first.extensions?.code)}: ${first.message}`, data: null };
  } finally {
    await live.close();
  }
}

beforeAll(async () => {
  app = await startTestApp();
  const data = await app.ok(`{ plans { edges { node { id province { id } district { id }
    criteriaSet { id criteria { id number } } } } } fundingSources { id code }
    communes(first: 100) { edges { node { id name } } } }`);
  const plan = data.plans.edges[0].node;
  Object.assign(ids, {
    plan: plan.id,
    province: plan.province.id,
    district: plan.district.id,
    criteriaSet: plan.criteriaSet.id,
    criterion: plan.criteriaSet.criteria.find((c: any) => c.number === 2).id,
    source: data.fundingSources.find((s: any) => s.code === 'NSTW').id,
    lucSon: data.communes.edges.find((e: any) => e.node.name === 'Lục Sơn').node.id,
    otherLucNam: data.communes.edges.find((e: any) => e.node.name === 'Vô Tranh').node.id,
  });

  // Another province, with a district, a commune and a plan: outside every demo user's scope.
  const province = await app.db
    .insertInto('province')
    .values({ code: '20', name: 'Lạng Sơn' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const district = await app.db
    .insertInto('district')
    .values({ province_id: province.id, code: '180', name: 'Hữu Lũng' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const commune = await app.db
    .insertInto('commune')
    .values({
      province_id: province.id,
      district_id: district.id,
      code: '06001',
      name: 'Xã Ngoài Tỉnh',
      search_key: 'xa ngoai tinh',
      kind: 'xa',
      region: 'TDMNPB',
      // On the Program 135 list, so a consultation can be recorded for it (in its own province's plan).
      is_program135: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  Object.assign(ids, {
    outProvince: gid('Province', province.id),
    outDistrict: gid('District', district.id),
    outCommune: gid('Commune', commune.id),
  });
  ids.outPlan = await make.plan('out');
  const snapshot = `mutation($i: CreatePlanSnapshotInput!) { createPlanSnapshot(input: $i) { ... on PlanSnapshotPayload { snapshot { id } } } }`;
  ids.snapshot = (
    await asAdmin(snapshot, { i: { planId: ids.plan, name: 'Bản trong phạm vi' } })
  ).createPlanSnapshot.snapshot.id;
  ids.outSnapshot = (
    await asAdmin(snapshot, { i: { planId: ids.outPlan, name: 'Bản ngoài phạm vi' } })
  ).createPlanSnapshot.snapshot.id;
}, 120_000);
afterAll(() => app?.close());

describe('the rules table', () => {
  it('has a rule and a matrix case for every Query, Mutation and Subscription field, and no other', () => {
    const fields = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap(
      (type) =>
        type && isObjectType(type) ? Object.keys(type.getFields()).map((name) => `${type.name}.${name}`) : [],
    );
    expect(Object.keys(RULES).sort()).toEqual([...fields].sort());
    expect(Object.keys(CASES).sort()).toEqual([...fields].sort());
  });
});

describe('role × operation', () => {
  for (const operation of Object.keys(CASES) as Operation[]) {
    it(`${operation}: allowed or refused per role, in and out of scope`, async () => {
      const spec = CASES[operation];
      const callers: Array<RoleName | null> = [null, ...ROLE_NAMES];
      for (const role of callers) {
        const allowed = isAllowed(role === null ? null : subjectOf(role), operation);
        const targets: Array<'in' | 'out'> = spec.scoped === false ? ['in'] : ['in', 'out'];
        for (const target of targets) {
          const label = `${role ?? 'anonymous'} ${target}`;
          if (!allowed) {
            const refused = await attemptMeasured(operation, role, target);
            expect(refused.outcome, label).toMatch(role === null ? /^UNAUTHENTICATED: / : /^FORBIDDEN: /);
            expect(refused.unchanged, `${label}: database unchanged`).toBe(true);
            continue;
          }
          const inScope = target === 'in' || role === 'admin';
          if (spec.includes) {
            const { outcome, data } = await attempt(operation, role, target);
            expect(outcome, label).not.toMatch(/^(FORBIDDEN|UNAUTHENTICATED)/);
            expect(spec.includes(data, target), label).toBe(inScope);
            continue;
          }
          if (inScope) {
            expect((await attempt(operation, role, target)).outcome, label).toBe('OK');
            continue;
          }
          // Outside the scope: the same answer as an id that does not exist, and nothing written.
          const missingVars = (await spec.vars?.('missing', role)) ?? {};
          const missing = await attempt(operation, role, 'missing', missingVars);
          missing.outcome = maskIds(missing.outcome, missingVars);
          const outside = await attemptMeasured(operation, role, target);
          expect(outside.outcome, label).toBe(missing.outcome);
          expect(outside.unchanged, `${label}: database unchanged`).toBe(true);
        }
      }
    }, 300_000);
  }
});

describe('every mutation with an Idempotency-Key', () => {
  // Generated from the matrix (so from the schema): a mutation whose service opens its own
  // transaction must join the request's one, not fail inside it (INTERNAL_SERVER_ERROR).
  for (const operation of Object.keys(CASES).filter((o) => o.startsWith('Mutation.')) as Operation[]) {
    it(`${operation}: works as without the key, and a retry is answered from the store`, async () => {
      const vars = (await CASES[operation].vars?.('in', 'admin')) ?? {};
      const headers = { 'idempotency-key': randomUUID() };
      expect((await attempt(operation, 'admin', 'in', vars, headers)).outcome).toBe('OK');
      // Uploads ignore the key (a second run may be a typed conflict); the rest never run twice.
      if (CASES[operation].file) return;
      const retry = await attempt(operation, 'admin', 'in', vars, headers);
      const field = operation.slice('Mutation.'.length);
      expect(retry.outcome).toMatch(
        MUTATIONS_NOT_REPLAYABLE.has(field) ? /^IDEMPOTENCY_SECRET_NOT_REPLAYABLE: / : /^OK$/,
      );
    }, 120_000);
  }
});

/** Runs a call and tells whether it changed any table. Fixtures (vars) are made before the first hash. */
async function attemptMeasured(
  operation: Operation,
  role: RoleName | null,
  target: Target,
): Promise<{ outcome: string; unchanged: boolean }> {
  const vars = (await CASES[operation].vars?.(target, role)) ?? {};
  const before = await hashTables();
  const { outcome } = await attempt(operation, role, target, vars);
  return { outcome: maskIds(outcome, vars), unchanged: (await hashTables()) === before };
}
