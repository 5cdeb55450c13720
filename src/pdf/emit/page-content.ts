/**
 * One page's content stream, written directly: all text in one text object
 * (BT…ET), the font set only when it changes, each run placed by an absolute
 * text matrix at the exact coordinates the layout computed (printed as
 * JavaScript prints numbers: no rounding), glyphs shown by the CIDs of the
 * embedded subsets; then the rules and boxes, with the operators pdf-lib's
 * drawLine and drawRectangle write.
 */
import { degrees, drawRectangle, rgb, type PDFOperator } from "@cantoo/pdf-lib";
import type { FontFile } from "../fonts/font-file.ts";
import type { LaidOutPage } from "../types.ts";
import type { FontEmbedding } from "./font-embedding.ts";
import { pdfNumber as num } from "./pdf-number.ts";
import type { GlyphRun } from "./text-runs.ts";

/** A font of the document: its resource name ("F1") and embedding. */
export interface PageFont {
  name: string;
  embedding: FontEmbedding;
}

export interface PageContent {
  content: string;
  /** The fonts the page shows, in the order first used. */
  fonts: PageFont[];
}

const BLACK = rgb(0, 0, 0);
const ops = (list: PDFOperator[]) => list.map((o) => o.toString()).join("\n");

export function pageContent(page: LaidOutPage, runs: readonly GlyphRun[], fontOf: ReadonlyMap<FontFile, PageFont>): PageContent {
  let out = "";
  const used: PageFont[] = [];
  if (runs.length) {
    out += "BT\n0 0 0 rg\n";
    let current: PageFont | undefined;
    let size = NaN;
    let lastY = NaN;
    let y = "";
    for (const run of runs) {
      const font = fontOf.get(run.file);
      if (!font) throw new Error(`emit: font file ${run.file.name} was not embedded`);
      if (font !== current || run.size !== size) {
        if (!used.includes(font)) used.push(font);
        out += `/${font.name} ${num(run.size)} Tf\n`;
        current = font;
        size = run.size;
      }
      if (run.hex === undefined) throw new Error(`emit: "${run.text}" was not encoded for ${font.embedding.baseFont}`);
      if (run.y !== lastY) {
        lastY = run.y;
        y = num(run.y);
      }
      out += `1 0 0 1 ${num(run.x)} ${y} Tm\n<${run.hex}> Tj\n`;
    }
    out += "ET\n";
  }
  for (const item of page.items) {
    if (item.kind === "line") {
      if (!(item.width > 0)) continue;
      // As pdf-lib's drawLine writes it.
      const start = `${num(item.x1)} ${num(page.height - item.y1)} m\n`;
      out += `q\n0 0 0 RG\n${num(item.width)} w\n[] 0 d\n${start}${start}${num(item.x2)} ${num(page.height - item.y2)} l\nS\nQ\n`;
    } else if (item.kind === "rect") {
      if (!(item.stroke > 0)) continue;
      const zero = degrees(0);
      const rect = drawRectangle({ x: item.x, y: page.height - item.y - item.h, width: item.w, height: item.h, rotate: zero, xSkew: zero, ySkew: zero, borderWidth: item.stroke, color: undefined, borderColor: BLACK, rx: 0, ry: 0 });
      out += `${ops(rect)}\n`;
    }
  }
  return { content: out, fonts: used };
}
