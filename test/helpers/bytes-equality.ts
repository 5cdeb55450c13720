/**
 * Byte arrays compared as bytes. Vitest's own equality walks a Buffer as an object, one key
 * per byte: comparing two PDFs of 100 KB built 100,000 strings each time, several seconds of
 * the suite in all. Two byte arrays of the same kind are equal when their bytes are; anything
 * else (a Buffer against a plain Uint8Array, say) is left to Vitest's own rules. Registered for
 * every test file by bytes-equality-setup.ts.
 */
export function sameBytes(a: unknown, b: unknown): boolean | undefined {
  if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array) || a.constructor !== b.constructor) return undefined;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}
