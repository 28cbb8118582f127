// Runs after `vite build`. Guards two promises the web app makes:
// 1. Offline: offices may have no internet, so nothing in dist/ may load scripts, styles or fonts
//    from another origin (no CDN workers for Monaco, no web fonts).
// 2. Lean home page: index.html must not pull in GraphiQL/Monaco, and stays under a size budget.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const DIST = 'dist';
// Raised from 350 kB when sign-in, the session menu and the plan workflow joined the first screen.
const HOME_JS_BUDGET_BYTES = 400 * 1024;
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

// AG Grid's theming API has an optional web-font loader: a theme param such as
// `fontFamily: { googleFont: 'Inter' }` makes it inject `@import url('https://fonts.googleapis.com/…')`.
// The loader's code ships in AG Grid's bundle whether or not it is used. Ours is never used: no
// source file names a Google font (checked below), so the loader never runs and nothing is fetched
// (the grid e2e test also asserts no request leaves 127.0.0.1). Only that exact code is allowed —
// the loader's template and the host constant it reads — and every other check still applies.
const AG_GRID_FONT_LOADER =
  /@import url\('https:\/\/\$\{([\w$]+)\}\/css2\?family=\$\{encodeURIComponent\([\w$]+\)\}:wght@100;200;300;400;500;600;700;800;900&display=swap'\);(?:\n|\\n)`,document\.head,`googleFont:/g;

function withoutAgGridFontLoader(text) {
  const hostNames = new Set();
  let rest = text.replace(AG_GRID_FONT_LOADER, (_match, hostName) => {
    hostNames.add(hostName);
    return '';
  });
  for (const name of hostNames) {
    const escaped = name.replace(/\$/g, '\\$');
    rest = rest.replace(new RegExp(`(?<![\\w$])${escaped}=(["'\`])fonts\\.googleapis\\.com\\1`, 'g'), '');
  }
  return rest;
}

const problems = [];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

for (const file of walk(DIST)) {
  if (!/\.(?:html|js|mjs|css)$/.test(file)) continue;
  const text = withoutAgGridFontLoader(readFileSync(file, 'utf8'));
  const cdn = CDN_HOSTS.exec(text);
  if (cdn) problems.push(`${relative(DIST, file)} mentions CDN host ${cdn[0]}`);
  for (const pattern of REMOTE_LOADS) {
    const match = pattern.exec(text);
    if (match) problems.push(`${relative(DIST, file)} loads a remote resource: ${match[0]}`);
  }
}

// The allowance above holds only while nothing asks AG Grid for a Google font.
for (const file of walk('src')) {
  if (/googleFont/.test(readFileSync(file, 'utf8')))
    problems.push(`${file} names a Google font: AG Grid would fetch it from fonts.googleapis.com`);
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
