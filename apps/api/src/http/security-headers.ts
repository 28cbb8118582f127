// Response headers that tell browsers what this server's content may do. The web app's CSP
// allows only our own scripts (no inline script); styles may be inline because AG Grid sets
// element styles at runtime. API responses are data, never rendered: they allow nothing.
const COMMON: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
};

export const WEB_SECURITY_HEADERS: Record<string, string> = {
  ...COMMON,
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
};

export const API_SECURITY_HEADERS: Record<string, string> = {
  ...COMMON,
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Cache-Control': 'no-store',
};
