// The page's one WebSocket to the API (graphql-ws on /graphql, same origin as the app). It connects
// when the first plan is watched, retries forever with graphql-ws's backoff, and resubscribes; after a
// reconnect every open plan gets a ResyncRequired (events sent while offline are not replayed).
import { PlanChangedDocument } from '@ntm/graphql-client';
import { type Client, createClient } from 'graphql-ws';
import { readStoredLocale } from '../../i18n/locale';
import { createPlanHub, type PlanChange, type PlanHub } from './plan-hub';
import { readViewerName } from './viewer-name';

let client: Client | undefined;
let hub: PlanHub | undefined;

function liveUrl(): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${window.location.host}/graphql`;
}

function getClient(planHub: PlanHub): Client {
  client ??= createClient({
    url: liveUrl(),
    // Read at every (re)connect, so a renamed viewer or a language switch applies next time.
    connectionParams: () => ({ name: readViewerName(), locale: readStoredLocale() }),
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    keepAlive: 15_000,
    on: {
      connecting: (isRetry) => planHub.setStatus(isRetry ? 'reconnecting' : 'connecting'),
      connected: (_socket, _payload, wasRetry) => {
        planHub.setStatus('live');
        if (wasRetry) planHub.notifyReconnected();
      },
      closed: () => {
        if (planHub.getStatus() === 'live') planHub.setStatus('reconnecting');
      },
    },
  });
  return client;
}

export function getPlanHub(): PlanHub {
  if (!hub) {
    const created = createPlanHub((planId, sink) =>
      getClient(created).subscribe<{ planChanged: PlanChange }>(
        { query: PlanChangedDocument.toString(), variables: { planId } },
        {
          next: (result) => {
            if (result.data?.planChanged) sink.next(result.data.planChanged);
          },
          error: sink.error,
          complete: () => {},
        },
      ),
    );
    hub = created;
  }
  return hub;
}
