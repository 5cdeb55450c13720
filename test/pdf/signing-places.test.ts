/**
 * Where to sign and stamp (<stem>.ky-so.json, src/pdf/signing-places.ts): every signature field's
 * published box holds the PDF's own widget rectangle, on its page; the number's and the date's
 * slots hold the text the PDF shows there (pdftotext's word boxes), and with the number and date
 * left blank for the records office, they lie between the words around the blank.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument } from "@cantoo/pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import type { Place, SigningPlaces } from "../../src/pdf/signing-places.ts";
import { listSignatureFields } from "../../src/sign/pdf-fields.ts";
import { hasCommand, run } from "../../src/tools/external.ts";
import { buildProject } from "../../src/write/build.ts";
import { builtExample, exampleOptions } from "../helpers/shared-example.ts";
import { exampleStems } from "../helpers/registry-stems.ts";

const poppler = hasCommand("pdftotext");
if (!poppler) console.log("The slots' text positions are not checked: pdftotext is missing (apt-get install poppler-utils)");
const tmp = mkdtempSync(join(tmpdir(), "ky-so-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const places = (files: Map<string, Uint8Array>, stem: string) => JSON.parse(new TextDecoder().decode(files.get(`out/2020/${stem}.ky-so.json`)!)) as SigningPlaces;
const contains = (outer: readonly number[], inner: readonly number[], slack = 0.01) =>
  outer[0]! - slack <= inner[0]! && outer[1]! - slack <= inner[1]! && outer[2]! + slack >= inner[2]! && outer[3]! + slack >= inner[3]!;

/** pdftotext's words of page 1, boxes turned to PDF points with the origin bottom left. */
function words(pdf: Uint8Array, name: string): { text: string; box: [number, number, number, number] }[] {
  const file = join(tmp, name);
  writeFileSync(file, pdf);
  const html = run("pdftotext", ["-bbox", "-f", "1", "-l", "1", file, "-"]);
  const height = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(html)![1]);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[5]!,
    box: [Number(m[1]), height - Number(m[4]), Number(m[3]), height - Number(m[2])],
  }));
}

const slot = (p: SigningPlaces, name: string) => p.o.find((x) => x.ten === name) as Place;

describe("signing places of the example", async () => {
  const { world } = await builtExample();

  it("are published for every document, each signature field's box holding the PDF's own widget", async () => {
    for (const stem of exampleStems()) {
      const p = places(world.files, stem);
      expect(p.tep).toBe(`${stem}.pdf`);
      const pdf = await PDFDocument.load(world.files.get(`out/2020/${stem}.pdf`)!);
      expect(p.trang).toHaveLength(pdf.getPageCount());
      const fields = listSignatureFields(pdf);
      expect(fields.length, stem).toBeGreaterThan(0);
      expect(p.o.filter((x) => x.loai === "chu-ky" || x.loai === "dau").map((x) => x.ten).sort()).toEqual(fields.map((f) => f.name).sort());
      for (const f of fields) {
        const pl = slot(p, f.name);
        expect(pl.trang, `${stem} ${f.name}`).toBe(f.page + 1);
        expect(contains(pl.pt, f.rect), `${stem} ${f.name}: ${pl.pt} holds ${f.rect}`).toBe(true);
        // The same box in millimetres from the top-left corner.
        const h = p.trang[pl.trang - 1]!.cao_pt;
        expect(pl.mm.trai).toBeCloseTo((pl.pt[0] * 25.4) / 72, 1);
        expect(pl.mm.tren).toBeCloseTo(((h - pl.pt[3]) * 25.4) / 72, 1);
      }
    }
  });

  it.skipIf(!poppler)("have the number's and the date's slots where the PDF shows them", () => {
    for (const stem of exampleStems()) {
      const p = places(world.files, stem);
      const w = words(world.files.get(`out/2020/${stem}.pdf`)!, `${stem}.pdf`);
      const so = slot(p, "so");
      expect(so.da_ghi, stem).toMatch(/^\d{2,}$/);
      const num = w.find((x) => x.text.startsWith(`${so.da_ghi}/`))!;
      expect(num, stem).toBeDefined();
      // The slot runs from the end of "Số:" to the "/": the number's digits start in it.
      expect(num.box[0]).toBeGreaterThan(so.pt[0]);
      expect(num.box[0]).toBeLessThan(so.pt[2]);
      expect(contains([-Infinity, so.pt[1], Infinity, so.pt[3]], num.box, 1.5), `${stem}: ${num.box} in ${so.pt}`).toBe(true);
      const day = p.o.find((x) => x.ten === "ngay");
      if (!day) continue; // the minutes have no date line
      const d = w.find((x) => x.text === day.da_ghi && contains(day.pt, x.box, 1.5));
      expect(d, `${stem}: day ${day.da_ghi} in ${day.pt}`).toBeDefined();
      const month = slot(p, "thang");
      expect(w.find((x) => x.text === month.da_ghi && contains(month.pt, x.box, 1.5)), `${stem}: month`).toBeDefined();
    }
  });

  it.skipIf(!poppler)("with the number and date left blank, lie in the blanks between the words around them", async () => {
    const { world: w } = await builtExample();
    const path = "data/2020/to-trinh.md";
    w.files.set(path, new TextEncoder().encode(new TextDecoder().decode(w.files.get(path)!).replace(/^so: 4\nngay: 2021-02-09\n/m, "")));
    const r = await buildProject(w, exampleOptions({ only: "to-trinh" }));
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const p = places(w.files, "to-trinh");
    const so = slot(p, "so");
    const day = slot(p, "ngay");
    const month = slot(p, "thang");
    expect([so.da_ghi, day.da_ghi, month.da_ghi]).toEqual([null, null, null]);
    const ws = words(w.files.get("out/2020/to-trinh.pdf")!, "blank.pdf");
    const at = (text: string) => ws.find((x) => x.text === text)!;
    expect(at("Số:").box[2]).toBeLessThanOrEqual(so.pt[0] + 0.5);
    expect(at("/TTr-K8").box[0]).toBeGreaterThanOrEqual(so.pt[2] - 0.5);
    expect(so.pt[2] - so.pt[0]).toBeGreaterThan(15);
    expect(at("ngày").box[2]).toBeLessThanOrEqual(day.pt[0] + 0.5);
    expect(at("tháng").box[0]).toBeGreaterThanOrEqual(day.pt[2] - 0.5);
    expect(at("tháng").box[2]).toBeLessThanOrEqual(month.pt[0] + 0.5);
    expect(at("năm").box[0]).toBeGreaterThanOrEqual(month.pt[2] - 0.5);
  });
});
