import { describe, expect, it } from 'vitest';
import {
  canTransition,
  describePlanStatus,
  isPlanWritable,
  PLAN_STATUSES,
  type PlanStatus,
  WORKFLOW_TARGET,
  workflowActionsFor,
} from './plan-status.ts';

describe('canTransition', () => {
  const allowed: Array<[PlanStatus, PlanStatus]> = [
    ['draft', 'submitted'],
    ['submitted', 'approved'],
    ['submitted', 'draft'],
    ['approved', 'locked'],
  ];

  it('allows exactly the four documented transitions', () => {
    for (const from of PLAN_STATUSES) {
      for (const to of PLAN_STATUSES) {
        const isAllowed = allowed.some(([f, t]) => f === from && t === to);
        expect(canTransition(from, to), `${from} -> ${to}`).toBe(isAllowed);
      }
    }
  });

  it('does not reopen an approved plan as a draft', () => {
    expect(canTransition('approved', 'draft')).toBe(false);
  });

  it('never leaves locked', () => {
    expect(PLAN_STATUSES.some((to) => canTransition('locked', to))).toBe(false);
  });
});

describe('isPlanWritable', () => {
  it('is true only for drafts', () => {
    expect(PLAN_STATUSES.filter(isPlanWritable)).toEqual(['draft']);
  });
});

describe('describePlanStatus', () => {
  it('labels statuses in both languages and passes unknown values through', () => {
    expect(describePlanStatus('submitted', 'vi')).toBe('Đã trình');
    expect(describePlanStatus('locked', 'en')).toBe('Locked');
    expect(describePlanStatus('archived', 'vi')).toBe('archived');
  });
});

describe('workflowActionsFor', () => {
  it('offers each step only where the transition it makes is allowed', () => {
    for (const status of PLAN_STATUSES) {
      for (const action of workflowActionsFor(status)) {
        if (action === 'openRevision') expect(status).toBe('locked');
        else expect(canTransition(status, WORKFLOW_TARGET[action]), `${status} ${action}`).toBe(true);
      }
    }
    expect(workflowActionsFor('submitted')).toEqual(['approve', 'return']);
  });
});
