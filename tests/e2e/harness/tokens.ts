/**
 * Unsigned JWTs for the identity stand-in. The signature segment is random bytes, so every
 * token has a unique tail the security tests can search for even if a token is truncated.
 */
import {randomBytes, randomUUID} from 'node:crypto';

export function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString('base64url');
}

export function mintJwt(claims: Record<string, unknown>): string {
  const header = base64url(JSON.stringify({typ: 'JWT', alg: 'none', kid: 'e2e-stand-in'}));
  const payload = base64url(JSON.stringify({...claims, uti: randomUUID()}));
  const signature = randomBytes(32).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

/** The parts of a minted token worth searching for: the whole token, its payload and its signature. */
export function searchableParts(token: string): string[] {
  const [, payload, signature] = token.split('.');
  return [token, payload, signature].filter((part): part is string => Boolean(part) && part.length >= 16);
}

export function decodeJwtClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}
