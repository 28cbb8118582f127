// The per-process event bus behind `Subscription.planChanged`. Integration point between
// PostgreSQL (or PGlite) NOTIFY and the WebSocket subscribers of this process:
//
//   writer's transaction ──pg_notify──► ntm_plan_events ──LISTEN (one connection per process)──►
//   bus ──filter by plan──► bounded queue per subscription ──► graphql-ws
//
// Every API process sharing the database receives every committed event, so an edit made through
// one process reaches subscribers of all of them. Presence ("who else is in the plan") rides on the
// same channel: join / heartbeat / leave signals, with stale sessions expired after a few missed
// heartbeats (a process that was killed never says goodbye).
import { randomUUID } from 'node:crypto';
import type { Database, Db } from '@ntm/db';
import { type Kysely, sql } from 'kysely';
import type { Logger } from '../logger.ts';
import { PLAN_EVENTS_CHANNEL, type PlanEvent } from './plan-events.ts';

/** A WebSocket connection as seen by others in the plan. Actors are 'anonymous' until accounts exist. */
export interface LiveSession {
  id: string;
  name: string | null;
  actor: string;
}

export interface PlanViewer {
  sessionId: string;
  name: string | null;
  actor: string;
  /** When the session joined the plan (ISO time). */
  since: string;
}

/**
 * What a subscription receives: the committed change events (status events always name the
 * subscribed plan by then) plus two delivered by the bus itself.
 */
export type LiveEvent =
  | PlanEvent
  | {
      kind: 'viewers';
      planId: number;
      viewers: PlanViewer[];
      /** The receiving subscription's own session, so a client can tell itself apart. */
      sessionId: string;
    }
  | {
      kind: 'resync';
      planId: number;
      /** `reconnected`: the bus lost the database for a while; `overflow`: the client fell too far behind. */
      reason: 'reconnected' | 'overflow';
    };

/** Presence signals share the channel with plan events; never delivered to clients as they are. */
interface PresenceSignal {
  kind: 'presence';
  action: 'join' | 'heartbeat' | 'leave';
  planId: number;
  processId: string;
  sessionId: string;
  name: string | null;
  actor: string;
  since: string;
}

/** The plan a subscription watches, with what it takes to match status events that carry no plan. */
export interface PlanScope {
  id: number;
  districtId: number | null;
  communeIds: ReadonlySet<number>;
}

export interface PlanEventBus {
  /** Starts delivering the plan's events; ends (and leaves the plan) when the iterator is returned. */
  subscribe(scope: PlanScope, session: LiveSession): AsyncIterableIterator<LiveEvent>;
  /** Ends every subscription, announces that this process's sessions left, releases the listener. */
  close(): Promise<void>;
}

export interface PlanEventBusOptions {
  db: Kysely<Database>;
  listen: Db['listen'];
  log: Logger;
  /** How often each process re-announces its sessions. */
  heartbeatMs?: number;
  /** A session not heard of for this long is dropped from the viewers. */
  presenceTtlMs?: number;
  /** Events queued for a slow client before they are replaced by one `resync`. */
  maxQueue?: number;
}

const DEFAULT_HEARTBEAT_MS = 10_000;
const DEFAULT_MAX_QUEUE = 1_000;

export async function startPlanEventBus(options: PlanEventBusOptions): Promise<PlanEventBus> {
  const { db, log } = options;
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const presenceTtlMs = options.presenceTtlMs ?? heartbeatMs * 3;
  const maxQueue = options.maxQueue ?? DEFAULT_MAX_QUEUE;
  const processId = randomUUID();

  const subscriptions = new Set<PlanSubscription>();
  /** Everyone in each plan, across processes, as last heard. */
  const viewersByPlan = new Map<number, Map<string, PlanViewer & { lastSeen: number }>>();
  /** This process's sessions per plan, counted (one connection may subscribe twice). */
  const localSessions = new Map<string, { signal: Omit<PresenceSignal, 'action'>; count: number }>();
  /** The presence signals sent so far, chained; close() waits for them so the leaves get out. */
  let signals = Promise.resolve();
  let isClosed = false;

  function deliver(event: PlanEvent) {
    for (const subscription of subscriptions) {
      if (!matches(subscription.scope, event)) continue;
      // A commune's or district's status change reaches every plan covering it: name the plan.
      subscription.push(event.planId === null ? { ...event, planId: subscription.scope.id } : event);
    }
  }

  function announceViewers(planId: number) {
    const viewers = [...(viewersByPlan.get(planId)?.values() ?? [])]
      .map(({ lastSeen: _, ...viewer }) => viewer)
      .sort((a, b) => a.since.localeCompare(b.since) || a.sessionId.localeCompare(b.sessionId));
    for (const subscription of subscriptions) {
      if (subscription.scope.id !== planId) continue;
      subscription.push({ kind: 'viewers', planId, viewers, sessionId: subscription.session.id });
    }
  }

  /** Records a viewer; true when it is new to this process. */
  function see(signal: Omit<PresenceSignal, 'action'>): boolean {
    let viewers = viewersByPlan.get(signal.planId);
    if (!viewers) {
      viewers = new Map();
      viewersByPlan.set(signal.planId, viewers);
    }
    const isNew = !viewers.has(signal.sessionId);
    viewers.set(signal.sessionId, {
      sessionId: signal.sessionId,
      name: signal.name,
      actor: signal.actor,
      since: signal.since,
      lastSeen: Date.now(),
    });
    return isNew;
  }

  function forget(planId: number, sessionId: string): boolean {
    const viewers = viewersByPlan.get(planId);
    const wasThere = viewers?.delete(sessionId) ?? false;
    if (viewers?.size === 0) viewersByPlan.delete(planId);
    return wasThere;
  }

  function onPresence(signal: PresenceSignal) {
    // Our own echo of a session that has left since: not a viewer any more.
    if (signal.processId === processId && !localSessions.has(`${signal.planId}:${signal.sessionId}`)) return;
    if (signal.action === 'leave') {
      if (forget(signal.planId, signal.sessionId)) announceViewers(signal.planId);
      return;
    }
    if (see(signal)) announceViewers(signal.planId);
    // A newcomer (possibly a freshly started process) learns who is already here without waiting
    // for the next heartbeat.
    if (signal.action === 'join' && signal.processId !== processId) {
      for (const local of localSessions.values()) {
        if (local.signal.planId === signal.planId) sendSignal(local.signal, 'heartbeat');
      }
    }
  }

  function sendSignal(
    signal: Omit<PresenceSignal, 'action'>,
    action: PresenceSignal['action'],
  ): Promise<void> {
    const payload = JSON.stringify({ ...signal, action } satisfies PresenceSignal);
    // One at a time, in order: through the pool, a heartbeat sent just before a leave could
    // otherwise commit after it and bring the session back until it expires.
    signals = signals.then(() =>
      sql`select pg_notify(${PLAN_EVENTS_CHANNEL}, ${payload})`.execute(db).then(
        () => undefined,
        (error: unknown) => {
          if (!isClosed) log.warn('presence signal failed', { error: String(error) });
        },
      ),
    );
    return signals;
  }

  function onNotify(payload: string) {
    let message: PlanEvent | PresenceSignal;
    try {
      message = JSON.parse(payload) as PlanEvent | PresenceSignal;
    } catch {
      log.warn('unreadable plan event', { payload: payload.slice(0, 200) });
      return;
    }
    if (message.kind === 'presence') onPresence(message);
    else deliver(message);
  }

  function onReconnect() {
    log.warn('plan event listener reconnected: clients refetch');
    for (const subscription of subscriptions) {
      subscription.push({ kind: 'resync', planId: subscription.scope.id, reason: 'reconnected' });
    }
    for (const local of localSessions.values()) void sendSignal(local.signal, 'join');
  }

  const unlisten = await options.listen(PLAN_EVENTS_CHANNEL, onNotify, {
    onReconnect,
    onError: (error) => log.warn('plan event listener lost its connection', { error: String(error) }),
  });

  const heartbeat = setInterval(() => {
    for (const local of localSessions.values()) void sendSignal(local.signal, 'heartbeat');
    const staleBefore = Date.now() - presenceTtlMs;
    for (const [planId, viewers] of viewersByPlan) {
      let isChanged = false;
      for (const [sessionId, viewer] of viewers) {
        // Our own sessions stay even if their echo is late (e.g. while the listener reconnects).
        if (viewer.lastSeen < staleBefore && !localSessions.has(`${planId}:${sessionId}`)) {
          viewers.delete(sessionId);
          isChanged = true;
        }
      }
      if (viewers.size === 0) viewersByPlan.delete(planId);
      if (isChanged) announceViewers(planId);
    }
  }, heartbeatMs);
  heartbeat.unref();

  function join(scope: PlanScope, session: LiveSession) {
    const key = `${scope.id}:${session.id}`;
    const local = localSessions.get(key);
    if (local) {
      local.count++;
      return;
    }
    const signal = {
      kind: 'presence' as const,
      planId: scope.id,
      processId,
      sessionId: session.id,
      name: session.name,
      actor: session.actor,
      since: new Date().toISOString(),
    };
    localSessions.set(key, { signal, count: 1 });
    see(signal);
    void sendSignal(signal, 'join');
  }

  function leave(scope: PlanScope, session: LiveSession) {
    const key = `${scope.id}:${session.id}`;
    const local = localSessions.get(key);
    if (!local || --local.count > 0) return;
    localSessions.delete(key);
    if (forget(scope.id, session.id)) announceViewers(scope.id);
    if (!isClosed) void sendSignal(local.signal, 'leave');
  }

  return {
    subscribe(scope, session) {
      const subscription = new PlanSubscription(scope, session, maxQueue, () => {
        subscriptions.delete(subscription);
        leave(scope, session);
      });
      if (isClosed) {
        subscription.finish();
        return subscription;
      }
      subscriptions.add(subscription);
      join(scope, session);
      announceViewers(scope.id);
      return subscription;
    },
    async close() {
      if (isClosed) return;
      clearInterval(heartbeat);
      for (const local of localSessions.values()) void sendSignal(local.signal, 'leave');
      await signals;
      isClosed = true;
      localSessions.clear();
      for (const subscription of [...subscriptions]) subscription.finish();
      await unlisten();
    },
  };
}

/** Status events carry a plan only when the writer knew it; otherwise match by commune or district. */
function matches(scope: PlanScope, event: PlanEvent): boolean {
  if (event.planId === scope.id) return true;
  if (event.kind !== 'status' || event.planId !== null) return false;
  if (event.communeId !== null) return scope.communeIds.has(event.communeId);
  return event.districtId !== null && event.districtId === scope.districtId;
}

/**
 * A pull-based async iterator over one subscription's events. The socket's send pace drives
 * `next()`; a client that falls more than `maxQueue` events behind gets its backlog replaced by a
 * single `resync` (refetch) instead of growing the process's memory without bound.
 */
class PlanSubscription implements AsyncIterableIterator<LiveEvent> {
  #queue: LiveEvent[] = [];
  #waiting: ((result: IteratorResult<LiveEvent>) => void) | undefined;
  #isDone = false;

  constructor(
    readonly scope: PlanScope,
    readonly session: LiveSession,
    private readonly maxQueue: number,
    private readonly onEnd: () => void,
  ) {}

  push(event: LiveEvent) {
    if (this.#isDone) return;
    if (this.#waiting) {
      const resolve = this.#waiting;
      this.#waiting = undefined;
      resolve({ value: event, done: false });
      return;
    }
    if (event.kind === 'viewers') {
      // Only the latest list of viewers matters.
      const index = this.#queue.findIndex((queued) => queued.kind === 'viewers');
      if (index >= 0) this.#queue.splice(index, 1);
    }
    if (this.#queue.length >= this.maxQueue) {
      this.#queue = [{ kind: 'resync', planId: this.scope.id, reason: 'overflow' }];
      return;
    }
    this.#queue.push(event);
  }

  next(): Promise<IteratorResult<LiveEvent>> {
    const event = this.#queue.shift();
    if (event) return Promise.resolve({ value: event, done: false });
    if (this.#isDone) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.#waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<LiveEvent>> {
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<LiveEvent>> {
    this.finish();
    return Promise.reject(error);
  }

  finish() {
    if (this.#isDone) return;
    this.#isDone = true;
    this.#queue = [];
    this.#waiting?.({ value: undefined, done: true });
    this.#waiting = undefined;
    this.onEnd();
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}
