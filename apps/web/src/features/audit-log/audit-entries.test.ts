import { describe, expect, it } from 'vitest';
import { isRevertible, mergeNewest } from './audit-entries';

const entries = (...ids: string[]) => ids.map((id) => ({ id }));

describe('mergeNewest', () => {
  it('puts only the new entries on top and keeps the pages already loaded', () => {
    expect(mergeNewest(entries('c', 'b', 'a'), entries('e', 'd', 'c', 'b'))).toEqual(
      entries('e', 'd', 'c', 'b', 'a'),
    );
  });

  it('changes nothing when nothing is new', () => {
    expect(mergeNewest(entries('b', 'a'), entries('b', 'a'))).toEqual(entries('b', 'a'));
  });

  it('asks to start over when the fresh page does not reach the shown entries', () => {
    expect(mergeNewest(entries('b', 'a'), entries('z', 'y'))).toBeNull();
  });

  it('fills an empty list', () => {
    expect(mergeNewest([], entries('a'))).toEqual(entries('a'));
  });
});

describe('isRevertible', () => {
  it('offers revert for cells, caps and statuses only', () => {
    expect(isRevertible({ entity: 'ALLOCATION' }, 'DRAFT')).toBe(true);
    expect(isRevertible({ entity: 'FUNDING_CAP' }, 'DRAFT')).toBe(true);
    expect(isRevertible({ entity: 'CRITERION_STATUS' }, 'DRAFT')).toBe(true);
    expect(isRevertible({ entity: 'PLAN_SNAPSHOT' }, 'DRAFT')).toBe(false);
    expect(isRevertible({ entity: 'PLAN' }, 'DRAFT')).toBe(false);
  });

  it('offers no revert of cells or caps once the plan is no longer a draft; statuses still', () => {
    for (const status of ['SUBMITTED', 'APPROVED', 'LOCKED'] as const) {
      expect(isRevertible({ entity: 'ALLOCATION' }, status)).toBe(false);
      expect(isRevertible({ entity: 'FUNDING_CAP' }, status)).toBe(false);
      expect(isRevertible({ entity: 'CRITERION_STATUS' }, status)).toBe(true);
      expect(isRevertible({ entity: 'DISTRICT_CRITERION_STATUS' }, status)).toBe(true);
    }
  });
});
