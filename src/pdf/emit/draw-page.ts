/**
 * Draws one laid-out page. types.ts has the origin at the top left with y
 * downwards (a text item's y is its baseline); PDF has it at the bottom left
 * with y upwards, so every y becomes height − y.
 */
import { rgb, type PDFFont, type PDFPage } from "@cantoo/pdf-lib";
import type { FontFile } from "../fonts/font-file.ts";
import type { FontSet } from "../fonts/font-set.ts";
import type { LaidOutPage, LineItem, RectItem, TextItem } from "../types.ts";

const BLACK = rgb(0, 0, 0);

export function drawPage(page: PDFPage, laid: LaidOutPage, fonts: FontSet, embedded: ReadonlyMap<FontFile, PDFFont>): void {
  for (const item of laid.items) {
    if (item.kind === "text") drawText(page, laid.height, item, fonts, embedded);
    else if (item.kind === "line") drawLine(page, laid.height, item);
    else drawRect(page, laid.height, item);
  }
}

function drawText(page: PDFPage, height: number, item: TextItem, fonts: FontSet, embedded: ReadonlyMap<FontFile, PDFFont>): void {
  let x = item.x;
  for (const run of fonts.runs(item.text, item.face)) {
    const font = embedded.get(run.file);
    if (!font) throw new Error(`emit: font file ${run.file.name} was not embedded`);
    page.drawText(run.text, { x, y: height - item.y, size: item.size, font, color: BLACK });
    x += fonts.width(run.text, item.face, item.size);
  }
}

function drawLine(page: PDFPage, height: number, item: LineItem): void {
  if (!(item.width > 0)) return;
  page.drawLine({ start: { x: item.x1, y: height - item.y1 }, end: { x: item.x2, y: height - item.y2 }, thickness: item.width, color: BLACK });
}

function drawRect(page: PDFPage, height: number, item: RectItem): void {
  if (!(item.stroke > 0)) return;
  page.drawRectangle({ x: item.x, y: height - item.y - item.h, width: item.w, height: item.h, borderWidth: item.stroke, borderColor: BLACK });
}
