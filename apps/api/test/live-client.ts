// Test helper: a graphql-ws client (Node `ws`) on the app's /graphql, with `planChanged` streams
// whose events can be awaited one by one.
import { readFileSync } from 'node:fs';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export const PLAN_CHANGED = readFileSync(
  new URL('../../../packages/graphql-client/src/documents/plan-changed.graphql', import.meta.url),
  'utf8',
);

export interface LiveStream {
  /** The next event (in order); fails after `timeoutMs`. */
  next(timeoutMs?: number): Promise<any>;
  /** Skips events until one of the given type arrives. */
  nextOf(typename: string, timeoutMs?: number): Promise<any>;
  /** Events received but not taken yet. */
  pending(): any[];
  unsubscribe(): void;
}

export interface LiveClient {
  client: Client;
  /** Subscribes and waits until the server delivers the first event (the viewers list). */
  watchPlan(planId: string): Promise<{ stream: LiveStream; viewers: any }>;
  close(): Promise<void>;
}

/** `headers` go with the upgrade request: the session cookie signs the connection in. */
export function connectLive(
  httpUrl: string,
  params: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): LiveClient {
  class SignedInWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  const client = createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: SignedInWebSocket,
    connectionParams: params,
    retryAttempts: 0,
    lazy: true,
  });
  return {
    client,
    async watchPlan(planId) {
      const stream = openStream(client, PLAN_CHANGED, { planId });
      const viewers = await stream.nextOf('ViewersChanged');
      return { stream, viewers };
    },
    async close() {
      await client.dispose();
    },
  };
}

function openStream(client: Client, query: string, variables: Record<string, unknown>): LiveStream {
  const queue: any[] = [];
  let waiter: ((event: any) => void) | undefined;
  const unsubscribe = client.subscribe(
    { query, variables },
    {
      next(result) {
        deliver(result.errors ? { errors: result.errors } : result.data?.['planChanged']);
      },
      error(error) {
        deliver({ errors: error instanceof Error ? [{ message: error.message }] : error });
      },
      complete() {},
    },
  );
  function deliver(event: any) {
    if (waiter) {
      const resolve = waiter;
      waiter = undefined;
      resolve(event);
    } else queue.push(event);
  }
  const next = (timeoutMs = 5_000) =>
    new Promise<any>((resolve, reject) => {
      if (queue.length > 0) return resolve(queue.shift());
      const timer = setTimeout(() => {
        waiter = undefined;
        reject(new Error(`no event within ${timeoutMs} ms`));
      }, timeoutMs);
      waiter = (event) => {
        clearTimeout(timer);
        resolve(event);
      };
    });
  return {
    next,
    async nextOf(typename, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const event = await next(Math.max(1, deadline - Date.now()));
        if (event?.errors) throw new Error(`subscription errors: ${JSON.stringify(event.errors)}`);
        if (event?.__typename === typename) return event;
      }
    },
    pending: () => [...queue],
    unsubscribe,
  };
}
