/**
 * Stage "arrange": the Decree 30 arrangement of a document's page parts,
 * computed once with the real font metrics (the FontSet the PDF layout uses)
 * and read by both the DOCX renderer and the PDF layout. Pure.
 */
import {
  AFTER_TITLE_PT,
  HEADER_LEFT_FRACTION,
  KINH_GUI,
  LAYOUT_CELL_MARGIN_PT,
  MIN_RULE_PT,
  MOTTO,
  NATIONAL_TITLE,
  NOI_NHAN,
  RECIPIENT_MARK,
  RECIPIENTS_AFTER_PAIR_PT,
  SHORT_RULE_FRACTION,
  SIGNATURE_LEFT_FRACTION,
  SIGNATURE_SPACE_LINES,
  TITLE_RULE_GAP_PT,
} from "../document/conventions.ts";
import type { AdminDocument, Appendix, Block, SignatureBlock } from "../document/model.ts";
import type { PageSetup, ParagraphStyle, ShellStyle } from "../document/style.ts";
import type { FaceKey, FontMetrics } from "../pdf/types.ts";
import { arrangeFlow } from "./flow.ts";
import { breakName, nameLines, withCompounds, type Compounds } from "./name-lines.ts";
import { arrangeColumns } from "./table-columns.ts";
import { breakTitle } from "./title-lines.ts";
import type { AppendixHeading, Arrangement, TableColumns, HeaderArrangement, KinhGuiArrangement, RecipientsArrangement, SignatureArrangement, SignatureSide, TitleArrangement } from "./types.ts";

const MM = 72 / 25.4;
/** Space after the appendix title when no "(Kèm theo ...)" line follows. */
export const APPENDIX_TITLE_SPACE_AFTER_PT = 12;
/** Gap between "Kính gửi:" and the first recipient of a list. */
export const KINH_GUI_GAP_PT = 3;

/** Width of the text area in points, portrait or landscape. */
export function textWidthPt(page: PageSetup, landscape = page.landscape): number {
  const width = landscape === page.landscape ? page.widthMm : page.heightMm;
  return (width - page.marginLeftMm - page.marginRightMm) * MM;
}

function faceOf(style: Pick<ParagraphStyle, "bold" | "italic">): FaceKey {
  return style.bold ? (style.italic ? "boldItalic" : "bold") : style.italic ? "italic" : "regular";
}

/** The one text measurer: widths with the real font metrics, in the face and size of a style. */
export class Measurer {
  constructor(readonly metrics: FontMetrics) {}
  width(text: string, style: Pick<ParagraphStyle, "bold" | "italic" | "sizePt">): number {
    return this.metrics.width(text, faceOf(style), style.sizePt);
  }
  /** Width of the widest of `lines`. */
  widest(lines: readonly string[], style: Pick<ParagraphStyle, "bold" | "italic" | "sizePt">): number {
    return Math.max(0, ...lines.map((l) => this.width(l, style)));
  }
  /** Lines of a name in a column: {@link nameLines}. */
  nameLines(lines: readonly string[], style: ParagraphStyle, width: number, compounds?: Compounds): string[] {
    return nameLines(lines, (l) => this.width(l, style), width - style.indentLeftPt - style.indentRightPt, compounds);
  }
}

/**
 * Height of one line of a paragraph of `style`, as Word and LibreOffice lay it
 * out (in twips: single spacing of 14 pt Times New Roman is 16.1 pt), and as
 * the PDF layout does.
 */
export function lineHeight(style: Pick<ParagraphStyle, "bold" | "italic" | "sizePt" | "line">, metrics: FontMetrics): number {
  if (style.line.rule === "exact") return style.line.pt;
  const single = Math.round(metrics.vertical(faceOf(style)).lineHeight * style.sizePt * 20) / 20;
  return style.line.rule === "auto" ? single * style.line.multiple : Math.max(style.line.pt, single);
}

function clampRule(length: number, avail: number): number {
  return Math.min(avail, Math.max(MIN_RULE_PT, length));
}

/**
 * The line under a text `text` points wide (the issuer, the trích yếu): SHORT_RULE_FRACTION of
 * it, at least MIN_RULE_PT, but never more than half of it (Decree 30: 1/3 to 1/2 of its length),
 * so a short name ("SỞ Y TẾ") gets a line of its half, not the floor.
 */
export function shortRule(text: number, avail: number): number {
  return Math.min(avail, text / 2, Math.max(MIN_RULE_PT, text * SHORT_RULE_FRACTION));
}

function columns(total: number, leftFraction: number): [number, number] {
  const left = total * leftFraction;
  return [left, total - left];
}

function header(doc: AdminDocument, s: ShellStyle["styles"], m: Measurer, width: number): HeaderArrangement {
  const h = doc.header;
  const cols = columns(width, HEADER_LEFT_FRACTION);
  const li = cols[0] - 2 * LAYOUT_CELL_MARGIN_PT;
  const ri = cols[1] - 2 * LAYOUT_CELL_MARGIN_PT;
  const compounds = withCompounds(h.compounds);
  const issuer = m.nameLines(h.issuer, s.issuer, li, compounds);
  return {
    columns: cols,
    // Each line the data gives stays its own line (a line too wide for the column is broken).
    parentBody: (h.parentBody ?? []).flatMap((l) => m.nameLines([l], s.parentBody, li, compounds)),
    issuer,
    issuerRule: shortRule(m.widest(issuer, s.issuer), li),
    nationalTitle: NATIONAL_TITLE,
    motto: MOTTO,
    mottoRule: clampRule(m.width(MOTTO, s.motto), ri),
    number: h.number,
    ...(h.abstract ? { abstract: h.abstract } : {}),
    ...(h.placeDate ? { placeDate: h.placeDate } : {}),
  };
}

function title(t: NonNullable<AdminDocument["title"]>, s: ShellStyle["styles"], m: Measurer, width: number): TitleArrangement {
  const lines = (given: readonly string[], style: ParagraphStyle) =>
    given.filter((l) => l.trim() !== "").flatMap((l) => breakTitle(l, (x) => m.width(x, style), width - style.indentLeftPt - style.indentRightPt));
  const type = lines([t.type], s.docType);
  const summary = lines(t.summary, s.summary);
  // The line goes under the trích yếu, a share of its longest line as set; without one, under the type name.
  const len = summary.length ? m.widest(summary, s.summary) : m.widest(type, s.docType);
  return { type, summary, rule: shortRule(len, width), ruleSpaceBefore: TITLE_RULE_GAP_PT, ruleSpaceAfter: AFTER_TITLE_PT };
}

/**
 * One recipient: "Kính gửi: X" centred. Several: "Kính gửi:" then the first item
 * on the same line, the others aligned under it; the block is centred on its
 * widest line, starting at most a third of the width from the left margin.
 */
function kinhGui(recipients: readonly string[], s: ShellStyle["styles"], m: Measurer, width: number): KinhGuiArrangement | undefined {
  const first = recipients[0];
  if (first === undefined) return undefined;
  if (recipients.length === 1) return { kind: "line", text: `${KINH_GUI} ${first}` };
  const label = m.width(`${KINH_GUI} `, s.addressee) + KINH_GUI_GAP_PT;
  const widest = m.widest(recipients, s.addressee);
  const start = Math.max(0, Math.min(width / 3, (width - label - widest) / 2));
  return { kind: "list", label: KINH_GUI, labelX: start, textX: start + label, items: [...recipients] };
}

/** Left and right signatures of minutes: THƯ KÝ left and CHỦ TỌA right by role, the others fill the free sides in order. */
export function pairSides(sigs: readonly SignatureBlock[]): [SignatureBlock | undefined, SignatureBlock | undefined] {
  const secretary = sigs.find((s) => s.role === "secretary");
  const chair = sigs.find((s) => s.role === "chair");
  const rest = sigs.filter((s) => s !== secretary && s !== chair);
  return [secretary ?? rest.shift(), chair ?? rest.shift()];
}

/**
 * The room for the signature: SIGNATURE_SPACE_LINES lines of the shell's
 * Signature Space style (30 mm in our shell), the name's space before.
 */
export function signatureSpace(s: ShellStyle["styles"], metrics: FontMetrics): number {
  return SIGNATURE_SPACE_LINES * lineHeight(s.signatureSpace, metrics);
}

function side(sig: SignatureBlock, s: ShellStyle["styles"], m: Measurer, inner: number, seal: boolean): SignatureSide {
  const lines = sig.lines.flatMap((l) => (l === "" ? [""] : breakName(l, (x) => m.width(x, s.signatureTitle), inner)));
  const space = signatureSpace(s, m.metrics);
  return { role: sig.role, lines, name: sig.name, seal, signatureSpace: space, nameSpaceBefore: space };
}

/** Levels the name of a pair's side with fewer title lines: the lines it lacks are added to its name's space before. */
function level(sideOf: SignatureSide | undefined, to: number, titleLine: number): SignatureSide | undefined {
  if (!sideOf) return undefined;
  return { ...sideOf, nameSpaceBefore: sideOf.signatureSpace + Math.max(0, to - sideOf.lines.length) * titleLine };
}

/** Nơi nhận items hang after their "- ": the mark's width, in whole twips so that both outputs use the same length. */
function itemIndent(style: ParagraphStyle, m: Measurer): RecipientsArrangement["itemIndent"] {
  const twips = (pt: number) => Math.round(pt * 20) / 20;
  const hanging = twips(m.width(RECIPIENT_MARK, style));
  return { left: twips(style.indentLeftPt) + hanging, hanging };
}

function signature(doc: AdminDocument, s: ShellStyle["styles"], m: Measurer, width: number): SignatureArrangement | undefined {
  const items = doc.recipients ?? [];
  const recipients: RecipientsArrangement | undefined = items.length ? { label: NOI_NHAN, items: [...items], itemIndent: itemIndent(s.recipientsItem, m) } : undefined;
  if (doc.signatureLayout === "single") {
    if (!doc.signatures.length && !recipients) return undefined;
    const cols = columns(width, SIGNATURE_LEFT_FRACTION);
    const inner = cols[1] - 2 * LAYOUT_CELL_MARGIN_PT;
    // A second signer starts a line of the signature space below the first one's name, plus the title's own space before.
    const between = lineHeight(s.signatureSpace, m.metrics) + s.signatureTitle.spaceBeforePt;
    const signers = doc.signatures.map((sig, i) => ({ ...side(sig, s, m, inner, true), ...(i > 0 ? { spaceBefore: between } : {}) }));
    return { layout: "single", columns: cols, ...(recipients ? { recipients } : {}), signers };
  }
  if (!doc.signatures.length && !recipients) return undefined;
  const cols = columns(width, 0.5);
  const inner = cols[0] - 2 * LAYOUT_CELL_MARGIN_PT;
  const [l, r] = pairSides(doc.signatures);
  // The organisation's seal goes with the CHỦ TỌA's signature, on the right (Decree 30, sample 1.9).
  const left = l ? side(l, s, m, inner, false) : undefined;
  const right = r ? side(r, s, m, inner, true) : undefined;
  const lines = Math.max(left?.lines.length ?? 0, right?.lines.length ?? 0);
  const titleLine = lineHeight(s.signatureTitle, m.metrics);
  const pl = level(left, lines, titleLine);
  const pr = level(right, lines, titleLine);
  return {
    layout: "pair",
    columns: cols,
    ...(pl ? { left: pl } : {}),
    ...(pr ? { right: pr } : {}),
    ...(recipients ? { recipients } : {}),
    recipientsSpaceBefore: RECIPIENTS_AFTER_PAIR_PT,
  };
}

function appendixHeading(a: Appendix, s: ShellStyle["styles"], m: Measurer, page: PageSetup): AppendixHeading {
  const hasAttached = a.attachedTo !== undefined && a.attachedTo !== "";
  const st = s.appendixTitle;
  const avail = textWidthPt(page, a.landscape ?? page.landscape) - st.indentLeftPt - st.indentRightPt;
  return {
    label: a.label,
    // Each line the data gives stays a line; one too wide is broken as a title.
    title: a.title.filter((l) => l !== "").flatMap((l) => breakTitle(l, (x) => m.width(x, st), avail)),
    ...(hasAttached ? { attachedTo: a.attachedTo } : { titleSpaceAfter: APPENDIX_TITLE_SPACE_AFTER_PT }),
  };
}

/** The column widths of the tables among `blocks`, at `width`. */
function tables(blocks: readonly Block[], width: number, s: ShellStyle["styles"], metrics: FontMetrics): TableColumns {
  const out: TableColumns = {};
  blocks.forEach((b, i) => {
    if (b.kind === "table") out[i] = arrangeColumns(b, width, s.tableText.sizePt, metrics);
  });
  return out;
}

export function arrangeDocument(doc: AdminDocument, style: ShellStyle, metrics: FontMetrics): Arrangement {
  const m = new Measurer(metrics);
  const s = style.styles;
  const width = textWidthPt(style.page);
  const kg = doc.kinhGui?.length ? kinhGui(doc.kinhGui, s, m, width) : undefined;
  const sig = signature(doc, s, m, width);
  return {
    textWidth: width,
    cellMargin: LAYOUT_CELL_MARGIN_PT,
    header: header(doc, s, m, width),
    ...(doc.title ? { title: title(doc.title, s, m, width) } : {}),
    ...(kg ? { kinhGui: kg } : {}),
    ...(sig ? { signature: sig } : {}),
    appendices: doc.appendices.map((a) => appendixHeading(a, s, m, style.page)),
    body: arrangeFlow(doc.body, style, sig !== undefined),
    appendixBodies: doc.appendices.map((a) => arrangeFlow(a.body, style, false)),
    tables: {
      body: tables(doc.body, width, s, metrics),
      appendices: doc.appendices.map((a) => tables(a.body, textWidthPt(style.page, a.landscape ?? style.page.landscape), s, metrics)),
    },
  };
}
