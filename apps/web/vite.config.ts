// Two pages from one build: index.html (the planner) and graphiql.html (the GraphQL IDE, served by
// the API at /graphiql). In dev, /graphql and /healthz go to the API on :4000.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const API_ORIGIN = process.env['NTM_API_ORIGIN'] ?? 'http://localhost:4000';

// Monaco and monaco-graphql are GraphiQL's dependencies, not ours; resolve them the way GraphiQL
// does so our `?worker` imports (src/features/graphql-ide/monaco-workers.ts) use the same versions.
const requireFromWeb = createRequire(import.meta.url);
const requireFromGraphiql = createRequire(requireFromWeb.resolve('graphiql'));
const requireFromGraphiqlReact = createRequire(requireFromGraphiql.resolve('@graphiql/react'));
function packageDir(name: string): string {
  return dirname(requireFromGraphiqlReact.resolve(`${name}/package.json`));
}

/** Serve graphiql.html at /graphiql in dev and preview too, matching the API's route. */
function graphiqlRoute(): Plugin {
  const rewrite = (req: { url?: string }, _res: unknown, next: () => void) => {
    if (req.url === '/graphiql' || req.url?.startsWith('/graphiql?')) {
      req.url = req.url.replace('/graphiql', '/graphiql.html');
    }
    next();
  };
  return {
    name: 'ntm-graphiql-route',
    configureServer: (server) => void server.middlewares.use(rewrite),
    configurePreviewServer: (server) => void server.middlewares.use(rewrite),
  };
}

const proxy = {
  // ws: live updates (graphql-ws) share the /graphql path with plain HTTP requests.
  '/graphql': { target: API_ORIGIN, ws: true },
  '/healthz': API_ORIGIN,
};

export default defineConfig({
  plugins: [react(), graphiqlRoute()],
  resolve: {
    alias: [
      {
        find: /^monaco-editor\//,
        replacement: `${packageDir('monaco-editor')}/`,
      },
      {
        find: /^monaco-graphql\//,
        replacement: `${packageDir('monaco-graphql')}/`,
      },
    ],
  },
  server: { proxy },
  preview: { proxy },
  worker: { format: 'es' },
  build: {
    // Monaco alone is ~2.8 MB and only graphiql.html loads it; the home page's budget is enforced by
    // scripts/check-dist.mjs, which is a sharper check than a global per-chunk limit.
    chunkSizeWarningLimit: 3000,
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        graphiql: fileURLToPath(new URL('./graphiql.html', import.meta.url)),
      },
      output: {
        // React is shared by both pages; give it a stable, recognisable chunk.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            },
          ],
        },
      },
      onwarn(warning, warn) {
        // GraphiQL ships React Compiler output marked "use no memo"; dropping it when bundling is harmless.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use no memo')) return;
        warn(warning);
      },
    },
  },
});
