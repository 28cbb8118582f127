export { createDb } from './create-db.ts';
export type { CreateDbOptions, Db, DbBackend } from './create-db.ts';
export type * from './schema.ts';
