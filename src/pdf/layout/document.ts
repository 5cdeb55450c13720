import {
  AFTER_TABLE_PT,
  AFTER_TITLE_PT,
  HEADER_LEFT_FRACTION,
  KINH_GUI,
  LAYOUT_CELL_MARGIN_PT,
  MIN_RULE_PT,
  MOTTO,
  NATIONAL_TITLE,
  NOI_NHAN,
  RECIPIENTS_AFTER_PAIR_PT,
  SHORT_RULE_FRACTION,
  SIGNATURE_LEFT_FRACTION,
  SIGNATURE_SPACE_LINES,
  TITLE_RULE_GAP_PT,
} from "../../document/conventions.ts";
import type { AdminDocument, Appendix, Block, SignatureBlock } from "../../document/model.ts";
import type { ParagraphStyle, ShellStyle } from "../../document/style.ts";
import { FIELD, signatureFieldName, uniqueFieldName } from "../../sign/field-names.ts";
import type { Anchor, FontMetrics, LaidOutDocument, LaidOutPage, PageItem } from "../types.ts";
import { boxOf, shift, stack, type Box } from "./box.ts";
import { paginate, type FlowEntry, type PageFrame } from "./flow.ts";
import { layoutParagraph, round, type ParagraphSpec } from "./paragraph.ts";
import { layoutTable } from "./table.ts";
import { faceOf } from "./text-lines.ts";

const MM = 72 / 25.4;

export function frameOf(style: ShellStyle, landscape: boolean): PageFrame {
  const p = style.page;
  const [w, h] = landscape !== p.landscape ? [p.heightMm, p.widthMm] : [p.widthMm, p.heightMm];
  return {
    width: round(w * MM),
    height: round(h * MM),
    left: p.marginLeftMm * MM,
    top: p.marginTopMm * MM,
    textWidth: (w - p.marginLeftMm - p.marginRightMm) * MM,
    bottom: (h - p.marginBottomMm) * MM,
  };
}

export interface LayoutOptions {
  /**
   * The document is an appendix issued as a separate file: page 1 gets the
   * organisation's signature field at its top right (Decree 30). Our
   * appendices are inside their main document for now, so nothing sets it yet.
   */
  separateAppendix?: boolean;
}

/** Stage "PDF layout": the document model becomes pages of positioned items. Pure: no I/O, no pdf-lib. */
export function layoutDocument(doc: AdminDocument, style: ShellStyle, metrics: FontMetrics, options: LayoutOptions = {}): LaidOutDocument {
  const L = new Layouter(style, metrics);
  const first = frameOf(style, style.page.landscape);
  const entries: FlowEntry[] = [];
  entries.push(L.header(doc, first.textWidth));
  if (doc.title) entries.push(...L.title(doc.title, first.textWidth));
  if (doc.kinhGui?.length) entries.push(...L.kinhGui(doc.kinhGui, first.textWidth));
  for (const b of doc.bases ?? []) entries.push(...L.para({ runs: [{ text: b }], style: L.s.basis }, first.textWidth));
  const hasEnd = doc.signatures.length > 0 || (doc.recipients?.length ?? 0) > 0;
  entries.push(...L.blocks(doc.body, first.textWidth, hasEnd));
  entries.push(...L.signatures(doc, first.textWidth));
  let landscape = style.page.landscape;
  for (const a of doc.appendices) {
    const want = a.landscape ?? style.page.landscape;
    const frame = frameOf(style, want);
    entries.push({ kind: "break", ...(want !== landscape ? { frame } : {}) });
    landscape = want;
    entries.push(...L.appendix(a, frame.textWidth));
  }
  const pages = paginate(entries, first);
  pages.forEach((page, i) => {
    if (i > 0) page.items.push(L.pageNumber(page, i + 1));
  });
  if (options.separateAppendix) pages[0]!.anchors.push(appendixSealAnchor(style, pages[0]!));
  return { meta: doc.meta, pages };
}

/** Width of the signature field (an image of the handwritten signature) and of the appendix field. */
const SIGNER_FIELD_PT = 170;
const APPENDIX_FIELD_PT = 200;

/**
 * The organisation's field on page 1 of an appendix issued as a separate file:
 * in the top margin (free on page 1, which shows no page number), flush with
 * the right edge of the text, tall enough for three lines of 10 pt.
 */
export function appendixSealAnchor(style: ShellStyle, page: Pick<LaidOutPage, "width">): Anchor {
  const top = style.page.marginTopMm * MM;
  const right = page.width - style.page.marginRightMm * MM;
  const h = Math.max(12, Math.min(42, top - 6));
  return { name: FIELD.appendixSeal, x: round(right - APPENDIX_FIELD_PT), y: round((top - h) / 2), w: APPENDIX_FIELD_PT, h: round(h) };
}

class Layouter {
  readonly s: ShellStyle["styles"];
  /** Signature field names given so far: each is unique in a document. */
  private readonly fields = new Set<string>();
  constructor(
    readonly style: ShellStyle,
    readonly metrics: FontMetrics,
  ) {
    this.s = style.styles;
  }

  para(spec: ParagraphSpec, width: number): Box[] {
    return layoutParagraph(spec, width, this.metrics);
  }

  text(style: ParagraphStyle, text: string, width: number, extra: Partial<ParagraphSpec> = {}): Box[] {
    return this.para({ runs: [{ text }], style, ...extra }, width);
  }

  /** Width of the longest line set in a style. */
  measure(lines: readonly string[], style: ParagraphStyle): number {
    const face = faceOf(style.bold, style.italic);
    return Math.max(0, ...lines.map((l) => this.metrics.width(l, face, style.sizePt)));
  }

  /** A drawn line `length` long, centred in `avail` (the Rule style's border). */
  rule(length: number, avail: number, spaceBefore?: number, spaceAfter?: number): Box {
    const r = this.s.rule;
    const len = Math.min(avail, Math.max(MIN_RULE_PT, length));
    const lineHeight = r.line.rule === "auto" ? r.sizePt * r.line.multiple : r.line.pt;
    // The border sits below the (tiny) line, after the border's own spacing, as Word and LibreOffice draw it.
    const width = r.borderBottomPt ?? 0.75;
    const y = lineHeight + (r.borderSpacePt ?? 0) + width / 2;
    const x = (avail - len) / 2;
    const item: PageItem = { kind: "line", x1: round(x), y1: round(y), x2: round(x + len), y2: round(y), width };
    return { height: round(y + width / 2), items: [item], anchors: [], spaceBefore: spaceBefore ?? r.spaceBeforePt, spaceAfter: spaceAfter ?? r.spaceAfterPt, keepWithNext: false };
  }

  /** Two columns side by side; returns one box (never split). */
  columns(cols: { width: number; boxes: Box[] }[], margin: number): { height: number; items: PageItem[]; anchors: Box["anchors"] } {
    let x = 0;
    let height = 0;
    const items: PageItem[] = [];
    const anchors: Box["anchors"] = [];
    for (const c of cols) {
      const st = stack(c.boxes);
      const moved = shift(st, x + margin, 0);
      items.push(...moved.items);
      anchors.push(...moved.anchors);
      height = Math.max(height, st.height);
      x += c.width;
    }
    return { height, items, anchors };
  }

  header(doc: AdminDocument, width: number): Box {
    const h = doc.header;
    const m = LAYOUT_CELL_MARGIN_PT;
    const leftW = width * HEADER_LEFT_FRACTION;
    const rightW = width - leftW;
    const li = leftW - 2 * m;
    const ri = rightW - 2 * m;
    const s = this.s;
    const row1 = this.columns(
      [
        {
          width: leftW,
          boxes: [
            ...(h.parentBody ? this.text(s.parentBody, h.parentBody, li) : []),
            ...h.issuer.flatMap((l) => this.text(s.issuer, l, li)),
            this.rule(this.measure(h.issuer, s.issuer) * SHORT_RULE_FRACTION, li),
          ],
        },
        { width: rightW, boxes: [...this.text(s.nationalTitle, NATIONAL_TITLE, ri), ...this.text(s.motto, MOTTO, ri), this.rule(this.measure([MOTTO], s.motto), ri)] },
      ],
      m,
    );
    const row2 = this.columns(
      [
        { width: leftW, boxes: [...this.text(s.number, h.number, li), ...(h.abstract ? this.text(s.abstract, h.abstract, li) : [])] },
        { width: rightW, boxes: h.placeDate ? this.text(s.placeDate, h.placeDate, ri) : this.text(s.number, "", ri) },
      ],
      m,
    );
    const moved2 = shift(row2, 0, row1.height);
    return boxOf({ height: row1.height + row2.height, items: [...row1.items, ...moved2.items], anchors: [...row1.anchors, ...moved2.anchors] });
  }

  title(t: NonNullable<AdminDocument["title"]>, width: number): Box[] {
    const s = this.s;
    const summary = t.summary.filter((l) => l !== "");
    const len = summary.length ? this.measure(summary, s.summary) : this.measure([t.type], s.docType);
    return [
      ...(t.type ? this.text(s.docType, t.type, width) : []),
      ...summary.flatMap((l) => this.text(s.summary, l, width)),
      this.rule(len * SHORT_RULE_FRACTION, width, TITLE_RULE_GAP_PT, AFTER_TITLE_PT),
    ];
  }

  kinhGui(recipients: readonly string[], width: number): Box[] {
    const s = this.s.addressee;
    if (recipients.length === 1) return this.text(s, `${KINH_GUI} ${recipients[0]}`, width);
    const face = faceOf(s.bold, s.italic);
    const label = this.metrics.width(`${KINH_GUI} `, face, s.sizePt) + 3;
    const widest = Math.max(...recipients.map((r) => this.metrics.width(r, face, s.sizePt)));
    const start = Math.max(0, Math.min(width / 3, (width - label - widest) / 2));
    const left = start + label;
    return recipients.flatMap((r, i) => {
      const boxes = this.text(s, r, width, {
        align: "left",
        indentLeftPt: left,
        firstLinePt: 0,
        ...(i > 0 ? { spaceBeforePt: 0 } : {}),
        ...(i < recipients.length - 1 ? { spaceAfterPt: 0 } : {}),
      });
      if (i === 0) {
        const base = boxes[0]!.items.find((it) => it.kind === "text");
        boxes[0]!.items.push({ kind: "text", x: round(start), y: base?.kind === "text" ? base.y : s.sizePt, text: KINH_GUI, face, size: s.sizePt });
      }
      return boxes;
    });
  }

  blocks(blocks: readonly Block[], width: number, keepLastWithNext: boolean): FlowEntry[] {
    const out: FlowEntry[] = [];
    blocks.forEach((b, i) => {
      const keep = (keepLastWithNext && i === blocks.length - 1) || blocks[i + 1]?.kind === "table";
      const afterTable = blocks[i - 1]?.kind === "table";
      const extra: Partial<ParagraphSpec> = { ...(keep ? { keepNext: true } : {}), ...(afterTable ? { spaceBeforePt: AFTER_TABLE_PT } : {}) };
      switch (b.kind) {
        case "heading":
          out.push(...this.para({ runs: b.runs, style: [this.s.heading1, this.s.heading2, this.s.heading3][b.level - 1]!, ...extra }, width));
          break;
        case "paragraph":
          out.push(...this.para({ runs: b.runs, style: this.s.body, ...(b.indent === false ? { firstLinePt: 0 } : {}), ...(b.align ? { align: b.align } : {}), ...extra }, width));
          break;
        case "item":
          out.push(...this.para({ runs: b.runs, style: this.s.item, ...extra }, width));
          break;
        case "table":
          out.push(...layoutTable(b, width, this.s.tableText, this.metrics));
          break;
        case "pageBreak":
          out.push({ kind: "break" });
          break;
      }
    });
    return out;
  }

  /**
   * Title lines, the space for the signature, the name. The space holds the
   * signer's signature field (the whole space, centred on the name) and, with
   * `seal`, the organisation's: a square as tall as the space whose right
   * edge is a third of the way into the signer's field (Decree 30: the seal
   * overlaps about the left third of the signature). Anchor name = field name.
   */
  signatureBlock(sig: SignatureBlock, width: number, padTo: number, seal = false): Box[] {
    const s = this.s;
    const titles = [...sig.lines, ...Array<string>(Math.max(0, padTo - sig.lines.length)).fill("")];
    const boxes = titles.flatMap((l, i) => this.text(s.signatureTitle, l, width, i > 0 ? { spaceBeforePt: 0 } : {}));
    const space = Array.from({ length: SIGNATURE_SPACE_LINES }, () => this.text(s.signatureSpace, "", width)).flat();
    const spaceHeight = round(stack(space).height);
    const fieldW = Math.min(width, SIGNER_FIELD_PT);
    const fieldX = (width - fieldW) / 2;
    space[0]!.anchors.push({ name: uniqueFieldName(signatureFieldName(sig.role), this.fields), x: round(fieldX), y: 0, w: fieldW, h: spaceHeight });
    if (seal) {
      const side = Math.min(spaceHeight, fieldW);
      const x = Math.max(0, fieldX + fieldW / 3 - side);
      space[0]!.anchors.push({ name: uniqueFieldName(FIELD.seal, this.fields), x: round(x), y: 0, w: side, h: side });
    }
    return [...boxes, ...space, ...this.text(s.signatureName, sig.name, width)];
  }

  recipients(recipients: readonly string[], width: number, spaceBefore?: number): Box[] {
    return [
      ...this.text(this.s.recipientsLabel, NOI_NHAN, width, spaceBefore !== undefined ? { spaceBeforePt: spaceBefore } : {}),
      ...recipients.flatMap((r) => this.text(this.s.recipientsItem, r, width)),
    ];
  }

  signatures(doc: AdminDocument, width: number): Box[] {
    const m = LAYOUT_CELL_MARGIN_PT;
    const recipients = doc.recipients ?? [];
    if (doc.signatureLayout === "single") {
      if (!doc.signatures.length && !recipients.length) return [];
      const leftW = width * SIGNATURE_LEFT_FRACTION;
      const rightW = width - leftW;
      const right = doc.signatures.flatMap((sig, i) => [
        ...(i > 0 ? this.text(this.s.signatureSpace, "", rightW - 2 * m) : []),
        ...this.signatureBlock(sig, rightW - 2 * m, sig.lines.length, true),
      ]);
      const left = recipients.length ? this.recipients(recipients, leftW - 2 * m) : [];
      return [boxOf(this.columns([{ width: leftW, boxes: left }, { width: rightW, boxes: right }], m))];
    }
    const secretary = doc.signatures.find((s) => s.role === "secretary") ?? doc.signatures[0];
    const chair = doc.signatures.find((s) => s.role === "chair") ?? doc.signatures[1];
    const lines = Math.max(secretary?.lines.length ?? 0, chair?.lines.length ?? 0);
    const half = width / 2;
    // The organisation's seal goes with the CHỦ TỌA's signature (Decree 30, sample 1.9).
    const cols = [secretary, chair].map((sig) => ({ width: half, boxes: sig ? this.signatureBlock(sig, half - 2 * m, lines, sig === chair) : [] }));
    const out: Box[] = [boxOf(this.columns(cols, m))];
    if (recipients.length) {
      const rec = this.recipients(recipients, width, RECIPIENTS_AFTER_PAIR_PT);
      rec.slice(0, -1).forEach((b) => (b.keepWithNext = true));
      out.push(...rec);
    }
    return out;
  }

  appendix(a: Appendix, width: number): FlowEntry[] {
    const s = this.s;
    const title = a.title.filter((l) => l !== "");
    const hasAttached = !!a.attachedTo;
    return [
      ...this.text(s.appendixLabel, a.label, width),
      ...title.flatMap((l, i) => this.text(s.appendixTitle, l, width, i === title.length - 1 && !hasAttached ? { spaceAfterPt: 12 } : {})),
      ...(hasAttached ? this.text(s.appendixAttachedTo, a.attachedTo ?? "", width) : []),
      ...this.blocks(a.body, width, false),
    ];
  }

  /** The page number, centred in the top margin (Decree 30: from page 2). */
  pageNumber(page: LaidOutPage, n: number): PageItem {
    const st = this.s.pageNumber;
    const face = faceOf(st.bold, st.italic);
    const text = String(n);
    const w = this.metrics.width(text, face, st.sizePt);
    const top = this.style.page.headerMm * MM;
    const left = this.style.page.marginLeftMm * MM;
    const textW = page.width - left - this.style.page.marginRightMm * MM;
    return { kind: "text", x: round(left + (textW - w) / 2), y: round(top + this.metrics.vertical(face).ascent * st.sizePt), text, face, size: st.sizePt };
  }
}
