// Who is calling: a signed-in user (session cookie) or an integrator (Bearer API token), with the
// scope their access is bound to, resolved down the province → district → commune chain.
import { type Database, PREPARED_STATEMENT, type UserRole } from '@ntm/db';
import { type Kysely, sql } from 'kysely';
import type { RuleSubject } from './rules.ts';
import { hashSecret } from './secrets.ts';

export type ScopeLevel = 'all' | 'province' | 'district' | 'commune';

/** Where the caller's access is bound. The ids of the levels above the bound one are filled in. */
export interface Scope {
  level: ScopeLevel;
  provinceId: number | null;
  districtId: number | null;
  communeId: number | null;
}

export interface Principal extends RuleSubject {
  /** The user's id, or the API token's id. */
  id: number;
  /** The name written to the audit trail: a user's login name, or `token:<id>:<name>`. */
  actor: string;
  displayName: string;
  scope: Scope;
  /** The session this request came with (users signed in through the web app). */
  sessionId: number | null;
}

export interface Credentials {
  sessionSecret?: string | undefined;
  bearer?: string | undefined;
}

/** A scope's ids, walked up from the most specific one given. */
async function resolveScope(
  db: Kysely<Database>,
  ids: { provinceId: number | null; districtId: number | null; communeId: number | null },
): Promise<Scope> {
  if (ids.communeId !== null) {
    const c = await db
      .selectFrom('commune')
      .select(['province_id', 'district_id'])
      .where('id', '=', ids.communeId)
      .executeTakeFirstOrThrow();
    return {
      level: 'commune',
      provinceId: c.province_id,
      districtId: c.district_id,
      communeId: ids.communeId,
    };
  }
  if (ids.districtId !== null) {
    const d = await db
      .selectFrom('district')
      .select('province_id')
      .where('id', '=', ids.districtId)
      .executeTakeFirstOrThrow();
    return { level: 'district', provinceId: d.province_id, districtId: ids.districtId, communeId: null };
  }
  if (ids.provinceId !== null) {
    return { level: 'province', provinceId: ids.provinceId, districtId: null, communeId: null };
  }
  return { level: 'all', provinceId: null, districtId: null, communeId: null };
}

export async function principalOfUser(
  db: Kysely<Database>,
  user: {
    id: number;
    username: string;
    display_name: string;
    role: UserRole;
    province_id: number | null;
    district_id: number | null;
    commune_id: number | null;
  },
  sessionId: number | null,
): Promise<Principal> {
  return {
    kind: 'user',
    id: user.id,
    role: user.role,
    canWrite: true,
    actor: user.username,
    displayName: user.display_name,
    scope: await resolveScope(db, {
      provinceId: user.province_id,
      districtId: user.district_id,
      communeId: user.commune_id,
    }),
    sessionId,
  };
}

/** The caller behind the credentials, or null when they are missing, unknown, expired or revoked. */
export async function authenticate(
  db: Kysely<Database>,
  credentials: Credentials,
): Promise<Principal | null> {
  if (credentials.bearer) return authenticateToken(db, credentials.bearer);
  if (credentials.sessionSecret) return authenticateSession(db, credentials.sessionSecret);
  return null;
}

// One statement per request: find the live session or token, resolve its scope up the chain,
// and (at most once a minute) record its use, so the SQL budget of a request grows by one.
interface CredentialRow {
  id: number;
  session_id: number | null;
  username: string;
  display_name: string;
  role: UserRole;
  access: 'read' | 'read_write' | null;
  bound_province: number | null;
  bound_district: number | null;
  bound_commune: number | null;
  province_id: number | null;
  district_id: number | null;
}

const TOUCH = sql`interval '60 seconds'`;

function scopeOf(row: CredentialRow): Scope {
  const level: ScopeLevel =
    row.bound_commune !== null
      ? 'commune'
      : row.bound_district !== null
        ? 'district'
        : row.bound_province !== null
          ? 'province'
          : 'all';
  return { level, provinceId: row.province_id, districtId: row.district_id, communeId: row.bound_commune };
}

/** The bound ids, and the district and province above them. */
const SCOPE_COLUMNS = sql`
  c.id as bound_commune,
  coalesce(c.district_id, d.id) as district_id,
  coalesce(c.province_id, d.province_id, p.id) as province_id`;

async function authenticateSession(db: Kysely<Database>, secret: string): Promise<Principal | null> {
  const { rows } = await sql<CredentialRow>`${sql.raw(PREPARED_STATEMENT)}
    with found as (
      select s.id as session_id, s.last_seen_at, u.id, u.username, u.display_name, u.role,
        null::text as access, u.province_id as bound_province, u.district_id as bound_district,
        ${SCOPE_COLUMNS}
      from user_session s
      join app_user u on u.id = s.user_id
      left join commune c on c.id = u.commune_id
      left join district d on d.id = u.district_id
      left join province p on p.id = u.province_id
      where s.token_hash = ${hashSecret(secret)} and s.revoked_at is null and s.expires_at > now()
        and u.is_active
    ), touched as (
      update user_session set last_seen_at = now()
      where id = (select session_id from found) and last_seen_at < now() - ${TOUCH}
    )
    select * from found`.execute(db);
  const row = rows[0];
  if (!row) return null;
  return {
    kind: 'user',
    id: row.id,
    role: row.role,
    canWrite: true,
    actor: row.username,
    displayName: row.display_name,
    scope: scopeOf(row),
    sessionId: row.session_id,
  };
}

async function authenticateToken(db: Kysely<Database>, secret: string): Promise<Principal | null> {
  const { rows } = await sql<CredentialRow & { name: string }>`${sql.raw(PREPARED_STATEMENT)}
    with found as (
      select t.id, null::integer as session_id, t.name, t.name as username, t.name as display_name,
        'viewer' as role, t.access, t.province_id as bound_province, t.district_id as bound_district,
        ${SCOPE_COLUMNS}
      from api_token t
      join app_user u on u.id = t.created_by
      left join commune c on false
      left join district d on d.id = t.district_id
      left join province p on p.id = t.province_id
      where t.token_hash = ${hashSecret(secret)} and t.revoked_at is null and t.expires_at > now()
        and u.is_active
    ), touched as (
      update api_token set last_used_at = now()
      where id = (select id from found) and (last_used_at is null or last_used_at < now() - ${TOUCH})
    )
    select * from found`.execute(db);
  const token = rows[0];
  if (!token) return null;
  const scope = scopeOf(token);
  const canWrite = token.access === 'read_write';
  return {
    kind: 'token',
    id: token.id,
    // A token acts as a viewer, or as a planner of its own scope when it may write.
    role: !canWrite ? 'viewer' : scope.level === 'province' ? 'province_planner' : 'district_planner',
    canWrite,
    actor: `token:${token.id}:${token.name}`,
    displayName: token.name,
    scope,
    sessionId: null,
  };
}

/**
 * The command line's caller: whoever runs `pnpm ntm` already holds the database itself, so it acts
 * with the admin's reach, under its own name in the audit trail (`cli:<os user>`).
 */
export function operatorPrincipal(osUser: string): Principal {
  return {
    kind: 'user',
    role: 'admin',
    canWrite: true,
    id: 0,
    actor: `cli:${osUser}`,
    displayName: osUser,
    scope: { level: 'all', provinceId: null, districtId: null, communeId: null },
    sessionId: null,
  };
}
