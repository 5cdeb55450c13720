/** Limits that protect the build from runaway input (documented in the README). */
export const LIMITS = {
  /** Largest data file, in bytes. */
  maxFileBytes: 1024 * 1024,
  /** Alias expansions allowed in one YAML file (blocks "billion laughs"). */
  maxAliasCount: 100,
  /** Deepest nesting of YAML collections. */
  maxDepth: 32,
  /** Member units of one bloc. */
  maxUnits: 200,
} as const;
