import { isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from "yaml";
import type { Diagnostics, SourcePos } from "../diagnostics/diagnostic.ts";
import { detectLegacyVietnamese } from "./legacy-encoding.ts";
import { LIMITS } from "./limits.ts";

export type Path = readonly (string | number)[];

/** A parsed YAML text that remembers where every node came from. */
export interface YamlSource {
  file: string;
  /** Plain value (objects, arrays, scalars); undefined when the text could not be parsed. */
  value: unknown;
  /** Position of the node at `path` (its key when `at` is "key"), or of the nearest ancestor that exists. */
  locate(path: Path, at?: "key" | "value"): SourcePos;
}

/**
 * Parses YAML with positions. `lineOffset` is the number of lines before the
 * text in its file (front matter starts on line 2 of a Markdown file).
 * Syntax errors, duplicate keys, alias bombs, deep nesting and legacy-encoded
 * text become diagnostics; the value is undefined when errors make it unusable.
 */
export function parseYamlSource(file: string, text: string, diags: Diagnostics, lineOffset = 0): YamlSource {
  const lineCounter = new LineCounter();
  const pos = (offset: number): SourcePos => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line: line + lineOffset, column: col };
  };
  let doc: Document.Parsed | undefined;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, merge: false, strict: true });
  } catch {
    diags.error("yaml/too-deep", { file, line: 1 + lineOffset, column: 1 }, { max: LIMITS.maxDepth });
    return { file, value: undefined, locate: () => ({ file, line: 1 + lineOffset, column: 1 }) };
  }
  const parsed = doc;
  const locate = (path: Path, at: "key" | "value" = "value"): SourcePos => {
    let node: unknown = parsed.contents;
    let best: SourcePos = pos(rangeStart(parsed.contents) ?? 0);
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) return best;
        const keyPos = rangeStart(pair.key as Node);
        const valPos = rangeStart(pair.value as Node | null);
        best = pos((at === "key" || valPos === undefined ? keyPos : valPos) ?? 0);
        if (at === "key" && seg === path[path.length - 1]) return pos(keyPos ?? 0);
        node = pair.value;
      } else if (isSeq(node) && typeof seg === "number") {
        const item = node.items[seg] as Node | undefined;
        const start = rangeStart(item ?? null);
        if (start === undefined) return best;
        best = pos(start);
        node = item;
      } else return best;
    }
    return best;
  };

  let usable = true;
  for (const err of parsed.errors) {
    const code = err.code === "DUPLICATE_KEY" ? "yaml/duplicate-key" : "yaml/syntax";
    diags.error(code, pos(err.pos[0]), { detail: firstLine(err.message) });
    if (code === "yaml/syntax") usable = false;
  }
  for (const w of parsed.warnings) diags.warning("yaml/syntax-warning", pos(w.pos[0]), { detail: firstLine(w.message) });
  if (!usable) return { file, value: undefined, locate };

  if (depthOf(parsed.contents) > LIMITS.maxDepth) {
    diags.error("yaml/too-deep", pos(0), { max: LIMITS.maxDepth });
    return { file, value: undefined, locate };
  }
  checkLegacyText(parsed, pos, diags);

  let value: unknown;
  try {
    value = parsed.toJS({ maxAliasCount: LIMITS.maxAliasCount });
  } catch {
    diags.error("yaml/alias-limit", pos(0), { max: LIMITS.maxAliasCount });
    return { file, value: undefined, locate };
  }
  return { file, value, locate };
}

function rangeStart(node: Node | null | undefined): number | undefined {
  return node && "range" in node && node.range ? node.range[0] : undefined;
}

function firstLine(s: string): string {
  return s.split("\n")[0] ?? s;
}

function depthOf(root: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    if (!isCollection(node)) continue;
    if (d + 1 > max) max = d + 1;
    if (max > LIMITS.maxDepth) return max;
    for (const item of node.items as unknown[]) stack.push([isPair(item) ? item.value : item, d + 1]);
  }
  return max;
}

function checkLegacyText(doc: Document.Parsed, pos: (offset: number) => SourcePos, diags: Diagnostics): void {
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== "string") return;
      const finding = detectLegacyVietnamese(node.value);
      if (finding) {
        diags.error("text/legacy-encoding", pos(node.range?.[0] ?? 0), {
          encoding: finding.encoding,
          suggestion: finding.suggestion.length > 80 ? finding.suggestion.slice(0, 80) + "…" : finding.suggestion,
        });
      }
    },
  });
}
