import { closestNames } from "../diagnostics/closest-names.ts";
import { oneLine } from "../format/text.ts";
import { MARK_CHARS, markValue } from "./marks.ts";

/**
 * The data as templates see it: a deep copy in which
 * - objects and arrays have no prototype, so `{{__proto__}}`, `{{constructor}}`
 *   or `{{list.map}}` are names that do not exist (strict mode reports them)
 *   instead of inherited members that print nothing;
 * - text values are one line ({@link oneLine}) and marked as values
 *   ({@link markValue}): a line break or a "# " in a name cannot become a
 *   heading of the document;
 * - every object prints as "[object #n]", n its index in `objects`, so that an
 *   error of Handlebars ("x" not defined in [object #3]) says which object
 *   lacked the name, and the names it has can be listed.
 */
export interface SafeContext {
  root: object;
}

/**
 * Safe copies of the objects inside contexts, by the original: the year's values (its
 * figures, its units) are copied once and shared by every document's context, not once
 * per document (a 200-unit year has 206 documents). Contexts are made fresh for each
 * build and not changed after, so a copy stays true to its original.
 */
const copies = new WeakMap<object, object>();
/** Each copy by its number ("[object #n]"), held weakly: a copy no context uses any more can go. */
const byNumber = new Map<number, WeakRef<object>>();
const forget = new FinalizationRegistry<number>((n) => byNumber.delete(n));
let count = 0;

/** Top-level keys whose value is Markdown made by the tool (the rendered data body): copied as they are. */
export function safeContext(context: object, rawKeys: readonly string[] = []): SafeContext {
  const copy = (v: unknown, top = false): unknown => {
    if (typeof v === "string") return markValue(oneLine(v).replace(MARK_CHARS, "\uFFFD"));
    if (!v || typeof v !== "object") return v;
    const done = copies.get(v);
    if (done !== undefined) return done;
    if (!Array.isArray(v) && Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) return v;
    const out: Record<string | number, unknown> = Array.isArray(v) ? Object.setPrototypeOf([], null) : Object.create(null);
    const id = count++;
    byNumber.set(id, new WeakRef(out));
    forget.register(out, id);
    Object.defineProperty(out, Symbol.toPrimitive, { value: () => `[object #${id}]`, enumerable: false });
    // The top level holds this document's own raw values: not shared.
    if (!top) copies.set(v, out);
    if (Array.isArray(v)) v.forEach((x, i) => (out[i] = copy(x)));
    else for (const [k, x] of Object.entries(v)) out[k] = top && rawKeys.includes(k) ? x : copy(x);
    return out;
  };
  return { root: copy(context, true) as object };
}

/** The object an error message names ("... not defined in [object #3]"), if it is one of ours. */
export function objectNamedIn(message: string, _ctx?: SafeContext): object | undefined {
  const m = /not defined in \[object #(\d+)\]/.exec(message);
  return m ? byNumber.get(Number(m[1]))?.deref() : undefined;
}

/** The names `obj` has that are closest to `name`, for a message ("—" when it has none). */
export function knownNames(name: string, obj: unknown): string {
  if (Array.isArray(obj)) return obj.length ? `0…${obj.length - 1}` : "—";
  if (!obj || typeof obj !== "object") return "—";
  const names = closestNames(name, Object.keys(obj));
  return names.length ? names.join(", ") : "—";
}
