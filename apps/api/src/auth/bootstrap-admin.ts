// First start: make sure someone can sign in. Creates the `admin` account when no admin exists,
// with NTM_ADMIN_PASSWORD, or else a random password printed once (it is never stored in clear).
import { randomUUID } from 'node:crypto';
import { type Database, inTransaction } from '@ntm/db';
import type { Kysely } from 'kysely';
import { recordAudit } from '../services/audit.ts';
import { assertStrongPassword, hashPassword } from './passwords.ts';
import { newSecret } from './secrets.ts';

export const BOOTSTRAP_ADMIN = 'admin';

export async function ensureAdmin(
  db: Kysely<Database>,
  password: string | undefined,
): Promise<{ created: false } | { created: true; username: string; generatedPassword: string | null }> {
  const existing = await db
    .selectFrom('app_user')
    .select('id')
    .where('role', '=', 'admin')
    .executeTakeFirst();
  if (existing) return { created: false };
  if (password !== undefined) assertStrongPassword(password, 'NTM_ADMIN_PASSWORD');
  const chosen = password ?? newSecret().slice(0, 20);
  const passwordHash = await hashPassword(chosen);
  await inTransaction(db, async (trx) => {
    const user = await trx
      .insertInto('app_user')
      .values({
        username: BOOTSTRAP_ADMIN,
        display_name: 'Quản trị hệ thống',
        password_hash: passwordHash,
        role: 'admin',
      })
      .onConflict((oc) => oc.column('username').doNothing())
      .returning(['username', 'role', 'is_active'])
      .executeTakeFirst();
    // Like every account change, audited; the first start has no caller but the system.
    if (user) {
      await recordAudit(trx, { actor: 'system', requestId: randomUUID(), origin: 'system' }, [
        {
          entity: 'app_user',
          action: 'insert',
          entityKey: `user:${user.username}`,
          before: null,
          after: user,
        },
      ]);
    }
  });
  return {
    created: true,
    username: BOOTSTRAP_ADMIN,
    generatedPassword: password === undefined ? chosen : null,
  };
}
