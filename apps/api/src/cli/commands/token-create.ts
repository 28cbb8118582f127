import { DomainError } from '@ntm/domain';
import { principalOfUser } from '../../auth/principal.ts';
import { isAllowed } from '../../auth/rules.ts';
import { checkWriteTargets } from '../../auth/scope.ts';
import { createApiToken, MAX_TOKEN_DAYS } from '../../services/accounts.ts';
import type { Command } from '../command.ts';
import { EXIT, UsageError } from '../command.ts';
import { openDatabase } from '../database.ts';
import { findUser, operatorContext, refused } from '../operator.ts';

export const tokenCreateCommand: Command = {
  name: ['token', 'create'],
  summary: 'Make an API token for an account (audited, as the operator); prints the secret once.',
  usage:
    'ntm token create --user <name> --name "..." [--read-only] [--expires 90d|YYYY-MM-DD]\n' +
    '                 [--scope province:<code>|district:<code>]\n' +
    '  --user       the account the token belongs to: it stops working when the account is disabled;\n' +
    '               a planner (or admin) — the same rule as createApiToken\n' +
    '  --read-only  queries only (default: reads and the writes the account may make in the scope)\n' +
    `  --expires    lifetime in days (1–${MAX_TOKEN_DAYS}, default 90d) or the last day\n` +
    "  --scope      default: the account's own district or province (required for an admin)\n" +
    'The secret goes to standard output, alone on its line; it is stored only hashed.\n' +
    'Exit codes: 0 made, 2 wrong command line, 3 refused (unknown account, scope outside the\n' +
    "account's, bad expiry; nothing written).",
  options: {
    user: { type: 'string' },
    name: { type: 'string' },
    'read-only': { type: 'boolean' },
    expires: { type: 'string' },
    scope: { type: 'string' },
  },
  async run({ values }, io) {
    const username = values['user'];
    const name = values['name'];
    if (typeof username !== 'string' || typeof name !== 'string')
      throw new UsageError('token create needs --user and --name');
    const expiresInDays = parseExpiry(values['expires'] as string | undefined);
    const { db } = await openDatabase();
    try {
      const user = await findUser(db.db, username);
      if (!user?.is_active) {
        io.err(`Không tìm thấy tài khoản đang hoạt động ${username} / No active account ${username}`);
        return EXIT.refused;
      }
      const owner = await principalOfUser(db.db, user, null);
      if (!isAllowed(owner, 'Mutation.createApiToken')) throw new DomainError('FORBIDDEN');
      const scope = await tokenScope(db.db, values['scope'] as string | undefined, owner.scope);
      // The token may not reach further than its account: the same check as the mutation.
      await checkWriteTargets(
        db.db,
        owner,
        [
          scope.kind === 'district'
            ? { district: scope.id, field: 'scope' }
            : { province: scope.id, field: 'scope' },
        ],
        (id) => Number(id),
      );
      const { token, secret } = await createApiToken(
        operatorContext(db.db),
        {
          name,
          access: values['read-only'] ? 'read' : 'read_write',
          provinceId: scope.kind === 'province' ? scope.id : null,
          districtId: scope.kind === 'district' ? scope.id : null,
          expiresInDays,
        },
        user.id,
      );
      io.out(secret);
      io.err(
        `Mã ${token.prefix}… (${token.access}) của ${user.username}, hết hạn ${token.expires_at.toISOString()}. ` +
          'Chỉ hiện lần này / Shown only now.',
      );
      return EXIT.ok;
    } catch (error) {
      return refused(error, io);
    } finally {
      await db.close();
    }
  },
};

/** "90d" or a last day "2027-03-01"; a day in the past gives ≤ 0 days, which the service refuses. */
function parseExpiry(text: string | undefined): number {
  if (text === undefined) return 90;
  const days = /^(\d{1,4})d$/.exec(text);
  if (days) return Number(days[1]);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text))) {
    return Math.ceil((Date.parse(`${text}T23:59:59Z`) - Date.now()) / 86_400_000);
  }
  throw new UsageError(`--expires ${text}: give days ("90d") or a date ("2027-03-01")`);
}

async function tokenScope(
  db: Parameters<typeof findUser>[0],
  text: string | undefined,
  own: { provinceId: number | null; districtId: number | null },
): Promise<{ kind: 'province' | 'district'; id: number }> {
  if (text === undefined) {
    if (own.districtId !== null) return { kind: 'district', id: own.districtId };
    if (own.provinceId !== null) return { kind: 'province', id: own.provinceId };
    throw new UsageError('an admin account needs --scope province:<code> or district:<code>');
  }
  const match = /^(province|district):(.+)$/.exec(text);
  if (!match) throw new UsageError('--scope is province:<code> or district:<code>');
  const kind = match[1] as 'province' | 'district';
  const value = match[2]!;
  const byCode = await db.selectFrom(kind).select('id').where('code', '=', value).executeTakeFirst();
  const found =
    byCode ??
    (/^\d{1,9}$/.test(value)
      ? await db.selectFrom(kind).select('id').where('id', '=', Number(value)).executeTakeFirst()
      : undefined);
  if (!found)
    throw new DomainError(kind === 'district' ? 'UNKNOWN_DISTRICT' : 'UNKNOWN_PROVINCE', {
      field: 'scope',
      [kind]: value,
    });
  return { kind, id: found.id };
}
