// Accounts, sessions and API tokens: sign in and out, passwords, integrator tokens.
import {
  type ApiToken,
  type AppUser,
  type Database,
  inTransaction,
  type TokenAccess,
  type UserRole,
  type UserSession,
} from '@ntm/db';
import { DomainError } from '@ntm/domain';
import { type Kysely, sql } from 'kysely';
import { assertStrongPassword, decoyPasswordHash, hashPassword, verifyPassword } from '../auth/passwords.ts';
import { type Principal, principalOfUser } from '../auth/principal.ts';
import { hashSecret, newSecret, TOKEN_PREFIX } from '../auth/secrets.ts';
import { clearedSessionCookie, sessionCookie } from '../auth/session-cookie.ts';
import type { Context } from '../context.ts';
import { recordAudit, toAuditJson } from './audit.ts';

export const MAX_TOKEN_DAYS = 366;

// What the audit trail keeps of an account, a session or a token: never a password hash, a
// token secret or its hash.
function userAudit(u: AppUser) {
  return toAuditJson({
    username: u.username,
    display_name: u.display_name,
    email: u.email,
    role: u.role,
    province_id: u.province_id,
    district_id: u.district_id,
    commune_id: u.commune_id,
    is_active: u.is_active,
    password_changed_at: u.password_changed_at,
  });
}

function sessionAudit(s: UserSession) {
  return toAuditJson({
    user_id: s.user_id,
    created_at: s.created_at,
    expires_at: s.expires_at,
    revoked_at: s.revoked_at,
    ip: s.ip,
  });
}

function tokenAudit(t: ApiToken) {
  return toAuditJson({
    name: t.name,
    prefix: t.prefix,
    access: t.access,
    province_id: t.province_id,
    district_id: t.district_id,
    created_by: t.created_by,
    expires_at: t.expires_at,
    revoked_at: t.revoked_at,
  });
}

function requirePrincipal(ctx: Context): Principal {
  if (!ctx.principal) throw new DomainError('UNAUTHENTICATED');
  return ctx.principal;
}

/** Checks the password, opens a session and sets the cookie. Unknown account and wrong password look alike. */
export async function login(
  ctx: Context,
  input: { login: string; password: string },
): Promise<{ user: AppUser; principal: Principal }> {
  const account = input.login.trim().toLowerCase();
  await ctx.auth.throttle.check(ctx.db, account, ctx.clientIp);
  const user = await ctx.db
    .selectFrom('app_user')
    .selectAll()
    .where((eb) => eb.or([eb('username', '=', account), eb('email', '=', account)]))
    .where('is_active', '=', true)
    .executeTakeFirst();
  const isValid = await verifyPassword(user?.password_hash ?? (await decoyPasswordHash()), input.password);
  if (!user || !isValid) {
    await ctx.auth.throttle.recordFailure(ctx.db, account, ctx.clientIp);
    ctx.log.warn('login failed', { account, ip: ctx.clientIp });
    throw new DomainError('INVALID_CREDENTIALS');
  }
  await ctx.auth.throttle.recordSuccess(ctx.db, account);
  const secret = newSecret();
  const session = await ctx.db
    .insertInto('user_session')
    .values({
      token_hash: hashSecret(secret),
      user_id: user.id,
      expires_at: new Date(Date.now() + ctx.auth.sessionTtlSeconds * 1000),
      ip: ctx.clientIp,
      user_agent: ctx.userAgent,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ctx.responseCookies.push(sessionCookie(secret, ctx.auth.sessionTtlSeconds, ctx.auth.cookie));
  const principal = await principalOfUser(ctx.db, user, session.id);
  ctx.principal = principal;
  ctx.actor = principal.actor;
  return { user, principal };
}

export async function logout(ctx: Context): Promise<void> {
  const principal = requirePrincipal(ctx);
  if (principal.sessionId !== null) {
    await ctx.db
      .updateTable('user_session')
      .set({ revoked_at: sql`now()` })
      .where('id', '=', principal.sessionId)
      .where('revoked_at', 'is', null)
      .execute();
  }
  ctx.responseCookies.push(clearedSessionCookie(ctx.auth.cookie));
}

/** A new password ends every other session of the account; the current one stays signed in. */
export async function changePassword(
  ctx: Context,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const principal = requirePrincipal(ctx);
  const user = await ctx.db
    .selectFrom('app_user')
    .selectAll()
    .where('id', '=', principal.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new DomainError('INVALID_CREDENTIALS', { field: 'currentPassword' });
  }
  assertStrongPassword(input.newPassword, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx.db, async (trx) => {
    const updated = await trx
      .updateTable('app_user')
      .set({ password_hash: passwordHash, password_changed_at: sql`now()` })
      .where('id', '=', user.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    let revoke = trx
      .updateTable('user_session')
      .set({ revoked_at: sql`now()` })
      .where('user_id', '=', user.id)
      .where('revoked_at', 'is', null);
    if (principal.sessionId !== null) revoke = revoke.where('id', '<>', principal.sessionId);
    const revoked = await revoke.returning('id').execute();
    await recordAudit(trx, ctx, [
      {
        entity: 'app_user',
        action: 'update',
        entityKey: `user:${user.username}`,
        before: userAudit(user),
        after: { ...userAudit(updated), ended_sessions: revoked.length },
      },
    ]);
  });
}

export function listSessions(ctx: Context): Promise<UserSession[]> {
  const principal = requirePrincipal(ctx);
  return ctx.db
    .selectFrom('user_session')
    .selectAll()
    .where('user_id', '=', principal.id)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('id', 'desc')
    .execute();
}

/** Ends one of the caller's sessions (an admin may end anyone's). */
export async function revokeSession(ctx: Context, sessionId: number): Promise<UserSession> {
  const principal = requirePrincipal(ctx);
  const session = await inTransaction(ctx.db, async (trx) => {
    let query = trx.selectFrom('user_session').selectAll().where('id', '=', sessionId).forUpdate();
    if (principal.role !== 'admin') query = query.where('user_id', '=', principal.id);
    const before = await query.executeTakeFirst();
    if (!before) throw new DomainError('UNKNOWN_SESSION', { field: 'id' });
    if (before.revoked_at !== null) return before;
    const after = await trx
      .updateTable('user_session')
      .set({ revoked_at: sql`now()` })
      .where('id', '=', sessionId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, [
      {
        entity: 'user_session',
        action: 'update',
        entityKey: `session:${sessionId}`,
        before: sessionAudit(before),
        after: sessionAudit(after),
      },
    ]);
    return after;
  });
  if (session.id === principal.sessionId) ctx.responseCookies.push(clearedSessionCookie(ctx.auth.cookie));
  return session;
}

export interface NewUserInput {
  username: string;
  displayName: string;
  email: string | null;
  password: string;
  role: UserRole;
  provinceId: number | null;
  districtId: number | null;
  communeId: number | null;
}

export async function createUser(ctx: Context, input: NewUserInput): Promise<AppUser> {
  const username = input.username.trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,64}$/.test(username)) throw new DomainError('INVALID_NAME', { field: 'username' });
  if (!input.displayName.trim()) throw new DomainError('INVALID_NAME', { field: 'displayName' });
  assertStrongPassword(input.password);
  const scope = scopeForRole(input);
  await assertScopeExists(ctx.db, input);
  const email = input.email?.trim().toLowerCase() || null;
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx.db, async (trx) => {
    const taken = await trx
      .selectFrom('app_user')
      .select('id')
      .where((eb) => eb.or([eb('username', '=', username), eb('email', '=', email ?? '')]))
      .executeTakeFirst();
    if (taken) throw new DomainError('USERNAME_TAKEN', { field: 'username', username });
    const user = await trx
      .insertInto('app_user')
      .values({
        username,
        display_name: input.displayName.trim(),
        email,
        password_hash: passwordHash,
        role: input.role,
        ...scope,
      })
      // A concurrent create of the same name loses here instead of failing on the unique index.
      .onConflict((oc) => oc.column('username').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!user) throw new DomainError('USERNAME_TAKEN', { field: 'username', username });
    await recordAudit(trx, ctx, [
      {
        entity: 'app_user',
        action: 'insert',
        entityKey: `user:${username}`,
        before: null,
        after: userAudit(user),
      },
    ]);
    return user;
  });
}

export interface UserChanges {
  displayName?: string | undefined;
  role?: UserRole | undefined;
  /** When the role changes or any of these is given, they replace the whole scope. */
  provinceId?: number | null | undefined;
  districtId?: number | null | undefined;
  communeId?: number | null | undefined;
  isActive?: boolean | undefined;
}

/**
 * Changes an account's name, role, scope or active flag. Disabling ends its sessions (its tokens
 * stop working with it). An admin cannot demote or disable their own account, and nobody can
 * demote or disable the last active admin: nobody could undo it.
 */
export async function updateUser(ctx: Context, userId: number, changes: UserChanges): Promise<AppUser> {
  const principal = requirePrincipal(ctx);
  const displayName = changes.displayName?.trim();
  if (changes.displayName !== undefined && !displayName)
    throw new DomainError('INVALID_NAME', { field: 'displayName' });
  return inTransaction(ctx.db, async (trx) => {
    const before = await trx
      .selectFrom('app_user')
      .selectAll()
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new DomainError('UNKNOWN_USER', { field: 'id' });
    const role = changes.role ?? before.role;
    const isActive = changes.isActive ?? before.is_active;
    // Before the self rule, so the last admin is told what to do instead of just "forbidden".
    if (before.role === 'admin' && before.is_active && (role !== 'admin' || !isActive)) {
      await assertAnotherActiveAdmin(trx, before, isActive ? 'demote' : 'disable');
    }
    const isSelf = principal.kind === 'user' && principal.id === before.id;
    if (isSelf && (role !== before.role || changes.isActive === false)) throw new DomainError('FORBIDDEN');
    const scopeGiven = [changes.provinceId, changes.districtId, changes.communeId].some(
      (id) => id !== undefined,
    );
    let scope = {};
    if (scopeGiven || role !== before.role) {
      const input = {
        username: before.username,
        displayName: before.display_name,
        email: null,
        password: '',
        role,
        provinceId: changes.provinceId ?? null,
        districtId: changes.districtId ?? null,
        communeId: changes.communeId ?? null,
      };
      scope = scopeForRole(input);
      // Inside the transaction: an embedded database has one connection.
      await assertScopeExists(trx, input);
    }
    const after = await trx
      .updateTable('app_user')
      .set({
        ...(displayName ? { display_name: displayName } : {}),
        role,
        ...scope,
        ...(changes.isActive !== undefined ? { is_active: changes.isActive } : {}),
      })
      .where('id', '=', userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    let endedSessions = 0;
    if (before.is_active && !after.is_active) {
      const ended = await trx
        .updateTable('user_session')
        .set({ revoked_at: sql`now()` })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .returning('id')
        .execute();
      endedSessions = ended.length;
    }
    await recordAudit(trx, ctx, [
      {
        entity: 'app_user',
        action: 'update',
        entityKey: `user:${before.username}`,
        before: userAudit(before),
        after: { ...userAudit(after), ...(endedSessions ? { ended_sessions: endedSessions } : {}) },
      },
    ]);
    return after;
  });
}

/**
 * Refuses to take away the last active admin: nobody could manage accounts any more. Changes that
 * take an admin away queue on one transaction-level lock, and the count runs once it is held (read
 * committed: it sees the previous holder's commit), so two admins demoting each other at once
 * cannot both pass. Locking the admins' rows instead could deadlock: each request already holds
 * its target's row.
 */
async function assertAnotherActiveAdmin(
  trx: Kysely<Database>,
  admin: AppUser,
  change: 'demote' | 'disable',
): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('ntm:active-admins'))`.execute(trx);
  const other = await trx
    .selectFrom('app_user')
    .select('id')
    .where('role', '=', 'admin')
    .where('is_active', '=', true)
    .where('id', '<>', admin.id)
    .limit(1)
    .executeTakeFirst();
  if (!other) {
    throw new DomainError('LAST_ADMIN', {
      field: change === 'demote' ? 'role' : 'isActive',
      username: admin.username,
      change,
    });
  }
}

/** A scope id that names nothing is a typed error, not a foreign-key failure. */
async function assertScopeExists(db: Kysely<Database>, input: NewUserInput): Promise<void> {
  const checks = [
    ['province', input.provinceId, 'UNKNOWN_PROVINCE', 'provinceId'],
    ['district', input.districtId, 'UNKNOWN_DISTRICT', 'districtId'],
    ['commune', input.communeId, 'UNKNOWN_COMMUNE', 'communeId'],
  ] as const;
  for (const [table, id, code, field] of checks) {
    if (id === null) continue;
    const found = await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
    if (!found) throw new DomainError(code, { field, [table]: id });
  }
}

/** The kind of unit each role is bound to (the table's check says the same); `unit` = any one. */
export const ROLE_SCOPE = {
  admin: 'none',
  province_planner: 'province',
  district_planner: 'district',
  commune_officer: 'commune',
  council_reviewer: 'unit',
  viewer: 'unit',
} as const satisfies Record<UserRole, 'none' | 'province' | 'district' | 'commune' | 'unit'>;

/** Each role is bound to exactly the scope it needs. */
function scopeForRole(input: NewUserInput) {
  const none = { province_id: null, district_id: null, commune_id: null };
  const { role, provinceId, districtId, communeId } = input;
  const given = [provinceId, districtId, communeId].filter((x) => x !== null).length;
  const needs = ROLE_SCOPE[role];
  const mismatch = () => new DomainError('ROLE_SCOPE_MISMATCH', { field: 'scope', role, needs });
  if (needs === 'none') {
    if (given === 0) return none;
    throw mismatch();
  }
  if (needs === 'unit') {
    if (given !== 1) throw mismatch();
    return { province_id: provinceId, district_id: districtId, commune_id: communeId };
  }
  const id = { province: provinceId, district: districtId, commune: communeId }[needs];
  if (given !== 1 || id === null) throw mismatch();
  return { ...none, [`${needs}_id`]: id };
}

export interface NewTokenInput {
  name: string;
  access: TokenAccess;
  provinceId: number | null;
  districtId: number | null;
  expiresInDays: number;
}

/** Makes a token; the secret is returned this once and only its hash is kept. */
export async function createApiToken(
  ctx: Context,
  input: NewTokenInput,
  /** The account the token belongs to (it stops working with it); by default the caller. */
  ownerId: number = requirePrincipal(ctx).id,
): Promise<{ token: ApiToken; secret: string }> {
  const name = input.name.trim();
  if (!name || name.length > 120) throw new DomainError('INVALID_NAME', { field: 'name' });
  if (
    !Number.isInteger(input.expiresInDays) ||
    input.expiresInDays < 1 ||
    input.expiresInDays > MAX_TOKEN_DAYS
  ) {
    throw new DomainError('INVALID_EXPIRY', { field: 'expiresInDays', max: MAX_TOKEN_DAYS });
  }
  if ((input.provinceId === null) === (input.districtId === null)) {
    throw new DomainError('INVALID_SCOPE', { field: 'scope' });
  }
  const unit =
    input.districtId !== null
      ? await ctx.db.selectFrom('district').select('id').where('id', '=', input.districtId).executeTakeFirst()
      : await ctx.db
          .selectFrom('province')
          .select('id')
          .where('id', '=', input.provinceId!)
          .executeTakeFirst();
  if (!unit) {
    throw input.districtId !== null
      ? // Without the id: the same answer as a district outside the caller's scope.
        new DomainError('UNKNOWN_DISTRICT', { field: 'districtId' })
      : new DomainError('UNKNOWN_PROVINCE', { field: 'provinceId' });
  }
  const secret = newSecret(TOKEN_PREFIX);
  const token = await inTransaction(ctx.db, async (trx) => {
    const created = await trx
      .insertInto('api_token')
      .values({
        name,
        token_hash: hashSecret(secret),
        prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
        access: input.access,
        province_id: input.provinceId,
        district_id: input.districtId,
        created_by: ownerId,
        expires_at: new Date(Date.now() + input.expiresInDays * 86_400_000),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, [
      {
        entity: 'api_token',
        action: 'insert',
        entityKey: `token:${created.id}`,
        before: null,
        after: tokenAudit(created),
      },
    ]);
    return created;
  });
  return { token, secret };
}

/** The tokens the caller manages: an admin sees all, a planner those they made. */
export function listApiTokens(ctx: Context): Promise<ApiToken[]> {
  const principal = requirePrincipal(ctx);
  let query = ctx.db.selectFrom('api_token').selectAll().orderBy('id', 'desc');
  if (principal.role !== 'admin') query = query.where('created_by', '=', principal.id);
  return query.execute();
}

export async function revokeApiToken(ctx: Context, tokenId: number): Promise<ApiToken> {
  const principal = requirePrincipal(ctx);
  return inTransaction(ctx.db, async (trx) => {
    let query = trx.selectFrom('api_token').selectAll().where('id', '=', tokenId).forUpdate();
    if (principal.role !== 'admin') query = query.where('created_by', '=', principal.id);
    const before = await query.executeTakeFirst();
    if (!before) throw new DomainError('UNKNOWN_API_TOKEN', { field: 'id' });
    if (before.revoked_at !== null) return before;
    const after = await trx
      .updateTable('api_token')
      .set({ revoked_at: sql`now()` })
      .where('id', '=', tokenId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, [
      {
        entity: 'api_token',
        action: 'update',
        entityKey: `token:${tokenId}`,
        before: tokenAudit(before),
        after: tokenAudit(after),
      },
    ]);
    return after;
  });
}
