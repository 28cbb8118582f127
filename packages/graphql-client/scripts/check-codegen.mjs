// Drift check for CI: regenerate into a temp dir and compare with the committed src/generated/.
// Fails when someone changed a .graphql document or the API's schema.graphql without running `pnpm codegen`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const committedDir = 'src/generated';
const freshDir = mkdtempSync(join(tmpdir(), 'ntm-codegen-'));

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

try {
  const run = spawnSync('graphql-codegen', ['--config', 'codegen.ts', '--silent'], {
    env: { ...process.env, NTM_CODEGEN_OUT: freshDir },
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (run.status !== 0) {
    console.error('codegen:check: graphql-codegen failed');
    process.exit(run.status ?? 1);
  }

  const committed = listFiles(committedDir);
  const fresh = listFiles(freshDir);
  const names = [...new Set([...committed, ...fresh])].sort();
  const drifted = names.filter((name) => {
    if (!committed.includes(name) || !fresh.includes(name)) return true;
    return readFileSync(join(committedDir, name), 'utf8') !== readFileSync(join(freshDir, name), 'utf8');
  });

  if (drifted.length > 0) {
    console.error(
      `codegen:check: ${committedDir} is out of date (${drifted.join(', ')}). Run \`pnpm codegen\`.`,
    );
    process.exitCode = 1;
  } else {
    console.log(`codegen:check: ${committedDir} matches the schema and documents.`);
  }
} finally {
  rmSync(freshDir, { recursive: true, force: true });
}
