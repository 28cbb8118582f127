// Session and API-token secrets: 256 random bits, handed out once, stored only as sha-256.
import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_PREFIX = 'ntm_';

export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
