// Accounts: who am I (`me`, with the operations the UI may offer), sign in and out, passwords,
// sessions, and integrators' API tokens. Access rules: auth/rules.ts.
import type { ApiToken, AppUser, UserRole, UserSession } from '@ntm/db';
import { DomainError } from '@ntm/domain';
import type { Principal } from '../auth/principal.ts';
import { permissionsOf } from '../auth/rules.ts';
import { builder } from '../builder.ts';
import {
  changePassword,
  createApiToken,
  createUser,
  listApiTokens,
  listSessions,
  login,
  logout,
  revokeApiToken,
  revokeSession,
  updateUser,
} from '../services/accounts.ts';
import { allowed, writes } from './access.ts';
import { mutationErrors } from './errors.ts';
import { CommuneRef, DistrictRef, ProvinceRef } from './geography.ts';
import { decodeId, tryDecodeId } from './ids.ts';

export const RoleEnum = builder.enumType('Role', {
  values: {
    ADMIN: { value: 'admin', description: 'Quản trị: everything, everywhere.' },
    PROVINCE_PLANNER: { value: 'province_planner', description: 'Plans of one province.' },
    DISTRICT_PLANNER: { value: 'district_planner', description: 'Plans of one district.' },
    COMMUNE_OFFICER: {
      value: 'commune_officer',
      description: "Reads the district's plans, writes their commune's cells.",
    },
    COUNCIL_REVIEWER: {
      value: 'council_reviewer',
      description: 'HĐND: reads, and moves plans along the approval workflow.',
    },
    VIEWER: { value: 'viewer', description: 'Reads only.' },
  } as const satisfies Record<string, { value: UserRole; description: string }>,
});

const ScopeLevelEnum = builder.enumType('AccessScopeLevel', {
  values: {
    ALL: { value: 'all' },
    PROVINCE: { value: 'province' },
    DISTRICT: { value: 'district' },
    COMMUNE: { value: 'commune' },
  } as const,
});

const TokenAccessEnum = builder.enumType('TokenAccess', {
  values: {
    READ: { value: 'read', description: 'Queries and subscriptions only.' },
    READ_WRITE: {
      value: 'read_write',
      description: 'Also the writes a planner of the token’s scope may make.',
    },
  } as const,
});

const PrincipalKindEnum = builder.enumType('PrincipalKind', {
  values: { USER: { value: 'user' }, API_TOKEN: { value: 'token' } } as const,
});

const MeRef = builder.objectRef<Principal>('Me').implement({
  description: 'The signed-in user or API token, its scope, and the operations it may call.',
  fields: (t) => ({
    kind: t.field({ type: PrincipalKindEnum, resolve: (p) => p.kind }),
    name: t.string({ description: 'The name the audit trail records.', resolve: (p) => p.actor }),
    displayName: t.exposeString('displayName'),
    role: t.field({ type: RoleEnum, resolve: (p) => p.role }),
    scopeLevel: t.field({ type: ScopeLevelEnum, resolve: (p) => p.scope.level }),
    province: t.field({
      type: ProvinceRef,
      nullable: true,
      resolve: (p, _a, ctx) =>
        p.scope.provinceId === null ? null : ctx.loaders.province.load(p.scope.provinceId),
    }),
    district: t.field({
      type: DistrictRef,
      nullable: true,
      resolve: (p, _a, ctx) =>
        p.scope.districtId === null ? null : ctx.loaders.district.load(p.scope.districtId),
    }),
    commune: t.field({
      type: CommuneRef,
      nullable: true,
      description: 'A commune officer writes only this commune’s rows.',
      resolve: (p, _a, ctx) =>
        p.scope.communeId === null ? null : ctx.loaders.commune.load(p.scope.communeId),
    }),
    permissions: t.stringList({
      description:
        'The operations this caller may call, as "Mutation.setAllocations", "Query.plans"… The UI hides the rest; the server still decides, row by row.',
      resolve: (p) => permissionsOf(p),
    }),
    hasGraphqlIde: t.boolean({
      description:
        'Does this server offer the GraphQL IDE at /graphiql (NTM_GRAPHQL_IDE and NTM_INTROSPECTION both on)?',
      resolve: (_p, _a, ctx) => ctx.hasGraphqlIde,
    }),
  }),
});

const UserRef = builder.objectRef<AppUser>('User').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    username: t.exposeString('username'),
    displayName: t.exposeString('display_name'),
    email: t.exposeString('email', { nullable: true }),
    role: t.field({ type: RoleEnum, resolve: (u) => u.role }),
    isActive: t.exposeBoolean('is_active'),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
    // The scope, so an admin's user list can show and edit it (at most one is set; none for an admin).
    province: t.field({
      type: ProvinceRef,
      nullable: true,
      resolve: (u, _a, ctx) => (u.province_id === null ? null : ctx.loaders.province.load(u.province_id)),
    }),
    district: t.field({
      type: DistrictRef,
      nullable: true,
      resolve: (u, _a, ctx) => (u.district_id === null ? null : ctx.loaders.district.load(u.district_id)),
    }),
    commune: t.field({
      type: CommuneRef,
      nullable: true,
      resolve: (u, _a, ctx) => (u.commune_id === null ? null : ctx.loaders.commune.load(u.commune_id)),
    }),
  }),
});

const SessionRef = builder.objectRef<UserSession & { isCurrent: boolean }>('Session').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
    lastSeenAt: t.expose('last_seen_at', { type: 'DateTime' }),
    expiresAt: t.expose('expires_at', { type: 'DateTime' }),
    revokedAt: t.expose('revoked_at', { type: 'DateTime', nullable: true }),
    ip: t.exposeString('ip', { nullable: true }),
    userAgent: t.exposeString('user_agent', { nullable: true }),
    isCurrent: t.exposeBoolean('isCurrent', { description: 'The session this request came with.' }),
  }),
});

const ApiTokenRef = builder.objectRef<ApiToken>('ApiToken').implement({
  description: 'An integrator’s token. The secret itself is shown once, when it is created.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', { description: 'The first characters of the secret, to recognise it.' }),
    access: t.field({ type: TokenAccessEnum, resolve: (k) => k.access }),
    province: t.field({
      type: ProvinceRef,
      nullable: true,
      resolve: (k, _a, ctx) => (k.province_id === null ? null : ctx.loaders.province.load(k.province_id)),
    }),
    district: t.field({
      type: DistrictRef,
      nullable: true,
      resolve: (k, _a, ctx) => (k.district_id === null ? null : ctx.loaders.district.load(k.district_id)),
    }),
    createdAt: t.expose('created_at', { type: 'DateTime' }),
    expiresAt: t.expose('expires_at', { type: 'DateTime' }),
    revokedAt: t.expose('revoked_at', { type: 'DateTime', nullable: true }),
    lastUsedAt: t.expose('last_used_at', { type: 'DateTime', nullable: true }),
  }),
});

function numericId(
  id: string | number,
  field: string,
  code: 'UNKNOWN_SESSION' | 'UNKNOWN_API_TOKEN' | 'UNKNOWN_USER',
): number {
  const text = String(id);
  if (!/^\d{1,9}$/.test(text)) throw new DomainError(code, { field });
  return Number(text);
}

builder.queryFields((t) => ({
  me: t.field({
    authScopes: allowed,
    type: MeRef,
    resolve: (_r, _a, ctx) => ctx.principal!,
  }),
  mySessions: t.field({
    authScopes: allowed,
    type: [SessionRef],
    description: 'The caller’s open sessions (signed-in browsers).',
    resolve: async (_r, _a, ctx) =>
      (await listSessions(ctx)).map((s) => ({ ...s, isCurrent: s.id === ctx.principal?.sessionId })),
  }),
  apiTokens: t.field({
    authScopes: allowed,
    type: [ApiTokenRef],
    description: 'Tokens the caller made (an admin sees all).',
    resolve: (_r, _a, ctx) => listApiTokens(ctx),
  }),
  users: t.field({
    authScopes: allowed,
    type: [UserRef],
    resolve: (_r, _a, ctx) => ctx.db.selectFrom('app_user').selectAll().orderBy('username').execute(),
  }),
}));

const LoginPayload = builder.objectRef<{ me: Principal }>('LoginPayload').implement({
  fields: (t) => ({ me: t.field({ type: MeRef, resolve: (p) => p.me }) }),
});
const DonePayload = builder.objectRef<{ ok: true }>('DonePayload').implement({
  fields: (t) => ({ ok: t.exposeBoolean('ok') }),
});
const SessionPayload = builder.objectRef<{ session: UserSession }>('SessionPayload').implement({
  fields: (t) => ({
    session: t.field({
      type: SessionRef,
      resolve: (p, _a, ctx) => ({ ...p.session, isCurrent: p.session.id === ctx.principal?.sessionId }),
    }),
  }),
});
const UserPayload = builder.objectRef<{ user: AppUser }>('UserPayload').implement({
  fields: (t) => ({ user: t.field({ type: UserRef, resolve: (p) => p.user }) }),
});
const CreateApiTokenPayload = builder
  .objectRef<{ token: ApiToken; secret: string }>('CreateApiTokenPayload')
  .implement({
    fields: (t) => ({
      token: t.field({ type: ApiTokenRef, resolve: (p) => p.token }),
      secret: t.exposeString('secret', {
        description: 'Send as `Authorization: Bearer <secret>`. Shown only now: it is stored hashed.',
      }),
    }),
  });
const ApiTokenPayload = builder.objectRef<{ token: ApiToken }>('ApiTokenPayload').implement({
  fields: (t) => ({ token: t.field({ type: ApiTokenRef, resolve: (p) => p.token }) }),
});

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    username: t.string({
      required: true,
      description: 'Lower-case letters, digits, ".", "_" or "-" (3–64).',
    }),
    displayName: t.string({ required: true }),
    email: t.string({ required: false }),
    password: t.string({ required: true, description: 'At least 10 characters.' }),
    role: t.field({ type: RoleEnum, required: true }),
    provinceId: t.id({ required: false }),
    districtId: t.id({ required: false }),
    communeId: t.id({ required: false, description: 'Give exactly one scope (none for an admin).' }),
  }),
});

const UpdateUserInput = builder.inputType('UpdateUserInput', {
  description: 'Only the fields given change. A new role, or any scope field, replaces the whole scope.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The `User.id`.' }),
    displayName: t.string({ required: false }),
    role: t.field({ type: RoleEnum, required: false }),
    provinceId: t.id({ required: false }),
    districtId: t.id({ required: false }),
    communeId: t.id({ required: false }),
    isActive: t.boolean({
      required: false,
      description: 'false disables the account: its sessions end and its API tokens stop working.',
    }),
  }),
});

const CreateApiTokenInput = builder.inputType('CreateApiTokenInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'Who uses it, e.g. "Cổng dữ liệu tỉnh".' }),
    access: t.field({ type: TokenAccessEnum, required: true }),
    provinceId: t.id({ required: false, description: 'Give a province or a district.' }),
    districtId: t.id({ required: false }),
    expiresInDays: t.int({ required: false, defaultValue: 90, description: '1–366 days.' }),
  }),
});

type MaybeId = string | number | null | undefined;
const optionalId = (id: MaybeId, type: 'Province' | 'District' | 'Commune', field: string) => {
  if (id === null || id === undefined) return null;
  // A province id of the wrong kind is an unknown province (decodeId's generic code is about plans).
  if (type === 'Province') {
    const decoded = tryDecodeId(String(id), type);
    if (decoded === null) throw new DomainError('UNKNOWN_PROVINCE', { field, province: String(id) });
    return decoded;
  }
  return decodeId(String(id), type, field);
};

builder.mutationFields((t) => ({
  login: t.field({
    authScopes: allowed,
    type: LoginPayload,
    description: 'Signs in with a user name (or email) and password; sets the HttpOnly session cookie.',
    errors: mutationErrors,
    args: { login: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_r, args, ctx) => ({ me: (await login(ctx, args)).principal }),
  }),
  logout: t.field({
    authScopes: allowed,
    type: DonePayload,
    description: 'Ends the current session and clears the cookie.',
    errors: mutationErrors,
    resolve: async (_r, _a, ctx) => {
      await logout(ctx);
      return { ok: true as const };
    },
  }),
  changePassword: t.field({
    authScopes: allowed,
    type: DonePayload,
    description: 'Changes the caller’s password and ends their other sessions.',
    errors: mutationErrors,
    args: {
      currentPassword: t.arg.string({ required: true }),
      newPassword: t.arg.string({ required: true }),
    },
    resolve: async (_r, args, ctx) => {
      await changePassword(ctx, args);
      return { ok: true as const };
    },
  }),
  revokeSession: t.field({
    authScopes: allowed,
    type: SessionPayload,
    errors: mutationErrors,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => ({
      session: await revokeSession(ctx, numericId(args.id, 'id', 'UNKNOWN_SESSION')),
    }),
  }),
  createUser: t.field({
    authScopes: allowed,
    type: UserPayload,
    errors: mutationErrors,
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      user: await createUser(ctx, {
        username: input.username,
        displayName: input.displayName,
        email: input.email ?? null,
        password: input.password,
        role: input.role,
        provinceId: optionalId(input.provinceId, 'Province', 'provinceId'),
        districtId: optionalId(input.districtId, 'District', 'districtId'),
        communeId: optionalId(input.communeId, 'Commune', 'communeId'),
      }),
    }),
  }),
  updateUser: t.field({
    authScopes: allowed,
    type: UserPayload,
    description:
      'Changes an account’s name, role, scope or active flag (admins; audited). An admin cannot demote or disable themselves, and nobody the last active admin (LAST_ADMIN).',
    errors: mutationErrors,
    args: { input: t.arg({ type: UpdateUserInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      user: await updateUser(ctx, numericId(input.id, 'id', 'UNKNOWN_USER'), {
        displayName: input.displayName ?? undefined,
        role: input.role ?? undefined,
        provinceId:
          input.provinceId === undefined ? undefined : optionalId(input.provinceId, 'Province', 'provinceId'),
        districtId:
          input.districtId === undefined ? undefined : optionalId(input.districtId, 'District', 'districtId'),
        communeId:
          input.communeId === undefined ? undefined : optionalId(input.communeId, 'Commune', 'communeId'),
        isActive: input.isActive ?? undefined,
      }),
    }),
  }),
  createApiToken: t.field({
    authScopes: writes<{ input: { provinceId?: MaybeId; districtId?: MaybeId } }>(({ input }) => [
      { province: input.provinceId, field: 'provinceId' },
      { district: input.districtId, field: 'districtId' },
    ]),
    type: CreateApiTokenPayload,
    description:
      'Makes an integrator token for a province or district (an admin anywhere, a planner in their own scope).',
    errors: mutationErrors,
    args: { input: t.arg({ type: CreateApiTokenInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      createApiToken(ctx, {
        name: input.name,
        access: input.access,
        provinceId: optionalId(input.provinceId, 'Province', 'provinceId'),
        districtId: optionalId(input.districtId, 'District', 'districtId'),
        expiresInDays: input.expiresInDays ?? 90,
      }),
  }),
  revokeApiToken: t.field({
    authScopes: allowed,
    type: ApiTokenPayload,
    errors: mutationErrors,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => ({
      token: await revokeApiToken(ctx, numericId(args.id, 'id', 'UNKNOWN_API_TOKEN')),
    }),
  }),
}));
