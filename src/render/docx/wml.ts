/**
 * WordprocessingML building blocks: paragraph properties in schema order, runs,
 * paragraphs. All text goes through escapeXml (NFC, escaped); "\n" becomes a line
 * break and "\t" a tab.
 */
import type { Align, Run } from "../../document/model.ts";
import { escapeXml } from "./xml.ts";

export interface Indent {
  left?: number;
  right?: number;
  firstLine?: number;
  hanging?: number;
}

/** Paragraph properties; lengths in twips. Emitted in the order the schema requires. */
export interface PPr {
  style?: string;
  /** true sets, false clears (a style's w:keepNext); absent: as the style says. */
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  widowControl?: boolean;
  tabs?: { pos: number; val: "left" | "center" | "right" }[];
  spacing?: { before?: number; after?: number; line?: number; lineRule?: "auto" | "exact" | "atLeast" };
  ind?: Indent;
  jc?: Align;
  /** Paragraph-mark run properties (the size of an empty paragraph). */
  markSizePt?: number;
  /** A complete w:sectPr element: this paragraph ends a section. */
  sectPr?: string;
}

export function jcVal(align: Align): string {
  return align === "justify" ? "both" : align;
}

function attrs(values: Record<string, number | string | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` w:${k}="${v}"`)
    .join("");
}

function onOff(name: string, value: boolean | undefined): string {
  return value === true ? `<w:${name}/>` : value === false ? `<w:${name} w:val="0"/>` : "";
}

export function pPrXml(p: PPr): string {
  const parts = [
    p.style !== undefined ? `<w:pStyle w:val="${p.style}"/>` : "",
    onOff("keepNext", p.keepNext),
    onOff("keepLines", p.keepLines),
    p.pageBreakBefore ? "<w:pageBreakBefore/>" : "",
    onOff("widowControl", p.widowControl),
    p.tabs?.length ? `<w:tabs>${p.tabs.map((t) => `<w:tab w:val="${t.val}" w:pos="${t.pos}"/>`).join("")}</w:tabs>` : "",
    p.spacing && attrs(p.spacing) ? `<w:spacing${attrs(p.spacing)}/>` : "",
    p.ind && attrs({ ...p.ind }) ? `<w:ind${attrs({ ...p.ind })}/>` : "",
    p.jc !== undefined ? `<w:jc w:val="${jcVal(p.jc)}"/>` : "",
    p.markSizePt !== undefined ? `<w:rPr>${sizeXml(p.markSizePt)}</w:rPr>` : "",
    p.sectPr ?? "",
  ].join("");
  return parts ? `<w:pPr>${parts}</w:pPr>` : "";
}

export interface RunProps {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  sizePt?: number;
}

function sizeXml(pt: number): string {
  const half = Math.round(pt * 2);
  return `<w:sz w:val="${half}"/><w:szCs w:val="${half}"/>`;
}

function rPrXml(r: RunProps): string {
  const parts = [
    r.bold === true ? "<w:b/><w:bCs/>" : r.bold === false ? '<w:b w:val="0"/><w:bCs w:val="0"/>' : "",
    r.italic === true ? "<w:i/><w:iCs/>" : r.italic === false ? '<w:i w:val="0"/><w:iCs w:val="0"/>' : "",
    r.sizePt !== undefined ? sizeXml(r.sizePt) : "",
    r.underline ? '<w:u w:val="single"/>' : "",
  ].join("");
  return parts ? `<w:rPr>${parts}</w:rPr>` : "";
}

/** One run; line breaks and tabs inside the text become w:br and w:tab. */
export function runXml(text: string, props: RunProps = {}): string {
  const pieces = text
    .normalize("NFC")
    .split(/(\r\n|\n|\r|\t)/)
    .filter((s) => s !== "")
    .map((s) => (s === "\t" ? "<w:tab/>" : /^[\r\n]+$/.test(s) ? "<w:br/>" : `<w:t xml:space="preserve">${escapeXml(s)}</w:t>`))
    .join("");
  return pieces ? `<w:r>${rPrXml(props)}${pieces}</w:r>` : "";
}

/** Runs of the model; `extra` adds to every run (bold header rows, table font size). */
export function runsXml(runs: readonly Run[], extra: RunProps = {}): string {
  return runs
    .map((r) =>
      runXml(r.text, {
        bold: extra.bold || r.bold ? true : r.bold,
        italic: extra.italic || r.italic ? true : r.italic,
        underline: extra.underline || r.underline,
        sizePt: extra.sizePt,
      }),
    )
    .join("");
}

export function paragraphXml(p: PPr, content = ""): string {
  return `<w:p>${pPrXml(p)}${content}</w:p>`;
}

/** A paragraph with one plain run. */
export function textParagraph(p: PPr, text: string, props: RunProps = {}): string {
  return paragraphXml(p, runXml(text, props));
}
