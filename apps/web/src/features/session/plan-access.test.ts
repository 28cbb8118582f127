import { describe, expect, it } from 'vitest';
import { editAccessOf } from './plan-access';

const planner = (op: string) => op === 'Mutation.setFundingCap';
const viewer = () => false;

describe('editAccessOf', () => {
  it('lets a role that may call the operation edit a draft', () => {
    expect(editAccessOf('DRAFT', planner, 'Mutation.setFundingCap')).toBe('editable');
  });

  it('keeps a role that may not call it read-only, even on a draft', () => {
    expect(editAccessOf('DRAFT', viewer, 'Mutation.setFundingCap')).toBe('roleReadOnly');
    expect(editAccessOf('DRAFT', planner, 'Mutation.setAllocations')).toBe('roleReadOnly');
  });

  it('locks a plan that is no longer a draft for everyone', () => {
    for (const status of ['SUBMITTED', 'APPROVED', 'LOCKED'] as const) {
      expect(editAccessOf(status, planner, 'Mutation.setFundingCap')).toBe('planLocked');
      expect(editAccessOf(status, viewer, 'Mutation.setFundingCap')).toBe('planLocked');
    }
  });
});
