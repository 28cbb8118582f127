// The ordered list of migrations. Add new files at the end; never edit a shipped one.
import type { Migration } from 'kysely';
import * as initialSchema from './2026_11_27_120000_initial_schema.ts';

export const migrations: Record<string, Migration> = {
  '2026_11_27_120000_initial_schema': initialSchema,
};
