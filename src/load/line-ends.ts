/**
 * A text file's shape: its byte order mark and its line ends (LF, CRLF or CR only,
 * as Notepad, Word or an old Mac editor saved it). The loader reads every shape
 * (decode.ts turns them to LF); a command that rewrites a file edits it as LF text
 * and writes the result back in the file's own shape, so that the file's diff
 * shows only the lines the command changed.
 */

export type LineEnd = "\n" | "\r\n" | "\r";

export interface TextShape {
  bom: boolean;
  /** The line end most used in the text (LF for a text without any). */
  eol: LineEnd;
  /** The text as it was (without the BOM), to keep the line ends of the lines not changed. */
  original: string;
}

/** Every line end as LF (CRLF and a lone CR alike), as the loader reads it. */
export function toLf(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/** The text of a file's bytes to edit (BOM dropped, LF line ends) and its shape to write it back in. */
export function editableText(bytes: Uint8Array): { text: string; shape: TextShape } {
  const raw = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const bom = raw.charCodeAt(0) === 0xfeff;
  const original = bom ? raw.slice(1) : raw;
  return { text: toLf(original), shape: { bom, eol: mostUsedLineEnd(original), original } };
}

function mostUsedLineEnd(text: string): LineEnd {
  const count = { "\n": 0, "\r\n": 0, "\r": 0 };
  for (const m of text.matchAll(/\r\n|\r|\n/g)) count[m[0] as LineEnd]++;
  const order: LineEnd[] = ["\n", "\r\n", "\r"];
  return order.reduce((best, e) => (count[e] > count[best] ? e : best), "\n");
}

/**
 * An edited LF text written in a shape: the BOM put back, each line end the file's.
 * A line the edit did not touch (in the unchanged lines at the start and at the end)
 * keeps its own line end, so a file with mixed line ends changes only where edited;
 * the other lines take the file's most used one.
 */
export function inShape(edited: string, shape: TextShape | undefined): string {
  if (!shape) return edited;
  const old = splitLines(shape.original);
  const lines = edited.split("\n");
  const last = lines.length - 1;
  let head = 0;
  while (head < Math.min(old.length, lines.length) && old[head]!.text === lines[head]) head++;
  let tail = 0;
  while (tail < Math.min(old.length, lines.length) - head && old[old.length - 1 - tail]!.text === lines[last - tail]) tail++;
  const out = lines.map((line, i) => {
    if (i === last) return line;
    const kept = i < head ? old[i]!.end : i > last - tail ? old[old.length - 1 - (last - i)]!.end : "";
    return line + (kept || shape.eol);
  });
  return (shape.bom ? "\ufeff" : "") + out.join("");
}

/** A new LF text in a file's style: its BOM and its most used line end on every line. */
export function inStyle(text: string, shape: Pick<TextShape, "bom" | "eol">): string {
  return (shape.bom ? "\ufeff" : "") + (shape.eol === "\n" ? text : text.replace(/\n/g, shape.eol));
}

function splitLines(text: string): { text: string; end: string }[] {
  const out: { text: string; end: string }[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ text: text.slice(start, m.index), end: m[0] });
    start = m.index + m[0].length;
  }
  out.push({ text: text.slice(start), end: "" });
  return out;
}
