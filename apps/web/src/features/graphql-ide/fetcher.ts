import type { GraphiQLProps } from 'graphiql';
import { LOCALE_TAGS, type Locale } from '../../i18n/locale';

type Fetcher = GraphiQLProps['fetcher'];

/**
 * GraphiQL's fetcher for our same-origin /graphql: plain JSON POST, the UI language as
 * Accept-Language (like the app), plus whatever the user typed in the headers editor.
 */
export function createFetcher(endpoint: string, locale: Locale): Fetcher {
  return async (params, options) => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/graphql-response+json, application/json',
        'Accept-Language': LOCALE_TAGS[locale],
        ...(options?.headers as Record<string, string> | undefined),
      },
      body: JSON.stringify(params),
      credentials: 'same-origin',
    });
    return response.json();
  };
}
