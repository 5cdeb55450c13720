/**
 * `sign` respects what earlier signers fixed and bounds what it is given:
 * it does not countersign a PDF whose earlier signature no longer verifies
 * (a byte changed inside the signed range), nor add a signature to a PDF
 * certified "no changes allowed" (DocMDP P=1; P=2 and P=3 allow signing); it
 * refuses a signer's name the fonts cannot draw instead of drawing "?"; and a
 * signature image is bounded in file size and pixels before it is decoded.
 * Each refusal is a SignError with its code, and nothing is written.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryWorld } from "../../src/io/memory-world.ts";
import type { FontSet } from "../../src/pdf/fonts/font-set.ts";
import { fontsourceTinosDir, loadNodeFontSet } from "../../src/pdf/fonts/node-font-reader.ts";
import { runSign } from "../../src/sign/command.ts";
import { FIELD } from "../../src/sign/field-names.ts";
import { readPkcs12, type SigningIdentity } from "../../src/sign/p12.ts";
import { signPdf, type SignOptions } from "../../src/sign/sign-pdf.ts";
import { hasCommand, run } from "../../src/tools/external.ts";
import { buildExample } from "../helpers/example.ts";
import { certify } from "./certify.ts";
import { rsaKey, testIdentity, type TestIdentity, type TestKeyPair } from "./identity.ts";
import { chunk, encodePng, signaturePng } from "./images.ts";
import { findSignatures, verifySignature } from "./verify.ts";

const clock = () => new Date("2021-02-05T02:30:00Z");
const tmp = mkdtempSync(join(tmpdir(), "ktd-respect-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let plan: Uint8Array;
let fonts: FontSet;
let pair: TestKeyPair;
let good: TestIdentity;
let signer: SigningIdentity;
let signedPlan: Uint8Array;

beforeAll(async () => {
  const { outputs } = await buildExample();
  plan = outputs.get("out/2020/ke-hoach.pdf")!;
  fonts = await loadNodeFontSet({ system: false, packageDir: fontsourceTinosDir()! });
  pair = rsaKey();
  good = testIdentity({ keyPair: pair });
  signer = readPkcs12(good.p12, good.password);
  signedPlan = (await signPdf(plan, { identity: signer, fonts, clock })).bytes;
}, 60_000);

const sign = (bytes: Uint8Array, o: Partial<SignOptions> = {}) => signPdf(bytes, { identity: signer, fonts, clock, ...o });
const formatted = (e: unknown, lang: "vi" | "en") => (e as { format(l: string): string }).format(lang);

/** The sign command on a memory world: a.pdf, the key, and the given extra files. */
async function command(pdf: Uint8Array, o: { p12?: TestIdentity; args?: string[]; files?: Record<string, Uint8Array> } = {}) {
  const id = o.p12 ?? good;
  const world = memoryWorld({ "k.p12": id.p12, "a.pdf": pdf, ...o.files }, { env: { SIGN_P12_PASSWORD: id.password } });
  const err: string[] = [];
  const code = await runSign(["a.pdf", "--p12", "k.p12", ...(o.args ?? [])], { world, clock, fonts: async () => fonts, print: () => {}, printErr: (s) => err.push(s) });
  return { code, err, written: world.files.has("a.signed.pdf") };
}

describe("a PDF whose earlier signature no longer verifies is not countersigned", () => {
  /** The signed plan with one byte changed inside the signed range (the binary comment under the header). */
  const tampered = () => {
    const t = new Uint8Array(signedPlan);
    expect(Buffer.from(t.subarray(0, 12)).toString("latin1")).toBe("%PDF-1.7\n%\x81\x81");
    t[10] = 0x82;
    return t;
  };

  it("refuses it with the reason (digest mismatch), naming the field and the signer; nothing is written", async () => {
    const bytes = tampered();
    expect(findSignatures(bytes).map((s) => verifySignature(bytes, s).problem)).toEqual(["digest mismatch"]);
    if (hasCommand("pdfsig")) {
      const file = join(tmp, "tampered.pdf");
      writeFileSync(file, bytes);
      expect(run("pdfsig", [file])).toContain("Digest Mismatch");
    }
    const e = await sign(bytes).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "pdf/signature-broken" });
    expect(formatted(e, "vi")).toBe(
      `Chữ ký đã có ở ô ${FIELD.signer} (Dương Hoàng Sum) không còn hợp lệ: nội dung đã ký bị thay đổi (mã băm không khớp, pdfsig báo Digest Mismatch); không ký tiếp lên văn bản mà chữ ký trước không còn xác nhận`,
    );
    expect(formatted(e, "en")).toContain("no longer verifies: digest mismatch");
    const r = await command(bytes);
    expect(r.code).toBe(1);
    expect(r.err[0]).toContain("[pdf/signature-broken]");
    expect(r.written).toBe(false);
  });

  it("refuses a signature whose CMS was changed (the message digest kept, the signature broken)", async () => {
    const [sig] = findSignatures(signedPlan);
    const t = new Uint8Array(signedPlan);
    // The last bytes of the CMS are the RSA signature; change one hex digit of it.
    const hexEnd = sig!.byteRange[1] + 1 + sig!.cms.length * 2;
    const lastSig = Buffer.from(t.subarray(sig!.byteRange[1] + 1, hexEnd)).toString("latin1").replace(/(00)+$/, "").length - 1 + sig!.byteRange[1] + 1;
    t[lastSig] = t[lastSig] === 0x41 ? 0x42 : 0x41;
    await expect(sign(t)).rejects.toMatchObject({ code: "pdf/signature-broken", message: expect.stringContaining("signature does not verify") });
  });

  it("still countersigns the intact signed PDF", async () => {
    const r = await sign(signedPlan);
    expect(findSignatures(r.bytes).map((s) => verifySignature(r.bytes, s).ok)).toEqual([true, true]);
  });
});

describe("a PDF certified 'no changes allowed' (DocMDP P=1) gets no further signature", () => {
  it("the certified PDFs of these tests are valid certification signatures", async () => {
    const c = await certify(plan, signer, 1);
    expect(findSignatures(c).map((s) => verifySignature(c, s).ok)).toEqual([true]);
    if (hasCommand("pdfsig")) {
      const file = join(tmp, "certified.pdf");
      writeFileSync(file, c);
      expect(run("pdfsig", [file])).toContain("Signature is Valid");
    }
  });

  for (const perms of [true, false]) {
    it(`refuses P=1 (${perms ? "catalog /Perms /DocMDP" : "only the signature's /Reference"}), naming the certifying field; nothing is written`, async () => {
      const c = await certify(plan, signer, 1, { perms });
      const e = await sign(c).catch((x: unknown) => x);
      expect(e).toMatchObject({ code: "pdf/certified-no-changes" });
      expect(formatted(e, "vi")).toBe(`PDF đã được chứng nhận ở ô ${FIELD.signer} (Người chứng nhận) với quyền "không cho phép thay đổi" (DocMDP P=1): không được thêm chữ ký nào nữa`);
      expect(formatted(e, "en")).toContain('"no changes allowed" (DocMDP P=1)');
      const r = await command(c);
      expect(r.err[0]).toContain("[pdf/certified-no-changes]");
      expect(r.written).toBe(false);
    });
  }

  for (const p of [2, 3] as const) {
    it(`signs a PDF certified with P=${p} (form filling and signing allowed): both signatures verify`, async () => {
      const c = await certify(plan, signer, p);
      const r = await sign(c);
      expect(r.field).toBe(FIELD.seal);
      expect(findSignatures(r.bytes).map((s) => verifySignature(r.bytes, s).ok)).toEqual([true, true]);
    });
  }
});

describe("a signer's name the fonts cannot draw is refused before signing, not drawn as '?'", () => {
  for (const [script, name, char] of [
    ["Khmer", "សុខ ចាន់ណា", 'U+179F "ស"'],
    ["Chinese", "王小明", 'U+738B "王"'],
  ] as const) {
    it(`${script}: a SignError naming the characters; nothing is written`, async () => {
      const id = testIdentity({ keyPair: pair, commonName: name });
      const e = await sign(plan, { identity: readPkcs12(id.p12, id.password) }).catch((x: unknown) => x);
      expect(e).toMatchObject({ code: "sign/name-not-drawable" });
      expect(formatted(e, "vi")).toContain(char);
      expect(formatted(e, "vi")).toContain(`Ký bởi: ${name}`);
      expect(formatted(e, "en")).toContain(`cannot draw the characters ${char}`);
      const r = await command(plan, { p12: id });
      expect(r.err[0]).toContain("[sign/name-not-drawable]");
      expect(r.written).toBe(false);
    });
  }

  it("an organisation in a script the fonts lack is refused too; Vietnamese names still sign", async () => {
    const id = testIdentity({ keyPair: pair, commonName: "Nguyễn Thị Ánh", organization: "ក្រសួងអប់រំ" });
    await expect(sign(plan, { identity: readPkcs12(id.p12, id.password) })).rejects.toMatchObject({ code: "sign/name-not-drawable" });
    const vn = testIdentity({ keyPair: pair, commonName: "Nguyễn Thị Ánh", organization: "Sở Giáo dục và Đào tạo" });
    const r = await sign(plan, { identity: readPkcs12(vn.p12, vn.password) });
    expect(r.signer).toBe("Nguyễn Thị Ánh");
  });
});

/** A PNG of `width` × `height` 8-bit grey points, its image data the deflated `raw` (zero rows by default), with extra chunks before IEND. */
function greyPng(width: number, height: number, o: { raw?: Uint8Array; extra?: Buffer[] } = {}): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  const raw = o.raw ?? new Uint8Array((width + 1) * height);
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), ...(o.extra ?? []), chunk("IEND", new Uint8Array(0))]));
}

/** A JPEG's start and frame header (SOF0) saying `width` × `height`, and its end. */
function jpegHeader(width: number, height: number): Uint8Array {
  const sof = [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0, ...sof, 0xff, 0xd9]);
}

/** Runs `f`, returning its outcome and how long it took. */
async function timed<T>(f: () => Promise<T>): Promise<{ value: T | unknown; ms: number }> {
  const t0 = performance.now();
  const value = await f().catch((e: unknown) => e);
  return { value, ms: performance.now() - t0 };
}

describe("a signature image is bounded before it is decoded", () => {
  it("a PNG of 6000 × 6000 points (a 36 KB file) is refused by its header, in well under 2 s; nothing is written", async () => {
    const png = greyPng(6000, 6000);
    expect(png.length).toBeLessThan(100_000);
    const { value, ms } = await timed(() => sign(plan, { image: png, imageName: "chu-ky.png" }));
    expect(value).toMatchObject({ code: "image/too-many-pixels" });
    expect(ms).toBeLessThan(2000);
    expect(formatted(value, "vi")).toBe("Ảnh chữ ký chu-ky.png có 6000 × 6000 điểm ảnh (36 triệu), quá giới hạn 4 triệu điểm ảnh");
    const r = await command(plan, { args: ["--image", "chu-ky.png"], files: { "chu-ky.png": png } });
    expect(r.err[0]).toContain("[image/too-many-pixels]");
    expect(r.written).toBe(false);
  });

  it("a JPEG whose frame header says 5000 × 5000 is refused the same way", async () => {
    await expect(sign(plan, { image: jpegHeader(5000, 5000), imageName: "dau.jpg" })).rejects.toMatchObject({ code: "image/too-many-pixels" });
  });

  it("a file over 4 MiB is refused before it is read by the command, and by signPdf", async () => {
    const big = new Uint8Array(5 * 1024 * 1024);
    big.set(signaturePng());
    await expect(sign(plan, { image: big, imageName: "to.png" })).rejects.toMatchObject({ code: "image/too-large" });
    const r = await command(plan, { args: ["--image", "to.png"], files: { "to.png": big } });
    expect(r.err[0]).toContain("[image/too-large]");
    expect(r.err[0]).toContain("5242880 byte");
    expect(r.written).toBe(false);
  });

  it("image data that inflates beyond what the header's size needs is refused without inflating it all", async () => {
    const bomb = greyPng(300, 120, { raw: new Uint8Array(64 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(200_000);
    const { value, ms } = await timed(() => sign(plan, { image: bomb, imageName: "bom.png" }));
    expect(value).toMatchObject({ code: "image/invalid" });
    expect(ms).toBeLessThan(2000);
  });

  it("a compressed text chunk that inflates to 64 MiB is dropped unread: the image signs, in bounded time", async () => {
    const text = Buffer.concat([Buffer.from("Comment\0\0", "latin1"), deflateSync(new Uint8Array(64 * 1024 * 1024))]);
    const png = greyPng(300, 120, { extra: [chunk("zTXt", text)] });
    const { value, ms } = await timed(() => sign(plan, { image: png, imageName: "chu-ky.png" }));
    expect(value).toMatchObject({ field: FIELD.signer });
    expect(ms).toBeLessThan(5000); // before: the 64 MiB were inflated and decoded as text, minutes
  });

  it("an image within the limits (2000 × 2000 RGBA) signs in proportionate time", async () => {
    const rgba = new Uint8Array(2000 * 2000 * 4);
    for (let i = 0; i < rgba.length; i += 4) [rgba[i], rgba[i + 2], rgba[i + 3]] = [20, 200, (i >> 2) % 2000 < 1000 ? 255 : 0];
    const png = encodePng(2000, 2000, rgba);
    const { value, ms } = await timed(() => sign(plan, { image: png, imageName: "lon.png" }));
    expect(value).toMatchObject({ field: FIELD.signer });
    // Linear in the points: about 4 s and 40 MB on a loaded 2-core machine at the limit (a 36 MP image took 29 s before).
    expect(ms).toBeLessThan(30_000);
  });
});
