/**
 * The award dossier (`ho-so`, src/dossier/): the checklist first, each item with its number, date
 * and signature state (by sign's own verification), the minutes signed in both fields carried as
 * the signed copy and said so, a missing achievement report warned by its file, a bookmark per
 * item, the signed originals beside it; the same dossier on a second run, and a file a person put
 * there never replaced.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfText } from "../../src/cli/pdf-text.ts";
import { fontsourceTinosDir, loadNodeFontSet } from "../../src/pdf/fonts/node-font-reader.ts";
import { FIELD } from "../../src/sign/field-names.ts";
import { readPkcs12 } from "../../src/sign/p12.ts";
import { signPdf } from "../../src/sign/sign-pdf.ts";
import { hasCommand, run } from "../../src/tools/external.ts";
import { readOutline } from "../bundle/read-pdf.ts";
import { cliInProcess } from "../helpers/cli-in-process.ts";
import { testCa, testIdentity } from "../sign/identity.ts";

const root = mkdtempSync(join(tmpdir(), "ho-so-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const dir = join(root, "p");
const DOSSIER = join(dir, "out/2020/ho-so-de-nghi-2020.pdf");

beforeAll(async () => {
  for (const f of ["data", "templates", "out"]) cpSync(f, join(dir, f), { recursive: true });
  // The minutes signed by the secretary and the chair (two fields), as `sign` does.
  const fonts = await loadNodeFontSet({ system: false, packageDir: fontsourceTinosDir()! });
  const ca = testCa();
  const id = (name: string) => {
    const t = testIdentity({ commonName: name, ca });
    return readPkcs12(t.p12, t.password);
  };
  const clock = () => new Date("2021-02-05T03:00:00Z");
  const first = await signPdf(readFileSync(join(dir, "out/2020/bien-ban-binh-bau.pdf")), { identity: id("Ngô Thị Thanh Thảo"), fonts, clock, field: FIELD.secretary });
  const second = await signPdf(first.bytes, { identity: id("Dương Hoàng Sum"), fonts, clock, field: FIELD.chair });
  writeFileSync(join(dir, "out/2020/bien-ban-binh-bau.signed.pdf"), second.bytes);
  // One unit sent its achievement report; the other two did not.
  mkdirSync(join(dir, "data/2020/bao-cao-thanh-tich"));
  writeFileSync(join(dir, "data/2020/bao-cao-thanh-tich/so-y-te.pdf"), readFileSync(join(dir, "out/2020/ke-hoach.pdf")));
}, 60_000);

describe("a unit's report that is no document", () => {
  it("(a truncated PDF: pdf-lib opens it, with no page) is said and left out, never a crash", async () => {
    const d = join(root, "truncated");
    for (const f of ["data", "templates", "out"]) cpSync(f, join(d, f), { recursive: true });
    mkdirSync(join(d, "data/2020/bao-cao-thanh-tich"));
    writeFileSync(join(d, "data/2020/bao-cao-thanh-tich/so-y-te.pdf"), readFileSync(join(d, "out/2020/to-trinh.pdf")).subarray(0, 20000));
    const r = await cliInProcess(["ho-so"], d);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toContain("data/2020/bao-cao-thanh-tich/so-y-te.pdf: cảnh báo [dossier/unusable-file]");
  });
});

describe("the award dossier", () => {
  let out = "";
  beforeAll(async () => {
    const r = await cliInProcess(["ho-so"], dir);
    expect(r.code, r.out + r.err).toBe(0);
    out = r.out;
  });

  it("warns of each missing achievement report by the file to add", () => {
    const warned = out.split("\n").filter((l) => l.includes("[dossier/missing-unit-report]"));
    expect(warned.map((l) => l.slice(0, l.indexOf(":")))).toEqual(["data/2020/bao-cao-thanh-tich/so-gddt.pdf", "data/2020/bao-cao-thanh-tich/so-ldtbxh.pdf"]);
  });

  it("lists every item on its checklist page with number, date and signature state, the minutes as the signed copy", async () => {
    expect(out.split("\n").find((l) => l.includes("2. Biên bản"))).toContain("bien-ban-binh-bau.signed.pdf, Đã ký số 2/3 ô"); // secretary and chair; the seal's field is left
    expect(out).toContain("to-trinh.pdf, Chưa ký số");
    // (The table's cells come out line by line across the row: each cell's lines are looked for one by one.)
    const text = (await pdfText(readFileSync(DOSSIER), 1e7)).replace(/\s+/g, " ");
    const page1 = text.slice(0, text.indexOf("TỜ TRÌNH"));
    expect(page1).toContain("DANH MỤC HỒ SƠ");
    for (const s of ["04/TTr-K8", "09/02/2021", "02/BB-K8", "05/02/2021", "03/BC-K8", "Có (bản ký số)", "Đã ký số 2/3 ô", "Chưa ký số", "Thiếu", "so-gddt.pdf", "so-ldtbxh.pdf"]) expect(page1).toContain(s);
  });

  it("has a bookmark per item, under its award for the units' reports", async () => {
    const { items } = await readOutline(readFileSync(DOSSIER));
    expect(items.map((i) => i.title)).toEqual([
      "Danh mục hồ sơ",
      expect.stringMatching(/^1\. Tờ trình/),
      expect.stringMatching(/^2\. Biên bản/),
      expect.stringMatching(/^3\. Báo cáo Tổng kết/),
      "Cờ thi đua của Ủy ban nhân dân tỉnh",
    ]);
    expect(items[4]!.children.map((c) => c.title)).toEqual([expect.stringMatching(/^4\. Báo cáo thành tích .*Sở Y tế$/)]);
  });

  it.skipIf(!hasCommand("qpdf"))("passes qpdf --check", () => {
    expect(run("qpdf", ["--check", DOSSIER])).toContain("No syntax or stream encoding errors");
  });

  it("keeps the signed originals beside it, byte for byte", () => {
    expect(Buffer.compare(readFileSync(join(dir, "out/2020/ho-so-de-nghi/bien-ban-binh-bau.signed.pdf")), readFileSync(join(dir, "out/2020/bien-ban-binh-bau.signed.pdf")))).toBe(0);
    expect(existsSync(join(dir, "out/2020/ho-so-de-nghi/to-trinh.pdf"))).toBe(false);
  });

  it("is the same file on a second run, and never replaces one a person put there", async () => {
    const before = readFileSync(DOSSIER);
    const again = await cliInProcess(["ho-so"], dir);
    expect(again.out).not.toContain("đã ghi");
    expect(Buffer.compare(readFileSync(DOSSIER), before)).toBe(0);
    const en = await cliInProcess(["ho-so", "--lang", "en"], dir);
    expect(en.out).toContain("bien-ban-binh-bau.signed.pdf, signed in 2 of 3 fields");
    expect(en.out).not.toMatch(/Đã ký|Chưa ký|THIẾU/);
    writeFileSync(DOSSIER, "mine");
    const kept = await cliInProcess(["ho-so"], dir);
    expect(kept.code).toBe(1);
    expect(kept.out).toContain("[dossier/kept-file]");
    expect(readFileSync(DOSSIER, "utf8")).toBe("mine");
  });
});
