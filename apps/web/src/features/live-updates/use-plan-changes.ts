// React side of the live stream. See plan-hub.ts for the event contract.
//
// `usePlanChanges(planId, onEvent)` calls `onEvent` for every PlanChange of the plan while mounted;
// the latest `onEvent` is used (no need to memoise it). `subscribeToCells(planId, handler)` is the
// same stream narrowed to committed cells, for non-React code such as the grid's data layer:
// `handler(cells, event)` gets the changed cells, or `null` when the batch was too large to carry
// them or a resync is needed (refetch the grid then).
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { getPlanHub } from './live-client';
import type { CellsChanged, LiveStatus, PlanChange, PlanViewer } from './plan-hub';

export type { CellsChanged, LiveStatus, PlanChange, PlanViewer } from './plan-hub';

export function subscribeToPlan(planId: string, handler: (change: PlanChange) => void): () => void {
  return getPlanHub().subscribeToPlan(planId, handler);
}

export function subscribeToCells(
  planId: string,
  handler: (cells: CellsChanged['cells'], event: CellsChanged | null) => void,
): () => void {
  return subscribeToPlan(planId, (change) => {
    if (change.__typename === 'CellsChanged') handler(change.cells ?? null, change);
    else if (change.__typename === 'ResyncRequired') handler(null, null);
  });
}

export function usePlanChanges(planId: string, onEvent: (change: PlanChange) => void): void {
  const onEventRef = useRef(onEvent);
  useEffect(() => {
    onEventRef.current = onEvent;
  });
  useEffect(() => subscribeToPlan(planId, (change) => onEventRef.current(change)), [planId]);
}

export function useLiveStatus(): LiveStatus {
  const hub = getPlanHub();
  return useSyncExternalStore(hub.subscribeToStatus, hub.getStatus, () => 'connecting');
}

/** What changed last, as this page heard it (for a "last change" line). */
export type LastChange = {
  kind: Exclude<PlanChange['__typename'], 'ViewersChanged' | 'ResyncRequired'>;
  actor: string;
  cellCount: number;
  origin: string | null;
  at: Date;
};

/** Who else is watching the plan (not this page), and the last change heard. */
export function usePlanPresence(planId: string): { others: PlanViewer[]; lastChange: LastChange | null } {
  const [others, setOthers] = useState<PlanViewer[]>([]);
  const [lastChange, setLastChange] = useState<LastChange | null>(null);
  usePlanChanges(planId, (change) => {
    switch (change.__typename) {
      case 'ViewersChanged':
        setOthers(change.viewers.filter((viewer) => !viewer.isYou));
        return;
      case 'ResyncRequired':
        return;
      case 'CellsChanged':
        setLastChange({
          kind: change.__typename,
          actor: change.actor,
          cellCount: change.cellCount,
          origin: change.origin,
          at: new Date(),
        });
        return;
      default:
        setLastChange({
          kind: change.__typename,
          actor: change.actor,
          cellCount: 0,
          origin: null,
          at: new Date(),
        });
    }
  });
  return { others, lastChange };
}
