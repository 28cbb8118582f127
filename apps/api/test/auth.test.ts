// Sign-in, sessions and API tokens over HTTP: the cookie, logout, expiry, password changes,
// read-only and read-write tokens, revocation, last use, and a commune officer's batch.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorContext } from '../src/cli/operator.ts';
import { updateUser } from '../src/services/accounts.ts';
import { DEMO_USERS, startTestApp, TEST_ADMIN, type TestApp } from './harness.ts';

let app: TestApp;
const ids: Record<'plan' | 'district' | 'criterion' | 'source' | 'lucSon' | 'voTranh', string> = {
  plan: '',
  district: '',
  criterion: '',
  source: '',
  lucSon: '',
  voTranh: '',
};

const LOGIN = `mutation($l: String!, $p: String!) { login(login: $l, password: $p) {
  __typename ... on LoginPayload { me { name role scopeLevel commune { name } permissions } } ... on Error { code message } } }`;
const SET = `mutation($i: SetAllocationsInput!) { setAllocations(input: $i) { __typename ... on Error { code message } } }`;
const PLANS = `{ plans { edges { node { id } } } }`;
const CREATE_TOKEN = `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) {
  __typename ... on CreateApiTokenPayload { secret token { id prefix lastUsedAt } } ... on Error { code message } } }`;

const cell = (communeId: string, amount: string) => ({
  communeId,
  criterionId: ids.criterion,
  sourceId: ids.source,
  amount,
});

async function allocationCount(): Promise<number> {
  const row = await app.db
    .selectFrom('allocation')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  app = await startTestApp();
  const data =
    await app.ok(`{ plans { edges { node { id district { id } criteriaSet { criteria { id number } } } } }
    fundingSources { id code } communes(first: 100) { edges { node { id name } } } }`);
  const plan = data.plans.edges[0].node;
  const commune = (name: string) => data.communes.edges.find((e: any) => e.node.name === name).node.id;
  Object.assign(ids, {
    plan: plan.id,
    district: plan.district.id,
    criterion: plan.criteriaSet.criteria.find((c: any) => c.number === 2).id,
    source: data.fundingSources.find((s: any) => s.code === 'NSTW').id,
    lucSon: commune('Lục Sơn'),
    voTranh: commune('Vô Tranh'),
  });
});
afterAll(() => app?.close());

describe('signing in', () => {
  it('sets an HttpOnly, SameSite session cookie and reports who signed in, with their permissions', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: LOGIN,
        variables: { l: DEMO_USERS.communeOfficer.username, p: DEMO_USERS.communeOfficer.password },
      }),
    });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^ntm_session=[\w-]{40,}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    const me = ((await response.json()) as any).data.login.me;
    expect(me).toMatchObject({ name: 'lucson.canbo', role: 'COMMUNE_OFFICER', scopeLevel: 'COMMUNE' });
    expect(me.commune.name).toBe('Lục Sơn');
    expect(me.permissions).toContain('Mutation.setAllocations');
    expect(me.permissions).not.toContain('Mutation.setFundingCap');
  });

  it('stores only a hash of the session secret', async () => {
    const cookie = await app.login(DEMO_USERS.viewer.username);
    const secret = cookie.split('=')[1]!;
    const stored = await app.db.selectFrom('user_session').select('token_hash').execute();
    expect(stored.some((s) => s.token_hash.includes(secret))).toBe(false);
    expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.token_hash))).toBe(true);
  });

  it('refuses a wrong password and an unknown account with the same error', async () => {
    const wrong = await app.gql(LOGIN, { l: DEMO_USERS.viewer.username, p: 'wrong password' }, { as: null });
    const unknown = await app.gql(LOGIN, { l: 'nobody.here', p: 'wrong password' }, { as: null });
    expect(wrong.data.login).toEqual(unknown.data.login);
    expect(wrong.data.login.code).toBe('INVALID_CREDENTIALS');
  });

  it('throttles an account after repeated failures, with the wait in seconds, even for the right password', async () => {
    const account = DEMO_USERS.councilReviewer;
    for (let i = 0; i < 5; i++) await app.gql(LOGIN, { l: account.username, p: `guess ${i}` }, { as: null });
    const result = await app.gql(
      LOGIN,
      { l: account.username, p: account.password },
      { as: null, locale: 'en' },
    );
    expect(result.data.login.code).toBe('LOGIN_THROTTLED');
    expect(result.data.login.message).toMatch(/try again in \d+ seconds/);
  });

  it('answers UNAUTHENTICATED to anything but login without a session', async () => {
    const result = await app.gql(PLANS, {}, { as: null, locale: 'en' });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0]?.message).toMatch(/Sign in/);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });
});

describe('sessions', () => {
  it('stop working after logout', async () => {
    const cookie = await app.login(DEMO_USERS.viewer.username);
    expect((await app.gql(PLANS, {}, { as: null, headers: { cookie } })).errors).toBeUndefined();
    await app.gql(`mutation { logout { __typename } }`, {}, { as: null, headers: { cookie } });
    const after = await app.gql(PLANS, {}, { as: null, headers: { cookie } });
    expect(after.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('stop working once expired', async () => {
    const cookie = await app.login(DEMO_USERS.viewer.username);
    const latest = await app.db
      .selectFrom('user_session')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    await app.db
      .updateTable('user_session')
      .set({ expires_at: sql`now() - interval '1 second'` })
      .where('id', '=', latest.id)
      .execute();
    const after = await app.gql(PLANS, {}, { as: null, headers: { cookie } });
    expect(after.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('are revoked, except the current one, when the password changes', async () => {
    const user = await app.ok(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { ... on UserPayload { user { username } } } }`,
      {
        i: {
          username: 'doi.matkhau',
          displayName: 'Đổi mật khẩu',
          password: 'first password',
          role: 'VIEWER',
          districtId: ids.district,
        },
      },
    );
    expect(user.createUser.user.username).toBe('doi.matkhau');
    const laptop = await app.login('doi.matkhau', 'first password');
    const phone = await app.login('doi.matkhau', 'first password');
    const changed = await app.gql(
      `mutation { changePassword(currentPassword: "first password", newPassword: "second password") { __typename } }`,
      {},
      { as: null, headers: { cookie: laptop } },
    );
    expect(changed.data.changePassword.__typename).toBe('DonePayload');
    expect((await app.gql(PLANS, {}, { as: null, headers: { cookie: laptop } })).errors).toBeUndefined();
    const onPhone = await app.gql(PLANS, {}, { as: null, headers: { cookie: phone } });
    expect(onPhone.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    await expect(app.login('doi.matkhau', 'first password')).rejects.toThrow();
    expect(await app.login('doi.matkhau', 'second password')).toMatch(/^ntm_session=/);
  });
});

describe('API tokens', () => {
  async function createToken(access: 'READ' | 'READ_WRITE', as = TEST_ADMIN.username as string) {
    const data = await app.ok(
      CREATE_TOKEN,
      { i: { name: `Cổng dữ liệu ${access}`, access, districtId: ids.district, expiresInDays: 30 } },
      undefined,
      as,
    );
    return data.createApiToken as { secret: string; token: { id: string; prefix: string; lastUsedAt: null } };
  }

  it('are shown once, stored hashed, and record when they were last used', async () => {
    const { secret, token } = await createToken('READ', DEMO_USERS.districtPlanner.username);
    expect(secret.startsWith(token.prefix)).toBe(true);
    expect(token.lastUsedAt).toBeNull();
    const stored = await app.db
      .selectFrom('api_token')
      .select('token_hash')
      .where('id', '=', Number(token.id))
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(secret);
    const read = await app.gql(PLANS, {}, { as: { bearer: secret } });
    expect(read.data.plans.edges).toHaveLength(1);
    const listed = await app.ok(
      `{ apiTokens { id lastUsedAt } }`,
      {},
      undefined,
      DEMO_USERS.districtPlanner.username,
    );
    expect(listed.apiTokens.find((t: any) => t.id === token.id).lastUsedAt).not.toBeNull();
  });

  it('read-only: may read but not write, and nothing is written', async () => {
    const { secret } = await createToken('READ');
    const before = await allocationCount();
    const result = await app.gql(
      SET,
      { i: { planId: ids.plan, cells: [cell(ids.lucSon, '777')] } },
      { as: { bearer: secret } },
    );
    expect(result.data.setAllocations.code).toBe('FORBIDDEN');
    expect(await allocationCount()).toBe(before);
  });

  it('read-write: writes in its scope and is named in the audit trail, but cannot make tokens', async () => {
    const { secret, token } = await createToken('READ_WRITE');
    const result = await app.gql(
      SET,
      { i: { planId: ids.plan, cells: [cell(ids.lucSon, '778')] } },
      { as: { bearer: secret } },
    );
    expect(result.data.setAllocations.__typename).toBe('SetAllocationsPayload');
    const audit = await app.db
      .selectFrom('audit_log')
      .select('actor')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.actor).toBe(`token:${token.id}:Cổng dữ liệu READ_WRITE`);
    const again = await app.gql(
      CREATE_TOKEN,
      { i: { name: 'x', access: 'READ', districtId: ids.district } },
      { as: { bearer: secret } },
    );
    expect(again.data.createApiToken.code).toBe('FORBIDDEN');
  });

  it('stop working when revoked or expired', async () => {
    const revoked = await createToken('READ');
    await app.ok(`mutation($id: ID!) { revokeApiToken(id: $id) { __typename } }`, { id: revoked.token.id });
    const afterRevoke = await app.gql(PLANS, {}, { as: { bearer: revoked.secret } });
    expect(afterRevoke.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');

    const expired = await createToken('READ');
    await app.db
      .updateTable('api_token')
      .set({ expires_at: sql`now() - interval '1 second'` })
      .where('id', '=', Number(expired.token.id))
      .execute();
    const afterExpiry = await app.gql(PLANS, {}, { as: { bearer: expired.secret } });
    expect(afterExpiry.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('a planner may not make a token for a scope above their own', async () => {
    const province = await app.ok(`{ provinces { id } }`);
    const result = await app.gql(
      CREATE_TOKEN,
      { i: { name: 'Tỉnh', access: 'READ', provinceId: province.provinces[0].id } },
      { as: DEMO_USERS.districtPlanner.username },
    );
    expect(result.data.createApiToken.code).toBe('FORBIDDEN');
  });
});

describe('a commune officer', () => {
  it('writes cells of their commune, under their own name', async () => {
    const result = await app.gql(
      SET,
      { i: { planId: ids.plan, cells: [cell(ids.lucSon, '4242')] } },
      { as: DEMO_USERS.communeOfficer.username },
    );
    expect(result.data.setAllocations.__typename).toBe('SetAllocationsPayload');
    const audit = await app.db
      .selectFrom('audit_log')
      .select('actor')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.actor).toBe(DEMO_USERS.communeOfficer.username);
  });

  it('has a batch with one cell of another commune refused as a whole', async () => {
    const before = await allocationCount();
    const result = await app.gql(
      SET,
      { i: { planId: ids.plan, cells: [cell(ids.lucSon, '4343'), cell(ids.voTranh, '4343')] } },
      { as: DEMO_USERS.communeOfficer.username },
    );
    expect(result.data.setAllocations.code).toBe('FORBIDDEN');
    expect(await allocationCount()).toBe(before);
    const lucSon = await app.ok(
      `query($p: ID!, $c: ID!) { plan(id: $p) { allocations(first: 5, filter: { communeId: $c }) { edges { node { amount } } } } }`,
      { p: ids.plan, c: ids.lucSon },
    );
    expect(lucSon.plan.allocations.edges.map((e: any) => e.node.amount)).not.toContain('4343');
  });
});

describe('account changes in the audit trail', () => {
  const AUDIT = `query($e: AuditEntity) { auditLog(first: 100, filter: { entity: $e }) { edges { node {
    actor origin entity action entityKey requestId plan { id } before { json } after { json } } } } }`;
  type Entry = {
    actor: string;
    origin: string;
    entity: string;
    action: string;
    entityKey: string;
    requestId: string | null;
    before: { json: string } | null;
    after: { json: string } | null;
  };
  async function entries(entity: string, as: string = TEST_ADMIN.username): Promise<Entry[]> {
    const data = await app.ok(AUDIT, { e: entity }, undefined, as);
    return data.auditLog.edges.map((e: { node: Entry }) => e.node);
  }

  it('records who created a user, changed a password, made and revoked a token, ended a session — without secrets', async () => {
    const created = await app.ok(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { ... on UserPayload { user { id } } } }`,
      {
        i: {
          username: 'kiem.toan',
          displayName: 'Kiểm toán',
          password: 'audited password',
          role: 'VIEWER',
          districtId: ids.district,
        },
      },
    );
    expect(created.createUser.user.id).toBeTruthy();
    const cookie = await app.login('kiem.toan', 'audited password');
    const changed = await app.gql(
      `mutation { changePassword(currentPassword: "audited password", newPassword: "audited password 2") { __typename } }`,
      {},
      { as: null, headers: { cookie } },
    );
    expect(changed.data.changePassword.__typename).toBe('DonePayload');

    const planner = DEMO_USERS.districtPlanner.username;
    const made = await app.ok(
      CREATE_TOKEN,
      { i: { name: 'Cổng kiểm toán', access: 'READ', districtId: ids.district, expiresInDays: 30 } },
      undefined,
      planner,
    );
    const { secret, token } = made.createApiToken;
    await app.ok(
      `mutation($id: ID!) { revokeApiToken(id: $id) { __typename } }`,
      { id: token.id },
      undefined,
      planner,
    );

    const session = await app.db
      .selectFrom('user_session')
      .innerJoin('app_user', 'app_user.id', 'user_session.user_id')
      .select('user_session.id')
      .where('app_user.username', '=', 'kiem.toan')
      .where('user_session.revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    await app.ok(`mutation($id: ID!) { revokeSession(id: $id) { __typename } }`, { id: String(session.id) });

    const users = (await entries('USER')).filter((e) => e.entityKey === 'user:kiem.toan');
    expect(users.map((e) => [e.action, e.actor, e.origin])).toEqual([
      ['UPDATE', 'kiem.toan', 'API'],
      ['INSERT', TEST_ADMIN.username, 'API'],
    ]);
    const [passwordChange, creation] = users;
    expect(creation!.before).toBeNull();
    expect(JSON.parse(creation!.after!.json)).toMatchObject({
      username: 'kiem.toan',
      role: 'viewer',
      is_active: true,
    });
    expect(JSON.parse(passwordChange!.after!.json).password_changed_at).not.toBe(
      JSON.parse(passwordChange!.before!.json).password_changed_at,
    );
    for (const e of users) expect(e.requestId).toMatch(/.{8,}/);

    const tokens = (await entries('API_TOKEN')).filter((e) => e.entityKey === `token:${token.id}`);
    expect(tokens.map((e) => [e.action, e.actor])).toEqual([
      ['UPDATE', planner],
      ['INSERT', planner],
    ]);
    expect(JSON.parse(tokens[1]!.after!.json)).toMatchObject({
      name: 'Cổng kiểm toán',
      prefix: token.prefix,
      access: 'read',
    });
    expect(JSON.parse(tokens[0]!.after!.json).revoked_at).not.toBeNull();

    const sessions = (await entries('SESSION')).filter((e) => e.entityKey === `session:${session.id}`);
    expect(sessions.map((e) => [e.action, e.actor])).toEqual([['UPDATE', TEST_ADMIN.username]]);

    // Nothing secret is kept: no hash, no token secret, no password.
    const raw = await app.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('entity', 'in', ['app_user', 'user_session', 'api_token'])
      .execute();
    const text = JSON.stringify(raw);
    expect(raw.length).toBeGreaterThanOrEqual(5);
    expect(text).not.toMatch(/hash|\$argon2|audited password/);
    expect(text).not.toContain(secret);
  });

  it('records role, scope and disabling changes; a disabled account’s session and tokens stop working', async () => {
    const UPDATE = `mutation($i: UpdateUserInput!) { updateUser(input: $i) {
      __typename ... on UserPayload { user { role isActive } } ... on Error { code message } } }`;
    const made = await app.ok(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { ... on UserPayload { user { id } } } }`,
      {
        i: {
          username: 'tam.thoi',
          displayName: 'Tạm thời',
          password: 'temporary password',
          role: 'VIEWER',
          districtId: ids.district,
        },
      },
    );
    const id = made.createUser.user.id;
    const promoted = await app.ok(UPDATE, { i: { id, role: 'DISTRICT_PLANNER', districtId: ids.district } });
    expect(promoted.updateUser.user).toEqual({ role: 'DISTRICT_PLANNER', isActive: true });
    // The user list shows the scope, so the admin screen can show and edit it.
    const listed = await app.ok(`{ users { username province { id } district { id } commune { id } } }`);
    expect(listed.users.find((u: any) => u.username === 'tam.thoi')).toEqual({
      username: 'tam.thoi',
      province: null,
      district: { id: ids.district },
      commune: null,
    });
    const wrongKind = await app.ok(
      UPDATE,
      { i: { id, role: 'COMMUNE_OFFICER', districtId: ids.district } },
      'en',
    );
    expect(wrongKind.updateUser.code).toBe('ROLE_SCOPE_MISMATCH');
    expect(wrongKind.updateUser.message).toContain('exactly one commune');

    const cookie = await app.login('tam.thoi', 'temporary password');
    const token = await app.gql(
      CREATE_TOKEN,
      { i: { name: 'Cổng tạm', access: 'READ', districtId: ids.district } },
      { as: null, headers: { cookie } },
    );
    const secret = token.data.createApiToken.secret as string;
    expect((await app.gql(PLANS, {}, { as: { bearer: secret } })).errors).toBeUndefined();

    const disabled = await app.ok(UPDATE, { i: { id, isActive: false } });
    expect(disabled.updateUser.user.isActive).toBe(false);
    const callers: Array<Record<string, string>> = [{ cookie }, { authorization: `Bearer ${secret}` }];
    for (const headers of callers) {
      const after = await app.gql(PLANS, {}, { as: null, headers });
      expect(after.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    }

    const changes = (await entries('USER')).filter((e) => e.entityKey === 'user:tam.thoi');
    expect(changes.map((e) => e.action)).toEqual(['UPDATE', 'UPDATE', 'INSERT']);
    expect(JSON.parse(changes[1]!.before!.json)).toMatchObject({ role: 'viewer' });
    expect(JSON.parse(changes[1]!.after!.json)).toMatchObject({ role: 'district_planner' });
    expect(JSON.parse(changes[0]!.after!.json)).toMatchObject({ is_active: false, ended_sessions: 1 });

    // The admin cannot lock themselves out (the only admin is told why; see "the last active admin").
    const me = await app.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', TEST_ADMIN.username)
      .executeTakeFirstOrThrow();
    const self = await app.ok(UPDATE, { i: { id: String(me.id), isActive: false } });
    expect(self.updateUser.code).toBe('LAST_ADMIN');
  });

  it('shows account entries to admins only, never to planners or tokens', async () => {
    expect((await entries('USER')).length).toBeGreaterThan(0);
    for (const user of [DEMO_USERS.districtPlanner, DEMO_USERS.provincePlanner, DEMO_USERS.viewer]) {
      for (const entity of ['USER', 'API_TOKEN', 'SESSION']) {
        expect(await entries(entity, user.username), `${user.username} ${entity}`).toEqual([]);
      }
      const all = await app.ok(
        `{ auditLog(first: 500) { edges { node { entity } } } }`,
        {},
        undefined,
        user.username,
      );
      expect(
        all.auditLog.edges.every((e: any) => !['USER', 'API_TOKEN', 'SESSION'].includes(e.node.entity)),
      ).toBe(true);
    }
  });
});

describe('the last active admin', () => {
  const UPDATE = `mutation($i: UpdateUserInput!) { updateUser(input: $i) {
    __typename ... on UserPayload { user { role isActive } } ... on Error { code message } } }`;
  const account = (username: string) =>
    app.db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  const auditCount = async (username: string) =>
    (await app.db.selectFrom('audit_log').select('id').where('entity_key', '=', `user:${username}`).execute())
      .length;
  const demote = (id: number) => ({ id: String(id), role: 'VIEWER', districtId: ids.district });

  it('cannot be demoted or disabled, by anyone: LAST_ADMIN, and nothing is written', async () => {
    const admin = await account(TEST_ADMIN.username);
    const audited = await auditCount(TEST_ADMIN.username);
    const demoted = await app.ok(UPDATE, { i: demote(admin.id) }, 'en');
    expect(demoted.updateUser).toEqual({
      __typename: 'InputError',
      code: 'LAST_ADMIN',
      message: 'Cannot demote "admin", the last active admin: make another account an admin first',
    });
    const disabled = await app.ok(UPDATE, { i: { id: String(admin.id), isActive: false } });
    expect(disabled.updateUser.code).toBe('LAST_ADMIN');
    expect(disabled.updateUser.message).toBe(
      'Không thể vô hiệu hóa "admin", quản trị viên cuối cùng còn hoạt động: hãy tạo hoặc cấp quyền quản trị cho một tài khoản khác trước',
    );
    // Not only the admin themselves: the CLI's operator goes through the same service.
    await expect(updateUser(operatorContext(app.db), admin.id, { isActive: false })).rejects.toMatchObject({
      code: 'LAST_ADMIN',
    });
    expect(await account(TEST_ADMIN.username)).toEqual(admin);
    expect(await auditCount(TEST_ADMIN.username)).toBe(audited);
    // Still signed in, still an admin.
    expect((await app.ok('{ me { role } }')).me.role).toBe('ADMIN');
  });

  it('with two admins, lets the first be demoted and refuses the second', async () => {
    const made = await app.ok(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { ... on UserPayload { user { id } } } }`,
      {
        i: {
          username: 'quan.tri.hai',
          displayName: 'Quản trị 2',
          password: 'second admin password',
          role: 'ADMIN',
        },
      },
    );
    const second = Number(made.createUser.user.id);
    const admin = await account(TEST_ADMIN.username);
    // Another admin exists, but nobody demotes themselves.
    expect((await app.ok(UPDATE, { i: demote(admin.id) })).updateUser.code).toBe('FORBIDDEN');
    expect((await app.ok(UPDATE, { i: demote(second) })).updateUser.user).toEqual({
      role: 'VIEWER',
      isActive: true,
    });
    const audited = await auditCount(TEST_ADMIN.username);
    expect((await app.ok(UPDATE, { i: demote(admin.id) })).updateUser.code).toBe('LAST_ADMIN');
    // Promoted again, the second admin is the one to go: disabling them leaves the first.
    await app.ok(UPDATE, { i: { id: String(second), role: 'ADMIN' } });
    expect((await app.ok(UPDATE, { i: { id: String(second), isActive: false } })).updateUser.user).toEqual({
      role: 'ADMIN',
      isActive: false,
    });
    await expect(updateUser(operatorContext(app.db), admin.id, { isActive: false })).rejects.toMatchObject({
      code: 'LAST_ADMIN',
    });
    expect(await account(TEST_ADMIN.username)).toEqual(admin);
    expect(await auditCount(TEST_ADMIN.username)).toBe(audited);
  });
});

describe('login throttling across API processes', () => {
  const account = DEMO_USERS.provincePlanner;
  const attempt = (password: string, baseUrl?: string) =>
    app.gql(LOGIN, { l: account.username, p: password }, { as: null, locale: 'en', baseUrl });

  it('counts failures made on any process, clears them on success, and survives a restart', async () => {
    // Earlier tests' failures from 127.0.0.1 count for the address too: start this one's from zero.
    await app.db.deleteFrom('login_failure').where('kind', '=', 'ip').execute();
    const other = await app.startSibling({});
    for (let i = 0; i < 4; i++) await attempt(`guess ${i}`, i % 2 ? other : undefined);
    // A success on the other process clears the account's count ...
    expect((await attempt(account.password, other)).data.login.__typename).toBe('LoginPayload');
    for (let i = 0; i < 4; i++) await attempt(`guess ${i}`, other);
    expect((await attempt(account.password)).data.login.__typename).toBe('LoginPayload');
    // ... and five failures spread over both processes make both wait.
    for (let i = 0; i < 5; i++) await attempt(`guess ${i}`, i % 2 ? other : undefined);
    for (const baseUrl of [undefined, other, await app.startSibling({})]) {
      const result = await attempt(account.password, baseUrl);
      expect(result.data.login.code).toBe('LOGIN_THROTTLED');
      expect(result.data.login.message).toMatch(/try again in \d+ seconds/);
    }
  });

  it('prunes counters older than the window', async () => {
    await app.db
      .insertInto('login_failure')
      .values({
        kind: 'account',
        key: 'long.ago',
        failures: 9,
        last_failure: new Date(Date.now() - 86_400_000),
      })
      .execute();
    // Another account: this file's throttled one would be refused before anything is counted.
    await app.gql(LOGIN, { l: 'someone.else', p: 'a guess' }, { as: null });
    const left = await app.db
      .selectFrom('login_failure')
      .select('key')
      .where('key', '=', 'long.ago')
      .execute();
    expect(left).toEqual([]);
    // This file's sign-ins all come from 127.0.0.1: forget the address so later tests may sign in.
    await app.db.deleteFrom('login_failure').where('kind', '=', 'ip').execute();
  });
});
