import { describe, expect, it } from 'vitest';
import {
  type CommuneFlags,
  describeEligibility,
  isSourceEligible,
  readEligibilityParams,
  toEligibilityParams,
} from './eligibility.ts';

const ordinary: CommuneFlags = {
  isProgram135: false,
  ethnicZone: null,
  isAtk: false,
  isBorder: false,
  isIsland: false,
  kind: 'xa',
};
const xa135: CommuneFlags = {
  ...ordinary,
  isProgram135: true,
  ethnicZone: 'III',
};
const ward: CommuneFlags = { ...ordinary, kind: 'phuong' };

describe('isSourceEligible', () => {
  it('lets an empty rule fund everyone', () => {
    expect(isSourceEligible({}, ordinary)).toBe(true);
    expect(isSourceEligible({ communeFlags: [], communeKinds: [] }, ward)).toBe(true);
  });

  it('needs ANY of the listed flags', () => {
    const rule = { communeFlags: ['program135' as const, 'border' as const] };
    expect(isSourceEligible(rule, xa135)).toBe(true);
    expect(isSourceEligible(rule, { ...ordinary, isBorder: true })).toBe(true);
    expect(isSourceEligible(rule, ordinary)).toBe(false);
  });

  it('checks each flag against its own commune field', () => {
    expect(isSourceEligible({ communeFlags: ['atk'] }, { ...ordinary, isAtk: true })).toBe(true);
    expect(isSourceEligible({ communeFlags: ['island'] }, { ...ordinary, isIsland: true })).toBe(true);
    expect(isSourceEligible({ communeFlags: ['zoneIII'] }, { ...ordinary, ethnicZone: 'III' })).toBe(true);
    expect(isSourceEligible({ communeFlags: ['zoneIII'] }, { ...ordinary, ethnicZone: 'II' })).toBe(false);
    expect(isSourceEligible({ communeFlags: ['atk'] }, xa135)).toBe(false);
  });

  it('restricts by kind', () => {
    expect(isSourceEligible({ communeKinds: ['xa'] }, ordinary)).toBe(true);
    expect(isSourceEligible({ communeKinds: ['xa', 'thi_tran'] }, ward)).toBe(false);
  });

  it('requires both the flag and the kind when both are given', () => {
    const rule = {
      communeFlags: ['program135' as const],
      communeKinds: ['xa' as const],
    };
    expect(isSourceEligible(rule, xa135)).toBe(true);
    expect(isSourceEligible(rule, { ...xa135, kind: 'thi_tran' })).toBe(false);
    expect(isSourceEligible(rule, ordinary)).toBe(false);
  });
});

describe('describeEligibility', () => {
  it('describes rules in Vietnamese', () => {
    expect(describeEligibility({ communeFlags: ['program135'] }, 'vi')).toBe('chỉ xã thuộc Chương trình 135');
    expect(describeEligibility({ communeFlags: ['program135', 'atk', 'border'] }, 'vi')).toBe(
      'chỉ xã thuộc Chương trình 135, xã an toàn khu (ATK) hoặc xã biên giới',
    );
    expect(describeEligibility({ communeKinds: ['phuong', 'thi_tran'] }, 'vi')).toBe(
      'chỉ phường hoặc thị trấn',
    );
    expect(describeEligibility({}, 'vi')).toBe('mọi xã, phường, thị trấn');
  });

  it('describes rules in English', () => {
    expect(describeEligibility({ communeFlags: ['program135'] }, 'en')).toBe('only Program 135 communes');
    expect(describeEligibility({ communeFlags: ['border', 'island'] }, 'en')).toBe(
      'only border or island communes',
    );
    expect(describeEligibility({ communeFlags: ['zoneIII'], communeKinds: ['xa'] }, 'en')).toBe(
      'only zone III communes (rural communes only)',
    );
  });
});

describe('eligibility params', () => {
  it('round-trip a rule through error params', () => {
    const rule = {
      communeFlags: ['program135' as const, 'atk' as const],
      communeKinds: ['xa' as const],
    };
    expect(readEligibilityParams(toEligibilityParams(rule))).toEqual(rule);
    expect(toEligibilityParams({})).toEqual({});
  });

  it('drop codes they do not know', () => {
    expect(readEligibilityParams({ flags: 'program135,bogus', kinds: 'city' })).toEqual({
      communeFlags: ['program135'],
    });
  });
});
