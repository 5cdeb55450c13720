/**
 * What `sign` refuses to sign with, and what it refuses to sign: certificates
 * not meant for signing (key usage, a CA's, a short RSA key), a PDF changed
 * after its last signature, a damaged PDF; and what it does with a PDF made
 * by another tool (signs an empty signature field it has, never adds one),
 * as the README says.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument, PDFName, PDFString, StandardFonts } from "@cantoo/pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryWorld } from "../../src/io/memory-world.ts";
import type { FontSet } from "../../src/pdf/fonts/font-set.ts";
import { fontsourceTinosDir, loadNodeFontSet } from "../../src/pdf/fonts/node-font-reader.ts";
import { SIGN_HELP_EN, SIGN_HELP_VI } from "../../src/sign/args.ts";
import { runSign } from "../../src/sign/command.ts";
import { readPkcs12, type SigningIdentity } from "../../src/sign/p12.ts";
import { signPdf } from "../../src/sign/sign-pdf.ts";
import { hasCommand, run } from "../../src/tools/external.ts";
import { buildExample } from "../helpers/example.ts";
import { REPO } from "../helpers/fixture-world.ts";
import { rsaKey, testIdentity, type TestIdentity, type TestIdentityOptions, type TestKeyPair } from "./identity.ts";
import { findSignatures, verifySignature } from "./verify.ts";

const clock = () => new Date("2021-02-05T02:30:00Z");
const tmp = mkdtempSync(join(tmpdir(), "ktd-refusals-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let plan: Uint8Array;
let fonts: FontSet;
let pair: TestKeyPair;
let good: TestIdentity;
let signer: SigningIdentity;
let signedPlan: Uint8Array;

/** An identity on the shared key (key generation is the slow part). */
const identity = (o: TestIdentityOptions) => {
  const t = testIdentity({ keyPair: pair, ...o });
  return readPkcs12(t.p12, t.password);
};

beforeAll(async () => {
  const { outputs } = await buildExample();
  plan = outputs.get("out/2020/ke-hoach.pdf")!;
  fonts = await loadNodeFontSet({ system: false, packageDir: fontsourceTinosDir()! });
  pair = rsaKey();
  good = testIdentity({ keyPair: pair });
  signer = readPkcs12(good.p12, good.password);
  signedPlan = (await signPdf(plan, { identity: signer, fonts, clock })).bytes;
}, 60_000);

const sign = (bytes: Uint8Array, id: SigningIdentity = signer) => signPdf(bytes, { identity: id, fonts, clock });

/** The sign command on a memory world with one input, a.pdf. */
async function command(pdf: Uint8Array, lang: "vi" | "en" = "vi") {
  const world = memoryWorld({ "good.p12": good.p12, "a.pdf": pdf }, { env: { SIGN_P12_PASSWORD: good.password } });
  const err: string[] = [];
  const code = await runSign(["a.pdf", "--p12", "good.p12", "--lang", lang], { world, clock, fonts: async () => fonts, print: () => {}, printErr: (s) => err.push(s) });
  return { code, err, written: world.files.has("a.signed.pdf") };
}

describe("certificates not meant for signing are refused, with the reason", () => {
  it("a key usage without digitalSignature or nonRepudiation", async () => {
    const id = identity({ extensions: [{ name: "keyUsage", keyEncipherment: true, dataEncipherment: true, critical: true }] });
    const e = await sign(plan, id).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "cert/key-usage" });
    expect((e as Error).message).toContain("keyEncipherment, dataEncipherment");
  });

  it("a CA's certificate: basicConstraints cA=true, or a key usage of keyCertSign only", async () => {
    const ca = identity({ extensions: [{ name: "basicConstraints", cA: true, critical: true }, { name: "keyUsage", digitalSignature: true, keyCertSign: true, cRLSign: true }] });
    await expect(sign(plan, ca)).rejects.toMatchObject({ code: "cert/ca", message: expect.stringContaining("basicConstraints cA=true") });
    const certOnly = identity({ extensions: [{ name: "keyUsage", keyCertSign: true, critical: true }] });
    await expect(sign(plan, certOnly)).rejects.toMatchObject({ code: "cert/ca", message: expect.stringContaining("keyCertSign") });
  });

  it("an RSA key under 2048 bits", async () => {
    const small = testIdentity({ keyPair: rsaKey(1024) });
    const e = await sign(plan, readPkcs12(small.p12, small.password)).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "cert/weak-key" });
    expect((e as { format(l: string): string }).format("vi")).toBe("Khóa RSA của Dương Hoàng Sum chỉ dài 1024 bit; cần ít nhất 2048 bit");
  });

  it("still signs with nonRepudiation alone, and with no key usage extension at all (any use)", async () => {
    for (const extensions of [[{ name: "keyUsage", nonRepudiation: true, critical: true }], [{ name: "basicConstraints", cA: false }]]) {
      const r = await sign(plan, identity({ extensions }));
      expect(findSignatures(r.bytes).map((s) => verifySignature(r.bytes, s).ok)).toEqual([true]);
    }
  });
});

/** The signed plan with an unsigned incremental update after it: a line of text drawn on page 1. */
async function changedAfterSigning(): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(signedPlan, { forIncrementalUpdate: true, updateMetadata: false });
  const page = pdf.getPage(0);
  page.drawText("Da sua sau khi ky", { x: 60, y: 60, size: 12, font: await pdf.embedFont(StandardFonts.Helvetica) });
  pdf.context.snapshot?.markRefsForSave([page.ref]);
  const out = await pdf.save({ useObjectStreams: false });
  expect(Buffer.from(out.subarray(0, signedPlan.length)).equals(Buffer.from(signedPlan))).toBe(true);
  return out;
}

describe("a PDF changed after its last signature is not countersigned", () => {
  it("refuses it, naming the change (the bytes after the signed part, the objects they change)", async () => {
    const changed = await changedAfterSigning();
    const e = await sign(changed).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "pdf/changed-after-signing" });
    const vi = (e as { format(l: string): string }).format("vi");
    expect(vi).toContain("PDF đã bị sửa sau chữ ký cuối cùng (ô ky.nguoi-ky)");
    expect(vi).toContain(`${changed.length - signedPlan.length} byte`);
    expect(vi).toContain("/Page");
    const r = await command(changed);
    expect(r.code).toBe(1);
    expect(r.err[0]).toContain("[pdf/changed-after-signing]");
    expect(r.written).toBe(false);
  });

  it("still countersigns a signed PDF as it was signed, or with only an end of line added", async () => {
    for (const bytes of [signedPlan, new Uint8Array([...signedPlan, 0x0a])]) {
      const r = await sign(bytes);
      expect(findSignatures(r.bytes).map((s) => verifySignature(r.bytes, s).ok)).toEqual([true, true]);
    }
  });
});

describe("a damaged PDF says so, not 'not made by khoi-thi-dua'", () => {
  for (const [what, cut] of [
    ["cut at 60%", (b: Uint8Array) => b.subarray(0, Math.floor(b.length * 0.6))],
    ["cut 40 bytes before its end", (b: Uint8Array) => b.subarray(0, b.length - 40)],
    ["a signed one cut inside its update", (b: Uint8Array) => signedPlan.subarray(0, b.length + 2000)],
  ] as const) {
    it(what, async () => {
      const bytes = cut(plan);
      await expect(sign(bytes)).rejects.toMatchObject({ code: "pdf/damaged" });
      const r = await command(bytes);
      expect(r.err[0]).toMatch(/^a\.pdf: lỗi \[pdf\/damaged\] PDF bị hỏng hoặc không đầy đủ/);
      expect(r.err[0]).not.toContain("khoi-thi-dua");
      expect(r.written).toBe(false);
      expect((await command(bytes, "en")).err[0]).toContain("The PDF is damaged or incomplete");
    });
  }
});

describe("PDFs made by other tools: an empty signature field is signed, none is ever added", () => {
  /** A PDF made with pdf-lib (object streams, its own names), with or without an empty field Signature1. */
  async function foreign(withField: boolean): Promise<Uint8Array> {
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    page.drawText("Not made by khoi-thi-dua", { x: 50, y: 700, font: await doc.embedFont(StandardFonts.Helvetica) });
    if (withField) {
      const ctx = doc.context;
      const widget = ctx.obj({ Type: "Annot", Subtype: "Widget", FT: "Sig", Rect: [100, 100, 300, 180], P: page.ref, F: 4 });
      widget.set(PDFName.of("T"), PDFString.of("Signature1"));
      const ref = ctx.register(widget);
      page.node.set(PDFName.of("Annots"), ctx.obj([ref]));
      doc.catalog.set(PDFName.of("AcroForm"), ctx.obj({ Fields: [ref] }));
    }
    return doc.save();
  }

  it("signs the empty field Signature1 of a foreign PDF, as an update that verifies", async () => {
    const pdf = await foreign(true);
    const world = memoryWorld({ "good.p12": good.p12, "f.pdf": pdf }, { env: { SIGN_P12_PASSWORD: good.password } });
    const out: string[] = [];
    const code = await runSign(["f.pdf", "--p12", "good.p12"], { world, clock, fonts: async () => fonts, print: (s) => out.push(s), printErr: (s) => out.push(s) });
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^f\.pdf → f\.signed\.pdf: đã ký ô Signature1 /);
    const signed = world.files.get("f.signed.pdf")!;
    expect(Buffer.from(signed.subarray(0, pdf.length)).equals(Buffer.from(pdf))).toBe(true);
    expect(findSignatures(signed).map((s) => verifySignature(signed, s).ok)).toEqual([true]);
    if (hasCommand("pdfsig")) {
      const file = join(tmp, "foreign-signed.pdf");
      writeFileSync(file, signed);
      expect(run("pdfsig", [file])).toMatch(/Signature Field Name: Signature1[\s\S]*?Signature is Valid/);
    }
  });

  it("refuses a foreign PDF without a signature field: no field is added", async () => {
    const world = memoryWorld({ "good.p12": good.p12, "f.pdf": await foreign(false) }, { env: { SIGN_P12_PASSWORD: good.password } });
    const err: string[] = [];
    expect(await runSign(["f.pdf", "--p12", "good.p12"], { world, clock, fonts: async () => fonts, print: () => {}, printErr: (s) => err.push(s) })).toBe(1);
    expect(err[0]).toContain("[field/none]");
    expect(world.files.has("f.signed.pdf")).toBe(false);
  });

  it("the README and the help say exactly that", () => {
    const readme = readFileSync(join(REPO, "docs", "ky-so.md"), "utf8").replace(/\*\*/g, "").replace(/\s+/g, " ");
    const says = (text: string) => readme.includes(text);
    expect(says("PDF do công cụ khác lập được ký nếu có ô chữ ký trống"), "README: a foreign PDF with an empty field is signed").toBe(true);
    expect(says("PDF không do công cụ này lập, không có ô chữ ký (`field/none`"), "README: the old sentence that seemed to refuse every foreign PDF").toBe(false);
    expect(SIGN_HELP_VI).toContain("PDF khác có\nô chữ ký trống");
    expect(SIGN_HELP_EN).toContain("other PDFs with an empty signature field");
  });
});
