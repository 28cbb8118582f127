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

const apiDir = fileURLToPath(new URL('..', import.meta.url));
let folder: string;
let dataDir: string;

function ntm(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: apiDir,
      env: { ...process.env, NTM_DATA_DIR: dataDir, DATABASE_URL: '', INIT_CWD: folder },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
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
    for (const name of ['migrate', 'seed', 'import', 'export', 'gen'])
      expect(overview.stdout).toContain(`  ${name}`);
    const help = await ntm('import', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: ntm import <file> --plan <plan> [--dry-run]');
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
});
