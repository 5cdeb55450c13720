import Handlebars from "handlebars";
import type { Diagnostics, SourcePos } from "../diagnostics/diagnostic.ts";
import { formatDayMonth, formatDayMonthYear, formatDayMonthYearShort } from "../format/date.ts";
import { formatNumber, formatPercent, formatScore, toRoman } from "../format/number.ts";
import { upperVi } from "../format/text.ts";
import { TABLE_MARK } from "./markup.ts";

/** One Handlebars environment with the Vietnamese format helpers; strict: a missing value is an error. */
const hb = Handlebars.create();
const str = (v: unknown) => String(v ?? "");
const helpers = {
  ngay_day_du: (d: unknown) => formatDayMonthYear(str(d)),
  ngay_ngan: (d: unknown) => formatDayMonthYearShort(str(d)),
  ngay_thang: (d: unknown) => formatDayMonth(str(d)),
  so_vn: (n: unknown) => formatNumber(Number(n)),
  diem_vn: (n: unknown) => formatScore(Number(n)),
  phan_tram: (a: unknown, b: unknown) => formatPercent(Number(a), Number(b)),
  hoa: (s: unknown) => upperVi(str(s)),
  la_ma: (n: unknown) => toRoman(Number(n)),
  bang: (name: unknown) => new hb.SafeString(`\n${TABLE_MARK}${str(name)}\u0001\n`),
};
hb.registerHelper(helpers);
/** Only our helpers and the built-in blocks: an unknown helper fails when the template compiles. */
const knownHelpers = Object.fromEntries(Object.keys(helpers).map((k) => [k, true]));

/**
 * Renders a template with strict Handlebars. Errors (syntax, an unclosed
 * block, a partial, an unknown helper, a missing value) become diagnostics
 * located in the template's file: `line` is the file line where the template
 * text starts.
 */
export function renderTemplate(
  text: string,
  context: object,
  where: { file: string; line: number },
  diags: Diagnostics,
): string | undefined {
  const at = (line: number, column: number) => ({ file: where.file, line: where.line + line - 1, column });
  const cached = compiled.get(text);
  if (cached) return run(cached, context, text, at, diags);
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
  const template = hb.compile(ast, { strict: true, noEscape: true, knownHelpers, knownHelpersOnly: true });
  if (compiled.size >= 256) compiled.clear(); // --watch sees many versions of the same files
  compiled.set(text, template);
  return run(template, context, text, at, diags);
}

/**
 * Compiled templates by their text: the registration template serves every unit,
 * and Handlebars compiles on first use, so it is compiled once per build.
 */
const compiled = new Map<string, HandlebarsTemplateDelegate>();

function run(
  template: HandlebarsTemplateDelegate,
  context: object,
  text: string,
  at: (line: number, column: number) => SourcePos,
  diags: Diagnostics,
): string | undefined {
  try {
    return template(context);
  } catch (err) {
    reportError(err, text, at, diags);
    return undefined;
  }
}

function reportError(err: unknown, text: string, at: (line: number, column: number) => SourcePos, diags: Diagnostics): void {
  const msg = err instanceof Error ? err.message : String(err);
  const lines = msg.split("\n");
  // Parse errors end with what was expected ("Expecting 'OPEN_ENDBLOCK', got 'EOF'"): more useful than their first line.
  const detail = (/^Parse error/.test(msg) ? lines[lines.length - 1] : lines[0]) ?? msg;
  if (/got 'EOF'/.test(msg)) {
    const open = unclosedBlock(text);
    if (open) {
      diags.error("template/unclosed-block", at(open.line, open.column), { name: open.name, detail });
      return;
    }
  }
  const loc = /line (\d+)/.exec(msg) ?? /- (\d+):(\d+)/.exec(msg);
  const lineInTemplate = loc ? Number(loc[1]) : 1;
  const column = loc && loc[2] !== undefined ? Number(loc[2]) + 1 : 1;
  const missing = /"([^"]+)" not defined/.exec(msg);
  const helper = /Missing helper: "([^"]+)"/.exec(msg) ?? /unknown helper (\S+)/.exec(msg);
  const syntax = /Parse error|Lexical error|Expecting|doesn't match/.test(msg);
  const code = missing ? "template/missing-value" : helper ? "template/unknown-helper" : syntax ? "template/syntax" : "template/error";
  diags.error(code, at(lineInTemplate, column), { name: missing?.[1] ?? helper?.[1] ?? "", detail });
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
