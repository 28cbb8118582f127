import { sql } from 'kysely';
import type { Command } from '../command.ts';
import { EXIT } from '../command.ts';
import { openDatabase } from '../database.ts';

export const userListCommand: Command = {
  name: ['user', 'list'],
  summary: 'List the accounts with their role, scope and whether they are active, and their tokens.',
  usage:
    'ntm user list\nOne account per line, tab-separated: name, role, scope, active, live tokens (number:prefix).',
  options: {},
  async run(_args, io) {
    const { db } = await openDatabase();
    try {
      const rows = await db.db
        .selectFrom('app_user as u')
        .leftJoin('province as p', 'p.id', 'u.province_id')
        .leftJoin('district as d', 'd.id', 'u.district_id')
        .leftJoin('commune as c', 'c.id', 'u.commune_id')
        .select([
          'u.username',
          'u.role',
          'u.is_active',
          sql<string>`coalesce('commune:' || c.code, 'district:' || d.code, 'province:' || p.code, '-')`.as(
            'scope',
          ),
          sql<string>`coalesce((select string_agg(t.id || ':' || t.prefix, ',' order by t.id) from api_token t
            where t.created_by = u.id and t.revoked_at is null and t.expires_at > now()), '')`.as('tokens'),
        ])
        .orderBy('u.username')
        .execute();
      for (const r of rows) {
        io.out(
          [r.username, r.role.toUpperCase(), r.scope, r.is_active ? 'active' : 'disabled', r.tokens].join(
            '\t',
          ),
        );
      }
      return EXIT.ok;
    } finally {
      await db.close();
    }
  },
};
