// Input that no field may hold, refused before any route sees it: the NUL character (PostgreSQL's text cannot store
// it, and it has no place in a name, a code or a note).
import { invalid } from '../errors.js';

function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 64 || value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (key.includes('\u0000')) return `${path}/${key.split('\u0000').join('\\0')}`;
    const found = findNul(inner, `${path}/${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Throws a 400 naming the first field that holds a NUL character. */
export function refuseNulCharacters(parts: { query?: unknown; params?: unknown; body?: unknown }): void {
  for (const [name, value] of Object.entries(parts)) {
    const field = findNul(value, name);
    if (field)
      throw invalid([{ field, rule: 'no-nul-character', message: 'The value contains a NUL character' }]);
  }
}
