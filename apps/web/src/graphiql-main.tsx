// Entry of graphiql.html, a separate Vite page so Monaco and GraphiQL (megabytes) never load with
// the planner's home page. The API serves this page at /graphiql.
import './features/graphql-ide/monaco-workers';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphqlIde } from './features/graphql-ide/graphql-ide';
import { I18nProvider } from './i18n/i18n-provider';

const container = document.getElementById('graphiql');
if (!container) throw new Error('graphiql.html has no #graphiql element');

createRoot(container).render(
  <StrictMode>
    <I18nProvider>
      <GraphqlIde />
    </I18nProvider>
  </StrictMode>,
);
