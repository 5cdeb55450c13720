import matter from "gray-matter";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { SourceTree } from "./source-tree.ts";
import { parseYamlWithTree, type YamlSource } from "./yaml-source.ts";

/** A Markdown file with YAML front matter; positions count from the file's first line. */
export interface MarkdownSource {
  file: string;
  frontMatter: YamlSource;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
}

/** gray-matter splits; our own YAML parser reads the front matter, with positions. */
const rawEngine = { parse: (s: string) => ({ __raw: s }) as object, stringify: () => "" };

export function parseMarkdownSource(file: string, text: string, diags: Diagnostics): MarkdownSource {
  return parseMarkdownWithTree(file, text, diags).source;
}

/** parseMarkdownSource, with the tree of its front matter when that is usable (yaml-source.ts). */
export function parseMarkdownWithTree(file: string, text: string, diags: Diagnostics): { source: MarkdownSource; tree?: SourceTree } {
  const opening = /^---[ \t]*\n/.exec(text);
  if (!opening) {
    diags.error("markdown/no-front-matter", { file, line: 1, column: 1 });
    return { source: { file, frontMatter: unusable(file), body: text, bodyLine: 1 } };
  }
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(opening[0].length - 1))) {
    diags.error("markdown/unclosed-front-matter", { file, line: 1, column: 1 });
    return { source: { file, frontMatter: unusable(file), body: "", bodyLine: 1 } };
  }
  const parsed = matter(text, { engines: { yaml: rawEngine } });
  const raw = parsed.matter.replace(/^\n/, "");
  const { source: frontMatter, tree } = parseYamlWithTree(file, raw.trim() === "" ? "{}" : raw, diags, 1);
  const bodyStart = text.length - parsed.content.length;
  let bodyLine = 1;
  for (let i = 0; i < bodyStart; i++) if (text.charCodeAt(i) === 10) bodyLine++;
  return { source: { file, frontMatter, body: parsed.content, bodyLine }, ...(tree ? { tree } : {}) };
}

/** Front matter that could not be found: its error is reported, and no field is checked against the schema. */
function unusable(file: string): YamlSource {
  return { file, value: undefined, locate: () => ({ file, line: 1, column: 1 }) };
}
