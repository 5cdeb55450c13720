/**
 * A YAML file that does not parse, said as one mistake at its place, in the
 * reader's language, with the fix: the parser reports a tab in the indentation
 * as several errors, most of them knock-ons, in English. The first error of the
 * file is the one the person made; it is named by what the line shows (a tab,
 * no space after a colon, a backslash in double quotes, a bracket never closed,
 * an indentation out of line), and the errors after it are left out.
 */
import type { YAMLError } from "yaml";

export type YamlProblemCode = "yaml/tab" | "yaml/colon-space" | "yaml/escape" | "yaml/unclosed" | "yaml/indent" | "yaml/syntax";

export interface YamlProblem {
  code: YamlProblemCode;
  /** Where it is: an offset in the text. */
  offset: number;
  params: Record<string, string>;
}

/** The start offset of each line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return starts;
}

/** "key:value" with no space after the colon: a key of letters, digits, _ or -, then a character that is no space, / or : (a URL, a time). */
const NO_SPACE_AFTER_COLON = /^(\s*(?:-\s+)?)([\p{L}\p{N}_-]+):(?![\s/:]|$)/u;

/** Where the tab in line `l`'s indentation is, if it has one (not a blank or comment line). */
function tabAt(text: string, starts: readonly number[], l: number): number | undefined {
  const line = text.slice(starts[l]!, (starts[l + 1] ?? text.length + 1) - 1);
  const indent = /^[ \t]*/.exec(line)![0];
  return indent.includes("\t") && line.trim() !== "" && !line.trimStart().startsWith("#") ? starts[l]! + indent.indexOf("\t") : undefined;
}

/**
 * The problems to report for the parser's errors (duplicate keys apart, which are reported each):
 * the first mistake, named; when it is a tab, every line indented with one (each is a mistake of
 * its own, the other errors their knock-ons).
 */
export function yamlProblems(errors: readonly YAMLError[], text: string): YamlProblem[] {
  const first = firstYamlProblem(errors, text);
  if (first?.code !== "yaml/tab") return first ? [first] : [];
  const starts = lineStarts(text);
  const tabs: YamlProblem[] = [];
  for (let l = 0; l < starts.length && tabs.length < 20; l++) {
    const at = tabAt(text, starts, l);
    if (at !== undefined) tabs.push({ code: "yaml/tab", offset: at, params: {} });
  }
  return tabs;
}

/** The one problem to report first for the parser's errors (excluding duplicate keys). */
export function firstYamlProblem(errors: readonly YAMLError[], text: string): YamlProblem | undefined {
  const syntax = errors.filter((e) => e.code !== "DUPLICATE_KEY");
  if (!syntax.length) return undefined;
  const first = syntax.reduce((a, b) => (b.pos[0] < a.pos[0] ? b : a));
  const starts = lineStarts(text);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const errorLine = lineOf(first.pos[0]);
  // A tab in the indentation at or before the error is its cause, wherever the parser noticed.
  for (let l = 0; l <= errorLine; l++) {
    const at = tabAt(text, starts, l);
    if (at !== undefined) return { code: "yaml/tab", offset: at, params: {} };
  }
  const line = text.slice(starts[errorLine]!, (starts[errorLine + 1] ?? text.length + 1) - 1);
  const noSpace = NO_SPACE_AFTER_COLON.exec(line);
  // The parser calls it a multi-line key, a missing value or an unexpected token, by where the line is.
  if (noSpace) {
    const key = noSpace[2]!;
    const rest = line.slice(noSpace[0].length).trimEnd();
    return { code: "yaml/colon-space", offset: starts[errorLine]! + noSpace[1]!.length + key.length, params: { written: `${key}:${rest}`, fixed: `${key}: ${rest}` } };
  }
  switch (first.code) {
    case "TAB_AS_INDENT":
      return { code: "yaml/tab", offset: first.pos[0], params: {} };
    case "BAD_DQ_ESCAPE":
      return { code: "yaml/escape", offset: first.pos[0], params: {} };
    case "MISSING_CHAR":
      return { code: "yaml/unclosed", offset: first.pos[0], params: {} };
    case "BAD_INDENT":
      // A flow collection ([...], {...}) never closed reads to the parser as an indentation fault.
      return /\bend with a [\]}]/.test(first.message) ? { code: "yaml/unclosed", offset: first.pos[0], params: {} } : { code: "yaml/indent", offset: first.pos[0], params: {} };
    default:
      return { code: "yaml/syntax", offset: first.pos[0], params: { detail: first.message.split("\n")[0]! } };
  }
}
