/**
 * Empty signature fields where the layout put them. Every anchor whose name
 * starts with "ky." becomes an AcroForm signature field (/FT /Sig) of that
 * fully qualified name, with one widget: "ky.nguoi-ky" is the field
 * "nguoi-ky" under a parent field "ky" (a partial name has no period). Emit
 * knows no roles: the anchor names carry everything (src/sign/field-names.ts).
 *
 * The widgets have an empty appearance and print nothing, so the page reads
 * and prints as before; a signing tool fills /V and the appearance in an
 * incremental update. Deterministic: fields in document order (page, then the
 * layout's order), no random names.
 */
import { PDFName, PDFNumber, PDFString, type PDFArray, type PDFDocument, type PDFRef } from "@cantoo/pdf-lib";
import { SIGNATURE_FIELD_PREFIX } from "../../sign/field-names.ts";
import type { Anchor, LaidOutDocument } from "../types.ts";

/** Widget annotation flags: Print (bit 3). Not Hidden, not NoView: the signature shows once signed. */
const PRINT = 4;
/** AcroForm /SigFlags: SignaturesExist (bit 1). A signing tool adds AppendOnly (bit 2). */
const SIGNATURES_EXIST = 1;

export interface SignatureFieldPlacement {
  name: string;
  /** 0-based page index. */
  page: number;
  /** Rectangle in PDF user space (origin bottom left): [x1, y1, x2, y2]. */
  rect: [number, number, number, number];
}

const r2 = (n: number) => Math.round(n * 100) / 100;

/** The signature fields a laid-out document asks for, in document order; throws on a repeated or malformed name. */
export function signatureFieldPlacements(doc: LaidOutDocument): SignatureFieldPlacement[] {
  const out: SignatureFieldPlacement[] = [];
  const seen = new Set<string>();
  doc.pages.forEach((page, i) => {
    for (const a of page.anchors) {
      if (!a.name.startsWith(SIGNATURE_FIELD_PREFIX)) continue;
      checkName(a, seen);
      out.push({ name: a.name, page: i, rect: [r2(a.x), r2(page.height - a.y - a.h), r2(a.x + a.w), r2(page.height - a.y)] });
    }
  });
  return out;
}

function checkName(a: Anchor, seen: Set<string>): void {
  const parts = a.name.split(".");
  if (parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) throw new Error(`emit: signature field name "${a.name}" must be ASCII letters, digits, "-" and "_" between periods`);
  if (seen.has(a.name)) throw new Error(`emit: two signature fields named "${a.name}"`);
  if (!(a.w > 0 && a.h > 0)) throw new Error(`emit: signature field "${a.name}" has no area`);
  seen.add(a.name);
}

/** Adds the fields to a document whose pages are already drawn (page i of the PDF = page i of the layout). */
export function addSignatureFields(pdf: PDFDocument, doc: LaidOutDocument): void {
  const placements = signatureFieldPlacements(doc);
  if (placements.length === 0) return;
  const ctx = pdf.context;
  const pages = pdf.getPages();
  const top: PDFRef[] = [];
  /** Non-terminal fields by their fully qualified name. */
  const parents = new Map<string, { ref: PDFRef; kids: PDFArray }>();

  const parentOf = (qualified: string): PDFRef | undefined => {
    const dot = qualified.lastIndexOf(".");
    if (dot < 0) return undefined;
    const name = qualified.slice(0, dot);
    let p = parents.get(name);
    if (!p) {
      const grand = parentOf(name);
      const kids = ctx.obj([]);
      const dict = ctx.obj({ T: PDFString.of(name.slice(name.lastIndexOf(".") + 1)), Kids: kids });
      if (grand) dict.set(PDFName.of("Parent"), grand);
      const ref = ctx.register(dict);
      p = { ref, kids };
      parents.set(name, p);
      if (grand) kidsOf(grand).push(ref);
      else top.push(ref);
    }
    return p.ref;
  };
  const kidsOf = (ref: PDFRef): PDFArray => [...parents.values()].find((p) => p.ref === ref)!.kids;

  for (const f of placements) {
    const page = pages[f.page];
    if (!page) throw new Error(`emit: signature field "${f.name}" is on page ${f.page + 1}, which was not drawn`);
    const [x1, y1, x2, y2] = f.rect;
    const empty = ctx.stream("", { Type: "XObject", Subtype: "Form", BBox: [0, 0, r2(x2 - x1), r2(y2 - y1)], Resources: {} });
    const widget = ctx.obj({
      Type: "Annot",
      Subtype: "Widget",
      FT: "Sig",
      T: PDFString.of(f.name.slice(f.name.lastIndexOf(".") + 1)),
      Rect: f.rect.map((n) => PDFNumber.of(n)),
      F: PRINT,
      P: page.ref,
      AP: { N: ctx.register(empty) },
    });
    const parent = parentOf(f.name);
    if (parent) widget.set(PDFName.of("Parent"), parent);
    const ref = ctx.register(widget);
    if (parent) kidsOf(parent).push(ref);
    else top.push(ref);
    page.node.addAnnot(ref);
  }

  const acroForm = ctx.register(ctx.obj({ Fields: top, SigFlags: SIGNATURES_EXIST }));
  pdf.catalog.set(PDFName.of("AcroForm"), acroForm);
}
