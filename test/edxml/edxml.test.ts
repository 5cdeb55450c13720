/**
 * edXML packages (src/edxml/): the example's Tờ trình packed from a project whose agencies have
 * their electronic ids, parsed back into the same fields, its attachment the PDF byte for byte;
 * the same package on a second run; the signed copy preferred; refusals located (blank number,
 * an agency without an id, an addressee not known); a file there a person put is never replaced.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument } from "@cantoo/pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import { EDXML_NS, edxmlEnvelope, type EdxmlInput } from "../../src/edxml/envelope.ts";
import { parseXml, type XmlElement } from "../../src/render/docx/xml.ts";
import { fontsourceTinosDir, loadNodeFontSet } from "../../src/pdf/fonts/node-font-reader.ts";
import { readPkcs12 } from "../../src/sign/p12.ts";
import { signPdf } from "../../src/sign/sign-pdf.ts";
import { cliInProcess } from "../helpers/cli-in-process.ts";
import { testIdentity } from "../sign/identity.ts";

const root = mkdtempSync(join(tmpdir(), "edxml-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const IDS = { svhttdl: "000.00.31.H59", "so-y-te": "000.00.12.H59", hoiDong: "000.00.01.H59", ban: "000.02.34.H59" };

/** A copy of the example (data, templates, the built out/) whose agencies have their ids. */
function project(name: string, edit: (dir: string) => void = () => {}): string {
  const dir = join(root, name);
  for (const f of ["data", "templates", "out"]) cpSync(f, join(dir, f), { recursive: true });
  const khoi = join(dir, "data/khoi.yaml");
  let text = readFileSync(khoi, "utf8");
  text = text.replace(/^(  - ma: svhttdl\n)/m, `$1    ma_dinh_danh: ${IDS.svhttdl}\n`).replace(/^(  - ma: so-y-te\n)/m, `$1    ma_dinh_danh: ${IDS["so-y-te"]}\n`);
  text += `co_quan_nhan:\n  - ten: Hội đồng Thi đua, Khen thưởng tỉnh Trà Vinh\n    ma_dinh_danh: ${IDS.hoiDong}\n  - ten: Ban Thi đua - Khen thưởng tỉnh\n    ma_dinh_danh: ${IDS.ban}\n`;
  writeFileSync(khoi, text);
  edit(dir);
  return dir;
}

const texts = (el: XmlElement, name: string): string[] => {
  const out: string[] = [];
  const walk = (e: XmlElement) => {
    if (e.name === name) out.push(e.children.filter((c): c is string => typeof c === "string").join(""));
    for (const c of e.children) if (typeof c !== "string") walk(c);
  };
  walk(el);
  return out;
};
const one = (el: XmlElement, name: string) => texts(el, name)[0];

describe("edxml", () => {
  const dir = project("ok");

  it("packs the Tờ trình with the data's fields, its PDF attached byte for byte", async () => {
    const r = await cliInProcess(["edxml", "to-trinh"], dir);
    expect(r.err).toBe("");
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain("edxml/unsigned");
    const xml = readFileSync(join(dir, "out/2020/edxml/to-trinh.edxml"), "utf8");
    const doc = parseXml(xml).root;
    expect(doc.name).toBe("edXML");
    expect(doc.attrs).toContainEqual(["xmlns", EDXML_NS]);
    expect(texts(doc, "edXML:OrganId").slice(0, 3)).toEqual([IDS.svhttdl, IDS.hoiDong, IDS.ban]);
    expect(one(doc, "edXML:OrganName")).toBe("Sở Văn hóa, Thể thao và Du lịch");
    expect(one(doc, "edXML:DocumentId")).toBe(`${IDS.svhttdl},2021/02/09,04/TTr-K8`);
    expect([one(doc, "edXML:CodeNumber"), one(doc, "edXML:CodeNotation")]).toEqual(["04", "TTr-K8"]);
    expect([one(doc, "edXML:Place"), one(doc, "edXML:PromulgationDate")]).toEqual(["Trà Vinh", "2021/02/09"]);
    expect(one(doc, "edXML:TypeName")).toBe("Tờ trình");
    expect(one(doc, "edXML:Subject")).toBe("Đề nghị tặng Cờ thi đua của Ủy ban nhân dân tỉnh và Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2020");
    expect([one(doc, "edXML:Competence"), one(doc, "edXML:FullName")]).toEqual(["TM. KHỐI 8", "Dương Hoàng Sum"]);
    expect(one(doc, "edXML:Position")).toBe("KHỐI TRƯỞNG GIÁM ĐỐC SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH");
    const pdf = readFileSync(join(dir, "out/2020/to-trinh.pdf"));
    expect(one(doc, "edXML:PageAmount")).toBe(String((await PDFDocument.load(pdf)).getPageCount()));
    expect(texts(doc, "edXML:Place").slice(1)).toEqual(["Hội đồng Thi đua, Khen thưởng tỉnh Trà Vinh", "Ban Thi đua - Khen thưởng tỉnh", "Các đơn vị thành viên Khối 8"]);
    expect(one(doc, "AttachmentName")).toBe("to-trinh.pdf");
    expect(Buffer.compare(Buffer.from(one(doc, "edXML:ContentTransferEncoded")!, "base64"), pdf)).toBe(0);
    // The same package on a second run: nothing written.
    const again = await cliInProcess(["edxml", "to-trinh"], dir);
    expect(again.out).toContain("0 gói edXML được ghi, 1 không đổi");
    expect(readFileSync(join(dir, "out/2020/edxml/to-trinh.edxml"), "utf8")).toBe(xml);
  });

  it("packs the signed copy when there is one, and refuses a copy older than the data or merely marked as signed", async () => {
    const fonts = await loadNodeFontSet({ system: false, packageDir: fontsourceTinosDir()! });
    const t = testIdentity({ commonName: "Dương Hoàng Sum" });
    const identity = readPkcs12(t.p12, t.password);
    const signedCopy = async (p: string) => (await signPdf(readFileSync(join(p, "out/2020/to-trinh.pdf")), { identity, fonts, clock: () => new Date("2021-02-09T02:00:00Z") })).bytes;
    const d = project("signed");
    writeFileSync(join(d, "out/2020/to-trinh.signed.pdf"), await signedCopy(d));
    // The number changed in the data after signing: the signed copy shows the old one.
    const stale = project("stale", (p) => {
      const f = join(p, "data/2020/to-trinh.md");
      writeFileSync(f, readFileSync(f, "utf8").replace(/^so: 4$/m, "so: 6"));
    });
    writeFileSync(join(stale, "out/2020/to-trinh.signed.pdf"), await signedCopy(stale));
    const old = await cliInProcess(["edxml", "to-trinh", "--lang", "en"], stale);
    expect(old.code).toBe(1);
    expect(old.out).toContain("error [edxml/stale-pdf]");
    expect(old.out).toContain("Số: 06/TTr-K8");
    // An unsigned PDF with a signature-like dictionary appended is no signed copy: bytes no signature covers follow the PDF.
    const marked = project("marked", (p) => writeFileSync(join(p, "out/2020/to-trinh.signed.pdf"), Buffer.concat([readFileSync(join(p, "out/2020/to-trinh.pdf")), Buffer.from("\n9999 0 obj << /ByteRange [0 1 2 3] >> endobj\n")])));
    const markedOut = await cliInProcess(["edxml", "to-trinh"], marked);
    expect(markedOut.code).toBe(1);
    expect(markedOut.out).toContain("[edxml/not-built-pdf] out/2020/to-trinh.signed.pdf");
    expect(existsSync(join(marked, "out/2020/edxml/to-trinh.edxml"))).toBe(false);
    const r = await cliInProcess(["edxml", "to-trinh"], d);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).not.toContain("edxml/unsigned");
    const doc = parseXml(readFileSync(join(d, "out/2020/edxml/to-trinh.edxml"), "utf8")).root;
    expect(one(doc, "AttachmentName")).toBe("to-trinh.signed.pdf");
  });

  it("packs only the PDF the build wrote, or that PDF signed in place: never one edited by hand or one the record has no copy of", async () => {
    const pdfOf = (p: string) => join(p, "out/2020/to-trinh.pdf");
    const refused = async (p: string) => {
      const r = await cliInProcess(["edxml", "to-trinh"], p);
      expect(r.code, r.out).toBe(1);
      expect(r.out).toContain("[edxml/not-built-pdf]");
      expect(r.out).toContain("--only to-trinh --replace-edited");
      expect(existsSync(join(p, "out/2020/edxml/to-trinh.edxml"))).toBe(false);
    };
    await refused(project("edited-pdf", (p) => writeFileSync(pdfOf(p), Buffer.concat([readFileSync(pdfOf(p)), Buffer.from("% edited\n")]))));
    await refused(
      project("unrecorded-pdf", (p) => {
        const m = JSON.parse(readFileSync(join(p, "out/.manifest.json"), "utf8"));
        delete m.documents["2020/to-trinh"];
        writeFileSync(join(p, "out/.manifest.json"), JSON.stringify(m));
      }),
    );
    // Signed in place (sign --out out/2020/to-trinh.pdf): the build's PDF with the signature appended.
    const fonts = await loadNodeFontSet({ system: false, packageDir: fontsourceTinosDir()! });
    const identity = readPkcs12(testIdentity().p12, testIdentity().password);
    const inPlace = project("signed-in-place");
    const signed = (await signPdf(readFileSync(pdfOf(inPlace)), { identity, fonts, clock: () => new Date("2021-02-09T02:00:00Z") })).bytes;
    writeFileSync(pdfOf(inPlace), signed);
    const r = await cliInProcess(["edxml", "to-trinh"], inPlace);
    expect(r.code, r.out).toBe(0);
    const attached = one(parseXml(readFileSync(join(inPlace, "out/2020/edxml/to-trinh.edxml"), "utf8")).root, "edXML:ContentTransferEncoded")!;
    expect(Buffer.compare(Buffer.from(attached, "base64"), Buffer.from(signed))).toBe(0);
    // The next signature into a copy: the copy is that PDF with one more signature, packed.
    const copy = (await signPdf(signed, { identity, fonts, clock: () => new Date("2021-02-09T03:00:00Z") })).bytes;
    writeFileSync(join(inPlace, "out/2020/to-trinh.signed.pdf"), copy);
    const both = await cliInProcess(["edxml", "to-trinh"], inPlace);
    expect(both.code, both.out).toBe(0);
    expect(one(parseXml(readFileSync(join(inPlace, "out/2020/edxml/to-trinh.edxml"), "utf8")).root, "AttachmentName")).toBe("to-trinh.signed.pdf");
    // Without the document's PDF, the copy cannot be told from a copy of another: refused.
    rmSync(pdfOf(inPlace));
    const alone = await cliInProcess(["edxml", "to-trinh"], inPlace);
    expect(alone.code).toBe(1);
    expect(alone.out).toContain("[edxml/no-pdf]");
    // A change made in another program (an incremental update, as a PDF editor saves one), before signing or after it,
    // is no signature: refused.
    const changed = async (pdf: Uint8Array) => {
      const d = await PDFDocument.load(pdf, { forIncrementalUpdate: true });
      d.getPage(0).drawText("NOI DUNG DA SUA", { x: 80, y: 600, size: 20 });
      return d.commit();
    };
    const built = readFileSync(pdfOf(project("for-bytes")));
    const editedThenSigned = (await signPdf(await changed(built), { identity, fonts, clock: () => new Date("2021-02-09T02:00:00Z") })).bytes;
    expect(Buffer.compare(Buffer.from(editedThenSigned.subarray(0, built.length)), built)).toBe(0);
    await refused(project("edited-then-signed", (p) => writeFileSync(pdfOf(p), editedThenSigned)));
    const signedThenEdited = await changed(signed);
    await refused(project("signed-then-edited", (p) => writeFileSync(pdfOf(p), signedThenEdited)));
    await refused(project("copy-signed-then-edited", (p) => writeFileSync(join(p, "out/2020/to-trinh.signed.pdf"), signedThenEdited)));
    // With the build's record damaged, no PDF is known as the one it wrote.
    await refused(project("record-damaged", (p) => writeFileSync(join(p, "out/.manifest.json"), readFileSync(join(p, "out/.manifest.json")).subarray(0, 300))));
  });

  it("refuses, at the place to fix, a blank number, an agency without an id and an addressee not known; nothing is written", async () => {
    const d = project("refused", (p) => {
      const f = join(p, "data/2020/to-trinh.md");
      writeFileSync(f, readFileSync(f, "utf8").replace(/^so: 4\n/m, "").replace("  - Hội đồng Thi đua, Khen thưởng tỉnh Trà Vinh", "  - Hội đồng Thi đua, Khen thưởng tỉnh Vĩnh Long"));
      const k = join(p, "data/khoi.yaml");
      writeFileSync(k, readFileSync(k, "utf8").replace(`    ma_dinh_danh: ${IDS.svhttdl}\n`, ""));
    });
    const r = await cliInProcess(["edxml", "to-trinh", "--lang", "en"], d);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/data\/2020\/to-trinh\.md:\d+:1: error \[edxml\/no-number\]/);
    expect(r.out).toMatch(/data\/2020\/to-trinh\.md:5:1: error \[edxml\/unknown-recipient\] .*Vĩnh Long/);
    expect(r.out).toMatch(/data\/khoi\.yaml:14:1: error \[edxml\/no-organ-id\] Sở Văn hóa, Thể thao và Du lịch/);
    expect(existsSync(join(d, "out/2020/edxml"))).toBe(false);
    const unknown = await cliInProcess(["edxml", "to-trinhh"], d);
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain("edxml/unknown-document");
  });

  it("takes the number and date stamped at issuance from the command line when the data leaves them blank, never against the data", async () => {
    const blank = project("issued", (p) => {
      const f = join(p, "data/2020/to-trinh.md");
      writeFileSync(f, readFileSync(f, "utf8").replace(/^so: 4\n/m, "so:\n").replace(/^ngay: 2021-02-09\n/m, "ngay:\n"));
    });
    expect((await cliInProcess(["build", "--only", "to-trinh"], blank)).code).toBe(0);
    const r = await cliInProcess(["edxml", "to-trinh", "--so", "4", "--ngay", "2021-02-09"], blank);
    expect(r.code, r.out + r.err).toBe(0);
    const doc = parseXml(readFileSync(join(blank, "out/2020/edxml/to-trinh.edxml"), "utf8")).root;
    expect(one(doc, "edXML:DocumentId")).toBe(`${IDS.svhttdl},2021/02/09,04/TTr-K8`);
    expect(one(doc, "edXML:PromulgationDate")).toBe("2021/02/09");
    const onlyNumber = await cliInProcess(["edxml", "to-trinh", "--so", "4", "--lang", "en"], blank);
    expect(onlyNumber.code).toBe(1);
    expect(onlyNumber.out).toMatch(/data\/2020\/to-trinh\.md:3:1: error \[edxml\/no-date\]/);
    const against = await cliInProcess(["edxml", "to-trinh", "--so", "5", "--ngay", "2021-02-09", "--lang", "en"], dir);
    expect(against.code).toBe(1);
    expect(against.out).toMatch(/data\/2020\/to-trinh\.md:2:1: error \[edxml\/issued-conflict\] to-trinh\.pdf: the data says so: 4, the command line --so 5/);
  });

  it("never replaces a package a person put there", async () => {
    const d = project("kept", (p) => {
      cpSync(join(dir, "out/2020/edxml"), join(p, "out/2020/edxml"), { recursive: true });
      writeFileSync(join(p, "out/2020/edxml/to-trinh.edxml"), "<edXML>mine</edXML>");
      const f = join(p, "data/2020/to-trinh.md");
      writeFileSync(f, readFileSync(f, "utf8").replace("Đề nghị tặng", "Đề nghị xét tặng"));
    });
    // Packed from the data as it is now: the PDF in out/ made from older data is refused.
    const before = await cliInProcess(["edxml", "to-trinh", "--lang", "en"], d);
    expect(before.code).toBe(1);
    expect(before.out).toMatch(/data\/2020\/to-trinh\.md:1:1: error \[edxml\/built-before-change\]/);
    expect((await cliInProcess(["build", "--only", "to-trinh"], d)).code).toBe(0);
    const r = await cliInProcess(["edxml", "to-trinh"], d);
    expect(r.code).toBe(1);
    expect(r.out).toContain("edxml/kept-file");
    expect(readFileSync(join(d, "out/2020/edxml/to-trinh.edxml"), "utf8")).toBe("<edXML>mine</edXML>");
  });
});

describe("the build's packages (gui_edxml: true)", () => {
  const sending = (p: string, edit: (text: string) => string = (t) => t) => {
    const f = join(p, "data/2020/to-trinh.md");
    writeFileSync(f, edit(readFileSync(f, "utf8").replace(/^so: 4$/m, "so: 4\ngui_edxml: true")));
  };

  it("are made with the documents, the same bytes as the edxml command's, and use the signed copy once there is one", async () => {
    const d = project("build", (p) => sending(p));
    const r = await cliInProcess(["build"], d);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out + r.err).toContain("edxml/unsigned");
    const path = join(d, "out/2020/edxml/to-trinh.edxml");
    const built = readFileSync(path, "utf8");
    expect(one(parseXml(built).root, "edXML:DocumentId")).toBe(`${IDS.svhttdl},2021/02/09,04/TTr-K8`);
    // The edxml command makes the same package from the same PDF: nothing to write.
    expect((await cliInProcess(["edxml", "to-trinh"], d)).out).toContain("0 gói edXML được ghi, 1 không đổi");
    // Signed: the next build packs the signed copy (a build with nothing else to do still decides).
    const fonts = await loadNodeFontSet({ system: false, packageDir: fontsourceTinosDir()! });
    const identity = readPkcs12(testIdentity({ commonName: "Dương Hoàng Sum" }).p12, testIdentity({ commonName: "Dương Hoàng Sum" }).password);
    writeFileSync(join(d, "out/2020/to-trinh.signed.pdf"), (await signPdf(readFileSync(join(d, "out/2020/to-trinh.pdf")), { identity, fonts, clock: () => new Date("2021-02-09T02:00:00Z") })).bytes);
    const again = await cliInProcess(["build"], d);
    expect(again.code, again.out).toBe(0);
    expect(again.out + again.err).not.toContain("edxml/unsigned");
    expect(one(parseXml(readFileSync(path, "utf8")).root, "AttachmentName")).toBe("to-trinh.signed.pdf");
    // The signer signed, the records office's seal field is still empty: said.
    expect(again.out + again.err).toContain("[edxml/partly-signed]");
    // The addressee changed after signing: the signed copy is of the old document, whose number and date still show: refused, the package left as it was.
    const packed = readFileSync(path);
    const f = join(d, "data/2020/to-trinh.md");
    writeFileSync(f, readFileSync(f, "utf8").replace("  - Hội đồng Thi đua, Khen thưởng tỉnh Trà Vinh", "  - Ban Thi đua - Khen thưởng tỉnh"));
    const changed = await cliInProcess(["build", "--lang", "en"], d);
    expect(changed.code, changed.out + changed.err).toBe(0);
    expect(changed.out + changed.err).toMatch(/out\/2020\/to-trinh\.signed\.pdf: warning \[edxml\/stale-signed\]/);
    expect(changed.out + changed.err).toContain("[edxml/not-packed]");
    expect(readFileSync(path)).toEqual(packed);
  });

  it("do not stop the build when out/<year>/edxml is a file or a link: a warning, the documents built", async () => {
    for (const kind of ["file", "link"] as const) {
      const d = project(`build-${kind}`, (p) => sending(p));
      mkdirSync(join(d, "out/2020"), { recursive: true });
      if (kind === "file") writeFileSync(join(d, "out/2020/edxml"), "x");
      else (mkdirSync(join(d, "scratch")), symlinkSync("../../scratch", join(d, "out/2020/edxml")));
      const r = await cliInProcess(["build", "--lang", "en"], d);
      expect(r.code, `${kind}: ${r.out}${r.err}`).toBe(0);
      expect(r.out + r.err).toMatch(/out\/2020\/edxml: warning \[edxml\/folder-unusable\]/);
      expect(r.out + r.err).toContain("[edxml/not-packed]");
      if (kind === "link") expect(readdirSync(join(d, "scratch"))).toEqual([]);
    }
  });

  it("do not stop the build when a document cannot be packed yet: warnings name it, and no package is written", async () => {
    const d = project("build-blank", (p) => sending(p, (t) => t.replace(/^so: 4\n/m, "")));
    const r = await cliInProcess(["build", "--lang", "en"], d);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out + r.err).toMatch(/data\/2020\/to-trinh\.md:\d+:1: warning \[edxml\/no-number\]/);
    expect(r.out + r.err).toMatch(/data\/2020\/to-trinh\.md:1:1: warning \[edxml\/not-packed\] to-trinh\.pdf sets gui_edxml: true/);
    expect(existsSync(join(d, "out/2020/edxml"))).toBe(false);
    expect(existsSync(join(d, "out/2020/to-trinh.pdf"))).toBe(true);
  });
});

describe("edxml's recipients", () => {
  it("take the members as a group and the leader by its title, and refuse a package that goes to no one", async () => {
    const d = project("groups", (p) => {
      const k = join(p, "data/khoi.yaml");
      let n = 40; // (ids of their own: not those IDS gives)
      writeFileSync(k, readFileSync(k, "utf8").replace(/^(  - ma: (?!svhttdl\n|so-y-te\n)[a-z0-9-]+\n)/gm, (m) => `${m}    ma_dinh_danh: 000.00.${n++}.H59\n`));
    });
    const r = await cliInProcess(["edxml", "giay-moi", "dang-ky-so-y-te"], d);
    expect(r.code, r.out).toBe(0);
    const to = (f: string) => texts(parseXml(readFileSync(join(d, `out/2020/edxml/${f}`), "utf8")).root, "edXML:To").length;
    const ids = (f: string) => texts(parseXml(readFileSync(join(d, `out/2020/edxml/${f}`), "utf8")).root, "edXML:OrganId");
    // The invitation goes to every member but the leader that sends it, and to the province's office named with
    // its purpose ("Ban Thi đua - Khen thưởng tỉnh (để báo cáo)"); a unit's registration to the leader.
    expect(to("giay-moi.edxml")).toBe(10);
    expect(ids("giay-moi.edxml")).toContain(IDS.ban);
    expect(ids("dang-ky-so-y-te.edxml").slice(0, 2)).toEqual([IDS["so-y-te"], IDS.svhttdl]);
    const none = project("none", (p) => {
      const f = join(p, "data/2020/to-trinh.md");
      writeFileSync(f, readFileSync(f, "utf8").replace("  - Hội đồng Thi đua, Khen thưởng tỉnh Trà Vinh", "  - Sở Văn hóa, Thể thao và Du lịch").replace("  - Ban Thi đua - Khen thưởng tỉnh\n", "").replace("  - Các đơn vị thành viên Khối 8\n", ""));
    });
    const refused = await cliInProcess(["edxml", "to-trinh"], none);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain("[edxml/no-recipient]");
  });
});

describe("edxml's record", () => {
  it("when damaged, is said in the words of edxml, and the package the tool wrote is still known", async () => {
    const d = project("record");
    expect((await cliInProcess(["edxml", "to-trinh"], d)).code).toBe(0);
    writeFileSync(join(d, "out/2020/edxml/.edxml.json"), "not json");
    const r = await cliInProcess(["edxml", "to-trinh"], d);
    expect(r.code).toBe(0);
    expect(r.out).toContain("[files/record-damaged]");
    expect(r.out).toContain("npm run edxml");
    expect(r.out).not.toContain("biểu mẫu");
  });
});

describe("the envelope", () => {
  it("escapes every value and drops what XML cannot carry", () => {
    const hostile = 'A & B <c> "d" \'e\' \u0001';
    const input: EdxmlInput = {
      from: { organId: "000.00.31.H59", organName: hostile },
      to: [{ organId: "000.00.01.H59", organName: "</edXML:OrganName><x>" }],
      number: "04",
      notation: "TTr-K8",
      date: "2021-02-09",
      place: "Trà Vinh",
      type: { type: "1", detail: "0", name: "Tờ trình" },
      subject: hostile,
      signer: { competence: "TM. KHỐI 8", position: "KHỐI TRƯỞNG", fullName: "X" },
      pages: 2,
      toPlaces: [hostile],
      attachments: [{ name: "a&b.pdf", description: hostile, contentType: "application/pdf", bytes: new Uint8Array([1, 2, 3]) }],
    };
    const doc = parseXml(edxmlEnvelope(input)).root;
    expect(one(doc, "edXML:Subject")).toBe('A & B <c> "d" \'e\' ');
    expect(texts(doc, "edXML:OrganName")).toEqual(['A & B <c> "d" \'e\' ', "</edXML:OrganName><x>"]);
    expect(one(doc, "AttachmentName")).toBe("a&b.pdf");
    expect(edxmlEnvelope(input)).toBe(edxmlEnvelope(input));
  });
});

describe("usage errors of the new commands", () => {
  it("are said in Vietnamese, and an unknown command lists every command", async () => {
    expect((await cliInProcess(["so-van-ban", "--tiep-theo="])).err).toContain("--tiep-theo cần một mã loại văn bản, ví dụ: BC");
    expect((await cliInProcess(["edxml"])).err).toContain("edxml cần tên các văn bản để đóng gói");
    expect((await cliInProcess(["edxml", "to-trinh", "--ngay", "2021-02-30"])).err).toContain("--ngay cần ngày ban hành dạng NNNN-TT-NN, ví dụ: 2021-02-09");
    expect((await cliInProcess(["edxml", "to-trinh", "--so", "0"])).err).toContain("--so cần số văn bản, ví dụ: 4");
    expect((await cliInProcess(["edxml", "to-trinh", "giay-moi", "--so", "4"])).err).toContain("--so và --ngay là số và ngày của một văn bản: chỉ ghi một văn bản");
    const onBuild = await cliInProcess(["build", "--so", "4"]);
    expect(onBuild.code).toBe(2);
    expect(onBuild.err).toContain("--so và --ngay chỉ dùng với lệnh edxml");
    const unknown = await cliInProcess(["so-van-bam"]);
    expect(unknown.code).toBe(2);
    for (const c of ["so-van-ban", "edxml", "ho-so", "sign"]) expect(unknown.err.split("\n")[0]).toContain(c);
  });
});
