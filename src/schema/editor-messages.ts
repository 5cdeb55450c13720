/**
 * Vietnamese texts for the checks whose message the YAML language server (redhat.vscode-yaml)
 * writes in English whatever the schema says: bounds ("Value is below the minimum of 0."),
 * lengths and counts, a missing property ("Missing property …") and a property that is not
 * allowed ("Property … is not allowed."). The server takes a schema's `errorMessage` for a
 * failed `enum`, a failed `required` and a failed `additionalProperties`, never for a bound.
 * So each such keyword is moved, with the same meaning, where its failure is one of those:
 *
 * - a bound B becomes `allOf: [{ if: { B }, else: { const: null, errorMessage } }]`: a value
 *   that keeps the bound passes `if` (as does any value B does not apply to: null among them);
 *   one that breaks it is a number, a text, a list or a mapping, never null, so the `const`
 *   fails and the server shows the text at the value;
 * - an object with `required` fields gets an `errorMessage` naming them all (the server uses it
 *   for a missing field, at the key above the object, and for a value that is not a mapping);
 * - `additionalProperties: false` moves, with the names of the properties, into an `allOf`
 *   part with a message listing the fields allowed there (at the unknown key).
 *
 * Any validator reads the result as the same rules (tested with ajv). Pure: a JSON Schema
 * node is changed in place.
 */

const number = (v: unknown) => String(v).replace(".", ",");

/** Each bound keyword and its text for the value that breaks it. */
const BOUNDS: Record<string, (v: unknown) => string> = {
  minimum: (v) => (v === 0 ? "Không được là số âm" : `Không được nhỏ hơn ${number(v)}`),
  maximum: (v) => (Number(v) >= Number.MAX_SAFE_INTEGER ? "Số quá lớn" : `Không được lớn hơn ${number(v)}`),
  exclusiveMinimum: (v) => (v === 0 ? "Cần một số lớn hơn 0" : `Cần một số lớn hơn ${number(v)}`),
  exclusiveMaximum: (v) => `Cần một số nhỏ hơn ${number(v)}`,
  multipleOf: (v) => `Cần một bội số của ${number(v)}`,
  minLength: (v) => (v === 1 ? "Không được để trống" : `Cần ít nhất ${v} ký tự`),
  maxLength: (v) => `Dài quá: tối đa ${v} ký tự`,
  minItems: (v) => (v === 1 ? "Danh sách cần ít nhất một mục" : `Danh sách cần ít nhất ${v} mục`),
  maxItems: (v) => `Danh sách có tối đa ${v} mục`,
  minProperties: (v) => `Cần ít nhất ${v} trường`,
  maxProperties: (v) => `Có tối đa ${v} trường`,
};

/** A part of `allOf` that fails, with `message`, where a value breaks `rule`. */
export function guard(rule: Record<string, unknown>, message: string): Record<string, unknown> {
  return { if: rule, else: { const: null, errorMessage: message } };
}

/** Moves the node's bounds, required properties and closed property list into Vietnamese `allOf` parts. */
export function vietnameseKeywords(n: Record<string, unknown>): void {
  const parts: Record<string, unknown>[] = [];
  for (const [keyword, text] of Object.entries(BOUNDS))
    if (keyword in n && typeof n[keyword] === "number") {
      parts.push(guard({ [keyword]: n[keyword] }, text(n[keyword])));
      delete n[keyword];
    }
  // `required` stays where it is: the editor builds its completion of a new item from it (every
  // required field filled in). Its failure takes the object's errorMessage, one text for every
  // missing field (the server shows it once), which names them all.
  if (Array.isArray(n.required) && n.required.length && n.errorMessage === undefined)
    n.errorMessage = `Cần đủ các trường bắt buộc: ${n.required.join(", ")} (thiếu trường nào thì thêm dòng đó; mục này là một nhóm trường, không phải một giá trị)`;
  if (n.additionalProperties === false && typeof n.properties === "object" && n.properties !== null) {
    const names = Object.keys(n.properties);
    parts.push({
      properties: Object.fromEntries(names.map((k) => [k, true])),
      additionalProperties: false,
      errorMessage: `Trường này không có ở đây (sai chính tả, thụt lề sai?). Các trường dùng được: ${names.join(", ")}`,
    });
    delete n.additionalProperties;
  }
  if (parts.length) n.allOf = [...(Array.isArray(n.allOf) ? n.allOf : []), ...parts];
}
