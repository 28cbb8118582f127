import { describe, expect, it } from 'vitest';
import { PLAN_TABS } from '../../app/routes';
import { canSetCriterionStatus, editAccessOf, isTabAvailable } from './plan-access';

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

describe('canSetCriterionStatus', () => {
  const editor = (op: string) => op === 'Mutation.setCriterionStatus';

  it('lets planners set any commune’s and the district’s status', () => {
    expect(canSetCriterionStatus(editor, null, { communeId: 'C1' })).toBe(true);
    expect(canSetCriterionStatus(editor, null, { districtId: 'D1' })).toBe(true);
  });

  it('lets a commune officer set only their own commune’s status, not the district’s', () => {
    expect(canSetCriterionStatus(editor, 'C1', { communeId: 'C1' })).toBe(true);
    expect(canSetCriterionStatus(editor, 'C1', { communeId: 'C2' })).toBe(false);
    expect(canSetCriterionStatus(editor, 'C1', { districtId: 'D1' })).toBe(false);
  });

  it('lets nobody without the operation set any status', () => {
    expect(canSetCriterionStatus(viewer, null, { communeId: 'C1' })).toBe(false);
    expect(canSetCriterionStatus(viewer, null, { districtId: 'D1' })).toBe(false);
  });
});

describe('isTabAvailable', () => {
  it('offers the optimizer only to roles that may run it, every other tab to everyone', () => {
    const optimizer = (op: string) => op === 'Mutation.optimizePlan';
    expect(PLAN_TABS.filter((tab) => isTabAvailable(tab, optimizer))).toEqual([...PLAN_TABS]);
    expect(PLAN_TABS.filter((tab) => isTabAvailable(tab, viewer))).toEqual(
      PLAN_TABS.filter((tab) => tab !== 'optimize'),
    );
  });
});
