import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";

/** Why a text is not a YAML mapping, and where (line and column in the text, 1-based). */
export interface NotAMap {
  line: number;
  column: number;
  found: string;
  foundEn: string;
}

/**
 * The document of a YAML text that a command edits in place: a mapping (key: value
 * pairs) parsed without error. Anything else (a syntax error, a list, a single value,
 * comments only) is said, with its place: a command never starts such a file afresh.
 */
export function parseYamlMap(text: string): Document | NotAMap {
  const lines = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, merge: false });
  } catch (err) {
    const detail = firstLine(err instanceof Error ? err.message : String(err));
    return { line: 1, column: 1, found: "lỗi cú pháp YAML (xem dòng, cột ở đầu thông báo)", foundEn: `a YAML syntax error (${detail})` };
  }
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const err = doc.errors[0];
  if (err) {
    const detail = firstLine(err.message);
    return { ...at(err.pos[0]), found: "lỗi cú pháp YAML (xem dòng, cột ở đầu thông báo)", foundEn: `a YAML syntax error (${detail})` };
  }
  const c = doc.contents;
  if (isMap(c)) return doc;
  const where = at(c?.range?.[0] ?? 0);
  if (c === null || (isScalar(c) && c.value === null && !c.source)) return { ...where, found: "tệp không có dữ liệu (chỉ có chú thích)", foundEn: "no data (comments only)" };
  return isSeq(c) ? { ...where, found: "một danh sách", foundEn: "a list" } : { ...where, found: "một giá trị đơn", foundEn: "a single value" };
}

/** The error for a file whose YAML (or front matter, from `lineOffset` lines down) is not the mapping the command edits. */
export function reportNotAMap(diags: Diagnostics, file: string, why: NotAMap, command: string, lineOffset = 0): void {
  diags.error("file/not-a-map", { file, line: why.line + lineOffset, column: why.column }, { command, found: why.found, foundEn: why.foundEn });
}

function firstLine(s: string): string {
  return s.split("\n")[0] ?? s;
}
