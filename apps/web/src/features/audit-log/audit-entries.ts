// Pure helpers for the history list, unit-tested in node.
import type { AuditEntity, PlanStatus } from '@ntm/graphql-client';

/** The entities revertChange can put back (cells, caps, criterion statuses). */
const REVERTIBLE: ReadonlySet<AuditEntity> = new Set<AuditEntity>([
  'ALLOCATION',
  'FUNDING_CAP',
  'CRITERION_STATUS',
  'DISTRICT_CRITERION_STATUS',
]);

/** Cells and caps belong to the plan and change only while it is a draft; statuses belong to their unit. */
const PLAN_BOUND: ReadonlySet<AuditEntity> = new Set<AuditEntity>(['ALLOCATION', 'FUNDING_CAP']);

export function isRevertible(entry: { entity: AuditEntity }, planStatus: PlanStatus): boolean {
  if (!REVERTIBLE.has(entry.entity)) return false;
  return planStatus === 'DRAFT' || !PLAN_BOUND.has(entry.entity);
}

/**
 * Puts the entries of a fresh first page that are not shown yet on top of the shown ones (both newest
 * first). Null when the fresh page does not reach the shown list: too much happened, start over.
 */
export function mergeNewest<T extends { id: string }>(
  shown: readonly T[],
  freshFirstPage: readonly T[],
): T[] | null {
  if (shown.length === 0) return [...freshFirstPage];
  const shownIds = new Set(shown.map((entry) => entry.id));
  const overlap = freshFirstPage.findIndex((entry) => shownIds.has(entry.id));
  if (overlap === -1) return freshFirstPage.length === 0 ? [...shown] : null;
  return [...freshFirstPage.slice(0, overlap), ...shown];
}
