/**
 * Signing the example's PDFs with throwaway certificates: the fields are
 * where Decree 30 puts the signatures, a signature verifies (here with Node's
 * crypto, and with poppler's pdfsig when installed), a second signature keeps
 * the first valid, a changed byte breaks them, qpdf and pdftotext see the same
 * document as before.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument } from "@cantoo/pdf-lib";
import forge from "node-forge";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FontSet } from "../../src/pdf/fonts/font-set.ts";
import { fontsourceTinosDir, loadNodeFontSet } from "../../src/pdf/fonts/node-font-reader.ts";
import { SEAL_FIELD_MM } from "../../src/document/conventions.ts";
import { FIELD } from "../../src/sign/field-names.ts";
import { readPkcs12, type SigningIdentity } from "../../src/sign/p12.ts";
import { listSignatureFields } from "../../src/sign/pdf-fields.ts";
import { signPdf } from "../../src/sign/sign-pdf.ts";
import { isoVn } from "../../src/sign/time.ts";
import { hasCommand, run } from "../../src/tools/external.ts";
import { buildExample } from "../helpers/example.ts";
import { testCa, testIdentity } from "./identity.ts";
import { sealPng, signaturePng } from "./images.ts";
import { findSignatures, verifySignature } from "./verify.ts";

const pdfsig = hasCommand("pdfsig");
const poppler = hasCommand("pdftotext");
const qpdf = hasCommand("qpdf");
if (!pdfsig || !poppler || !qpdf) console.log(`Signing checks with external tools skipped where missing: ${["pdfsig", "pdftotext", "qpdf"].filter((t) => !hasCommand(t)).join(", ")} (apt-get install poppler-utils qpdf)`);

const ORG = "Sở Văn hóa, Thể thao và Du lịch tỉnh Trà Vinh";
/** 2021-02-05 09:30:00 +07:00. */
const clock = () => new Date("2021-02-05T02:30:00Z");

const tmp = mkdtempSync(join(tmpdir(), "ktd-sign-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const write = (name: string, bytes: Uint8Array) => {
  const p = join(tmp, name);
  writeFileSync(p, bytes);
  return p;
};

let plan: Uint8Array;
let minutes: Uint8Array;
let fonts: FontSet;
let signer: SigningIdentity;
let secretary: SigningIdentity;
let organisation: SigningIdentity;

beforeAll(async () => {
  const { outputs } = await buildExample();
  plan = outputs.get("out/2020/ke-hoach.pdf")!;
  minutes = outputs.get("out/2020/bien-ban-binh-bau.pdf")!;
  fonts = await loadNodeFontSet({ system: false, packageDir: fontsourceTinosDir()! });
  const ca = testCa();
  const load = (o: Parameters<typeof testIdentity>[0]) => {
    const t = testIdentity({ ...o, ca });
    return readPkcs12(t.p12, t.password);
  };
  signer = load({ commonName: "Dương Hoàng Sum", organization: ORG });
  secretary = load({ commonName: "Ngô Thị Thanh Thảo", organization: ORG });
  organisation = load({ commonName: ORG, organization: "UBND tỉnh Trà Vinh" });
}, 60_000);

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Words of one page with their boxes (top-down coordinates), from pdftotext -bbox. */
function words(file: string, page: number): Word[] {
  const html = run("pdftotext", ["-bbox", "-f", String(page), "-l", String(page), file, "-"]);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5]!,
  }));
}

/** The box of a phrase (consecutive words) nearest below `y`. */
function phraseBelow(ws: Word[], phrase: string, y: number): Word {
  const parts = phrase.split(" ");
  const found: Word[] = [];
  for (let i = 0; i + parts.length <= ws.length; i++) {
    if (parts.every((p, k) => ws[i + k]!.text === p)) {
      const run = ws.slice(i, i + parts.length);
      found.push({ text: phrase, xMin: run[0]!.xMin, xMax: run[run.length - 1]!.xMax, yMin: Math.min(...run.map((r) => r.yMin)), yMax: Math.max(...run.map((r) => r.yMax)) });
    }
  }
  const below = found.filter((f) => f.yMin >= y - 1).sort((a, b) => a.yMin - b.yMin);
  if (!below[0]) throw new Error(`"${phrase}" not found below ${y}`);
  return below[0];
}

async function fieldsOf(bytes: Uint8Array) {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const height = pdf.getPage(0).getHeight();
  return listSignatureFields(pdf).map((f) => ({ ...f, top: height - f.rect[3], bottom: height - f.rect[1] }));
}

describe("signature fields of the example's PDFs", () => {
  it("the plan: the signer's field between the title lines and the name, centred on the name; the seal over its left third", async () => {
    const fields = await fieldsOf(plan);
    expect(fields.map((f) => [f.name, f.signed])).toEqual([
      [FIELD.signer, false],
      [FIELD.seal, false],
    ]);
    const [sig, seal] = fields as [(typeof fields)[0], (typeof fields)[0]];
    expect(sig.page).toBe(seal.page);
    // Sized for a signature image: 60 × 30 mm.
    expect(sig.rect[2] - sig.rect[0]).toBeCloseTo(170, 0);
    expect(sig.rect[3] - sig.rect[1]).toBeCloseTo(85, 0);
    // The seal: a square of the seal's real size, centred on the signer's field in height, its right edge a third of the way into it.
    expect(seal.rect[2] - seal.rect[0]).toBeCloseTo(SEAL_FIELD_MM * (72 / 25.4), 1);
    expect(seal.rect[3] - seal.rect[1]).toBeCloseTo(SEAL_FIELD_MM * (72 / 25.4), 1);
    expect((seal.rect[1] + seal.rect[3]) / 2).toBeCloseTo((sig.rect[1] + sig.rect[3]) / 2, 0);
    expect(seal.rect[2]).toBeCloseTo(sig.rect[0] + (sig.rect[2] - sig.rect[0]) / 3, 1);
    expect(seal.rect[0]).toBeLessThan(sig.rect[0]);
    if (!poppler) return;
    const file = write("plan.pdf", plan);
    const ws = words(file, sig.page + 1);
    const name = phraseBelow(ws, "Dương Hoàng Sum", sig.bottom);
    expect(name.yMin).toBeGreaterThanOrEqual(sig.bottom - 1); // the field ends above the name
    expect(name.yMin - sig.bottom).toBeLessThan(12);
    expect((name.xMin + name.xMax) / 2).toBeCloseTo((sig.rect[0] + sig.rect[2]) / 2, 0); // centred on the name
    const title = ws.filter((w) => w.yMax <= sig.top + 1 && w.yMax > sig.top - 20);
    expect(title.map((w) => w.text).join(" ")).toContain("DU LỊCH"); // the last title line is just above
  });

  it("the minutes: THƯ KÝ's field on the left, CHỦ TỌA's on the right, the organisation's with the CHỦ TỌA's", async () => {
    const fields = await fieldsOf(minutes);
    expect(fields.map((f) => f.name)).toEqual([FIELD.secretary, FIELD.chair, FIELD.seal]);
    const [sec, chair, seal] = fields as [(typeof fields)[0], (typeof fields)[0], (typeof fields)[0]];
    expect(sec.rect[2]).toBeLessThan(chair.rect[0]);
    expect(seal.rect[2]).toBeCloseTo(chair.rect[0] + (chair.rect[2] - chair.rect[0]) / 3, 1);
    expect(seal.rect[0]).toBeGreaterThan(sec.rect[2]);
    if (!poppler) return;
    const ws = words(write("minutes.pdf", minutes), sec.page + 1);
    const label = (t: string) => ws.find((w) => w.text === t && w.yMax <= sec.top + 1)!;
    expect(label("THƯ")).toBeDefined();
    expect(label("CHỦ").xMin).toBeGreaterThan(sec.rect[2]);
    const secName = phraseBelow(ws, "Ngô Thị Thanh Thảo", sec.bottom);
    const chairName = phraseBelow(ws, "Dương Hoàng Sum", chair.bottom);
    expect((secName.xMin + secName.xMax) / 2).toBeCloseTo((sec.rect[0] + sec.rect[2]) / 2, 0);
    expect((chairName.xMin + chairName.xMax) / 2).toBeCloseTo((chair.rect[0] + chair.rect[2]) / 2, 0);
  });

  it.skipIf(!pdfsig)("pdfsig lists them as unsigned", () => {
    const p = run("pdfsig", [write("plan-fields.pdf", plan)]);
    expect(p).toContain(`Signature Field Name: ${FIELD.signer}`);
    expect(p).toContain(`Signature Field Name: ${FIELD.seal}`);
    expect(p.match(/The signature form field is not signed/g)).toHaveLength(2);
    const m = run("pdfsig", [write("minutes-fields.pdf", minutes)]);
    for (const f of [FIELD.secretary, FIELD.chair, FIELD.seal]) expect(m).toContain(`Signature Field Name: ${f}`);
    expect(m.match(/The signature form field is not signed/g)).toHaveLength(3);
  });

  it.skipIf(!qpdf)("pass qpdf --check", () => {
    for (const [n, b] of [["plan", plan], ["minutes", minutes]] as const) expect(run("qpdf", ["--check", write(`${n}-check.pdf`, b)])).toContain("No syntax or stream encoding errors");
  });
});

describe("signing", () => {
  let signedPlan: Uint8Array;
  beforeAll(async () => {
    const before = new Uint8Array(plan);
    const r = await signPdf(plan, { identity: signer, fonts, clock, image: signaturePng(), reason: "Ký ban hành", location: "Trà Vinh" });
    expect(plan).toEqual(before); // the input bytes are not touched
    expect(r.field).toBe(FIELD.signer);
    expect(r.signingTime).toBe("2021-02-05T09:30:00+07:00");
    expect(r.subFilter).toBe("ETSI.CAdES.detached");
    signedPlan = r.bytes;
  });

  it("appends an incremental update to the unchanged original", () => {
    expect(Buffer.from(signedPlan.subarray(0, plan.length)).equals(Buffer.from(plan))).toBe(true);
    const update = Buffer.from(signedPlan.subarray(plan.length)).toString("latin1");
    expect(update).toMatch(/\/Prev \d+/);
    expect(update).not.toContain("Signature1");
    expect(update).toContain("/SubFilter /ETSI.CAdES.detached");
    expect(update).toContain("/M (D:20210205093000+07'00')");
  });

  it("gives a CMS that verifies: SHA-256 digest of the byte range, signed attributes with signing-certificate-v2", () => {
    const sigs = findSignatures(signedPlan);
    expect(sigs).toHaveLength(1);
    const check = verifySignature(signedPlan, sigs[0]!);
    expect(check).toMatchObject({ ok: true, signerCommonName: "Dương Hoàng Sum" });
    expect(check.signedAttributes.sort()).toEqual(["1.2.840.113549.1.9.16.2.47", "1.2.840.113549.1.9.3", "1.2.840.113549.1.9.4"]);
  });

  it.skipIf(!pdfsig)("pdfsig: Signature is Valid", () => {
    const out = run("pdfsig", [write("plan-signed.pdf", signedPlan)]);
    expect(out).toContain(`Signature Field Name: ${FIELD.signer}`);
    expect(out).toContain("Signer Certificate Common Name: Dương Hoàng Sum");
    expect(out).toContain("Signature Type: ETSI.CAdES.detached");
    expect(out).toContain("Signing Hash Algorithm: SHA-256");
    expect(out).toContain("Signature Validation: Signature is Valid.");
    expect(out).toContain("Total document signed");
    expect(out).toContain(`Signature Field Name: ${FIELD.seal}`);
    expect(out).toContain("The signature form field is not signed.");
  });

  it.skipIf(!qpdf || !poppler)("still passes qpdf --check and gives the same text through pdftotext", () => {
    const a = write("plan-a.pdf", plan);
    const b = write("plan-b.pdf", signedPlan);
    expect(run("qpdf", ["--check", b])).toContain("No syntax or stream encoding errors");
    expect(run("pdftotext", [b, "-"])).toBe(run("pdftotext", [a, "-"]));
    expect(run("pdftotext", ["-layout", b, "-"])).toBe(run("pdftotext", ["-layout", a, "-"]));
  });

  it("signs the minutes twice in sequence (THƯ KÝ, then CHỦ TỌA): both valid; then the organisation: all three", async () => {
    const first = await signPdf(minutes, { identity: secretary, fonts, clock, image: signaturePng() });
    expect(first.field).toBe(FIELD.secretary);
    const second = await signPdf(first.bytes, { identity: signer, fonts, clock: () => new Date("2021-02-05T02:45:00Z"), image: signaturePng() });
    expect(second.field).toBe(FIELD.chair);
    expect(Buffer.from(second.bytes.subarray(0, first.bytes.length)).equals(Buffer.from(first.bytes))).toBe(true);
    const sigs = findSignatures(second.bytes);
    expect(sigs).toHaveLength(2);
    for (const s of sigs) expect(verifySignature(second.bytes, s).ok).toBe(true);
    expect(sigs[0]!.byteRange[2] + sigs[0]!.byteRange[3]).toBe(first.bytes.length); // the first covers the file as it was
    expect(sigs[1]!.byteRange[2] + sigs[1]!.byteRange[3]).toBe(second.bytes.length);

    const third = await signPdf(second.bytes, { identity: organisation, fonts, clock: () => new Date("2021-02-05T03:00:00Z"), image: sealPng() });
    expect(third.field).toBe(FIELD.seal);
    const all = findSignatures(third.bytes);
    expect(all.map((s) => verifySignature(third.bytes, s).ok)).toEqual([true, true, true]);

    // A byte changed inside the signed range (in the binary comment under the header): every signature fails.
    const at = 10;
    expect(Buffer.from(second.bytes.subarray(0, 12)).toString("latin1")).toBe("%PDF-1.7\n%\x81\x81");
    const tampered = new Uint8Array(second.bytes);
    tampered[at] = 0x82;
    expect(findSignatures(tampered).map((s) => verifySignature(tampered, s))).toEqual([expect.objectContaining({ ok: false, problem: "digest mismatch" }), expect.objectContaining({ ok: false, problem: "digest mismatch" })]);

    if (pdfsig) {
      const out = run("pdfsig", [write("minutes-2.pdf", second.bytes)]);
      expect(out.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2);
      expect(out).toContain(`Signature Field Name: ${FIELD.secretary}`);
      expect(out).toContain("Signer Certificate Common Name: Ngô Thị Thanh Thảo");
      expect(out).toContain(`Signature Field Name: ${FIELD.chair}`);
      expect(out).toContain("Not total document signed"); // the first, followed by the second's update
      const out3 = run("pdfsig", [write("minutes-3.pdf", third.bytes)]);
      expect(out3.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(3);
      const bad = run("pdfsig", [write("minutes-tampered.pdf", tampered)]);
      expect(bad).not.toContain("Signature is Valid");
      expect(bad.match(/Signature Validation: Digest Mismatch\./g)).toHaveLength(2);
    }
    if (qpdf) for (const [n, b] of [["2", second.bytes], ["3", third.bytes]] as const) expect(run("qpdf", ["--check", write(`minutes-q${n}.pdf`, b)])).toContain("No syntax or stream encoding errors");
    if (poppler) {
      const plain = run("pdftotext", [write("minutes-plain.pdf", minutes), "-"]);
      expect(run("pdftotext", [write("minutes-t3.pdf", third.bytes), "-"])).toBe(plain);
    }
  });

  it("claims adbe.pkcs7.detached, with a signing-time attribute, when signing-certificate-v2 is left out", async () => {
    const r = await signPdf(plan, { identity: signer, fonts, clock, pades: false });
    expect(r.subFilter).toBe("adbe.pkcs7.detached");
    const [sig] = findSignatures(r.bytes);
    expect(sig!.subFilter).toBe("adbe.pkcs7.detached");
    const check = verifySignature(r.bytes, sig!);
    expect(check.ok).toBe(true);
    expect(check.signedAttributes).toContain("1.2.840.113549.1.9.5");
    expect(check.signedAttributes).not.toContain("1.2.840.113549.1.9.16.2.47");
    if (pdfsig) expect(run("pdfsig", [write("plan-pkcs7.pdf", r.bytes)])).toMatch(/Signature Type: adbe\.pkcs7\.detached[\s\S]*Signature is Valid/);
  });

  it("puts the certificate chain into the CMS", () => {
    const [sig] = findSignatures(signedPlan);
    const parse = forge.asn1.fromDer as unknown as (s: string, o: object) => forge.asn1.Asn1;
    const ci = parse(Buffer.from(sig!.cms).toString("binary"), { parseAllBytes: false });
    const sd = ((ci.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
    const certs = sd.find((x) => x.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && x.type === 0)!;
    expect((certs.value as forge.asn1.Asn1[]).length).toBe(2); // the signer's and the CA's
  });

  it("gives the same bytes again for the same input, key and clock", async () => {
    const again = await signPdf(plan, { identity: signer, fonts, clock, image: signaturePng(), reason: "Ký ban hành", location: "Trà Vinh" });
    expect(again.bytes).toEqual(signedPlan);
  });

  it("shows the signing time in ISO 8601 with +07:00", () => {
    expect(isoVn(new Date("2021-02-05T02:30:00.900Z"))).toBe("2021-02-05T09:30:00+07:00");
    expect(isoVn(new Date("2020-12-31T17:00:00Z"))).toBe("2021-01-01T00:00:00+07:00");
  });
});
