import type { SourcePos } from "../diagnostics/diagnostic.ts";

/**
 * Where a piece of a document's text comes from: a piece of template or data
 * body text (`literal`: its characters are at `pos` and after, line by line),
 * or a value inserted by a template (`pos` is where the template inserts it).
 * Plain data, kept next to the composed document for messages about its text.
 */
export interface Origin {
  text: string;
  pos: SourcePos;
  literal: boolean;
}

/** The position of the first occurrence of `char` in the origins, or undefined. */
export function locateChar(origins: readonly Origin[], char: string): SourcePos | undefined {
  for (const o of origins) {
    const i = o.text.indexOf(char);
    if (i < 0) continue;
    if (!o.literal) return o.pos;
    const before = o.text.slice(0, i);
    const nl = before.lastIndexOf("\n");
    if (nl < 0) return { file: o.pos.file, line: o.pos.line, column: o.pos.column + [...before].length };
    let lines = 0;
    for (let k = 0; k < before.length; k++) if (before.charCodeAt(k) === 10) lines++;
    return { file: o.pos.file, line: o.pos.line + lines, column: [...before.slice(nl + 1)].length + 1 };
  }
  return undefined;
}
