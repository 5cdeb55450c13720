import type { z } from "zod";
import type { Code, Diagnostics, Params, SourcePos } from "../diagnostics/diagnostic.ts";
import type { YamlSource } from "../load/yaml-source.ts";
import { fieldPath } from "./field-path.ts";
import { quotedNumber, suggestDate, suggestDecimalPoint } from "./suggest.ts";

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
    const field = fieldPath(path, src.value);
    const { code, params, at } = describe(issue as unknown as ZodIssueLike, field);
    if (code === "schema/unknown-key") {
      for (const key of (issue as { keys?: string[] }).keys ?? []) {
        const comma = flowDecimalComma(valueAt(src.value, path), key, (k) => src.locate([...path, k], "key"));
        if (comma) diags.error("schema/decimal-comma", src.locate([...path, comma.key]), { field: fieldPath([...path, comma.key], src.value), ...comma.params });
        else diags.error(code, src.locate([...path, key], "key"), { ...params, key });
      }
      continue;
    }
    diags.error(code, src.locate(path, at), params);
  }
  return undefined;
}

/**
 * `{ khoi_cham: 9,5 }`: in a flow mapping the comma ends the value, so YAML reads khoi_cham: 9
 * and a key "5" without value. That unknown key is the decimal comma; undefined for any other.
 */
function flowDecimalComma(parent: unknown, key: string, keyPos: (k: string) => SourcePos): { key: string; params: Params } | undefined {
  if (!/^\d+$/.test(key) || typeof parent !== "object" || parent === null) return undefined;
  const obj = parent as Record<string, unknown>;
  // The key written just before (JavaScript lists "5" first among an object's keys: order by position).
  const order = (p: SourcePos) => p.line * 1e6 + p.column;
  const at = order(keyPos(key));
  const before = Object.keys(obj).filter((k) => order(keyPos(k)) < at);
  const prev = before.sort((a, b) => order(keyPos(a)) - order(keyPos(b))).at(-1);
  const whole = prev === undefined ? undefined : obj[prev];
  if (obj[key] !== null || typeof whole !== "number" || !Number.isInteger(whole)) return undefined;
  return { key: prev!, params: { value: `${whole},${key}`, suggestion: `${whole}.${key}` } };
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const seg of path) node = typeof node === "object" && node !== null ? (node as Record<string | number, unknown>)[seg] : undefined;
  return node;
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
  /** false for an exclusive bound (positive(), gt()). */
  inclusive?: boolean;
  /** zod's word for a number that is none: "NaN", "Infinity", "-Infinity". */
  received?: string;
}

/** How YAML writes the numbers that are none (.nan, .inf), as the secretary typed them. */
const NOT_A_NUMBER: Record<string, string> = { NaN: ".nan", Infinity: ".inf", "-Infinity": "-.inf" };

function describe(issue: ZodIssueLike, field: string): { code: Code; params: Params; at: "key" | "value" } {
  switch (issue.code) {
    case "invalid_type":
      if (issue.received && issue.received in NOT_A_NUMBER) return { code: "schema/not-a-number", params: { field, value: NOT_A_NUMBER[issue.received]! }, at: "value" };
      if (issue.input === undefined) return { code: "schema/missing", params: { field }, at: "value" };
      if ((issue.expected === "number" || issue.expected === "int") && typeof issue.input === "string") {
        const point = suggestDecimalPoint(issue.input);
        if (point !== undefined) return { code: "schema/decimal-comma", params: { field, value: issue.input, suggestion: point }, at: "value" };
        const quoted = quotedNumber(issue.input);
        if (quoted !== undefined) return { code: "schema/quoted-number", params: { field, value: quoted }, at: "value" };
      }
      return { code: "schema/type", params: { field, expected: typeName(issue.expected), got: typeOfInput(issue.input) }, at: "value" };
    case "unrecognized_keys":
      return { code: "schema/unknown-key", params: { field }, at: "key" };
    case "invalid_value":
      return { code: "schema/enum", params: { field, allowed: (issue.values ?? []).map(String).join(", ") }, at: "value" };
    case "too_small":
      if (issue.origin === "array") return { code: "schema/too-few", params: { field, min: Number(issue.minimum) }, at: "value" };
      if (issue.origin === "string") return { code: "schema/format", params: { field, kind: "empty", value: String(issue.input ?? "") }, at: "value" };
      // An exclusive minimum (positive(), gt()): the value must be above it, not at it.
      if (issue.inclusive === false) return { code: "schema/not-above", params: { field, min: Number(issue.minimum), value: String(issue.input) }, at: "value" };
      return { code: "schema/too-small", params: { field, min: Number(issue.minimum), value: String(issue.input) }, at: "value" };
    case "too_big":
      if (issue.origin === "string") return { code: "schema/too-long", params: { field, max: Number(issue.maximum), length: String(issue.input ?? "").length }, at: "value" };
      return { code: "schema/too-big", params: { field, max: Number(issue.maximum), value: String(issue.input) }, at: "value" };
    default: {
      const suggestion = issue.message === "date" && typeof issue.input === "string" ? suggestDate(issue.input) : undefined;
      if (suggestion) {
        const [orderVi, orderEn] = suggestion.order === "dmy" ? ["ngày/tháng/năm", "day/month/year"] : ["năm/tháng/ngày", "year/month/day"];
        return { code: "schema/date-format", params: { field, value: String(issue.input), suggestion: suggestion.iso, orderVi, orderEn }, at: "value" };
      }
      return { code: "schema/format", params: { field, kind: issue.message, value: String(issue.input ?? "") }, at: "value" };
    }
  }
}

/** zod's name of the expected type; the catalogue says it in words (số, chuỗi, danh sách...). */
function typeName(expected: string | undefined): string {
  return expected ?? "?";
}

function typeOfInput(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "array";
  return typeof x;
}
