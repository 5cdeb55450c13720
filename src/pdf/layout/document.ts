import { arrangeDocument } from "../../arrange/arrange.ts";
import type { AppendixHeading, Arrangement, BlockFlow, TableColumns, HeaderArrangement, KinhGuiArrangement, RecipientsArrangement, SignatureArrangement, SignatureSide, TitleArrangement } from "../../arrange/types.ts";
import { SEAL_FIELD_MM } from "../../document/conventions.ts";
import type { AdminDocument, Appendix, Block } from "../../document/model.ts";
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
  /** The document's arrangement, when the caller computed it already (it is computed here otherwise). */
  arrangement?: Arrangement;
}

/** Stage "PDF layout": the document model becomes pages of positioned items. Pure: no I/O, no pdf-lib. */
export function layoutDocument(doc: AdminDocument, style: ShellStyle, metrics: FontMetrics, options: LayoutOptions = {}): LaidOutDocument {
  const arr = options.arrangement ?? arrangeDocument(doc, style, metrics);
  const L = new Layouter(style, metrics);
  const first = frameOf(style, style.page.landscape);
  const entries: FlowEntry[] = [];
  entries.push(L.header(arr.header, arr.cellMargin));
  if (arr.title) entries.push(...L.title(arr.title, first.textWidth));
  if (arr.kinhGui) entries.push(...L.kinhGui(arr.kinhGui, first.textWidth));
  for (const b of doc.bases ?? []) entries.push(...L.para({ runs: [{ text: b }], style: L.s.basis }, first.textWidth));
  entries.push(...L.blocks(doc.body, arr.body, first.textWidth, arr.tables.body));
  if (arr.signature) entries.push(...L.signatures(arr.signature, arr.cellMargin, first.textWidth));
  let landscape = style.page.landscape;
  doc.appendices.forEach((a, i) => {
    const want = a.landscape ?? style.page.landscape;
    const frame = frameOf(style, want);
    entries.push({ kind: "break", ...(want !== landscape ? { frame } : {}) });
    landscape = want;
    entries.push(...L.appendix(arr.appendices[i]!, a, arr.appendixBodies[i]!, frame.textWidth, arr.tables.appendices[i]));
  });
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

  /** A drawn line `length` long, centred in `avail` (the Rule style's border). */
  rule(length: number, avail: number, spaceBefore?: number, spaceAfter?: number): Box {
    const r = this.s.rule;
    const len = Math.min(avail, length);
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

  header(h: HeaderArrangement, m: number): Box {
    const [leftW, rightW] = h.columns;
    const li = leftW - 2 * m;
    const ri = rightW - 2 * m;
    const s = this.s;
    const row1 = this.columns(
      [
        {
          width: leftW,
          boxes: [...h.parentBody.flatMap((l) => this.text(s.parentBody, l, li)), ...h.issuer.flatMap((l) => this.text(s.issuer, l, li)), this.rule(h.issuerRule, li)],
        },
        { width: rightW, boxes: [...this.text(s.nationalTitle, h.nationalTitle, ri), ...this.text(s.motto, h.motto, ri), this.rule(h.mottoRule, ri)] },
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

  title(t: TitleArrangement, width: number): Box[] {
    const s = this.s;
    return [
      // The arrangement's lines, one paragraph each block, broken where it breaks them (as the DOCX's w:br).
      ...(t.type.length ? this.text(s.docType, t.type.join("\n"), width) : []),
      ...(t.summary.length ? this.text(s.summary, t.summary.join("\n"), width) : []),
      this.rule(t.rule, width, t.ruleSpaceBefore, t.ruleSpaceAfter),
    ];
  }

  kinhGui(k: KinhGuiArrangement, width: number): Box[] {
    const s = this.s.addressee;
    if (k.kind === "line") return this.text(s, k.text, width);
    const face = faceOf(s.bold, s.italic);
    return k.items.flatMap((r, i) => {
      const boxes = this.text(s, r, width, {
        align: "left",
        indentLeftPt: k.textX,
        firstLinePt: 0,
        ...(i > 0 ? { spaceBeforePt: 0 } : {}),
        ...(i < k.items.length - 1 ? { spaceAfterPt: 0 } : {}),
      });
      if (i === 0) {
        const base = boxes[0]!.items.find((it) => it.kind === "text");
        boxes[0]!.items.push({ kind: "text", x: round(k.labelX), y: base?.kind === "text" ? base.y : s.sizePt, text: k.label, face, size: s.sizePt });
      }
      return boxes;
    });
  }

  /** The blocks, each paginated by its arranged flow (src/arrange/flow.ts), the tables at the arrangement's column widths (`tables`). */
  blocks(blocks: readonly Block[], flows: readonly BlockFlow[], width: number, tables: TableColumns = {}): FlowEntry[] {
    if (flows.length !== blocks.length) throw new Error(`${blocks.length} blocks but ${flows.length} arranged flows`);
    const out: FlowEntry[] = [];
    blocks.forEach((b, i) => {
      const f = flows[i]!;
      const extra: Partial<ParagraphSpec> = {
        keepNext: f.keepWithNext,
        keepLines: f.keepLines,
        widowControl: f.widowControl,
        ...(f.spaceBefore !== undefined ? { spaceBeforePt: f.spaceBefore } : {}),
      };
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
          if (!f.table) throw new Error("a table without its arranged flow");
          out.push(...layoutTable(b, f.table, width, this.s.tableText, this.metrics, tables[i]));
          break;
        case "pageBreak":
          out.push({ kind: "break" });
          break;
      }
    });
    return out;
  }

  /**
   * Title lines, then the name with the room for the signature as its space
   * before. The room holds the signer's signature field (the whole room,
   * centred on the name) and, with `seal`, the organisation's: a square of
   * the seal's real size (SEAL_FIELD_MM), centred on the room, whose right
   * edge is a third of the way into the signer's field (Decree 30: the seal
   * overlaps about the left third of the signature). Anchor name = field name.
   */
  signatureBlock(sig: SignatureSide, width: number): Box[] {
    const s = this.s;
    const boxes = sig.lines.flatMap((l, i) => this.text(s.signatureTitle, l, width, i > 0 ? { spaceBeforePt: 0 } : sig.spaceBefore !== undefined ? { spaceBeforePt: sig.spaceBefore } : {}));
    const name = this.text(s.signatureName, sig.name, width, { spaceBeforePt: sig.nameSpaceBefore });
    const spaceHeight = round(sig.signatureSpace);
    const fieldW = Math.min(width, SIGNER_FIELD_PT);
    const fieldX = (width - fieldW) / 2;
    // Anchors are placed relative to the name's first line: the room is right above it.
    name[0]!.anchors.push({ name: uniqueFieldName(signatureFieldName(sig.role), this.fields), x: round(fieldX), y: -spaceHeight, w: fieldW, h: spaceHeight });
    if (sig.seal) {
      // The seal at real size, centred on the room (it runs over the title and the name, as a stamped seal does).
      const side = round(SEAL_FIELD_MM * MM);
      const x = fieldX + fieldW / 3 - side;
      name[0]!.anchors.push({ name: uniqueFieldName(FIELD.seal, this.fields), x: round(x), y: round(-(spaceHeight + side) / 2), w: side, h: side });
    }
    return [...boxes, ...name];
  }

  recipients(r: RecipientsArrangement, width: number, spaceBefore?: number): Box[] {
    return [
      ...this.text(this.s.recipientsLabel, r.label, width, spaceBefore !== undefined ? { spaceBeforePt: spaceBefore } : {}),
      ...r.items.flatMap((item) => this.text(this.s.recipientsItem, item, width, { indentLeftPt: r.itemIndent.left, firstLinePt: -r.itemIndent.hanging })),
    ];
  }

  signatures(a: SignatureArrangement, m: number, width: number): Box[] {
    const [leftW, rightW] = a.columns;
    if (a.layout === "single") {
      const right = a.signers.flatMap((sig) => this.signatureBlock(sig, rightW - 2 * m));
      const left = a.recipients ? this.recipients(a.recipients, leftW - 2 * m) : [];
      return [boxOf(this.columns([{ width: leftW, boxes: left }, { width: rightW, boxes: right }], m))];
    }
    const cols = [
      { width: leftW, boxes: a.left ? this.signatureBlock(a.left, leftW - 2 * m) : [] },
      { width: rightW, boxes: a.right ? this.signatureBlock(a.right, rightW - 2 * m) : [] },
    ];
    const out: Box[] = [boxOf(this.columns(cols, m))];
    if (a.recipients) {
      const rec = this.recipients(a.recipients, width, a.recipientsSpaceBefore);
      rec.slice(0, -1).forEach((b) => (b.keepWithNext = true));
      out.push(...rec);
    }
    return out;
  }

  appendix(h: AppendixHeading, a: Appendix, flows: readonly BlockFlow[], width: number, tables: TableColumns = {}): FlowEntry[] {
    const s = this.s;
    const last = h.title.length - 1;
    return [
      ...this.text(s.appendixLabel, h.label, width),
      ...h.title.flatMap((l, i) => this.text(s.appendixTitle, l, width, i === last && h.titleSpaceAfter !== undefined ? { spaceAfterPt: h.titleSpaceAfter } : {})),
      ...(h.attachedTo !== undefined ? this.text(s.appendixAttachedTo, h.attachedTo, width) : []),
      ...this.blocks(a.body, flows, width, tables),
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
