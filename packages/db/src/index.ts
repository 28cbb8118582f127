export type { CreateDbOptions, Db, DbBackend, ListenOptions, Unlisten } from './create-db.ts';
export { createDb, PREPARED_STATEMENT } from './create-db.ts';
export type {
  AllocationTotalBy,
  PlanCellsCompact,
} from './queries/allocations.ts';
export { findPlanCellsCompact, sumAllocations } from './queries/allocations.ts';
export type { CommuneFilter, KeysetPage } from './queries/communes.ts';
export { findCommunes } from './queries/communes.ts';
export type * from './schema.ts';
export { DEMO_LOGINS } from './seed/demo-luc-nam-data.ts';
export type { SeedDemoResult } from './seed/seed-demo.ts';
export { seedDemo } from './seed/seed-demo.ts';
export { seedReference } from './seed/seed-reference.ts';
export type { AfterCommit, InTransactionOptions } from './transactions.ts';
export { afterCommit, inTransaction, trackAfterCommit } from './transactions.ts';
