// Runs after `vite build`. Guards two promises the web app makes:
// 1. Offline: offices may have no internet, so nothing in dist/ may load scripts, styles or fonts
//    from another origin (no CDN workers for Monaco, no web fonts).
// 2. Lean home page: index.html must not pull in GraphiQL/Monaco, and stays under a size budget.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const DIST = 'dist';
const HOME_JS_BUDGET_BYTES = 350 * 1024;
const IDE_ONLY = /monaco|graphiql|graphql\.worker|editor\.worker|json\.worker/i;
const CDN_HOSTS =
  /\b(?:esm\.sh|unpkg\.com|cdn\.jsdelivr\.net|cdnjs\.cloudflare\.com|fonts\.googleapis\.com|fonts\.gstatic\.com|cdn\.skypack\.dev|ga\.jspm\.io)\b/;
// Places where a remote URL would actually be fetched, as opposed to links in docs or error text.
const REMOTE_LOADS = [
  /<script[^>]+src=["']?(?:https?:)?\/\//i,
  /<link[^>]+href=["']?(?:https?:)?\/\//i,
  /url\(\s*["']?(?:https?:)?\/\//i,
  /@import\s+(?:url\()?["']?(?:https?:)?\/\//i,
  /\bimport\s*\(\s*["'`]https?:\/\//,
  /\bfrom\s*["']https?:\/\//,
  /\bimportScripts\s*\(\s*["'`]https?:\/\//,
];

const problems = [];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

for (const file of walk(DIST)) {
  if (!/\.(?:html|js|mjs|css)$/.test(file)) continue;
  const text = readFileSync(file, 'utf8');
  const cdn = CDN_HOSTS.exec(text);
  if (cdn) problems.push(`${relative(DIST, file)} mentions CDN host ${cdn[0]}`);
  for (const pattern of REMOTE_LOADS) {
    const match = pattern.exec(text);
    if (match) problems.push(`${relative(DIST, file)} loads a remote resource: ${match[0]}`);
  }
}

function pageAssets(page) {
  const html = readFileSync(join(DIST, page), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((match) => match[1]);
}

const homeAssets = pageAssets('index.html');
for (const asset of homeAssets) {
  if (IDE_ONLY.test(asset)) problems.push(`index.html loads IDE-only asset ${asset}`);
}
const homeJsBytes = homeAssets
  .filter((asset) => asset.endsWith('.js'))
  .reduce((sum, asset) => sum + statSync(join(DIST, asset)).size, 0);
if (homeJsBytes > HOME_JS_BUDGET_BYTES) {
  problems.push(`home page JS is ${homeJsBytes} bytes, over the ${HOME_JS_BUDGET_BYTES}-byte budget`);
}
if (!pageAssets('graphiql.html').some((asset) => asset.endsWith('.js'))) {
  problems.push('graphiql.html has no script');
}

if (problems.length > 0) {
  console.error(`check-dist: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `check-dist: offline-safe; home page JS ${(homeJsBytes / 1024).toFixed(1)} kB (budget ${HOME_JS_BUDGET_BYTES / 1024} kB)`,
);
