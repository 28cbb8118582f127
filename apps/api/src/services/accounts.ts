// Accounts, sessions and API tokens: sign in and out, passwords, integrator tokens.
import type { ApiToken, AppUser, TokenAccess, UserRole, UserSession } from '@ntm/db';
import { DomainError } from '@ntm/domain';
import { sql } from 'kysely';
import { assertStrongPassword, decoyPasswordHash, hashPassword, verifyPassword } from '../auth/passwords.ts';
import { type Principal, principalOfUser } from '../auth/principal.ts';
import { hashSecret, newSecret, TOKEN_PREFIX } from '../auth/secrets.ts';
import { clearedSessionCookie, sessionCookie } from '../auth/session-cookie.ts';
import type { Context } from '../context.ts';

export const MAX_TOKEN_DAYS = 366;

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
  ctx.auth.throttle.check(account, ctx.clientIp);
  const user = await ctx.db
    .selectFrom('app_user')
    .selectAll()
    .where((eb) => eb.or([eb('username', '=', account), eb('email', '=', account)]))
    .where('is_active', '=', true)
    .executeTakeFirst();
  const isValid = await verifyPassword(user?.password_hash ?? (await decoyPasswordHash()), input.password);
  if (!user || !isValid) {
    ctx.auth.throttle.recordFailure(account, ctx.clientIp);
    ctx.log.warn('login failed', { account, ip: ctx.clientIp });
    throw new DomainError('INVALID_CREDENTIALS');
  }
  ctx.auth.throttle.recordSuccess(account);
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
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ password_hash: passwordHash, password_changed_at: sql`now()` })
      .where('id', '=', user.id)
      .execute();
    let revoke = trx
      .updateTable('user_session')
      .set({ revoked_at: sql`now()` })
      .where('user_id', '=', user.id)
      .where('revoked_at', 'is', null);
    if (principal.sessionId !== null) revoke = revoke.where('id', '<>', principal.sessionId);
    await revoke.execute();
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
  let query = ctx.db
    .updateTable('user_session')
    .set({ revoked_at: sql`coalesce(revoked_at, now())` })
    .where('id', '=', sessionId);
  if (principal.role !== 'admin') query = query.where('user_id', '=', principal.id);
  const session = await query.returningAll().executeTakeFirst();
  if (!session) throw new DomainError('UNKNOWN_SESSION', { field: 'id' });
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
  const taken = await ctx.db
    .selectFrom('app_user')
    .select('id')
    .where((eb) => eb.or([eb('username', '=', username), eb('email', '=', input.email?.toLowerCase() ?? '')]))
    .executeTakeFirst();
  if (taken) throw new DomainError('USERNAME_TAKEN', { field: 'username', username });
  return ctx.db
    .insertInto('app_user')
    .values({
      username,
      display_name: input.displayName.trim(),
      email: input.email?.trim().toLowerCase() || null,
      password_hash: await hashPassword(input.password),
      role: input.role,
      ...scope,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Each role is bound to exactly the scope it needs (the table's check says the same). */
function scopeForRole(input: NewUserInput) {
  const none = { province_id: null, district_id: null, commune_id: null };
  const { role, provinceId, districtId, communeId } = input;
  const given = [provinceId, districtId, communeId].filter((x) => x !== null).length;
  if (role === 'admin' && given === 0) return none;
  if (given !== 1) throw new DomainError('INVALID_SCOPE', { field: 'scope' });
  if (role === 'province_planner' && provinceId !== null) return { ...none, province_id: provinceId };
  if (role === 'district_planner' && districtId !== null) return { ...none, district_id: districtId };
  if (role === 'commune_officer' && communeId !== null) return { ...none, commune_id: communeId };
  if (role === 'council_reviewer' || role === 'viewer') {
    return { province_id: provinceId, district_id: districtId, commune_id: communeId };
  }
  throw new DomainError('INVALID_SCOPE', { field: 'scope' });
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
): Promise<{ token: ApiToken; secret: string }> {
  const principal = requirePrincipal(ctx);
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
      ? new DomainError('UNKNOWN_DISTRICT', { field: 'districtId' })
      : new DomainError('INVALID_SCOPE', { field: 'provinceId' });
  }
  const secret = newSecret(TOKEN_PREFIX);
  const token = await ctx.db
    .insertInto('api_token')
    .values({
      name,
      token_hash: hashSecret(secret),
      prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
      access: input.access,
      province_id: input.provinceId,
      district_id: input.districtId,
      created_by: principal.id,
      expires_at: new Date(Date.now() + input.expiresInDays * 86_400_000),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
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
  let query = ctx.db
    .updateTable('api_token')
    .set({ revoked_at: sql`coalesce(revoked_at, now())` })
    .where('id', '=', tokenId);
  if (principal.role !== 'admin') query = query.where('created_by', '=', principal.id);
  const token = await query.returningAll().executeTakeFirst();
  if (!token) throw new DomainError('UNKNOWN_API_TOKEN', { field: 'id' });
  return token;
}
