/**
 * What a certifying signer allowed after them. A certification signature
 * (DocMDP: the catalog's /Perms /DocMDP, or a signature whose /Reference has
 * /TransformMethod /DocMDP) says which changes may follow, in /P:
 *
 *   1  no change at all: not even another signature;
 *   2  filling in forms and signing (the default when /P is absent);
 *   3  that, and annotations.
 *
 * A signed field's /Lock dictionary (PDF 2.0) may carry the same /P, in force
 * once that field is signed. Adding a signature is a change of level 2, so a
 * document at level 1 is refused, naming the field that certified it.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFDocument, type PDFObject } from "@cantoo/pdf-lib";
import { SignError } from "./errors.ts";
import type { SignatureField } from "./pdf-fields.ts";

const N = (s: string) => PDFName.of(s);

interface Certification {
  /** The permission level, 1 to 3. */
  p: number;
  /** The field whose signature certified the document, when known. */
  field?: string;
  /** The name in that signature's /Name, when given. */
  signer?: string;
}

/** Refuses to add a signature to a document certified with "no changes allowed". */
export function checkCertification(pdf: PDFDocument, fields: readonly SignatureField[]): void {
  const found = certifications(pdf, fields);
  const strict = found.find((c) => c.p === 1);
  if (!strict) return;
  const where = strict.field ?? "/Perms /DocMDP";
  throw new SignError("pdf/certified-no-changes", { field: where, signer: strict.signer ?? "?" });
}

/** Every certification the document carries, with its level. */
export function certifications(pdf: PDFDocument, fields: readonly SignatureField[]): Certification[] {
  const out: Certification[] = [];
  const fieldOf = new Map<PDFDict, string>();
  for (const f of fields) {
    const sig = sigDict(pdf, f.field.get(N("V")));
    if (sig) fieldOf.set(sig, f.name);
  }
  const perms = pdf.catalog.lookupMaybe(N("Perms"), PDFDict);
  const docMdp = sigDict(pdf, perms?.get(N("DocMDP")));
  if (docMdp) {
    const p = docMdpLevel(docMdp) ?? 2;
    const field = fieldOf.get(docMdp);
    out.push({ p, ...(field ? { field } : {}), ...signerOf(docMdp) });
  }
  for (const f of fields) {
    if (!f.signed) continue;
    const sig = sigDict(pdf, f.field.get(N("V")));
    const p = sig && sig !== docMdp ? docMdpLevel(sig) : undefined;
    if (p !== undefined) out.push({ p, field: f.name, ...signerOf(sig!) });
    // A field lock (PDF 2.0) applies once its field is signed.
    const lock = f.field.lookupMaybe(N("Lock"), PDFDict);
    const lp = lock?.lookup(N("P"));
    if (lp instanceof PDFNumber) out.push({ p: level(lp.asNumber()), field: f.name, ...(sig ? signerOf(sig) : {}) });
  }
  return out;
}

/** The /P of a signature's DocMDP reference; undefined when it has none. */
function docMdpLevel(sig: PDFDict): number | undefined {
  const refs = sig.lookupMaybe(N("Reference"), PDFArray);
  for (const r of refs?.asArray() ?? []) {
    const ref = r instanceof PDFRef ? sig.context.lookupMaybe(r, PDFDict) : r instanceof PDFDict ? r : undefined;
    if (ref?.lookup(N("TransformMethod")) !== N("DocMDP")) continue;
    const p = ref.lookupMaybe(N("TransformParams"), PDFDict)?.lookup(N("P"));
    return p instanceof PDFNumber ? level(p.asNumber()) : 2;
  }
  return undefined;
}

/** 1, 2 or 3; any other value is read as the default, 2. */
const level = (p: number) => (p === 1 || p === 3 ? p : 2);

function sigDict(pdf: PDFDocument, o: PDFObject | undefined): PDFDict | undefined {
  return o instanceof PDFRef ? pdf.context.lookupMaybe(o, PDFDict) : o instanceof PDFDict ? o : undefined;
}

function signerOf(sig: PDFDict): { signer?: string } {
  const name = sig.lookup(N("Name"));
  return name instanceof PDFString || name instanceof PDFHexString ? { signer: name.decodeText() } : {};
}
