import type { z } from "zod";
import type { DocTypes } from "../documents/types.ts";
import { blocSchema } from "./bloc.ts";
import { editorSchema, NO_IDS, type ProjectIds } from "./editor-schema.ts";
import { Results } from "./unit-files.ts";
import { Year } from "./year.ts";

/** The data files and their schemas, by the name of the generated JSON Schema file: the bloc, the year, the results, then each document type's. */
export function fileSchemas(types: DocTypes): Readonly<Record<string, z.ZodType>> {
  return { khoi: blocSchema(types), nam: Year, "ket-qua": Results, ...Object.fromEntries(types.map((t) => [t.schemaName, t.schema])) };
}

/**
 * JSON Schema (draft 2020-12) for every data file, generated from the zod schemas with their
 * Vietnamese descriptions; with a project's ids, the fields that refer to a unit, a criterion
 * or an award list them (src/schema/editor-schema.ts).
 */
export function jsonSchemas(types: DocTypes, ids: ProjectIds = NO_IDS): Record<string, object> {
  const out: Record<string, object> = {};
  for (const [name, schema] of Object.entries(fileSchemas(types))) out[name] = editorSchema(schema, ids);
  return out;
}
