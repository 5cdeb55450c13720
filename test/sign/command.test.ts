/**
 * The sign command on a memory world: arguments, the password (environment or
 * terminal, never the command line), outputs, and the refusals that must
 * leave the input untouched: a signed field, a wrong password, an expired
 * certificate, a PDF without our fields.
 */
import { execFileSync } from "node:child_process";
import { pbkdf2Sync } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument, StandardFonts } from "@cantoo/pdf-lib";
import forge from "node-forge";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryWorld, type MemoryWorld } from "../../src/io/memory-world.ts";
import type { FontSet } from "../../src/pdf/fonts/font-set.ts";
import { fontsourceTinosDir, loadNodeFontSet } from "../../src/pdf/fonts/node-font-reader.ts";
import { outputPath, parseSignArgs } from "../../src/sign/args.ts";
import { runSign, type SignDeps } from "../../src/sign/command.ts";
import { SignError } from "../../src/sign/errors.ts";
import { FIELD } from "../../src/sign/field-names.ts";
import { installNativePbkdf2 } from "../../src/sign/native-pbkdf2.ts";
import { readPkcs12 } from "../../src/sign/p12.ts";
import { readPassword } from "../../src/sign/password.ts";
import { signPdf } from "../../src/sign/sign-pdf.ts";
import { hasCommand } from "../../src/tools/external.ts";
import { buildExample } from "../helpers/example.ts";
import { testIdentity, type TestIdentity } from "./identity.ts";
import { signaturePng } from "./images.ts";
import { findSignatures, verifySignature } from "./verify.ts";

const clock = () => new Date("2021-02-05T02:30:00Z");
let plan: Uint8Array;
let minutes: Uint8Array;
let fonts: FontSet;
let good: TestIdentity;
let expired: TestIdentity;
let foreign: Uint8Array;

beforeAll(async () => {
  const { outputs } = await buildExample();
  plan = outputs.get("out/2020/ke-hoach.pdf")!;
  minutes = outputs.get("out/2020/bien-ban-binh-bau.pdf")!;
  fonts = await loadNodeFontSet({ system: false, packageDir: fontsourceTinosDir()! });
  good = testIdentity({ organization: "Sở Văn hóa, Thể thao và Du lịch tỉnh Trà Vinh" });
  expired = testIdentity({ notBefore: new Date("2019-01-01T00:00:00Z"), notAfter: new Date("2020-12-31T00:00:00Z") });
  const doc = await PDFDocument.create();
  doc.addPage().drawText("Not made by khoi-thi-dua", { x: 50, y: 700, font: await doc.embedFont(StandardFonts.Helvetica) });
  foreign = await doc.save({ useObjectStreams: false });
}, 60_000);

interface Run {
  code: number;
  out: string[];
  err: string[];
  world: MemoryWorld;
}

async function sign(argv: string[], files: Record<string, Uint8Array>, env: Record<string, string> = { SIGN_P12_PASSWORD: good.password }, ask?: SignDeps["ask"]): Promise<Run> {
  const world = memoryWorld({ "good.p12": good.p12, "expired.p12": expired.p12, ...files }, { env });
  const out: string[] = [];
  const err: string[] = [];
  const code = await runSign(argv, { world, clock, fonts: async () => fonts, print: (s) => out.push(s), printErr: (s) => err.push(s), ...(ask ? { ask } : {}) });
  return { code, out, err, world };
}

/** The world's files other than the inputs given. */
const written = (r: Run, inputs: string[]) => [...r.world.files.keys()].filter((k) => !inputs.includes(k) && !k.endsWith(".p12") && !k.endsWith(".png"));

describe("npm run sign", () => {
  it("signs into the first unsigned field and writes <name>.signed.pdf next to the input", async () => {
    const r = await sign(["out/ke-hoach.pdf", "--p12", "good.p12", "--image", "sig.png", "--reason", "Ký ban hành"], { "out/ke-hoach.pdf": plan, "sig.png": signaturePng() });
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).toEqual(["out/ke-hoach.pdf → out/ke-hoach.signed.pdf: đã ký ô ky.nguoi-ky (Dương Hoàng Sum, 2021-02-05T09:30:00+07:00, ETSI.CAdES.detached)"]);
    expect(r.world.files.get("out/ke-hoach.pdf")).toBe(plan);
    const signed = r.world.files.get("out/ke-hoach.signed.pdf")!;
    expect(findSignatures(signed).map((s) => verifySignature(signed, s).ok)).toEqual([true]);
  });

  it("signs a named field, several files with --suffix, and in place with --out <the input>", async () => {
    const files = { "a.pdf": plan, "b.pdf": minutes };
    const r = await sign(["a.pdf", "b.pdf", "--p12", "good.p12", "--field", FIELD.seal, "--suffix", ".co-quan"], files);
    expect(r.code).toBe(0);
    expect(r.out.map((l) => l.split(":")[0])).toEqual(["a.pdf → a.co-quan.pdf", "b.pdf → b.co-quan.pdf"]);
    expect(r.out.every((l) => l.includes(`ô ${FIELD.seal} `))).toBe(true);
    const inPlace = await sign(["a.pdf", "--p12", "good.p12", "--out", "a.pdf", "--lang", "en"], { "a.pdf": plan });
    expect(inPlace.out[0]).toMatch(/^a\.pdf → a\.pdf: signed field ky\.nguoi-ky/);
    expect(inPlace.world.files.get("a.pdf")!.length).toBeGreaterThan(plan.length);
  });

  it("asks for the password on a terminal when SIGN_P12_PASSWORD is not set", async () => {
    const prompts: string[] = [];
    const r = await sign(["a.pdf", "--p12", "good.p12"], { "a.pdf": plan }, {}, async (p) => {
      prompts.push(p);
      return good.password;
    });
    expect(r.code).toBe(0);
    expect(prompts).toEqual(["Mật khẩu của good.p12: "]);
  });

  it("never takes a password on the command line, and says so", async () => {
    for (const flag of [["--password", "x"], ["--pass=x"], ["-p", "x"], ["--pin", "1234"]]) {
      const r = await sign(["a.pdf", "--p12", "good.p12", ...flag], { "a.pdf": plan });
      expect(r.code, flag.join(" ")).toBe(2);
      expect(r.err[0]).toContain("không nhận mật khẩu trên dòng lệnh");
      expect(written(r, ["a.pdf"])).toEqual([]);
    }
  });

  it("refuses wrong usage with status 2", async () => {
    expect(parseSignArgs(["a.pdf"]).errors).toEqual(["thiếu --p12 <tệp>"]);
    expect(parseSignArgs(["--p12", "x.p12"]).errors).toEqual(["chưa có tệp PDF nào để ký"]);
    expect(parseSignArgs(["a.pdf", "b.pdf", "--p12", "x", "--out", "c.pdf"]).errors[0]).toContain("--out");
    expect(parseSignArgs(["a.pdf", "--p12", "x", "--out", "c.pdf", "--suffix", ".s"]).errors[0]).toContain("--suffix");
    expect(parseSignArgs(["a.pdf", "--p12", "x", "--bogus"]).errors).toEqual(["tùy chọn không rõ: --bogus"]);
    expect(parseSignArgs(["--help"]).help).toBe(true);
    expect(outputPath("out/2020/ke-hoach.pdf", ".signed")).toBe("out/2020/ke-hoach.signed.pdf");
    expect(outputPath("x", ".signed")).toBe("x.signed.pdf");
    const r = await sign(["a.pdf", "--p12", "good.p12", "--out"], { "a.pdf": plan });
    expect(r.code).toBe(2);
  });

  it("without a password and without a terminal: a clear error, nothing written", async () => {
    const r = await sign(["a.pdf", "--p12", "good.p12"], { "a.pdf": plan }, {});
    expect(r.code).toBe(1);
    expect(r.err[0]).toContain("[password/missing]");
    expect(written(r, ["a.pdf"])).toEqual([]);
    await expect(readPassword({ env: {} }, "?")).rejects.toThrow(SignError);
  });
});

describe("refusals leave the input untouched and write nothing", () => {
  const cases: [string, () => { argv: string[]; files: Record<string, Uint8Array>; env?: Record<string, string> }, string][] = [
    ["an already signed field", () => ({ argv: ["s.pdf", "--p12", "good.p12", "--field", FIELD.signer], files: { "s.pdf": signedPlan } }), "[field/already-signed]"],
    ["a wrong password", () => ({ argv: ["a.pdf", "--p12", "good.p12"], files: { "a.pdf": plan }, env: { SIGN_P12_PASSWORD: "sai" } }), "[p12/wrong-password]"],
    ["an expired certificate", () => ({ argv: ["a.pdf", "--p12", "expired.p12"], files: { "a.pdf": plan }, env: { SIGN_P12_PASSWORD: expired.password } }), "[cert/expired]"],
    ["a PDF not made by us, with no signature field", () => ({ argv: ["f.pdf", "--p12", "good.p12"], files: { "f.pdf": foreign } }), "[field/none]"],
    ["a field the PDF does not have", () => ({ argv: ["a.pdf", "--p12", "good.p12", "--field", "Signature1"], files: { "a.pdf": plan } }), "[field/not-found]"],
    ["a PDF whose fields are all signed", () => ({ argv: ["s.pdf", "--p12", "good.p12"], files: { "s.pdf": fullySigned } }), "[field/all-signed]"],
    ["something that is not a PDF", () => ({ argv: ["x.pdf", "--p12", "good.p12"], files: { "x.pdf": new TextEncoder().encode("not a pdf") } }), "[pdf/unreadable]"],
  ];
  let signedPlan: Uint8Array;
  let fullySigned: Uint8Array;
  beforeAll(async () => {
    const id = readPkcs12(good.p12, good.password);
    signedPlan = (await signPdf(plan, { identity: id, fonts, clock })).bytes;
    fullySigned = (await signPdf(signedPlan, { identity: id, fonts, clock })).bytes;
  });

  for (const [what, setup, code] of cases) {
    it(what, async () => {
      const { argv, files, env } = setup();
      const copies = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, new Uint8Array(v)]));
      const r = await sign(argv, files, env);
      expect(r.code).toBe(1);
      expect(r.err.join("\n")).toContain(code);
      for (const [k, v] of Object.entries(copies)) expect(r.world.files.get(k), k).toEqual(v);
      expect(written(r, Object.keys(files))).toEqual([]);
    });
  }

  it("the messages say what is wrong, in Vietnamese or English", async () => {
    const r = await sign(["a.pdf", "--p12", "expired.p12", "--lang", "en"], { "a.pdf": plan }, { SIGN_P12_PASSWORD: expired.password });
    expect(r.err).toEqual(["a.pdf: error [cert/expired] The certificate of Dương Hoàng Sum expired on 2020-12-31T07:00:00+07:00: not signing"]);
    const f = await sign(["f.pdf", "--p12", "good.p12"], { "f.pdf": foreign });
    expect(f.err[0]).toBe("f.pdf: lỗi [field/none] PDF không có ô chữ ký nào (không phải do khoi-thi-dua lập?): không thêm ô chữ ký mới, không ký");
    const n = await sign(["a.pdf", "--p12", "good.p12", "--field", "Signature1"], { "a.pdf": plan });
    expect(n.err[0]).toContain("các ô có: ky.nguoi-ky, ky.co-quan");
  });

  it("a certificate not yet valid is refused too", async () => {
    const future = testIdentity({ notBefore: new Date("2030-01-01T00:00:00Z"), notAfter: new Date("2031-01-01T00:00:00Z") });
    await expect(signPdf(plan, { identity: readPkcs12(future.p12, future.password), fonts, clock })).rejects.toMatchObject({ code: "cert/not-yet-valid" });
  });
});

describe("PKCS#12 files", () => {
  it("reads the older 3DES encryption as well as AES-256", () => {
    const old = testIdentity({ algorithm: "3des", commonName: "Nguyễn Thị Ngọc Hân" });
    expect(readPkcs12(old.p12, old.password).subject.commonName).toBe("Nguyễn Thị Ngọc Hân");
  });

  /** In a temporary folder: `run` gets a writer of PKCS#12 files OpenSSL makes (`openssl pkcs12 -export`) for one test identity, CN "Tran Van B". */
  function withOpenSsl(run: (p12: (name: string, password: string) => Uint8Array) => void): void {
    const dir = mkdtempSync(join(tmpdir(), "ktd-p12-"));
    try {
      const t = testIdentity({ commonName: "Tran Van B" });
      writeFileSync(join(dir, "cert.pem"), t.certPem);
      writeFileSync(join(dir, "key.pem"), forge.pki.privateKeyToPem(t.key));
      run((name, password) => {
        const file = join(dir, `${name}.p12`);
        execFileSync("openssl", ["pkcs12", "-export", "-in", join(dir, "cert.pem"), "-inkey", join(dir, "key.pem"), "-out", file, "-passout", `pass:${password}`], { stdio: "pipe" });
        return new Uint8Array(readFileSync(file));
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it.skipIf(!hasCommand("openssl"))("reads a PKCS#12 written by OpenSSL (AES-256-CBC, PBKDF2, HMAC-SHA256)", () => {
    withOpenSsl((p12) => {
      const bytes = p12("o", "openssl-pw");
      expect(readPkcs12(bytes, "openssl-pw").subject.commonName).toBe("Tran Van B");
      expect(() => readPkcs12(bytes, "nope")).toThrow(expect.objectContaining({ code: "p12/wrong-password" }));
    });
  });

  it.skipIf(!hasCommand("openssl"))("reads a PKCS#12 OpenSSL wrote with a password beyond ASCII (Vietnamese, Latin-1): the password as UTF-8, as OpenSSL takes it, composed or decomposed", () => {
    withOpenSsl((p12) => {
      for (const [name, password] of [["vn", "mật khẩu"], ["latin1", "café"]] as const) {
        const bytes = p12(name, password);
        expect(readPkcs12(bytes, password).subject.commonName, name).toBe("Tran Van B");
        expect(() => readPkcs12(bytes, password.normalize("NFD").replace(/\p{M}/gu, "")), name).toThrow(expect.objectContaining({ code: "p12/wrong-password" }));
      }
      // Typed composed or decomposed (a Vietnamese input method gives either): the file opens with the other form too.
      expect(readPkcs12(p12("nfd", "mật khẩu".normalize("NFD")), "mật khẩu".normalize("NFC")).subject.commonName).toBe("Tran Van B");
      expect(readPkcs12(p12("nfc", "mật khẩu".normalize("NFC")), "mật khẩu".normalize("NFD")).subject.commonName).toBe("Tran Van B");
    });
  });

  it("derives PBES2 keys as Node's PBKDF2 does over the password's UTF-8, whatever hash forge names", () => {
    installNativePbkdf2();
    const salt = "\x00\x01saltsalt\xfe\xff";
    for (const [md, digest] of [[forge.md.sha256.create(), "sha256"], [forge.md.sha1.create(), "sha1"], [forge.md.sha512.create(), "sha512"], [undefined, "sha1"]] as const) {
      const ours = forge.pkcs5.pbkdf2("mật khẩu", salt, 2048, 32, md as never);
      expect(Buffer.from(ours, "binary")).toEqual(pbkdf2Sync(Buffer.from("mật khẩu", "utf8"), Buffer.from(salt, "binary"), 2048, 32, digest));
    }
  });

  it("refuses bytes that are not PKCS#12", () => {
    expect(() => readPkcs12(new TextEncoder().encode("nope"), "x", "f.p12")).toThrow(expect.objectContaining({ code: "p12/unreadable" }));
  });
});
