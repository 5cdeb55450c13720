/** See source-hash.js. */
export function sourceHash(root: string): string;
