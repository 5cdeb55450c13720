/**
 * The signature fields of a PDF, read from its AcroForm: fully qualified
 * name, the field and widget dictionaries, whether it is signed, its page and
 * rectangle. Document order is the order of the AcroForm's field tree (depth
 * first), which for our PDFs is the layout's order: page by page, the signer
 * before the organisation, THƯ KÝ before CHỦ TỌA.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNull, PDFNumber, PDFRef, PDFString, type PDFDocument, type PDFObject } from "@cantoo/pdf-lib";
import { SignError } from "./errors.ts";

export interface SignatureField {
  /** Fully qualified name, e.g. "ky.nguoi-ky". */
  name: string;
  /** The terminal field. */
  fieldRef: PDFRef;
  field: PDFDict;
  /** Its widget annotation: the field itself when merged, else its first kid. */
  widgetRef: PDFRef;
  widget: PDFDict;
  /** 0-based page index, -1 when the widget is on no page. */
  page: number;
  /** [x1, y1, x2, y2], normalised. */
  rect: [number, number, number, number];
  signed: boolean;
}

const N = (s: string) => PDFName.of(s);

function text(o: PDFObject | undefined): string | undefined {
  if (o instanceof PDFString || o instanceof PDFHexString) return o.decodeText();
  return undefined;
}

/** The AcroForm dictionary, if the document has one. */
export function acroForm(pdf: PDFDocument): PDFDict | undefined {
  return pdf.catalog.lookupMaybe(N("AcroForm"), PDFDict);
}

export function listSignatureFields(pdf: PDFDocument): SignatureField[] {
  const form = acroForm(pdf);
  const fields = form?.lookupMaybe(N("Fields"), PDFArray);
  if (!fields) return [];
  const pageOf = pageIndex(pdf);
  const out: SignatureField[] = [];
  const seen = new Set<PDFRef>();

  const visit = (ref: PDFObject | undefined, prefix: string, inheritedFT: PDFObject | undefined) => {
    if (!(ref instanceof PDFRef) || seen.has(ref)) return;
    seen.add(ref);
    const dict = pdf.context.lookupMaybe(ref, PDFDict);
    if (!dict) return;
    const partial = text(dict.lookup(N("T")));
    const name = partial === undefined ? prefix : prefix ? `${prefix}.${partial}` : partial;
    const ft = dict.get(N("FT")) ?? inheritedFT;
    const kids = dict.lookupMaybe(N("Kids"), PDFArray);
    const fieldKids = kids?.asArray().filter((k) => k instanceof PDFRef && pdf.context.lookupMaybe(k, PDFDict)?.has(N("T")));
    if (kids && fieldKids && fieldKids.length > 0) {
      for (const k of kids.asArray()) visit(k, name, ft);
      return;
    }
    if (!ft || pdf.context.lookup(ft) !== N("Sig")) return;
    let widgetRef: PDFRef | undefined = ref;
    let widget: PDFDict | undefined = dict;
    if (dict.lookup(N("Subtype")) !== N("Widget")) {
      const first = kids?.asArray().find((k): k is PDFRef => k instanceof PDFRef);
      widgetRef = first;
      widget = first ? pdf.context.lookupMaybe(first, PDFDict) : undefined;
    }
    if (!widgetRef || !widget) {
      out.push({ name, fieldRef: ref, field: dict, widgetRef: ref, widget: dict, page: -1, rect: [0, 0, 0, 0], signed: isSigned(dict) });
      return;
    }
    out.push({ name, fieldRef: ref, field: dict, widgetRef, widget, page: pageOf(widgetRef, widget), rect: rectOf(widget), signed: isSigned(dict) });
  };
  for (const f of fields.asArray()) visit(f, "", undefined);
  return out;
}

function isSigned(field: PDFDict): boolean {
  const v = field.get(N("V"));
  return v !== undefined && v !== PDFNull;
}

function rectOf(widget: PDFDict): [number, number, number, number] {
  const r = widget.lookupMaybe(N("Rect"), PDFArray);
  const n = (i: number) => {
    const v = r?.lookup(i);
    return v instanceof PDFNumber ? v.asNumber() : 0;
  };
  const [a, b, c, d] = [n(0), n(1), n(2), n(3)];
  return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
}

/** Finds a widget's page: its /P when that is a page, else the page whose /Annots lists it. */
function pageIndex(pdf: PDFDocument): (ref: PDFRef, widget: PDFDict) => number {
  const pages = pdf.getPages();
  return (ref, widget) => {
    const p = widget.get(N("P"));
    const byP = pages.findIndex((pg) => pg.ref === p);
    if (byP >= 0) return byP;
    return pages.findIndex((pg) => pg.node.Annots()?.asArray().some((a) => a === ref) ?? false);
  };
}

/**
 * The field to sign: the one named, or the first unsigned one in document
 * order. Refuses a signed field, a missing one, a PDF without fields (no
 * field is ever added), and a field with no place on a page.
 */
export function chooseField(fields: readonly SignatureField[], wanted?: string): SignatureField {
  if (fields.length === 0) throw new SignError("field/none");
  const names = fields.map((f) => f.name).join(", ");
  let f: SignatureField | undefined;
  if (wanted !== undefined) {
    f = fields.find((x) => x.name === wanted);
    if (!f) throw new SignError("field/not-found", { field: wanted, fields: names });
    if (f.signed) throw new SignError("field/already-signed", { field: f.name });
  } else {
    f = fields.find((x) => !x.signed);
    if (!f) throw new SignError("field/all-signed", { fields: names });
  }
  if (f.page < 0 || f.rect[2] - f.rect[0] <= 0 || f.rect[3] - f.rect[1] <= 0) throw new SignError("field/no-widget", { field: f.name });
  return f;
}
