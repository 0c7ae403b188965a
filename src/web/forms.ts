// Reading url-encoded form bodies: every value a trimmed string (or a list for repeated fields), never undefined.
import type { FastifyRequest } from 'fastify';

type Body = Record<string, string | string[] | undefined>;

export function field(req: FastifyRequest, name: string, { trim = true } = {}): string {
  const value = (req.body as Body | undefined)?.[name];
  const one = Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
  return trim ? one.trim() : one;
}

export function fields(req: FastifyRequest, name: string): string[] {
  const value = (req.body as Body | undefined)?.[name];
  return (Array.isArray(value) ? value : value ? [value] : []).map((v) => v.trim()).filter(Boolean);
}

/** A return path from a query string, only when it is a path on this site (no open redirects). */
export function localPath(value: unknown, fallback = '/'): string {
  return typeof value === 'string' && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : fallback;
}
