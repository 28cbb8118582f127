// What the API tells each caller it may do, so the web app keeps no copy of the rules: the
// workflow steps (status, role and scope), the consultations it may record, and whether the
// server offers the GraphQL IDE. Checked for every demo role through each status of the plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, startTestApp, TEST_ADMIN, type TestApp } from './harness.ts';

let app: TestApp;
let planId: string;

const ROLES = {
  admin: TEST_ADMIN.username,
  provincePlanner: DEMO_USERS.provincePlanner.username,
  districtPlanner: DEMO_USERS.districtPlanner.username,
  communeOfficer: DEMO_USERS.communeOfficer.username,
  councilReviewer: DEMO_USERS.councilReviewer.username,
  viewer: DEMO_USERS.viewer.username,
} as const;
type Role = keyof typeof ROLES;

const ACTIONS = `query($id: ID!) { plan(id: $id) { status workflowActions
  recordableConsultationCommunes { name } communes { commune { name isProgram135 } } } }`;

async function actionsOf(role: Role) {
  return (await app.ok(ACTIONS, { id: planId }, 'vi', ROLES[role])).plan;
}

async function expectSteps(expected: Record<Role, string[]>) {
  for (const role of Object.keys(expected) as Role[]) {
    expect({ role, steps: (await actionsOf(role)).workflowActions }).toEqual({ role, steps: expected[role] });
  }
}

async function step(name: string, args = '') {
  const result = await app.ok(
    `mutation($id: ID!) { ${name}(planId: $id${args}) { __typename ... on Error { code } } }`,
    { id: planId },
  );
  expect(result[name].__typename).toBe('PlanPayload');
}

beforeAll(async () => {
  app = await startTestApp();
  planId = (await app.ok('{ plans { edges { node { id } } } }')).plans.edges[0].node.id;
});
afterAll(() => app?.close());

describe('Plan.workflowActions lists only the steps the caller may take', () => {
  it('draft: planners submit; the reviewer, the commune officer and the viewer have no step', async () => {
    await expectSteps({
      admin: ['SUBMIT'],
      provincePlanner: ['SUBMIT'],
      districtPlanner: ['SUBMIT'],
      communeOfficer: [],
      councilReviewer: [],
      viewer: [],
    });
  });

  it('consultations: planners record every Program 135 commune, the commune officer only their own', async () => {
    const plan = await actionsOf('admin');
    const p135 = plan.communes
      .filter((c: any) => c.commune.isProgram135)
      .map((c: any) => c.commune.name)
      .sort();
    expect(p135).toContain('Lục Sơn');
    const names = async (role: Role) =>
      (await actionsOf(role)).recordableConsultationCommunes.map((c: any) => c.name).sort();
    expect(await names('admin')).toEqual(p135);
    expect(await names('provincePlanner')).toEqual(p135);
    expect(await names('districtPlanner')).toEqual(p135);
    expect(await names('communeOfficer')).toEqual(['Lục Sơn']);
    expect(await names('councilReviewer')).toEqual([]);
    expect(await names('viewer')).toEqual([]);
  });

  it('submitted: the reviewer (and admin) approve or return; nobody records consultations', async () => {
    await app.recordConsultations(planId);
    await step('submitPlan');
    await expectSteps({
      admin: ['APPROVE', 'RETURN'],
      provincePlanner: [],
      districtPlanner: [],
      communeOfficer: [],
      councilReviewer: ['APPROVE', 'RETURN'],
      viewer: [],
    });
    for (const role of Object.keys(ROLES) as Role[]) {
      expect((await actionsOf(role)).recordableConsultationCommunes).toEqual([]);
    }
  });

  it('approved: the reviewer (and admin) lock', async () => {
    await step('approvePlan');
    await expectSteps({
      admin: ['LOCK'],
      provincePlanner: [],
      districtPlanner: [],
      communeOfficer: [],
      councilReviewer: ['LOCK'],
      viewer: [],
    });
  });

  it('locked: planners open a revision; the reviewer does not', async () => {
    await step('lockPlan');
    await expectSteps({
      admin: ['OPEN_REVISION'],
      provincePlanner: ['OPEN_REVISION'],
      districtPlanner: ['OPEN_REVISION'],
      communeOfficer: [],
      councilReviewer: [],
      viewer: [],
    });
  });

  it('a read-only API token has no step even where its role’s scope covers the plan', async () => {
    const created = await app.ok(
      `mutation($d: ID!) { createApiToken(input: { name: "Đọc", access: READ, districtId: $d, expiresInDays: 1 }) {
        ... on CreateApiTokenPayload { secret } ... on Error { code } } }`,
      { d: (await app.ok('{ districts { id name } }')).districts.find((d: any) => d.name === 'Lục Nam').id },
      'vi',
      ROLES.districtPlanner,
    );
    const bearer = created.createApiToken.secret as string;
    const plan = (await app.ok(ACTIONS, { id: planId }, 'vi', { bearer })).plan;
    expect(plan.workflowActions).toEqual([]);
  });
});

describe('Me.hasGraphqlIde', () => {
  it('is true only when the server serves the IDE and answers introspection', async () => {
    const query = '{ me { hasGraphqlIde } }';
    expect((await app.ok(query)).me.hasGraphqlIde).toBe(true);
    const noIntrospection = await app.startSibling({ ideEnabled: true, introspection: false });
    const noIde = await app.startSibling({ ideEnabled: false, introspection: true });
    for (const baseUrl of [noIntrospection, noIde]) {
      const result = await app.gql(query, {}, { baseUrl, as: ROLES.viewer });
      expect(result.data?.me.hasGraphqlIde).toBe(false);
    }
  });
});
