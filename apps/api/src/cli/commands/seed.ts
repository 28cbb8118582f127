import { seedDemo, seedReference } from '@ntm/db';
import type { Command } from '../command.ts';
import { EXIT } from '../command.ts';
import { openDatabase } from '../database.ts';

export const seedCommand: Command = {
  name: ['seed'],
  summary:
    'Load the reference data (criteria sets, funding sources); with --demo also the Lục Nam 2022 plan.',
  usage: 'ntm seed [--demo]',
  options: { demo: { type: 'boolean' } },
  async run({ values }, io) {
    const { db } = await openDatabase();
    try {
      await db.migrate();
      await seedReference(db.db);
      io.out('Reference data loaded.');
      if (values['demo']) {
        const demo = await seedDemo(db.db);
        io.out(
          demo.isCreated
            ? `Demo plan created (plan ${demo.planId}).`
            : `Demo plan already there (plan ${demo.planId}).`,
        );
      }
      return EXIT.ok;
    } finally {
      await db.close();
    }
  },
};
