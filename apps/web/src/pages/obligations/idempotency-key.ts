/**
 * A random Idempotency-Key. `crypto.randomUUID` exists only on https and localhost; offices often reach the server
 * by a plain-http intranet address, where `getRandomValues` still works.
 */
export function newIdempotencyKey(): string {
  const bytes = window.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
