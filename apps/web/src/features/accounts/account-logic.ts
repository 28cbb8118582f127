// Pure rules behind the account screens: which scope a role needs (mirrors the API's check, which
// still decides: ROLE_SCOPE_MISMATCH), the scope a form sends, and a token's state.
import type { Role } from '@ntm/graphql-client';
import type { MessageKey } from '../../i18n/vi';

export type ScopeLevelChoice = 'province' | 'district' | 'commune';

export const ROLE_LABELS: Record<Role, MessageKey> = {
  ADMIN: 'role.admin',
  PROVINCE_PLANNER: 'role.provincePlanner',
  DISTRICT_PLANNER: 'role.districtPlanner',
  COMMUNE_OFFICER: 'role.communeOfficer',
  COUNCIL_REVIEWER: 'role.councilReviewer',
  VIEWER: 'role.viewer',
};

export const ROLES = Object.keys(ROLE_LABELS) as Role[];

/** The scope levels a role may have: none for an admin, exactly its own for a planner or officer. */
export function scopeLevelsFor(role: Role): readonly ScopeLevelChoice[] {
  switch (role) {
    case 'ADMIN':
      return [];
    case 'PROVINCE_PLANNER':
      return ['province'];
    case 'DISTRICT_PLANNER':
      return ['district'];
    case 'COMMUNE_OFFICER':
      return ['commune'];
    case 'COUNCIL_REVIEWER':
    case 'VIEWER':
      return ['province', 'district', 'commune'];
  }
}

/** What a scope picker holds: the chosen level and the units picked down to it ('' = none). */
export type ScopeDraft = {
  level: ScopeLevelChoice | null;
  provinceId: string;
  districtId: string;
  communeId: string;
};

export const EMPTY_SCOPE: ScopeDraft = { level: null, provinceId: '', districtId: '', communeId: '' };

type Scoped = {
  province: { id: string } | null;
  district: { id: string; province: { id: string } } | null;
  commune: { id: string; district: { id: string; province: { id: string } } | null } | null;
};

/** A user's scope as a picker draft, with the units above it so the picker shows the whole path. */
export function draftOf(user: Scoped): ScopeDraft {
  if (user.commune) {
    const district = user.commune.district;
    return {
      level: 'commune',
      provinceId: district?.province.id ?? '',
      districtId: district?.id ?? '',
      communeId: user.commune.id,
    };
  }
  if (user.district) {
    return {
      ...EMPTY_SCOPE,
      level: 'district',
      provinceId: user.district.province.id,
      districtId: user.district.id,
    };
  }
  if (user.province) return { ...EMPTY_SCOPE, level: 'province', provinceId: user.province.id };
  return EMPTY_SCOPE;
}

/** The level a draft has under a role: kept if the role allows it, else the role's first. */
export function levelFor(role: Role, level: ScopeLevelChoice | null): ScopeLevelChoice | null {
  const levels = scopeLevelsFor(role);
  if (level && levels.includes(level)) return level;
  return levels[0] ?? null;
}

export type ScopeInput = { provinceId: string | null; districtId: string | null; communeId: string | null };

/**
 * The scope to send for a role: exactly the chosen unit and null for the others (a new scope
 * replaces the whole old one), or null while the draft is incomplete.
 */
export function scopeInputOf(role: Role, draft: ScopeDraft): ScopeInput | null {
  const none: ScopeInput = { provinceId: null, districtId: null, communeId: null };
  const level = levelFor(role, draft.level);
  if (level === null) return none;
  const id = { province: draft.provinceId, district: draft.districtId, commune: draft.communeId }[level];
  return id ? { ...none, [`${level}Id`]: id } : null;
}

/** The place a user or token is bound to, most specific first. */
export function scopeName(unit: {
  province?: { name: string } | null;
  district?: { name: string } | null;
  commune?: { name: string } | null;
}): string | null {
  return unit.commune?.name ?? unit.district?.name ?? unit.province?.name ?? null;
}

export type TokenState = 'active' | 'expired' | 'revoked';

export function tokenStateOf(token: { revokedAt: string | null; expiresAt: string }, now: Date): TokenState {
  if (token.revokedAt) return 'revoked';
  return new Date(token.expiresAt).getTime() <= now.getTime() ? 'expired' : 'active';
}

/** Lifetimes offered for a new token (the API takes 1–366 days). */
export const TOKEN_LIFETIMES = [30, 90, 180, 366] as const;

/** Same rule as the API (WEAK_PASSWORD): checked here only to say so before sending. */
export const MIN_PASSWORD_LENGTH = 10;
