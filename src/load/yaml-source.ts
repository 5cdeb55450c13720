import { isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from "yaml";
import type { Diagnostics, SourcePos } from "../diagnostics/diagnostic.ts";
import { LIMITS } from "./limits.ts";
import { readPlainYaml } from "./plain-yaml.ts";
import { scalarFinding } from "./scalar-checks.ts";
import { locateIn, sourceTree, type SourceTree } from "./source-tree.ts";
import { yamlProblems } from "./yaml-errors.ts";

export type { Path } from "./source-tree.ts";
import type { Path } from "./source-tree.ts";

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
  return parseYamlWithTree(file, text, diags, lineOffset).source;
}

/** The source of a usable text, located through its tree (source-tree.ts): the same places whether parsed now or read from a cache. */
export function yamlFromTree(file: string, value: unknown, tree: SourceTree): YamlSource {
  return { file, value, locate: (path, at) => locateIn(file, tree, path, at) };
}

/**
 * parseYamlSource, with the tree of a usable text (none when errors make the value unusable).
 * A text in the subset plain-yaml.ts reads is read there; any other by the YAML library.
 */
export function parseYamlWithTree(file: string, text: string, diags: Diagnostics, lineOffset = 0): { source: YamlSource; tree?: SourceTree } {
  const plain = readPlainYaml(text, lineOffset);
  if (plain) return { source: yamlFromTree(file, plain.value, plain.tree), tree: plain.tree };
  return parseWithLibrary(file, text, diags, lineOffset);
}

/** parseYamlWithTree by the YAML library alone, whatever the text: what plain-yaml.ts is held to. */
export function parseWithLibrary(file: string, text: string, diags: Diagnostics, lineOffset = 0): { source: YamlSource; tree?: SourceTree } {
  let lineCounter = new LineCounter();
  const pos = (offset: number): SourcePos => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line: line + lineOffset, column: col };
  };
  const parse = (uniqueKeys: boolean) => {
    lineCounter = new LineCounter();
    return parseDocument(text, { lineCounter, uniqueKeys, prettyErrors: false, merge: false, strict: true, logLevel: "error" });
  };
  let doc: Document.Parsed | undefined;
  /** Where keys repeat, when found here rather than by the library. */
  let repeated: number[] | undefined;
  try {
    // The library's check of unique keys compares each key with every one before it in its
    // mapping: minutes for a file of a megabyte of keys. Repeated keys are looked for here, in
    // one pass; the library's check, which places them as it always has, runs only when there
    // are some, and when its comparisons are few enough.
    doc = parse(false);
    const keys = duplicateKeys(doc.contents);
    if (keys.at.length) {
      if (keys.comparisons <= LIBRARY_KEY_CHECK) doc = parse(true);
      else repeated = keys.at;
    }
  } catch (err) {
    const at = { file, line: 1 + lineOffset, column: 1 };
    if (isStackOverflow(err)) diags.error("yaml/too-deep", at, { max: LIMITS.maxDepth });
    else diags.error("yaml/syntax", at, { detail: firstLine(err instanceof Error ? err.message : String(err)) });
    return { source: { file, value: undefined, locate: () => at } };
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

  // Flow nesting deep enough ("[[[[…") overflows the parser's stack; the errors after it are its
  // consequences (unclosed brackets by the hundred): one error says it all.
  const overflow = parsed.errors.find((e) => /call stack/i.test(e.message));
  if (overflow) {
    diags.error("yaml/too-deep", pos(overflow.pos[0]), { max: LIMITS.maxDepth });
    return { source: { file, value: undefined, locate } };
  }
  let usable = true;
  // One mistake, one message: the first syntax error, named by what its line shows; its knock-ons left out.
  const problems = yamlProblems(parsed.errors, text);
  const duplicates = repeated ?? parsed.errors.filter((e) => e.code === "DUPLICATE_KEY").map((e) => e.pos[0]);
  for (const at of duplicates) {
    if (problems[0] && at > problems[0].offset) continue;
    diags.error("yaml/duplicate-key", pos(at), { detail: "Map keys must be unique" });
  }
  for (const p of problems) diags.error(p.code, pos(p.offset), p.params);
  if (problems.length) usable = false;
  for (const w of parsed.warnings) diags.warning("yaml/syntax-warning", pos(w.pos[0]), { detail: firstLine(w.message) });
  if (!usable) return { source: { file, value: undefined, locate } };

  const tooDeepAt = tooDeepNode(parsed.contents);
  if (tooDeepAt !== undefined) {
    diags.error("yaml/too-deep", pos(tooDeepAt), { max: LIMITS.maxDepth });
    return { source: { file, value: undefined, locate } };
  }
  checkScalars(parsed, pos, diags);

  let value: unknown;
  try {
    value = parsed.toJS({ maxAliasCount: LIMITS.maxAliasCount });
  } catch {
    diags.error("yaml/alias-limit", pos(firstAlias(parsed) ?? 0), { max: LIMITS.maxAliasCount });
    return { source: { file, value: undefined, locate } };
  }
  const tree = sourceTree(parsed.contents, pos);
  return { source: yamlFromTree(file, value, tree), tree };
}

function rangeStart(node: Node | null | undefined): number | undefined {
  return node && "range" in node && node.range ? node.range[0] : undefined;
}

function firstLine(s: string): string {
  return s.split("\n")[0] ?? s;
}

/**
 * The most comparisons of keys the library's own check of unique keys is run for: the square of
 * each mapping's pairs, summed (as for one mapping of 2,000 pairs).
 */
const LIBRARY_KEY_CHECK = 2000 * 2000;

/**
 * Where each key repeats one before it in its mapping (the library's rule: two scalars of equal
 * value), at the key, in order; and about how many comparisons the library's check would make.
 * Iterative: any depth is safe.
 */
function duplicateKeys(root: unknown): { at: number[]; comparisons: number } {
  const at: number[] = [];
  let comparisons = 0;
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (isPair(node)) stack.push(node.key, node.value);
    else if (isCollection(node)) {
      if (isMap(node)) {
        comparisons += node.items.length * node.items.length;
        const seen = new Set<unknown>();
        for (const { key } of node.items) {
          if (!isScalar(key) || Number.isNaN(key.value)) continue;
          if (seen.has(key.value)) at.push(rangeStart(key) ?? 0);
          else seen.add(key.value);
        }
      }
      for (const item of node.items) stack.push(item);
    }
  }
  return { at: at.sort((a, b) => a - b), comparisons };
}

/** Offset of the first collection nested deeper than the limit, or undefined (iterative: any depth is safe). */
function tooDeepNode(root: unknown): number | undefined {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    if (!isCollection(node)) continue;
    if (d + 1 > LIMITS.maxDepth) return rangeStart(node) ?? 0;
    for (const item of [...(node.items as unknown[])].reverse()) stack.push([isPair(item) ? item.value : item, d + 1]);
  }
  return undefined;
}

/** Offset of the first alias (*name) in the document: where an alias bomb starts going off. */
function firstAlias(doc: Document.Parsed): number | undefined {
  let at: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      at = rangeStart(node);
      return visit.BREAK;
    },
  });
  return at;
}

function isStackOverflow(err: unknown): boolean {
  return err instanceof RangeError && /call stack/i.test(err.message);
}

/** Every scalar's finding (scalar-checks.ts), keys included, in the document's order. */
function checkScalars(doc: Document.Parsed, pos: (offset: number) => SourcePos, diags: Diagnostics): void {
  visit(doc, {
    Scalar(_key, node) {
      const found = scalarFinding(node.value, node.source);
      if (found) diags.error(found.code, pos(node.range?.[0] ?? 0), found.params);
    },
  });
}
