import { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { World } from "../io/world.ts";
import { parseMarkdownWithTree, type MarkdownSource } from "./markdown-source.ts";
import { readBytes, textOf } from "./read-text.ts";
import type { SourceCache, SourceKind } from "./source-cache.ts";
import type { SourceTree } from "./source-tree.ts";
import { parseYamlWithTree, yamlFromTree, type YamlSource } from "./yaml-source.ts";

/**
 * A data file read and parsed (readText, then parseYamlSource or parseMarkdownSource), or
 * undefined when it could not be read (its error said). With a cache, a file whose bytes
 * are in it is neither decoded nor parsed: its value, places and diagnostics are the
 * cache's, the same a fresh parse gives (source-cache.ts).
 */
export async function readYamlSource(world: World, file: string, diags: Diagnostics, cache?: SourceCache, whenAbsent: "missing" | "vanished" = "vanished"): Promise<YamlSource | undefined> {
  const r = await readParsed(world, file, diags, "yaml", cache, whenAbsent, (text, said) => {
    const { source, tree } = parseYamlWithTree(file, text, said);
    return { source, ...(tree ? { tree } : {}), value: source.value };
  });
  if (r === undefined) return undefined;
  return "fresh" in r ? r.fresh : yamlFromTree(file, r.hit.value, r.hit.tree);
}

export async function readMarkdownSource(world: World, file: string, diags: Diagnostics, cache?: SourceCache): Promise<MarkdownSource | undefined> {
  const r = await readParsed(world, file, diags, "markdown", cache, "vanished", (text, said) => {
    const { source, tree } = parseMarkdownWithTree(file, text, said);
    return { source, ...(tree ? { tree } : {}), value: source.frontMatter.value, body: source.body, bodyLine: source.bodyLine };
  });
  if (r === undefined) return undefined;
  if ("fresh" in r) return r.fresh;
  return { file, frontMatter: yamlFromTree(file, r.hit.value, r.hit.tree), body: r.hit.body!, bodyLine: r.hit.bodyLine! };
}

interface Parsed<T> {
  source: T;
  tree?: SourceTree;
  value: unknown;
  body?: string;
  bodyLine?: number;
}

async function readParsed<T>(
  world: World,
  file: string,
  diags: Diagnostics,
  kind: SourceKind,
  cache: SourceCache | undefined,
  whenAbsent: "missing" | "vanished",
  parse: (text: string, said: Diagnostics) => Parsed<T>,
): Promise<{ fresh: T } | { hit: ReturnType<SourceCache["get"]> & {} } | undefined> {
  const bytes = await readBytes(world, file, diags, whenAbsent);
  if (bytes === undefined) return undefined;
  const key = cache?.key(kind, file, bytes);
  const hit = key === undefined ? undefined : cache!.get(key, kind, file);
  if (hit) {
    for (const d of hit.diagnostics) diags.add(d);
    return { hit };
  }
  // What decoding and parsing say is collected apart, to be kept with the result, then passed on in its order.
  const said = new Diagnostics();
  const text = textOf(file, bytes, said);
  const parsed = text === undefined ? undefined : parse(text, said);
  for (const d of said.items) diags.add(d);
  if (parsed === undefined) {
    cache?.missed(file);
    return undefined;
  }
  if (key !== undefined) {
    if (parsed.tree) {
      const { tree, value, body, bodyLine } = parsed;
      cache!.put(key, kind, file, { diagnostics: said.items, value, tree, ...(body !== undefined ? { body, bodyLine: bodyLine! } : {}) });
    } else cache!.missed(file);
  }
  return { fresh: parsed.source };
}
