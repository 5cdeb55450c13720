/** See source-hash.js. */
export function sourceHash(root: string): string;
export function sourceStats(root: string): string;
export function compiledFromSources(root: string, identity: { sources?: unknown; stats?: unknown } | undefined): boolean;
export function sourceIdentity(root: string): { tool: string; sources: string; stats: string };
export function compiledIdentity(root: string): { sources?: unknown; stats?: unknown } | undefined;
