/**
 * A data file's check by its schema, kept in the process for a value read back from the data
 * cache (frozen, and handed out again for the same bytes: src/load/source-cache.ts): a --watch
 * rebuild checks again only the files that changed. The data and the diagnostics are those of
 * the first check, for this value and this schema; the data is frozen as the value is, and the
 * diagnostics are copied for each run.
 */
import type { z } from "zod";
import { Diagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { deepFreeze } from "../load/frozen.ts";
import type { YamlSource } from "../load/yaml-source.ts";
import { validateWith } from "./zod-issues.ts";

/** By value, then by schema: both weakly (a schema made for one run goes with it). */
const KEPT = new WeakMap<object, WeakMap<z.ZodType, { data: unknown; said: readonly Diagnostic[] }>>();

export function validateKept<S extends z.ZodType>(schema: S, src: YamlSource, diags: Diagnostics): z.output<S> | undefined {
  const value = src.value;
  // Only a frozen value is one of the cache's: any other is made for this run (defaults filled in, a fresh parse).
  if (typeof value !== "object" || value === null || !Object.isFrozen(value)) return validateWith(schema, src, diags);
  let bySchema = KEPT.get(value);
  if (!bySchema) KEPT.set(value, (bySchema = new WeakMap()));
  let kept = bySchema.get(schema);
  if (!kept) {
    const said = new Diagnostics();
    kept = { data: deepFreeze(validateWith(schema, src, said)), said: said.items };
    bySchema.set(schema, kept);
  }
  diags.repeat(kept.said);
  return kept.data as z.output<S> | undefined;
}
