import { revokeApiToken } from '../../services/accounts.ts';
import type { Command } from '../command.ts';
import { EXIT, UsageError } from '../command.ts';
import { openDatabase } from '../database.ts';
import { operatorContext, refused } from '../operator.ts';

export const tokenRevokeCommand: Command = {
  name: ['token', 'revoke'],
  summary: 'End an API token at once (audited, as the operator).',
  usage: 'ntm token revoke <token number>\nExit codes: 0 revoked (or already), 3 no such token.',
  options: {},
  async run({ positionals }, io) {
    const [id] = positionals;
    if (!id || !/^\d{1,9}$/.test(id)) throw new UsageError('token revoke needs the token number');
    const { db } = await openDatabase();
    try {
      const token = await revokeApiToken(operatorContext(db.db), Number(id));
      io.out(`Đã thu hồi mã / Revoked token ${token.id} (${token.prefix}…, ${token.name}).`);
      return EXIT.ok;
    } catch (error) {
      return refused(error, io);
    } finally {
      await db.close();
    }
  },
};
