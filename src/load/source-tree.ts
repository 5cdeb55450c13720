import { isMap, isScalar, isSeq, type Node } from "yaml";
import type { SourcePos } from "../diagnostics/diagnostic.ts";

/**
 * Where every node of a parsed YAML document came from, as plain data: what
 * YamlSource.locate needs, kept apart from the parser's document so that it can
 * be cached (source-cache.ts) and read back in another process.
 *
 * A position is [line, column] (the text's line offset already added), or 0 for
 * a node without a place in the text. A node lists its mapping's pairs (the key's
 * text when the key is a scalar, else null; the key's position; the value) or its
 * sequence's items.
 */
export type TreePos = readonly [number, number] | 0;
export interface TreeNode {
  a: TreePos;
  m?: TreePair[];
  s?: (TreeNode | null)[];
}
export type TreePair = [key: string | null, keyAt: TreePos, value: TreeNode | null];
export interface SourceTree {
  /** Where offset 0 is: the place of anything without its own. */
  o: readonly [number, number];
  r: TreeNode | null;
}

export type Path = readonly (string | number)[];

/** The tree of a document's contents; `pos` turns a text offset into a line and column. */
export function sourceTree(contents: unknown, pos: (offset: number) => { line: number; column: number }): SourceTree {
  const at = (offset: number | undefined): TreePos => {
    if (offset === undefined) return 0;
    const p = pos(offset);
    return [p.line, p.column];
  };
  // A usable document is at most LIMITS.maxDepth deep (checked before): recursion is safe.
  const node = (n: unknown): TreeNode | null => {
    if (n === null || n === undefined) return null;
    const t: TreeNode = { a: at(rangeStart(n as Node)) };
    if (isMap(n)) t.m = n.items.map((p) => [isScalar(p.key) ? String(p.key.value) : null, at(rangeStart(p.key as Node | null)), node(p.value)]);
    else if (isSeq(n)) t.s = (n.items as unknown[]).map((item) => node(item));
    return t;
  };
  const origin = pos(0);
  return { o: [origin.line, origin.column], r: node(contents) };
}

/**
 * Position of the node at `path` (its key when `at` is "key"), or of the nearest
 * ancestor that exists: the walk YamlSource.locate has always made over the
 * parser's document, made over the tree.
 */
export function locateIn(file: string, tree: SourceTree, path: Path, at: "key" | "value" = "value"): SourcePos {
  const pos = (p: TreePos): SourcePos => (p === 0 ? { file, line: tree.o[0], column: tree.o[1] } : { file, line: p[0], column: p[1] });
  let node: TreeNode | null | undefined = tree.r;
  let best = pos(node ? node.a : 0);
  for (const seg of path) {
    if (node?.m) {
      const pair: TreePair | undefined = node.m.find((p) => p[0] !== null && p[0] === String(seg));
      if (!pair) return best;
      const keyAt: TreePos = pair[1];
      const value: TreeNode | null = pair[2];
      const valAt = value ? value.a : 0;
      best = pos(at === "key" || valAt === 0 ? keyAt : valAt);
      if (at === "key" && seg === path[path.length - 1]) return pos(keyAt);
      node = value;
    } else if (node?.s && typeof seg === "number") {
      const item: TreeNode | null | undefined = node.s[seg];
      if (!item || item.a === 0) return best;
      best = pos(item.a);
      node = item;
    } else return best;
  }
  return best;
}

/** A tree read back from a cache, checked in shape (throws on anything else): never trusted as it is. */
export function checkedTree(x: unknown): SourceTree {
  if (!isObject(x) || !isLineCol(x.o)) throw new Error("source tree: bad origin");
  return { o: x.o, r: checkedNode(x.r, 0) };
}

function checkedNode(x: unknown, depth: number): TreeNode | null {
  if (x === null) return null;
  if (!isObject(x) || depth > 64) throw new Error("source tree: bad node");
  const t: TreeNode = { a: checkedPos(x.a) };
  if (x.m !== undefined) {
    if (!Array.isArray(x.m)) throw new Error("source tree: bad map");
    t.m = x.m.map((p: unknown) => {
      if (!Array.isArray(p) || p.length !== 3 || !(p[0] === null || typeof p[0] === "string")) throw new Error("source tree: bad pair");
      return [p[0] as string | null, checkedPos(p[1]), checkedNode(p[2], depth + 1)];
    });
  }
  if (x.s !== undefined) {
    if (!Array.isArray(x.s) || t.m) throw new Error("source tree: bad sequence");
    t.s = x.s.map((item: unknown) => checkedNode(item, depth + 1));
  }
  return t;
}

function checkedPos(x: unknown): TreePos {
  if (x === 0) return 0;
  if (isLineCol(x)) return x;
  throw new Error("source tree: bad position");
}

function isLineCol(x: unknown): x is [number, number] {
  return Array.isArray(x) && x.length === 2 && x.every((n) => Number.isSafeInteger(n) && n >= 0);
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function rangeStart(node: Node | null | undefined): number | undefined {
  return node && "range" in node && node.range ? node.range[0] : undefined;
}
