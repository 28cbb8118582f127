import { describe, expect, it } from 'vitest';
import {
  draftOf,
  EMPTY_SCOPE,
  levelFor,
  ROLES,
  scopeInputOf,
  scopeLevelsFor,
  scopeName,
  tokenStateOf,
} from './account-logic';

describe('scopeLevelsFor', () => {
  it('gives an admin no scope, each planner and officer their own level, readers any level', () => {
    expect(scopeLevelsFor('ADMIN')).toEqual([]);
    expect(scopeLevelsFor('PROVINCE_PLANNER')).toEqual(['province']);
    expect(scopeLevelsFor('DISTRICT_PLANNER')).toEqual(['district']);
    expect(scopeLevelsFor('COMMUNE_OFFICER')).toEqual(['commune']);
    expect(scopeLevelsFor('VIEWER')).toEqual(['province', 'district', 'commune']);
    expect(ROLES).toHaveLength(6);
  });
});

describe('levelFor', () => {
  it('keeps a level the role allows and otherwise falls back to the role’s', () => {
    expect(levelFor('VIEWER', 'commune')).toBe('commune');
    expect(levelFor('DISTRICT_PLANNER', 'commune')).toBe('district');
    expect(levelFor('VIEWER', null)).toBe('province');
    expect(levelFor('ADMIN', 'district')).toBeNull();
  });
});

describe('scopeInputOf', () => {
  const draft = { level: 'district' as const, provinceId: 'P1', districtId: 'D1', communeId: 'C1' };
  it('sends exactly the unit of the role’s level and null for the rest', () => {
    expect(scopeInputOf('DISTRICT_PLANNER', draft)).toEqual({
      provinceId: null,
      districtId: 'D1',
      communeId: null,
    });
    expect(scopeInputOf('PROVINCE_PLANNER', draft)).toEqual({
      provinceId: 'P1',
      districtId: null,
      communeId: null,
    });
    expect(scopeInputOf('COMMUNE_OFFICER', draft)).toEqual({
      provinceId: null,
      districtId: null,
      communeId: 'C1',
    });
    expect(scopeInputOf('VIEWER', draft)).toEqual({ provinceId: null, districtId: 'D1', communeId: null });
  });
  it('sends no scope for an admin and nothing while the unit is not picked', () => {
    expect(scopeInputOf('ADMIN', draft)).toEqual({ provinceId: null, districtId: null, communeId: null });
    expect(scopeInputOf('COMMUNE_OFFICER', { ...draft, communeId: '' })).toBeNull();
    expect(scopeInputOf('VIEWER', EMPTY_SCOPE)).toBeNull();
  });
});

describe('draftOf / scopeName', () => {
  it('reads the most specific unit of a user', () => {
    const user = {
      province: null,
      district: { id: 'D', name: 'Lục Nam', province: { id: 'P' } },
      commune: null,
    };
    expect(draftOf(user)).toEqual({ level: 'district', provinceId: 'P', districtId: 'D', communeId: '' });
    const officer = {
      ...user,
      district: null,
      commune: { id: 'C', district: { id: 'D', province: { id: 'P' } } },
    };
    expect(draftOf(officer)).toEqual({ level: 'commune', provinceId: 'P', districtId: 'D', communeId: 'C' });
    expect(draftOf({ province: null, district: null, commune: null })).toEqual(EMPTY_SCOPE);
    expect(scopeName(user)).toBe('Lục Nam');
    expect(scopeName({ province: null })).toBeNull();
  });
});

describe('tokenStateOf', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  it('tells revoked, expired and active tokens apart', () => {
    expect(tokenStateOf({ revokedAt: '2026-05-01T00:00:00Z', expiresAt: '2027-01-01T00:00:00Z' }, now)).toBe(
      'revoked',
    );
    expect(tokenStateOf({ revokedAt: null, expiresAt: '2026-05-31T23:59:59Z' }, now)).toBe('expired');
    expect(tokenStateOf({ revokedAt: null, expiresAt: '2026-06-02T00:00:00Z' }, now)).toBe('active');
  });
});
