/**
 * A data file's check by its schema, kept:
 * - in the data cache (src/load/source-cache.ts), beside the file's parse, for a value the cache
 *   gave or took: a build after an edit checks again only the files that changed, in a new
 *   process too (at 200 units, some 400 files checked by zod on every build otherwise);
 * - in the process, for a value read back frozen (a --watch session: source-cache.ts hands out
 *   the same value again for the same bytes), so its next run does not even decode the check.
 * The data and the diagnostics are those of the first check, for this value and this schema: the
 * data as zod made it (the cache keeps only what it carries exactly), the diagnostics copied for
 * each run. A frozen value's data is frozen as the value is.
 */
import type { z } from "zod";
import { Diagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { deepFreeze } from "../load/frozen.ts";
import { cacheEntryOf } from "../load/source-cache.ts";
import type { YamlSource } from "../load/yaml-source.ts";
import { validateWith } from "./zod-issues.ts";

/** By value, then by schema: both weakly (a schema made for one run goes with it). */
const KEPT = new WeakMap<object, WeakMap<z.ZodType, { data: unknown; said: readonly Diagnostic[] }>>();

/** `name`: the schema's name among the tool's (its kind, and its type for a document), under which the data cache keeps the check. */
export function validateKept<S extends z.ZodType>(schema: S, src: YamlSource, diags: Diagnostics, name?: string): z.output<S> | undefined {
  const value = src.value;
  if (typeof value !== "object" || value === null) return validateWith(schema, src, diags);
  // Only a frozen value is one the process keeps: any other is made for this run (defaults filled in, a fresh parse).
  if (!Object.isFrozen(value)) return validateCached(schema, src, diags, name);
  let bySchema = KEPT.get(value);
  if (!bySchema) KEPT.set(value, (bySchema = new WeakMap()));
  let kept = bySchema.get(schema);
  if (!kept) {
    const said = new Diagnostics();
    kept = { data: deepFreeze(validateCached(schema, src, said, name)), said: said.items };
    bySchema.set(schema, kept);
  }
  diags.repeat(kept.said);
  return kept.data as z.output<S> | undefined;
}

/** The check the data cache keeps for this value (the one it gave or took for the file's bytes) under `name`, else made and kept there. */
function validateCached<S extends z.ZodType>(schema: S, src: YamlSource, diags: Diagnostics, name: string | undefined): z.output<S> | undefined {
  const entry = cacheEntryOf(src.value as object);
  if (name === undefined || !entry) return validateWith(schema, src, diags);
  const hit = entry.cache.checked(entry.key, name);
  if (hit) {
    diags.repeat(hit.diagnostics);
    return hit.data as z.output<S> | undefined;
  }
  const said = new Diagnostics();
  const data = validateWith(schema, src, said);
  entry.cache.keepChecked(entry.key, name, data, said.items);
  diags.repeat(said.items);
  return data;
}
