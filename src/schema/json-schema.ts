import { z } from "zod";
import { Bloc } from "./bloc.ts";
import { MinutesFront, PlanFront, ProposalFront, ReportFront } from "./documents.ts";
import { Registration, Results } from "./unit-files.ts";
import { Year } from "./year.ts";

/** The data files and their schemas, by the name of the generated JSON Schema file. */
export const FILE_SCHEMAS = {
  khoi: Bloc,
  nam: Year,
  "dang-ky": Registration,
  "ket-qua": Results,
  "ke-hoach": PlanFront,
  "bao-cao": ReportFront,
  "bien-ban": MinutesFront,
  "to-trinh": ProposalFront,
} as const;

/** JSON Schema (draft 2020-12) for every data file, generated from the zod schemas with their Vietnamese descriptions. */
export function jsonSchemas(): Record<string, object> {
  const out: Record<string, object> = {};
  for (const [name, schema] of Object.entries(FILE_SCHEMAS)) {
    out[name] = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  }
  return out;
}
