/**
 * The data between PDF layout and PDF emit: pages of positioned items.
 * Layout produces it from the document model without knowing pdf-lib; emit
 * draws it without knowing the data. Units are PDF points (1/72 in); the
 * origin is the top-left corner of the page, y grows downwards, and a text
 * item's y is its baseline.
 */
import type { DocMeta } from "../document/model.ts";

/** The four faces of the body font (Times New Roman or a metric-compatible stand-in). */
export type FaceKey = "regular" | "bold" | "italic" | "boldItalic";

export interface TextItem {
  kind: "text";
  x: number;
  /** Baseline. */
  y: number;
  /** NFC text; a justified line is split into one item per word. */
  text: string;
  face: FaceKey;
  size: number;
}

export interface LineItem {
  kind: "line";
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
}

export interface RectItem {
  kind: "rect";
  x: number;
  y: number;
  w: number;
  h: number;
  /** Stroke width; 0 for none. */
  stroke: number;
}

export type PageItem = TextItem | LineItem | RectItem;

/** A named region the layout knows: a signature field's place, named as the field ("ky.nguoi-ky", "ky.co-quan"). */
export interface Anchor {
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LaidOutPage {
  width: number;
  height: number;
  items: PageItem[];
  anchors: Anchor[];
}

export interface LaidOutDocument {
  meta: DocMeta;
  pages: LaidOutPage[];
}

/** Font measurements the layout needs; implemented over real font files in src/pdf/fonts/. */
export interface FontMetrics {
  /** Advance width in points of `text` set in `face` at `size` points (no kerning, as Word and LibreOffice set body text). */
  width(text: string, face: FaceKey, size: number): number;
  /** Ascent and descent (positive) and the single line height, as fractions of the font size (Windows metrics, as Word uses). */
  vertical(face: FaceKey): { ascent: number; descent: number; lineHeight: number };
  /** Characters of `text` that no available font file of `face` can draw. */
  missing(text: string, face: FaceKey): string[];
}
