// The web app's session cookie: HttpOnly (scripts never see it), SameSite=Lax (not sent on
// cross-site POSTs), Secure when the app is served over https (NTM_COOKIE_SECURE).
export const SESSION_COOKIE = 'ntm_session';

export interface CookieOptions {
  secure: boolean;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return undefined;
}

export function sessionCookie(secret: string, maxAgeSeconds: number, options: CookieOptions): string {
  const parts = [
    `${SESSION_COOKIE}=${secret}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${maxAgeSeconds}`,
  ];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

export function clearedSessionCookie(options: CookieOptions): string {
  return sessionCookie('', 0, options);
}

/** The credentials a request carries: `Authorization: Bearer …` wins over the cookie. */
export function credentialsOf(headers: { authorization?: string | undefined; cookie?: string | undefined }) {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  return { bearer: match?.[1], sessionSecret: readCookie(headers.cookie, SESSION_COOKIE) };
}
