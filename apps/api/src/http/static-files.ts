// Serves the built web app (and the GraphQL IDE page) from apps/web/dist.
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { WEB_SECURITY_HEADERS } from './security-headers.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

export function createStaticHandler(root: string, options: { ideEnabled: boolean }) {
  const rootDir = normalize(root + sep);
  return (req: IncomingMessage, res: ServerResponse, pathname: string): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    let relative: string;
    if (pathname === '/graphiql' || pathname === '/graphiql/') {
      if (!options.ideEnabled) return false;
      relative = 'graphiql.html';
    } else if (pathname === '/graphiql.html' && !options.ideEnabled) {
      return false;
    } else {
      relative = decodeURIComponent(pathname).replace(/^\/+/, '');
    }
    let file = normalize(join(rootDir, relative));
    if (!file.startsWith(rootDir)) return false;
    const isFile = existsSync(file) && statSync(file).isFile();
    if (!isFile) {
      // Client-side routes get the app shell; missing assets stay 404.
      if (extname(relative) !== '' || !existsSync(join(rootDir, 'index.html'))) return false;
      file = join(rootDir, 'index.html');
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    const immutable = relative.startsWith('assets/');
    res.writeHead(200, {
      'Content-Type': type,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...WEB_SECURITY_HEADERS,
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
    return true;
  };
}
