import { describe, expect, it, vi } from 'vitest';
import { createPlanHub, type OpenPlanStream, type PlanChange } from './plan-hub';

function fakeTransport() {
  const sinks = new Map<string, Parameters<OpenPlanStream>[1]>();
  const closed: string[] = [];
  const open: OpenPlanStream = (planId, sink) => {
    sinks.set(planId, sink);
    return () => closed.push(planId);
  };
  return { open: vi.fn(open), sinks, closed };
}

const viewers = (names: string[]): PlanChange => ({
  __typename: 'ViewersChanged',
  planId: 'P1',
  viewers: names.map((name, index) => ({
    sessionId: `s${index}`,
    name,
    actor: 'anonymous',
    since: '2026-01-01T00:00:00Z',
    isYou: index === 0,
  })),
});

describe('plan hub', () => {
  it('opens one stream per plan for many consumers and closes it with the last one', () => {
    const transport = fakeTransport();
    const hub = createPlanHub(transport.open);
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = hub.subscribeToPlan('P1', first);
    const stopSecond = hub.subscribeToPlan('P1', second);
    expect(transport.open).toHaveBeenCalledTimes(1);
    const change: PlanChange = {
      __typename: 'PlanStatusChanged',
      planId: 'P1',
      actor: 'a',
      status: 'SUBMITTED',
      version: 2,
    };
    transport.sinks.get('P1')?.next(change);
    expect(first).toHaveBeenCalledWith(change);
    expect(second).toHaveBeenCalledWith(change);
    stopFirst();
    expect(transport.closed).toEqual([]);
    stopSecond();
    expect(transport.closed).toEqual(['P1']);
  });

  it('replays the latest viewers list to a consumer that joins later', () => {
    const transport = fakeTransport();
    const hub = createPlanHub(transport.open);
    hub.subscribeToPlan('P1', () => {});
    transport.sinks.get('P1')?.next(viewers(['Lan', 'Minh']));
    const late = vi.fn();
    hub.subscribeToPlan('P1', late);
    expect(late).toHaveBeenCalledWith(viewers(['Lan', 'Minh']));
  });

  it('asks every open plan to refetch after a reconnect or a failed stream', () => {
    const transport = fakeTransport();
    const hub = createPlanHub(transport.open);
    const listener = vi.fn();
    hub.subscribeToPlan('P1', listener);
    hub.notifyReconnected();
    transport.sinks.get('P1')?.error(new Error('gone'));
    expect(listener.mock.calls.map(([change]) => change.__typename)).toEqual([
      'ResyncRequired',
      'ResyncRequired',
    ]);
  });

  it('reports status changes once each', () => {
    const hub = createPlanHub(fakeTransport().open);
    const listener = vi.fn();
    hub.subscribeToStatus(listener);
    hub.setStatus('live');
    hub.setStatus('live');
    hub.setStatus('reconnecting');
    expect(listener.mock.calls).toEqual([['live'], ['reconnecting']]);
    expect(hub.getStatus()).toBe('reconnecting');
  });
});
