import type { Command } from '../command.ts';
import { EXIT } from '../command.ts';
import { openDatabase } from '../database.ts';

export const migrateCommand: Command = {
  name: ['migrate'],
  summary: 'Bring the database schema up to date (safe to repeat).',
  usage: 'ntm migrate',
  options: {},
  async run(_args, io) {
    const { db, location } = await openDatabase();
    try {
      await db.migrate();
      io.out(`Database is up to date (${location}).`);
      return EXIT.ok;
    } finally {
      await db.close();
    }
  },
};
