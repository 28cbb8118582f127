// Links a GraphQL context to the live connection it was created for. Only operations arriving
// over the WebSocket have one; `planChanged` needs it to reach the event bus and to know whose
// presence to announce. Kept beside the context rather than in it: HTTP requests never carry one.
import type { Context } from '../context.ts';
import type { LiveSession, PlanEventBus } from './plan-event-bus.ts';

export interface LiveLink {
  bus: PlanEventBus;
  session: LiveSession;
}

const links = new WeakMap<Context, LiveLink>();

export function linkLiveSession(context: Context, link: LiveLink): void {
  links.set(context, link);
}

export function findLiveSession(context: Context): LiveLink | undefined {
  return links.get(context);
}
