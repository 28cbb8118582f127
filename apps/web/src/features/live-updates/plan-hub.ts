// Integration point for everything live in the web app (presence bar, versions, history, and the
// allocation grid later). One graphql-ws subscription per plan per page, shared by every consumer:
// the server counts a viewer per connection and drops it when *a* subscription ends, so two screens
// subscribing on their own would make the page vanish from others' presence bars.
//
// Contract for consumers (`subscribeToPlan`, `subscribeToCells`, `usePlanChanges`):
// - Events arrive in the server's commit order. `ViewersChanged` always comes first, and the last one
//   is replayed to a consumer that joins later.
// - `ResyncRequired` means events may have been missed (the server fell behind, or this page was
//   offline and reconnected — the hub then emits one with reason RECONNECTED): refetch what you show.
// - `CellsChanged.cells` is null for a large batch (more than 40 cells): refetch, or read the batch
//   from the audit log by `batchId`.
// - Your own saves come back too (the stream is "what was committed"); compare versions to skip them.
import type { PlanChangedSubscription } from '@ntm/graphql-client';

export type PlanChange = PlanChangedSubscription['planChanged'];
export type CellsChanged = Extract<PlanChange, { __typename: 'CellsChanged' }>;
export type ViewersChanged = Extract<PlanChange, { __typename: 'ViewersChanged' }>;
export type PlanViewer = ViewersChanged['viewers'][number];
export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

/** Opens one plan's stream; returns its unsubscribe. The transport (graphql-ws) is injected. */
export type OpenPlanStream = (
  planId: string,
  sink: { next(change: PlanChange): void; error(error: unknown): void },
) => () => void;

type PlanEntry = {
  listeners: Set<(change: PlanChange) => void>;
  lastViewers: ViewersChanged | undefined;
  close: () => void;
};

export type PlanHub = {
  subscribeToPlan(planId: string, listener: (change: PlanChange) => void): () => void;
  /** Tells every open plan that the connection came back after a drop. */
  notifyReconnected(): void;
  setStatus(status: LiveStatus): void;
  getStatus(): LiveStatus;
  subscribeToStatus(listener: (status: LiveStatus) => void): () => void;
};

export function createPlanHub(open: OpenPlanStream): PlanHub {
  const plans = new Map<string, PlanEntry>();
  const statusListeners = new Set<(status: LiveStatus) => void>();
  let status: LiveStatus = 'connecting';

  function deliver(entry: PlanEntry, change: PlanChange) {
    if (change.__typename === 'ViewersChanged') entry.lastViewers = change;
    for (const listener of [...entry.listeners]) listener(change);
  }

  return {
    subscribeToPlan(planId, listener) {
      let entry = plans.get(planId);
      if (!entry) {
        const created: PlanEntry = { listeners: new Set(), lastViewers: undefined, close: () => {} };
        plans.set(planId, created);
        created.close = open(planId, {
          next: (change) => deliver(created, change),
          // A stream that ends in error (not a dropped socket, which graphql-ws retries) leaves the
          // plan without live updates; consumers are told to refetch rather than left stale.
          error: () => deliver(created, { __typename: 'ResyncRequired', planId, reason: 'RECONNECTED' }),
        });
        entry = created;
      }
      entry.listeners.add(listener);
      if (entry.lastViewers) listener(entry.lastViewers);
      const current = entry;
      return () => {
        current.listeners.delete(listener);
        if (current.listeners.size === 0 && plans.get(planId) === current) {
          plans.delete(planId);
          current.close();
        }
      };
    },
    notifyReconnected() {
      for (const [planId, entry] of plans) {
        deliver(entry, { __typename: 'ResyncRequired', planId, reason: 'RECONNECTED' });
      }
    },
    setStatus(next) {
      if (next === status) return;
      status = next;
      for (const listener of [...statusListeners]) listener(next);
    },
    getStatus: () => status,
    subscribeToStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
  };
}
