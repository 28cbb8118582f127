// The ordered list of migrations. Add new files at the end; never edit a shipped one.
import type { Migration } from 'kysely';
import * as initialSchema from './2026_11_27_120000_initial_schema.ts';
import * as authorsAndIdempotency from './2026_11_27_130000_authors_and_idempotency.ts';
import * as planSnapshots from './2026_11_27_140000_plan_snapshots.ts';
import * as allocationFillfactor from './2026_11_27_150000_allocation_fillfactor.ts';
import * as accounts from './2026_11_27_160000_accounts.ts';
import * as planWorkflow from './2026_11_27_163000_plan_workflow.ts';
import * as accountAudit from './2026_11_28_100000_account_audit.ts';

export const migrations: Record<string, Migration> = {
  '2026_11_27_120000_initial_schema': initialSchema,
  '2026_11_27_130000_authors_and_idempotency': authorsAndIdempotency,
  '2026_11_27_140000_plan_snapshots': planSnapshots,
  '2026_11_27_150000_allocation_fillfactor': allocationFillfactor,
  '2026_11_27_160000_accounts': accounts,
  '2026_11_27_163000_plan_workflow': planWorkflow,
  '2026_11_28_100000_account_audit': accountAudit,
};
