/**
 * A certification signature for the tests (`sign` does not certify): an
 * incremental update that signs a PDF's first empty signature field with a
 * DocMDP reference of permission `p`, and (unless told not to) points the
 * catalog's /Perms /DocMDP at it, as a certifying application does. The CMS
 * comes from src/sign/cms.ts, so the signature verifies.
 */
import { createHash } from "node:crypto";
import { PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from "@cantoo/pdf-lib";
import { buildCms } from "../../src/sign/cms.ts";
import type { SigningIdentity } from "../../src/sign/p12.ts";
import { acroForm, listSignatureFields } from "../../src/sign/pdf-fields.ts";

const N = (s: string) => PDFName.of(s);
const PH = "**********";

export async function certify(input: Uint8Array, identity: SigningIdentity, p: 1 | 2 | 3, o: { perms?: boolean } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(input, { forIncrementalUpdate: true, updateMetadata: false });
  const field = listSignatureFields(pdf).find((f) => !f.signed)!;
  const ctx = pdf.context;
  const room = 8192;
  const sig = ctx.obj({
    Type: "Sig",
    Filter: "Adobe.PPKLite",
    SubFilter: "ETSI.CAdES.detached",
    ByteRange: [PDFNumber.of(0), N(PH), N(PH), N(PH)],
    Contents: PDFHexString.of("0".repeat(room * 2)),
    M: PDFString.of("D:20210205090000+07'00'"),
    Name: PDFHexString.fromText("Người chứng nhận"),
    Reference: [{ Type: "SigRef", TransformMethod: "DocMDP", TransformParams: { Type: "TransformParams", P: p, V: "1.2" } }],
  });
  const sigRef = ctx.register(sig);
  field.field.set(N("V"), sigRef);
  acroForm(pdf)!.set(N("SigFlags"), PDFNumber.of(3));
  if (o.perms ?? true) pdf.catalog.set(N("Perms"), ctx.obj({ DocMDP: sigRef }));
  const formRef = pdf.catalog.get(N("AcroForm"));
  const root = ctx.trailerInfo.Root as PDFRef;
  pdf.context.snapshot?.markRefsForSave([field.fieldRef, root, ...(formRef instanceof PDFRef ? [formRef] : [])]);
  const out = await pdf.save({ useObjectStreams: false });

  const text = Buffer.from(out).toString("latin1");
  const objAt = text.indexOf(`\n${sigRef.objectNumber} 0 obj`, input.length - 1);
  const brPlaceholder = `[ 0 /${PH} /${PH} /${PH} ]`;
  const brAt = text.indexOf(brPlaceholder, objAt);
  const a = text.indexOf(`<${"0".repeat(room * 2)}>`, objAt);
  const b = a + room * 2 + 2;
  const ranges = `[0 ${a} ${b} ${out.length - b}]`;
  out.set(Buffer.from(ranges.slice(0, -1).padEnd(brPlaceholder.length - 1, " ") + "]", "latin1"), brAt);
  const digest = createHash("sha256").update(out.subarray(0, a)).update(out.subarray(b)).digest();
  const cms = buildCms({ certificate: identity.certificate, chain: identity.chain, privateKey: identity.privateKey, digest: new Uint8Array(digest), signingTime: new Date("2021-02-05T02:00:00Z") });
  out.set(Buffer.from(Buffer.from(cms.der).toString("hex").toUpperCase().padEnd(room * 2, "0"), "latin1"), a + 1);
  return out;
}
