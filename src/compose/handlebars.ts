import type { Diagnostics, Params, SourcePos } from "../diagnostics/diagnostic.ts";
import { Budget, TemplateFailure, type TemplateLoc } from "./budget.ts";
import { hb, knownHelpers, STRICT_ARGUMENTS, withRun, type RunState } from "./helpers.ts";
import { MARK_CHARS, SITE, stripMarks, VALUE_CLOSE, VALUE_OPEN } from "./marks.ts";
import type { Origin } from "./origins.ts";
import { knownNames, objectNamedIn, safeContext, type SafeContext } from "./safe-context.ts";

export interface RenderOptions {
  /** The computed tables the text may insert with {{bang "name"}}. */
  tables?: ReadonlySet<string>;
  /** Top-level context keys holding Markdown made by the tool (the rendered data body), inserted as it is. */
  raw?: readonly string[];
}

export interface Rendered {
  /** The text, values marked (see marks.ts): for parseMarkup, or stripMarks for a one-line place. */
  text: string;
  /** Where its pieces come from: the template's text, and each value where the template inserts it. */
  origins: Origin[];
}

/** Where a template text starts in its file: `column` when it starts inside a line (a front matter string). */
export interface TemplateWhere {
  file: string;
  line: number;
  column?: number;
}

/**
 * Renders a template with strict Handlebars. Errors (syntax, an unclosed
 * block, a partial, an unknown helper or table, a missing value, a helper's
 * error, the budget running out) become diagnostics located in the
 * template's file, at the expression.
 */
export function renderTemplate(text: string, context: object, where: TemplateWhere, diags: Diagnostics, opts: RenderOptions = {}): Rendered | undefined {
  const at = (line: number, column: number): SourcePos =>
    line === 1 ? { file: where.file, line: where.line, column: (where.column ?? 1) + column - 1 } : { file: where.file, line: where.line + line - 1, column };
  let entry = compiled.get(text);
  if (!entry) {
    let ast: hbs.AST.Program;
    try {
      ast = hb.parse(text);
    } catch (err) {
      reportError(err, text, at, diags);
      return undefined;
    }
    // The tool registers no partials: every {{> name}} would fail only when (and if) it is reached.
    const partials = findPartials(ast);
    for (const p of partials) diags.error("template/missing-partial", at(p.line, p.column), { name: p.name });
    if (partials.length) return undefined;
    const contents = prepareAst(ast);
    entry = { template: hb.compile(ast, { strict: true, noEscape: true, knownHelpers, knownHelpersOnly: true }), contents };
    if (compiled.size >= 256) compiled.clear(); // --watch sees many versions of the same files
    compiled.set(text, entry);
  }
  const ctx = safeOf(context, opts.raw ?? []);
  const state: RunState = { budget: new Budget(where.file), tables: opts.tables ?? new Set(), sites: [], siteIndex: new Map() };
  let out: string;
  try {
    out = withRun(state, () => entry.template(ctx.root));
  } catch (err) {
    reportError(err, text, at, diags, ctx, state);
    return undefined;
  }
  const origins: Origin[] = entry.contents.map((c) => ({ text: c.text, pos: at(c.line, c.column + 1), literal: true }));
  const site = new RegExp(`${SITE}(\\d+)${SITE}(?:${VALUE_OPEN}([^${VALUE_OPEN}${VALUE_CLOSE}]*)${VALUE_CLOSE})?`, "g");
  for (const m of out.matchAll(site)) {
    const loc = state.sites[Number(m[1])];
    if (m[2] !== undefined && loc) origins.push({ text: m[2], pos: at(loc.line, loc.column + 1), literal: false });
  }
  return { text: out.replace(new RegExp(`${SITE}\\d+${SITE}`, "g"), ""), origins };
}

interface Compiled {
  template: HandlebarsTemplateDelegate;
  /** The template's own text pieces, with their 1-based line and 0-based column. */
  contents: { text: string; line: number; column: number }[];
}

/**
 * Compiled templates by their text: the registration template serves every unit,
 * and Handlebars compiles on first use, so it is compiled once per build.
 */
const compiled = new Map<string, Compiled>();

/** The safe copy of a context, once per context object (a document's small strings share it). */
const safeCopies = new WeakMap<object, SafeContext>();
function safeOf(context: object, raw: readonly string[]): SafeContext {
  let c = safeCopies.get(context);
  if (!c) safeCopies.set(context, (c = safeContext(context, raw)));
  return c;
}

type Node = { type?: string; loc?: hbs.AST.SourceLocation } & Record<string, unknown>;

/**
 * Before compiling: a {{__at}} before every {{…}} (it records where the value
 * goes and counts a step), the arguments of the format helpers looked up
 * strictly, and the mark characters removed from the template's own text.
 * Returns the text pieces with their positions. Iterative: any nesting is safe.
 */
function prepareAst(ast: hbs.AST.Program): Compiled["contents"] {
  const contents: Compiled["contents"] = [];
  const programs: (hbs.AST.Program | undefined)[] = [ast];
  const exprs: Node[] = [];
  while (programs.length) {
    const program = programs.pop();
    if (!program) continue;
    const body: hbs.AST.Statement[] = [];
    for (const st of program.body as unknown as Node[]) {
      if (st.type === "ContentStatement") {
        // (the typings call `original` StripFlags: it is the text before whitespace control)
        const c = st as unknown as { value: string; original: string; loc: hbs.AST.SourceLocation };
        c.value = c.value.replace(MARK_CHARS, "");
        c.original = c.original.replace(MARK_CHARS, "");
        contents.push({ text: c.original, line: c.loc.start.line, column: c.loc.start.column });
      } else if (st.type === "MustacheStatement") {
        const loc = st.loc!;
        const path = { type: "PathExpression", data: false, depth: 0, parts: ["__at"], original: "__at", loc };
        body.push({ type: "MustacheStatement", path, params: [], hash: undefined, escaped: false, strip: { open: false, close: false }, loc } as unknown as hbs.AST.Statement);
        stepwise(st);
        exprs.push(st);
      } else if (st.type === "BlockStatement") {
        exprs.push(st);
        programs.push(st["program"] as hbs.AST.Program, st["inverse"] as hbs.AST.Program | undefined);
      }
      body.push(st as unknown as hbs.AST.Statement);
    }
    program.body = body;
  }
  while (exprs.length) {
    const e = exprs.pop()!;
    const path = e["path"] as { type?: string; original?: unknown } | undefined;
    const params = (e["params"] as Node[] | undefined) ?? [];
    const strict = path?.type === "PathExpression" && STRICT_ARGUMENTS.has(String(path.original));
    for (const p of params) {
      if (p.type === "SubExpression") exprs.push(p);
      else if (strict && p.type === "PathExpression" && (p["parts"] as unknown[]).length > 0) p["strict"] = true;
    }
  }
  return contents;
}

/**
 * A value printed by a dotted path ({{a.b.c}}) becomes (__step (__step a "b") "c")
 * (helpers.ts): strict Handlebars checks only the last name of a path, so a
 * misspelt name in the middle said "c not defined in undefined"; __step names
 * the misspelt one and the names its object has. Same value when every name exists.
 */
function stepwise(st: Node): void {
  const path = st["path"] as { type?: string; data?: boolean; depth?: number; parts?: unknown[]; original?: unknown; loc?: hbs.AST.SourceLocation } | undefined;
  const params = (st["params"] as unknown[] | undefined) ?? [];
  const hash = st["hash"] as { pairs?: unknown[] } | undefined;
  if (!path || path.type !== "PathExpression" || path.data || path.depth !== 0 || params.length || hash?.pairs?.length) return;
  const parts = (path.parts ?? []).map(String);
  if (parts.length < 2 || /^this[./]/.test(String(path.original))) return;
  // located at the path, as Handlebars locates a missing name
  const loc = path.loc ?? st.loc;
  st.loc = loc;
  let expr: Node = { type: "PathExpression", data: false, depth: 0, parts: [parts[0]!], original: parts[0]!, loc };
  for (const part of parts.slice(1)) {
    const step = { type: "PathExpression", data: false, depth: 0, parts: ["__step"], original: "__step", loc };
    const str = (value: string) => ({ type: "StringLiteral", value, original: value, loc });
    expr = { type: "SubExpression", path: step, params: [expr, str(part), str(String(path.original))], hash: undefined, loc };
  }
  st["path"] = (expr as { path: unknown }).path;
  st["params"] = (expr as { params: unknown }).params;
}

function reportError(
  err: unknown,
  text: string,
  at: (line: number, column: number) => SourcePos,
  diags: Diagnostics,
  ctx?: SafeContext,
  state?: RunState,
): void {
  if (err instanceof TemplateFailure) {
    const loc = err.loc ?? state?.budget.at;
    diags.error(err.code, loc ? at(loc.line, loc.column + 1) : at(1, 1), err.params);
    return;
  }
  // (a TypeError may quote a value, marks included)
  const msg = stripMarks(err instanceof Error ? err.message : String(err));
  const lines = msg.split("\n");
  // Parse errors end with what was expected ("Expecting 'OPEN_ENDBLOCK', got 'EOF'"): more useful than their first line.
  let detail = (/^Parse error/.test(msg) ? lines[lines.length - 1] : lines[0]) ?? msg;
  if (/got 'EOF'/.test(msg)) {
    const open = unclosedBlock(text);
    if (open) {
      diags.error("template/unclosed-block", at(open.line, open.column), { name: open.name, detail });
      return;
    }
  }
  const loc = /line (\d+)/.exec(msg) ?? /- (\d+):(\d+)/.exec(msg);
  const last: TemplateLoc | undefined = state?.budget.at;
  // An error Handlebars does not locate (a TypeError inside a lookup) happened in the expression started last.
  const lineInTemplate = loc ? Number(loc[1]) : last ? last.line : 1;
  const column = loc && loc[2] !== undefined ? Number(loc[2]) + 1 : !loc && last ? last.column + 1 : 1;
  const missing = /"([^"]+)" not defined/.exec(msg);
  const helper = /Missing helper: "([^"]+)"/.exec(msg) ?? /unknown helper (\S+)/.exec(msg);
  const syntax = /Parse error|Lexical error|Expecting|doesn't match/.test(msg);
  const code = missing ? "template/missing-value" : helper ? "template/unknown-helper" : syntax ? "template/syntax" : "template/error";
  const name = missing?.[1] ?? helper?.[1] ?? "";
  if (missing) detail = detail.replace(/ in \[object #\d+\]/, "").replace(/ - \d+:\d+$/, "");
  const params: Params = missing ? { name, detail, known: knownNames(name, ctx ? objectNamedIn(msg, ctx) : undefined) } : { name, detail };
  diags.error(code, at(lineInTemplate, column), params);
}

interface Found {
  name: string;
  line: number;
  column: number;
}

/** Every partial call ({{> name}}, {{#> name}}) in a parsed template, with its 1-based line and column. */
function findPartials(ast: hbs.AST.Program): Found[] {
  const found: Found[] = [];
  const stack: unknown[] = [ast];
  while (stack.length) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const child of node as unknown[]) stack.push(child);
      continue;
    }
    if (!node || typeof node !== "object") continue;
    const n = node as { type?: string; name?: { original?: unknown; value?: unknown }; loc?: hbs.AST.SourceLocation; body?: unknown; program?: unknown; inverse?: unknown };
    if (n.type === "PartialStatement" || n.type === "PartialBlockStatement") {
      found.push({ name: String(n.name?.original ?? n.name?.value ?? "?"), line: n.loc?.start.line ?? 1, column: (n.loc?.start.column ?? 0) + 1 });
    }
    stack.push(n.body, n.program, n.inverse);
  }
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * The innermost block opened ({{#name}}, {{^name}}) and never closed, by a scan
 * of the text (the parser only says "EOF"). Linear: comments are skipped with
 * indexOf, each tag is read from a bounded slice.
 */
function unclosedBlock(text: string): Found | undefined {
  const open: { name: string; index: number }[] = [];
  const tag = /^\{\{~?\s*([#^/])\s*[*>]?\s*([^\s}~()]*)/;
  for (let i = text.indexOf("{{"); i >= 0; i = text.indexOf("{{", i)) {
    if (text.startsWith("{{!--", i)) {
      const ends = [text.indexOf("--}}", i + 5), text.indexOf("--~}}", i + 5)].filter((e) => e >= 0);
      if (!ends.length) break; // the rest of the text is a comment
      i = Math.min(...ends) + 4;
      continue;
    }
    if (text.startsWith("{{!", i)) {
      const end = text.indexOf("}}", i + 3);
      if (end < 0) break;
      i = end + 2;
      continue;
    }
    const [, kind, name] = tag.exec(text.slice(i, i + 200)) ?? [];
    i += 2;
    if (!kind || !name) continue; // not a block tag, or {{^}} (else)
    if (kind === "/") {
      const k = open.map((o) => o.name).lastIndexOf(name);
      if (k >= 0) open.splice(k);
    } else open.push({ name, index: i - 2 });
  }
  const last = open[open.length - 1];
  if (!last) return undefined;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < last.index; i++) if (text.charCodeAt(i) === 10) (line++, (lineStart = i + 1));
  return { name: last.name, line, column: last.index - lineStart + 1 };
}
