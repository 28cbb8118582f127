import type { Locale } from './money.ts';

export type PlanStatus = 'draft' | 'submitted' | 'approved' | 'locked';

export const PLAN_STATUSES: readonly PlanStatus[] = ['draft', 'submitted', 'approved', 'locked'];

// An approved plan is never reopened: changing it means a new plan (điều chỉnh kế hoạch), so the
// approved numbers the council voted on stay on record. A submitted plan can be returned for edits.
const ALLOWED_TRANSITIONS: Record<PlanStatus, readonly PlanStatus[]> = {
  draft: ['submitted'],
  submitted: ['approved', 'draft'],
  approved: ['locked'],
  locked: [],
};

export function canTransition(from: PlanStatus, to: PlanStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/**
 * The workflow as people name its steps: the planner submits, the council (HĐND) reviewer
 * approves or returns with a comment, the approved plan is locked, and a locked plan is changed
 * only through a new revision (a new draft linked to it).
 */
export type PlanWorkflowAction = 'submit' | 'approve' | 'return' | 'lock' | 'openRevision';

const WORKFLOW_ACTIONS: Record<PlanStatus, readonly PlanWorkflowAction[]> = {
  draft: ['submit'],
  submitted: ['approve', 'return'],
  approved: ['lock'],
  locked: ['openRevision'],
};

/** The status each transition moves the plan to (opening a revision leaves the plan locked). */
export const WORKFLOW_TARGET: Record<Exclude<PlanWorkflowAction, 'openRevision'>, PlanStatus> = {
  submit: 'submitted',
  approve: 'approved',
  return: 'draft',
  lock: 'locked',
};

export function workflowActionsFor(status: PlanStatus): readonly PlanWorkflowAction[] {
  return WORKFLOW_ACTIONS[status];
}

// The single place that decides whether allocations may change: once submitted, the figures are
// what reviewers are looking at.
export function isPlanWritable(status: PlanStatus): boolean {
  return status === 'draft';
}

const STATUS_LABELS: Record<PlanStatus, Record<Locale, string>> = {
  draft: { vi: 'Nháp', en: 'Draft' },
  submitted: { vi: 'Đã trình', en: 'Submitted' },
  approved: { vi: 'Đã phê duyệt', en: 'Approved' },
  locked: { vi: 'Đã khóa', en: 'Locked' },
};

export function describePlanStatus(status: string, locale: Locale): string {
  const labels = (STATUS_LABELS as Partial<Record<string, Record<Locale, string>>>)[status];
  return labels ? labels[locale] : status;
}
