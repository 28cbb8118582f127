// Worker bootstrap: registers tsx inside the worker thread so the TypeScript worker (and the
// workspace packages it imports) load the same way under the server, vitest and the benchmarks,
// whatever loader flags the parent process had.
import { register } from 'tsx/esm/api';

register();
await import('./optimizer-worker.ts');
