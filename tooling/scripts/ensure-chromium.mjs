#!/usr/bin/env node
// Browser tests drive Debian's Chromium (a test tool's own browser download cannot reach its
// servers here). Finds it, or installs it with apt when running as root; otherwise says how.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  Boolean,
);
const found = candidates.find((path) => existsSync(path));
if (found) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (isRoot && hasApt) {
  console.error('ensure-chromium: installing Debian chromium for the browser tests…');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (existsSync('/usr/bin/chromium')) process.exit(0);
}
console.error(
  'ensure-chromium: the browser tests need Chromium. Install it (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
    'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
);
process.exit(1);
