import type { z } from "zod";
import type { Code, Diagnostics, Params } from "../diagnostics/diagnostic.ts";
import type { YamlSource } from "../load/yaml-source.ts";

/**
 * Validates a parsed YAML value against a zod schema; every issue becomes a
 * diagnostic located at the YAML node its path names. Returns the parsed data,
 * or undefined when there were errors.
 */
export function validateWith<S extends z.ZodType>(schema: S, src: YamlSource, diags: Diagnostics): z.output<S> | undefined {
  const result = schema.safeParse(src.value, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    const field = path.join(".") || "(gốc)";
    const { code, params, at } = describe(issue as unknown as ZodIssueLike, field);
    if (code === "schema/unknown-key") {
      for (const key of (issue as { keys?: string[] }).keys ?? []) {
        diags.error(code, src.locate([...path, key], "key"), { ...params, key });
      }
      continue;
    }
    diags.error(code, src.locate(path, at), params);
  }
  return undefined;
}

interface ZodIssueLike {
  code: string;
  message: string;
  expected?: string;
  input?: unknown;
  values?: unknown[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
}

function describe(issue: ZodIssueLike, field: string): { code: Code; params: Params; at: "key" | "value" } {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return { code: "schema/missing", params: { field }, at: "value" };
      return { code: "schema/type", params: { field, expected: typeName(issue.expected), got: typeOfInput(issue.input) }, at: "value" };
    case "unrecognized_keys":
      return { code: "schema/unknown-key", params: { field }, at: "key" };
    case "invalid_value":
      return { code: "schema/enum", params: { field, allowed: (issue.values ?? []).map(String).join(", ") }, at: "value" };
    case "too_small":
      if (issue.origin === "array") return { code: "schema/too-few", params: { field, min: Number(issue.minimum) }, at: "value" };
      if (issue.origin === "string") return { code: "schema/format", params: { field, kind: "empty", value: String(issue.input ?? "") }, at: "value" };
      return { code: "schema/too-small", params: { field, min: Number(issue.minimum), value: String(issue.input) }, at: "value" };
    case "too_big":
      if (issue.origin === "string") return { code: "schema/too-long", params: { field, max: Number(issue.maximum), length: String(issue.input ?? "").length }, at: "value" };
      return { code: "schema/too-big", params: { field, max: Number(issue.maximum), value: String(issue.input) }, at: "value" };
    default:
      return { code: "schema/format", params: { field, kind: issue.message, value: String(issue.input ?? "") }, at: "value" };
  }
}

function typeName(expected: string | undefined): string {
  return expected ?? "?";
}

function typeOfInput(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "array";
  return typeof x;
}
