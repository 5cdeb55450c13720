/**
 * `sign` never loses a file: an existing output, another input of the same
 * call, the key (--p12) and the signature image (--image) are never written
 * over by accident. Every target is checked, after normalising its path
 * (./a.pdf, x/../a.pdf, symlinks), before anything is written or the
 * password is asked; one bad target and nothing at all is written.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryWorld, type MemoryWorld } from "../../src/io/memory-world.ts";
import { nodeWorld } from "../../src/io/node-world.ts";
import type { World } from "../../src/io/world.ts";
import type { FontSet } from "../../src/pdf/fonts/font-set.ts";
import { fontsourceTinosDir, loadNodeFontSet } from "../../src/pdf/fonts/node-font-reader.ts";
import { runSign } from "../../src/sign/command.ts";
import { readPkcs12 } from "../../src/sign/p12.ts";
import { signPdf } from "../../src/sign/sign-pdf.ts";
import { buildExample } from "../helpers/example.ts";
import { testIdentity, type TestIdentity } from "./identity.ts";
import { signaturePng } from "./images.ts";
import { findSignatures } from "./verify.ts";

const clock = () => new Date("2021-02-05T02:30:00Z");
let plan: Uint8Array;
let minutes: Uint8Array;
let twiceSigned: Uint8Array;
let fonts: FontSet;
let good: TestIdentity;

beforeAll(async () => {
  const { outputs } = await buildExample();
  plan = outputs.get("out/2020/ke-hoach.pdf")!;
  minutes = outputs.get("out/2020/bien-ban-binh-bau.pdf")!;
  fonts = await loadNodeFontSet({ system: false, packageDir: fontsourceTinosDir()! });
  good = testIdentity();
  const id = readPkcs12(good.p12, good.password);
  const once = await signPdf(minutes, { identity: id, fonts, clock });
  twiceSigned = (await signPdf(once.bytes, { identity: id, fonts, clock })).bytes;
}, 60_000);

interface Run {
  code: number;
  out: string[];
  err: string[];
  asked: number;
}

async function signIn(world: World, argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  let asked = 0;
  const code = await runSign(argv, {
    world,
    clock,
    fonts: async () => fonts,
    print: (s) => out.push(s),
    printErr: (s) => err.push(s),
    ask: async () => {
      asked++;
      return good.password;
    },
  });
  return { code, out, err, asked };
}

/** A memory world with the key, an image and the files given; the password is asked (and counted). */
function world(files: Record<string, Uint8Array>): MemoryWorld {
  return memoryWorld({ "good.p12": good.p12, "sig.png": signaturePng(), ...files });
}

/** Every file of the world with a digest of its bytes, to compare after a refused call. */
const snapshot = (w: MemoryWorld) => [...w.files].map(([k, v]) => `${k} ${createHash("sha256").update(v).digest("hex")}`).sort();

async function refused(files: Record<string, Uint8Array>, argv: string[], code: string): Promise<Run> {
  const w = world(files);
  const before = snapshot(w);
  const r = await signIn(w, argv);
  expect(r.code, r.err.join("\n")).toBe(1);
  expect(r.err.join("\n")).toContain(`[${code}]`);
  expect(r.out).toEqual([]);
  expect(r.asked).toBe(0); // refused before the password is asked
  expect(snapshot(w)).toEqual(before); // nothing written, nothing removed
  return r;
}

describe("sign never writes over an existing file unless asked (--overwrite)", () => {
  it("refuses to replace an existing a.signed.pdf (here with two signatures), and says how to go on", async () => {
    const r = await refused({ "a.pdf": minutes, "a.signed.pdf": twiceSigned }, ["a.pdf", "--p12", "good.p12"], "sign/target-exists");
    expect(r.err[0]).toBe("a.pdf: lỗi [sign/target-exists] Đã có tệp a.signed.pdf: không ghi đè");
    expect(r.err.join("\n")).toContain("--overwrite");
    expect(r.err.join("\n")).toContain("--out");
    const en = await refused({ "a.pdf": minutes, "a.signed.pdf": twiceSigned }, ["a.pdf", "--p12", "good.p12", "--lang", "en"], "sign/target-exists");
    expect(en.err[0]).toBe("a.pdf: error [sign/target-exists] a.signed.pdf already exists: not writing over it");
  });

  it("replaces it with --overwrite", async () => {
    const w = world({ "a.pdf": plan, "a.signed.pdf": twiceSigned });
    const r = await signIn(w, ["a.pdf", "--p12", "good.p12", "--overwrite"]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(findSignatures(w.files.get("a.signed.pdf")!)).toHaveLength(1);
  });

  it("checks every target before writing any: one existing output and nothing at all is written", async () => {
    const w = world({ "a.pdf": plan, "b.pdf": minutes, "c.pdf": plan, "b.signed.pdf": twiceSigned });
    const r = await signIn(w, ["a.pdf", "b.pdf", "c.pdf", "--p12", "good.p12"]);
    expect(r.code).toBe(1);
    expect(r.err[0]).toContain("b.pdf: lỗi [sign/target-exists]");
    expect(w.files.has("a.signed.pdf")).toBe(false);
    expect(w.files.has("c.signed.pdf")).toBe(false);
    expect(w.files.get("b.signed.pdf")).toEqual(twiceSigned);
  });

  it("reports every bad target of the call, not only the first", async () => {
    const r = await refused({ "a.pdf": plan, "b.pdf": plan, "a.signed.pdf": twiceSigned, "b.signed.pdf": twiceSigned }, ["a.pdf", "b.pdf", "--p12", "good.p12"], "sign/target-exists");
    expect(r.err.filter((l) => l.includes("[sign/target-exists]"))).toHaveLength(2);
  });

  it("compares paths after normalisation: ./a.pdf and x/../a.pdf are a.pdf", async () => {
    await refused({ "a.pdf": plan, "a.signed.pdf": twiceSigned }, ["./a.pdf", "--p12", "good.p12"], "sign/target-exists");
    await refused({ "a.pdf": plan, "x/y.pdf": plan, "a.signed.pdf": twiceSigned }, ["x/../a.pdf", "--p12", "good.p12"], "sign/target-exists");
    const twice = await refused({ "a.pdf": plan }, ["a.pdf", "./a.pdf", "--p12", "good.p12"], "sign/target-twice");
    expect(twice.err[0]).toContain("a.signed.pdf");
  });

  it("still signs in place when asked with --out <the input> (./a.pdf too), without --overwrite", async () => {
    const w = world({ "a.pdf": plan });
    const r = await signIn(w, ["a.pdf", "--p12", "good.p12", "--out", "./a.pdf"]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(findSignatures(w.files.get("a.pdf")!)).toHaveLength(1);
  });
});

describe("sign never writes over an input of the same call, the key or the image, even with --overwrite", () => {
  for (const overwrite of [[], ["--overwrite"]]) {
    const flag = overwrite.length ? " (with --overwrite)" : "";
    it(`sign b.pdf b.signed.pdf: the second input is not replaced by the first one's output${flag}`, async () => {
      const r = await refused({ "b.pdf": plan, "b.signed.pdf": twiceSigned }, ["b.pdf", "b.signed.pdf", "--p12", "good.p12", ...overwrite], "sign/target-is-input");
      expect(r.err[0]).toContain("b.signed.pdf");
    });

    it(`--out equal to the --p12 file: the key is never replaced by a PDF${flag}`, async () => {
      const r = await refused({ "a.pdf": plan }, ["a.pdf", "--p12", "good.p12", "--out", "./good.p12", ...overwrite], "sign/target-is-key");
      expect(r.err[0]).toContain("good.p12");
    });

    it(`--out equal to the --image file${flag}`, async () => {
      await refused({ "a.pdf": plan }, ["a.pdf", "--p12", "good.p12", "--image", "sig.png", "--out", "sig.png", ...overwrite], "sign/target-is-image");
    });
  }
});

it("a write that fails is reported for that file, not a crash, and no PDF is said signed or written (all or none)", async () => {
  const w = world({ "a.pdf": plan, "b.pdf": plan });
  const denied = Object.assign(new Error("EACCES: permission denied"), { code: "EACCES", path: "a.signed.pdf" });
  const faulty: World = { ...w, writeNew: async (path, bytes) => (path.startsWith("a.signed.pdf.tmp-") ? Promise.reject(denied) : w.writeNew(path, bytes)) };
  const r = await signIn(faulty, ["a.pdf", "b.pdf", "--p12", "good.p12"]);
  expect(r.code).toBe(1);
  expect(r.err[0]).toContain("lỗi [build/write-failed] Không ghi được a.signed.pdf: không có quyền truy cập (EACCES)");
  expect(r.out).toEqual([]);
  expect(w.files.has("a.signed.pdf")).toBe(false);
  expect(w.files.has("b.signed.pdf")).toBe(false);
  expect([...w.files.keys()].filter((k) => k.includes(".tmp-") || k.startsWith("out/"))).toEqual([]);
});

describe("on the real file system, through symlinks (realPath of the World)", () => {
  const dir = mkdtempSync(join(tmpdir(), "ktd-targets-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const root = (name: string) => {
    const d = join(dir, name);
    mkdirSync(d);
    writeFileSync(join(d, "a.pdf"), plan);
    writeFileSync(join(d, "good.p12"), good.p12);
    return d;
  };

  it("a key reached through a symlink is still the key", async () => {
    const d = root("key");
    symlinkSync("good.p12", join(d, "link.p12"));
    const r = await signIn(nodeWorld(d), ["a.pdf", "--p12", "link.p12", "--out", "good.p12", "--overwrite"]);
    expect(r.code).toBe(1);
    expect(r.err[0]).toContain("[sign/target-is-key]");
    expect(new Uint8Array(readFileSync(join(d, "good.p12")))).toEqual(good.p12);
  });

  it("a folder reached through a symlink: two names of one output are one target", async () => {
    const d = root("dir");
    symlinkSync(".", join(d, "same"));
    const r = await signIn(nodeWorld(d), ["a.pdf", "same/a.pdf", "--p12", "good.p12"]);
    expect(r.code).toBe(1);
    expect(r.err[0]).toContain("[sign/target-twice]");
    expect(existsSync(join(d, "a.signed.pdf"))).toBe(false);
  });

  it("realPath resolves symlinks and is undefined for a missing file; the memory world normalises", async () => {
    const d = root("real");
    symlinkSync("a.pdf", join(d, "b.pdf"));
    const w = nodeWorld(d);
    expect(await w.realPath("./b.pdf")).toBe(await w.realPath("a.pdf"));
    expect(await w.realPath("missing.pdf")).toBeUndefined();
    const m = memoryWorld({ "x/a.pdf": plan });
    expect(await m.realPath("./x/../x/a.pdf")).toBe("x/a.pdf");
    expect(await m.realPath("x")).toBe("x");
    expect(await m.realPath("x/b.pdf")).toBeUndefined();
  });
});
