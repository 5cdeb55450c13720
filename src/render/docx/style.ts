/**
 * Reads the shell's page setup and named paragraph styles into a format-neutral
 * ShellStyle (millimetres for the page, points for type). The DOCX renderer and the
 * PDF layout both take their measures from it, so the shell is the one source of style.
 */
import type { Align } from "../../document/model.ts";
import type { LineSpacing, PageSetup, ParagraphStyle, ShellStyle } from "../../document/style.ts";
import { STYLE, STYLE_ROLES, type StyleRole } from "../../document/style-roles.ts";
import { partText as shellPartText, readShellParts } from "./shell-zip.ts";
import { attr, child, childAttr, childElements, parseXml, type XmlElement } from "./xml.ts";

export type { LineSpacing, PageSetup, ParagraphStyle, ShellStyle } from "../../document/style.ts";

const round1 = (n: number): number => Math.round(n * 10) / 10;
/** Page measures are read to 0.1 mm: twips round-trip to the millimetres they were made from. */
const twipsToMm = (tw: number): number => round1((tw / 1440) * 25.4);
const twipsToPt = (tw: number): number => tw / 20;

function num(el: XmlElement | undefined, name: string): number | undefined {
  const v = el ? attr(el, name) : undefined;
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** w:b, w:i: present means on unless w:val is 0/false/off. */
function onOff(el: XmlElement | undefined): boolean | undefined {
  if (!el) return undefined;
  const v = attr(el, "w:val");
  return !(v === "0" || v === "false" || v === "off");
}

function alignOf(jc: string | undefined): Align | undefined {
  switch (jc) {
    case undefined:
      return undefined;
    case "center":
      return "center";
    case "right":
    case "end":
      return "right";
    case "both":
    case "distribute":
      return "justify";
    default:
      return "left";
  }
}

/** Properties as found in one pPr/rPr pair; undefined means "inherit". */
type Partial_ = { [K in keyof ParagraphStyle]?: ParagraphStyle[K] };

function readProps(pPr: XmlElement | undefined, rPr: XmlElement | undefined): Partial_ {
  const p: Partial_ = {};
  const fonts = child(rPr, "w:rFonts");
  const font = fonts ? (attr(fonts, "w:ascii") ?? attr(fonts, "w:hAnsi")) : undefined;
  if (font !== undefined) p.font = font;
  const sz = num(child(rPr, "w:sz"), "w:val");
  if (sz !== undefined) p.sizePt = sz / 2;
  const bold = onOff(child(rPr, "w:b"));
  if (bold !== undefined) p.bold = bold;
  const italic = onOff(child(rPr, "w:i"));
  if (italic !== undefined) p.italic = italic;
  const jc = child(pPr, "w:jc");
  const align = alignOf(jc ? attr(jc, "w:val") : undefined);
  if (align) p.align = align;
  const ind = child(pPr, "w:ind");
  const left = num(ind, "w:left") ?? num(ind, "w:start");
  if (left !== undefined) p.indentLeftPt = twipsToPt(left);
  const right = num(ind, "w:right") ?? num(ind, "w:end");
  if (right !== undefined) p.indentRightPt = twipsToPt(right);
  const hanging = num(ind, "w:hanging");
  const firstLine = num(ind, "w:firstLine");
  if (hanging !== undefined) p.firstLinePt = -twipsToPt(hanging);
  else if (firstLine !== undefined) p.firstLinePt = twipsToPt(firstLine);
  const spacing = child(pPr, "w:spacing");
  const before = num(spacing, "w:before");
  if (before !== undefined) p.spaceBeforePt = twipsToPt(before);
  const after = num(spacing, "w:after");
  if (after !== undefined) p.spaceAfterPt = twipsToPt(after);
  const line = num(spacing, "w:line");
  if (line !== undefined) {
    const rule = spacing ? attr(spacing, "w:lineRule") : undefined;
    p.line = rule === "exact" || rule === "atLeast" ? { rule, pt: twipsToPt(line) } : { rule: "auto", multiple: line / 240 };
  }
  const keepNext = onOff(child(pPr, "w:keepNext"));
  if (keepNext !== undefined) p.keepNext = keepNext;
  const widow = onOff(child(pPr, "w:widowControl"));
  if (widow !== undefined) p.widowControl = widow;
  const contextual = onOff(child(pPr, "w:contextualSpacing"));
  if (contextual !== undefined) p.contextualSpacing = contextual;
  const bottom = child(child(pPr, "w:pBdr"), "w:bottom");
  if (bottom) {
    const val = attr(bottom, "w:val");
    if (val !== "nil" && val !== "none") {
      p.borderBottomPt = (num(bottom, "w:sz") ?? 4) / 8;
      p.borderSpacePt = num(bottom, "w:space") ?? 0;
    }
  }
  return p;
}

const BASE: Omit<ParagraphStyle, "id" | "name"> = {
  font: "Times New Roman",
  sizePt: 10,
  bold: false,
  italic: false,
  align: "left",
  indentLeftPt: 0,
  indentRightPt: 0,
  firstLinePt: 0,
  spaceBeforePt: 0,
  spaceAfterPt: 0,
  line: { rule: "auto", multiple: 1 },
  keepNext: false,
  // Absent from a style and from the defaults, w:widowControl is off (ECMA-376 17.3.1.44).
  widowControl: false,
  contextualSpacing: false,
};

export function readStyles(stylesXml: string): Record<StyleRole, ParagraphStyle> {
  const root = parseXml(stylesXml).root;
  const defaults = child(root, "w:docDefaults");
  const docProps = readProps(
    child(child(defaults, "w:pPrDefault"), "w:pPr"),
    child(child(defaults, "w:rPrDefault"), "w:rPr"),
  );
  const byId = new Map<string, XmlElement>();
  for (const s of childElements(root, "w:style")) {
    const id = attr(s, "w:styleId");
    if (id !== undefined && attr(s, "w:type") === "paragraph") byId.set(id, s);
  }
  const resolve = (id: string, seen: Set<string>): Omit<ParagraphStyle, "id" | "name"> => {
    const el = byId.get(id);
    if (!el) throw new Error(`the shell has no paragraph style "${id}"`);
    if (seen.has(id)) throw new Error(`style "${id}" is based on itself`);
    seen.add(id);
    const basedOn = childAttr(el, "w:basedOn", "w:val");
    const parent = basedOn !== undefined && byId.has(basedOn) ? resolve(basedOn, seen) : { ...BASE, ...docProps };
    return { ...parent, ...readProps(child(el, "w:pPr"), child(el, "w:rPr")) };
  };
  const out = {} as Record<StyleRole, ParagraphStyle>;
  for (const role of STYLE_ROLES) {
    const id = STYLE[role];
    const name = childAttr(byId.get(id), "w:name", "w:val") ?? id;
    out[role] = { id, name, ...resolve(id, new Set()) };
  }
  return out;
}

export function readPage(documentXml: string): PageSetup {
  const body = child(parseXml(documentXml).root, "w:body");
  const sectPr = child(body, "w:sectPr");
  if (!sectPr) throw new Error("the shell's document.xml has no final w:sectPr");
  const pgSz = child(sectPr, "w:pgSz");
  const pgMar = child(sectPr, "w:pgMar");
  const need = (el: XmlElement | undefined, name: string): number => {
    const v = num(el, name);
    if (v === undefined) throw new Error(`the shell's sectPr lacks ${name}`);
    return v;
  };
  return {
    widthMm: twipsToMm(need(pgSz, "w:w")),
    heightMm: twipsToMm(need(pgSz, "w:h")),
    marginTopMm: twipsToMm(need(pgMar, "w:top")),
    marginBottomMm: twipsToMm(need(pgMar, "w:bottom")),
    marginLeftMm: twipsToMm(num(pgMar, "w:left") ?? need(pgMar, "w:start")),
    marginRightMm: twipsToMm(num(pgMar, "w:right") ?? need(pgMar, "w:end")),
    headerMm: twipsToMm(num(pgMar, "w:header") ?? 0),
    footerMm: twipsToMm(num(pgMar, "w:footer") ?? 0),
    landscape: pgSz !== undefined && attr(pgSz, "w:orient") === "landscape",
    titlePage: onOff(child(sectPr, "w:titlePg")) ?? false,
  };
}

/** Reads page setup and the named styles from shell DOCX bytes. */
export function readShellStyle(bytes: Uint8Array): ShellStyle {
  const read = readShellParts(bytes);
  if ("damaged" in read) throw new Error(`the shell is not a DOCX: ${read.damaged}`);
  const partText = (name: string): string => {
    const text = shellPartText(read.parts, name);
    if (text === undefined) throw new Error(`the shell has no ${name}`);
    return text;
  };
  return {
    page: readPage(partText("word/document.xml")),
    styles: readStyles(partText("word/styles.xml")),
  };
}

/** Width of the text area between the side margins, in millimetres. */
export function textWidthMm(page: PageSetup, landscape = page.landscape): number {
  const width = landscape === page.landscape ? page.widthMm : page.heightMm;
  return round1(width - page.marginLeftMm - page.marginRightMm);
}
