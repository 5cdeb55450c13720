/**
 * The body font of one build: four faces, each a list of files tried
 * character by character. Measures text for the layout (FontMetrics) and
 * splits it into runs by covering file for the emitter.
 */
import type { FaceKey, FontMetrics } from "../types.ts";
import type { FontSource } from "./candidates.ts";
import type { FontFile } from "./font-file.ts";
import { describeChar } from "./vietnamese.ts";

/** A stretch of text that one file draws. */
export interface FontRun {
  text: string;
  file: FontFile;
}

export class MissingCharacterError extends Error {
  override name = "MissingCharacterError";
  constructor(
    readonly char: string,
    readonly face: FaceKey,
    family: string,
  ) {
    super(`No font file of ${family} (${face}) has the character ${describeChar(char)}`);
  }
}

/** Widths kept per face before the memo starts again. */
const MAX_KEPT_WIDTHS = 1 << 16;

export class FontSet implements FontMetrics {
  private readonly lookup: Record<FaceKey, Map<number, number>> = { regular: new Map(), bold: new Map(), italic: new Map(), boldItalic: new Map() };
  private readonly ems: Record<FaceKey, Map<string, number>> = { regular: new Map(), bold: new Map(), italic: new Map(), boldItalic: new Map() };

  constructor(
    /** Where the fonts came from. */
    readonly source: FontSource,
    /** Which family and folder, for messages: "Liberation Serif (/usr/share/fonts/truetype/liberation2)". */
    readonly label: string,
    /** Per face, the files in fallback order (the first one gives the vertical metrics). */
    readonly faces: Readonly<Record<FaceKey, readonly FontFile[]>>,
    /** Candidates tried before this one and why they were passed over. */
    readonly skipped: readonly string[] = [],
  ) {}

  /** The names of all files in use, face by face. */
  get fileNames(): string[] {
    return [...new Set(Object.values(this.faces).flatMap((files) => files.map((f) => f.name)))];
  }

  /** The file that draws `codePoint` in `face`, or undefined when none has it. */
  fileFor(codePoint: number, face: FaceKey): FontFile | undefined {
    const files = this.faces[face];
    const cache = this.lookup[face];
    let i = cache.get(codePoint);
    if (i === undefined) {
      i = files.findIndex((f) => f.glyphId(codePoint) !== 0);
      cache.set(codePoint, i);
    }
    return i < 0 ? undefined : files[i];
  }

  width(text: string, face: FaceKey, size: number): number {
    // The same words come back all through a build, and each is measured again as lines are tried:
    // the width in ems of each is kept, per face, up to MAX_KEPT_WIDTHS of them.
    const kept = this.ems[face];
    let em = kept.get(text);
    if (em === undefined) {
      em = 0;
      for (const ch of text.normalize("NFC")) {
        const cp = ch.codePointAt(0) ?? 0;
        const file = this.fileFor(cp, face);
        if (file) em += file.advance(cp);
      }
      if (kept.size >= MAX_KEPT_WIDTHS) kept.clear();
      kept.set(text, em);
    }
    return em * size;
  }

  vertical(face: FaceKey): { ascent: number; descent: number; lineHeight: number } {
    const first = this.faces[face][0];
    if (!first) throw new Error(`No font file for face ${face}`);
    return { ascent: first.winAscent, descent: first.winDescent, lineHeight: first.lineHeight };
  }

  missing(text: string, face: FaceKey): string[] {
    const out = new Set<string>();
    for (const ch of text.normalize("NFC")) {
      if (!this.fileFor(ch.codePointAt(0) ?? 0, face)) out.add(ch);
    }
    return [...out];
  }

  /** Splits NFC `text` into runs by the file that draws each character; throws MissingCharacterError for one no file has. */
  runs(text: string, face: FaceKey): FontRun[] {
    const out: FontRun[] = [];
    for (const ch of text.normalize("NFC")) {
      const file = this.fileFor(ch.codePointAt(0) ?? 0, face);
      if (!file) throw new MissingCharacterError(ch, face, this.label);
      const last = out[out.length - 1];
      if (last && last.file === file) last.text += ch;
      else out.push({ text: ch, file });
    }
    return out;
  }
}
