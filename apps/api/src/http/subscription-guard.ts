// Subscriptions are served over WebSocket (graphql-ws, events/live-server.ts). Sent as an HTTP
// request, one would run the subscription field as a plain query and fail deep inside; it gets a
// typed 400 that says where to go instead (the message is localized by the server's error plugin).
import type { ApolloServerPlugin } from '@apollo/server';
import { localizeError } from '@ntm/domain';
import { GraphQLError } from 'graphql';
import type { Context } from '../context.ts';

export function refuseSubscriptionsOverHttp(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'subscription') return;
          throw new GraphQLError(localizeError({ code: 'SUBSCRIPTION_OVER_HTTP' }, 'en'), {
            extensions: { code: 'SUBSCRIPTION_OVER_HTTP', http: { status: 400 } },
          });
        },
      };
    },
  };
}
