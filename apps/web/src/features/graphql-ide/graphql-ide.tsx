import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { useEffect, useMemo } from 'react';
import { useLocale, useT } from '../../i18n/i18n-provider';
import { createFetcher } from './fetcher';
import './graphql-ide.css';

const GRAPHQL_ENDPOINT = '/graphql';

function buildDefaultQuery(comment: string): string {
  return `# ${comment}
query Plans($first: Int = 10) {
  plans(first: $first) {
    edges {
      node {
        id
        name
        status
        periodStartYear
        periodEndYear
        province { name }
        district { name }
        analysis {
          totals {
            allocated
            confirmedCaps
            expectedCaps
            shortfall
            targetCommunes
            fundedTargetCommunes
          }
        }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;
}

export function GraphqlIde() {
  const t = useT();
  const [locale] = useLocale();
  const fetcher = useMemo(() => createFetcher(GRAPHQL_ENDPOINT, locale), [locale]);

  useEffect(() => {
    document.title = t('ide.title');
  }, [t]);

  return (
    <div className="graphql-ide">
      <GraphiQL fetcher={fetcher} defaultQuery={buildDefaultQuery(t('ide.defaultQueryComment'))}>
        <GraphiQL.Logo>
          <a className="graphql-ide__back" href="/">
            <span aria-hidden="true">← </span>
            {t('ide.backToApp')}
          </a>
        </GraphiQL.Logo>
      </GraphiQL>
    </div>
  );
}
