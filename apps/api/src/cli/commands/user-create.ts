import type { Database, UserRole } from '@ntm/db';
import { DomainError, type ErrorCode } from '@ntm/domain';
import type { Kysely } from 'kysely';
import { ROLES } from '../../auth/rules.ts';
import { newSecret } from '../../auth/secrets.ts';
import { createUser, ROLE_SCOPE } from '../../services/accounts.ts';
import type { Command } from '../command.ts';
import { EXIT, UsageError } from '../command.ts';
import { openDatabase } from '../database.ts';
import { operatorContext, refused } from '../operator.ts';

type UnitKind = 'province' | 'district' | 'commune';

const UNKNOWN_UNIT = {
  province: 'UNKNOWN_PROVINCE',
  district: 'UNKNOWN_DISTRICT',
  commune: 'UNKNOWN_COMMUNE',
} as const satisfies Record<UnitKind, ErrorCode>;

export const userCreateCommand: Command = {
  name: ['user', 'create'],
  summary: 'Create an account (audited, as the operator); prints a one-time password unless one is piped in.',
  usage:
    'ntm user create --username <name> --role <ROLE> [--scope [province:|district:|commune:]<code or id>]\n' +
    '                [--display-name "..."] [--email x@y] [--password-stdin]\n' +
    `  --role            ${ROLES.map((r) => r.toUpperCase()).join(', ')}\n` +
    '  --scope           the province, district or commune (code or number) the account is bound to;\n' +
    '                    none for ADMIN. The role says which kind; reviewers and viewers may prefix it\n' +
    '  --password-stdin  read the password from standard input; otherwise one is generated and printed once\n' +
    'Exit codes: 0 created, 2 wrong command line (unknown role), 3 refused (unknown or wrong scope,\n' +
    'name taken, weak password; nothing written).',
  options: {
    username: { type: 'string' },
    role: { type: 'string' },
    scope: { type: 'string' },
    'display-name': { type: 'string' },
    email: { type: 'string' },
    'password-stdin': { type: 'boolean' },
  },
  async run({ values }, io) {
    const username = values['username'];
    const roleText = values['role'];
    if (typeof username !== 'string' || typeof roleText !== 'string')
      throw new UsageError('user create needs --username and --role');
    const role = roleText.toLowerCase() as UserRole;
    if (!(ROLES as readonly string[]).includes(role))
      throw new UsageError(
        `unknown role ${roleText} (one of ${ROLES.map((r) => r.toUpperCase()).join(', ')})`,
      );
    const password = values['password-stdin'] ? await readStdin() : newSecret().slice(0, 20);
    const { db } = await openDatabase();
    try {
      const scope =
        typeof values['scope'] === 'string' ? await findUnit(db.db, values['scope'], ROLE_SCOPE[role]) : null;
      const user = await createUser(operatorContext(db.db), {
        username,
        displayName: typeof values['display-name'] === 'string' ? values['display-name'] : username,
        email: typeof values['email'] === 'string' ? values['email'] : null,
        password,
        role,
        provinceId: scope?.kind === 'province' ? scope.id : null,
        districtId: scope?.kind === 'district' ? scope.id : null,
        communeId: scope?.kind === 'commune' ? scope.id : null,
      });
      io.out(`Đã tạo tài khoản / Created account ${user.username} (${role.toUpperCase()}).`);
      if (!values['password-stdin']) {
        io.out(`Mật khẩu một lần / One-time password: ${password}`);
        io.out('Hãy đăng nhập và đổi mật khẩu / Sign in and change it (changePassword).');
      }
      return EXIT.ok;
    } catch (error) {
      return refused(error, io);
    } finally {
      await db.close();
    }
  },
};

/**
 * A unit by code (e.g. "218") or number; the role's kind unless prefixed ("district:218").
 * A wrong kind is passed on as given, so the service refuses it with ROLE_SCOPE_MISMATCH.
 */
async function findUnit(
  db: Kysely<Database>,
  text: string,
  roleKind: (typeof ROLE_SCOPE)[UserRole],
): Promise<{ kind: UnitKind; id: number }> {
  const match = /^(province|district|commune):(.+)$/.exec(text);
  const value = match ? match[2]! : text;
  const kinds: UnitKind[] = match
    ? [match[1] as UnitKind]
    : roleKind === 'unit' || roleKind === 'none'
      ? ['district', 'province', 'commune']
      : [roleKind];
  for (const kind of kinds) {
    const byCode = await db.selectFrom(kind).select('id').where('code', '=', value).executeTakeFirst();
    if (byCode) return { kind, id: byCode.id };
  }
  // Not a code: a number is taken as the id (the service reports an unknown one).
  if (/^\d{1,9}$/.test(value)) return { kind: kinds[0]!, id: Number(value) };
  const kind = kinds[0]!;
  throw new DomainError(UNKNOWN_UNIT[kind], { field: 'scope', [kind]: value });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
