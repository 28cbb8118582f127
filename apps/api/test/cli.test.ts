// `pnpm ntm` end to end: the real CLI as a child process on an embedded database in a temp folder
// (the same NTM_DATA_DIR `pnpm start` uses), checking output, files and exit codes.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb } from '@ntm/db';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';
import { createApp } from '../src/server.ts';

const apiDir = fileURLToPath(new URL('..', import.meta.url));
let folder: string;
let dataDir: string;

function ntm(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return ntmWithInput(null, ...args);
}

/** Runs the CLI with `input` on its standard input (null: none). */
function ntmWithInput(
  input: string | null,
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: apiDir,
      env: { ...process.env, NTM_DATA_DIR: dataDir, DATABASE_URL: '', INIT_CWD: folder, USER: 'ops' },
      stdio: [input === null ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (input !== null) child.stdin!.end(input);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'ntm-cli-'));
  dataDir = join(folder, 'pglite');
});
afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('ntm command line', () => {
  it('explains itself: --help for the tool and each command, exit 2 for unknown commands', async () => {
    const overview = await ntm('--help');
    expect(overview.code).toBe(0);
    for (const name of [
      'migrate',
      'seed',
      'import',
      'export',
      'gen',
      'user create',
      'user list',
      'token create',
      'token revoke',
    ])
      expect(overview.stdout).toContain(`  ${name}`);
    const help = await ntm('import', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: ntm import <file> --plan <plan> [--dry-run]');
    const userHelp = await ntm('user', 'create', '--help');
    expect(userHelp.code).toBe(0);
    expect(userHelp.stdout).toContain('--password-stdin');
    const unknown = await ntm('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command: frobnicate');
    const badOption = await ntm('export', '--colour', 'red');
    expect(badOption.code).toBe(2);
  }, 200_000);

  it('migrates, seeds the demo, exports, and imports exactly the edited cells', async () => {
    expect((await ntm('migrate')).code).toBe(0);
    const seeded = await ntm('seed', '--demo');
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain('Demo plan created (plan 1).');

    const exported = await ntm('export', '1', 'plan.xlsx');
    expect(exported.code, exported.stderr).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(join(folder, 'plan.xlsx'))) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Theo nguồn')!;
    sheet.getCell('I7').value = 42_000_000;
    await writeFile(
      join(folder, 'edited.xlsx'),
      Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer),
    );

    const dry = await ntm('import', 'edited.xlsx', '--plan', '1', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/Theo nguồn!I7\t.+\t1\tNSTW\t.+ → 42\.000\.000/);
    expect(dry.stdout).toContain('1 ô thay đổi');
    expect(dry.stdout).toContain('Chạy thử: chưa ghi gì.');

    const applied = await ntm('import', 'edited.xlsx', '--plan', '1');
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toMatch(/Đã nhập 1 ô/);

    await writeFile(join(folder, 'bad.csv'), 'Xã,1. Quy hoạch\nLục Sơn,1.2.3\n');
    const refused = await ntm('import', 'bad.csv', '--plan', '1', '--source', 'NSTW', '--lang', 'en');
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('bad!B2: "1.2.3" is not an amount');

    const gen = await ntm('gen', '--provinces', '1', '--communes', '3');
    expect(gen.code, gen.stderr).toBe(0);
    expect(gen.stdout).toMatch(/Province SYN-1: plan 2, 3 communes/);

    // What the CLI wrote is in the same embedded database `pnpm start` opens.
    const db = await createDb({ dataDir });
    try {
      const audit = await db.db
        .selectFrom('audit_log')
        .select(['origin', 'actor'])
        .where('origin', '=', 'import')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.actor).toMatch(/^cli:/);
      const plans = await db.db.selectFrom('plan').select('id').execute();
      expect(plans).toHaveLength(2);
    } finally {
      await db.close();
    }
  }, 400_000);

  it('creates accounts and tokens through the account services, audited as the operator', async () => {
    // The previous test migrated and seeded the demo (Lục Nam = district 218, Bắc Giang = province 24).
    const created = await ntm(
      'user',
      'create',
      '--username',
      'cli.kehoach',
      '--role',
      'DISTRICT_PLANNER',
      '--scope',
      '218',
    );
    expect(created.code, created.stderr).toBe(0);
    const password = /One-time password: (\S+)/.exec(created.stdout)?.[1];
    expect(password).toMatch(/^.{20}$/);
    const piped = await ntmWithInput(
      'mat-khau-tu-stdin\n',
      'user',
      'create',
      '--username',
      'cli.xem',
      '--role',
      'viewer',
      '--scope',
      'province:24',
      '--password-stdin',
    );
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout).not.toContain('One-time password');

    const badRole = await ntm('user', 'create', '--username', 'cli.vua', '--role', 'KING', '--scope', '218');
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('unknown role KING (one of ADMIN, PROVINCE_PLANNER');
    const unknownScope = await ntm(
      'user',
      'create',
      '--username',
      'cli.x',
      '--role',
      'DISTRICT_PLANNER',
      '--scope',
      '9999',
    );
    expect(unknownScope.code).toBe(3);
    expect(unknownScope.stderr).toContain('Không tìm thấy huyện 9999 / District 9999 not found');
    const wrongKind = await ntm(
      'user',
      'create',
      '--username',
      'cli.x',
      '--role',
      'DISTRICT_PLANNER',
      '--scope',
      'province:24',
    );
    expect(wrongKind.code).toBe(3);
    expect(wrongKind.stderr).toContain('must be bound to exactly one district');
    const weak = await ntmWithInput(
      'short',
      'user',
      'create',
      '--username',
      'cli.x',
      '--role',
      'VIEWER',
      '--scope',
      '218',
      '--password-stdin',
    );
    expect(weak.code).toBe(3);
    expect(weak.stderr).toContain('at least 10 characters');
    const taken = await ntm(
      'user',
      'create',
      '--username',
      'cli.kehoach',
      '--role',
      'VIEWER',
      '--scope',
      '218',
    );
    expect(taken.code).toBe(3);
    expect(taken.stderr).toContain('is already taken');

    const token = await ntm(
      'token',
      'create',
      '--user',
      'cli.kehoach',
      '--name',
      'Cổng thử',
      '--read-only',
      '--expires',
      '30d',
    );
    expect(token.code, token.stderr).toBe(0);
    const secret = token.stdout.trim();
    expect(secret).toMatch(/^ntm_\S+$/);
    const past = await ntm(
      'token',
      'create',
      '--user',
      'cli.kehoach',
      '--name',
      'Cũ',
      '--expires',
      '2020-01-01',
    );
    expect(past.code).toBe(3);
    expect(past.stderr).toContain('1 to 366 days');
    const nobody = await ntm('token', 'create', '--user', 'khong.co', '--name', 'x');
    expect(nobody.code).toBe(3);
    expect(nobody.stderr).toContain('No active account khong.co');
    const viewerToken = await ntm('token', 'create', '--user', 'cli.xem', '--name', 'x');
    expect(viewerToken.code).toBe(3);
    expect(viewerToken.stderr).toContain('may not do this');

    // A second token, listed with the account and then revoked.
    const spare = await ntm('token', 'create', '--user', 'cli.kehoach', '--name', 'Tạm');
    expect(spare.code, spare.stderr).toBe(0);
    const spareSecret = spare.stdout.trim();
    const listed = await ntm('user', 'list');
    expect(listed.code).toBe(0);
    const line = listed.stdout.split('\n').find((l) => l.startsWith('cli.kehoach\t'))!;
    expect(line).toMatch(/^cli\.kehoach\tDISTRICT_PLANNER\tdistrict:218\tactive\t\d+:ntm_\S+,\d+:ntm_\S+$/);
    const spareId = /,(\d+):/.exec(line)![1]!;
    const revoked = await ntm('token', 'revoke', spareId);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain(`Revoked token ${spareId}`);
    expect((await ntm('token', 'revoke', '99999')).code).toBe(3);

    // What the CLI made works over the API: the account signs in, the token reads as Bearer.
    const db = await createDb({ dataDir });
    const app = createApp({
      db: db.db,
      log: createLogger('silent'),
      webDist: '/nonexistent',
      ideEnabled: false,
      maxBodyBytes: 1 << 20,
    });
    try {
      const url = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
      const post = (
        query: string,
        variables: Record<string, unknown>,
        headers: Record<string, string> = {},
      ) =>
        fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query, variables }),
        }).then((r) => r.json() as Promise<any>);
      const LOGIN =
        'mutation($l: String!, $p: String!) { login(login: $l, password: $p) { __typename ... on LoginPayload { me { role district { name } } } } }';
      const signedIn = await post(LOGIN, { l: 'cli.kehoach', p: password });
      expect(signedIn.data.login.me).toEqual({ role: 'DISTRICT_PLANNER', district: { name: 'Lục Nam' } });
      expect((await post(LOGIN, { l: 'cli.xem', p: 'mat-khau-tu-stdin' })).data.login.__typename).toBe(
        'LoginPayload',
      );
      const read = await post(
        '{ plans { edges { node { district { name } } } } }',
        {},
        { authorization: `Bearer ${secret}` },
      );
      const afterRevoke = await post(
        '{ plans { edges { node { id } } } }',
        {},
        { authorization: `Bearer ${spareSecret}` },
      );
      expect(afterRevoke.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(read.data.plans.edges.map((e: any) => e.node.district.name)).toEqual(['Lục Nam']);

      const audit = await db.db
        .selectFrom('audit_log')
        .select(['entity', 'action', 'actor', 'origin', 'entity_key', 'after'])
        .where('entity', 'in', ['app_user', 'api_token'])
        .orderBy('id')
        .execute();
      expect(audit.map((a) => [a.entity, a.action, a.actor, a.origin, a.entity_key])).toEqual([
        ['app_user', 'insert', 'cli:ops', 'system', 'user:cli.kehoach'],
        ['app_user', 'insert', 'cli:ops', 'system', 'user:cli.xem'],
        ['api_token', 'insert', 'cli:ops', 'system', expect.stringMatching(/^token:\d+$/)],
        ['api_token', 'insert', 'cli:ops', 'system', `token:${spareId}`],
        ['api_token', 'update', 'cli:ops', 'system', `token:${spareId}`],
      ]);
      expect(audit[2]!.after).toMatchObject({ name: 'Cổng thử', access: 'read' });
      expect(JSON.stringify(audit)).not.toContain(secret);
      expect(JSON.stringify(audit)).not.toContain(spareSecret);
    } finally {
      await app.stop();
      await db.close();
    }
  }, 400_000);
});
