/**
 * Stable, opaque ids for imported rows: the same source record always gets the same id, so a
 * second import finds and updates the rows of the first, and ids reveal no source identifiers.
 */
import { createHash } from 'node:crypto';

/**
 * A UUID-shaped id from the SHA-256 of `kind` and `key`.
 *
 * Example: `stableId('student', '604821')` gives the same 36-character id on every run.
 */
export function stableId(kind: string, key: string): string {
  const hex = createHash('sha256').update(`${kind}\u0000${key}`).digest('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20, 32),
  ].join('-');
}
