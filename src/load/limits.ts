/** Limits that protect the build from runaway input (documented in docs/gioi-han.md). */
export const LIMITS = {
  /** Largest data or template file, in bytes (`file/too-large`). */
  maxFileBytes: 1024 * 1024,
  /** Alias expansions allowed in one YAML file: blocks "billion laughs" (`yaml/alias-limit`). */
  maxAliasCount: 100,
  /** Deepest nesting of YAML collections (`yaml/too-deep`). */
  maxDepth: 32,
  /** Characters in one YAML value: a name or a line of text, not a pasted document (`limit/text-length`). */
  maxTextChars: 2000,
  /** Member units of one bloc (`limit/units`). */
  maxUnits: 200,
  /** Characters of text in one composed document, tables included: about 60 pages (`limit/document-size`). */
  maxDocumentChars: 200_000,
} as const;
