// GraphiQL 5 runs Monaco, whose language services live in web workers. Importing our own worker
// entries with `?worker` makes Vite bundle each worker into dist/ (offices work offline: no esm.sh
// or CDN workers). Not `graphiql/setup-workers/vite`: its `?worker` imports sit inside node_modules,
// which Vite's dev-time dependency pre-bundling cannot handle. The entries import `monaco-editor/`
// and `monaco-graphql/`, aliased in vite.config.ts to the copies GraphiQL itself uses.
import EditorWorker from './workers/editor.worker?worker';
import GraphQLWorker from './workers/graphql.worker?worker';
import JsonWorker from './workers/json.worker?worker';

type MonacoEnvironment = { getWorker(workerId: string, label: string): Worker };

const environment: MonacoEnvironment = {
  getWorker(_workerId, label) {
    if (label === 'graphql') return new GraphQLWorker({ name: 'graphql' });
    if (label === 'json') return new JsonWorker({ name: 'json' });
    return new EditorWorker({ name: 'editor' });
  },
};

Object.assign(globalThis, { MonacoEnvironment: environment });
