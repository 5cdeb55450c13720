/**
 * The province's overview page (out/tinh-<year>/index.html) in headless Chromium (the system's,
 * driven by playwright-core; nothing downloaded), made from the example's results and a second
 * bloc proposing the same units: no request leaves the page's folder, no console error, axe-core
 * finds no serious or critical violation at 390 and 1280 px, the page fits a phone (only tables
 * scroll, in their frames), every bloc and proposal is shown as the view has it, and it prints on
 * A4 without the navigation and without losing a column.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mergeProvince, type ProvinceView } from "../../src/province/merge.ts";
import { provinceHtml } from "../../src/province/province-html.ts";
import type { ResultsFile } from "../../src/results/schema.ts";
import { hasCommand } from "../../src/tools/external.ts";
import { builtExample } from "../helpers/shared-example.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const tmp = mkdtempSync(join(tmpdir(), "tinh-html-"));
type Browser = import("playwright-core").Browser;
type Page = import("playwright-core").Page;
let browser: Browser | undefined;
let page: Page;
let view: ProvinceView;
const requests: string[] = [];
const refused: string[] = [];
const errors: string[] = [];

afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe.skipIf(!existsSync(CHROMIUM))("the province's overview page in Chromium", () => {
  beforeAll(async () => {
    const { world } = await builtExample();
    const k8 = JSON.parse(new TextDecoder().decode(world.files.get("out/2020/ket-qua-2020.json")!)) as ResultsFile;
    const k9 = { ...k8, khoi: { ...k8.khoi, ma: "K9", ten_ngan: "Khối 9 <b>&</b>" } };
    view = mergeProvince("Trà Vinh", 2020, [{ id: "k8", file: "khoi/k8/out/2020/ket-qua-2020.json", results: k8 }, { id: "k9", file: "ket-qua/2020/k9.json", results: k9 }], ["k8", "k9", "k10"]);
    writeFileSync(join(tmp, "index.html"), provinceHtml(view));
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.route("**/*", async (route) => {
      const url = route.request().url();
      requests.push(url);
      if (url.startsWith("file:") && !relative(tmp, fileURLToPath(url)).startsWith("..")) await route.continue();
      else (refused.push(url), await route.abort());
    });
    page.on("console", (m) => (m.type() === "error" || m.type() === "warning") && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(pathToFileURL(join(tmp, "index.html")).href, { waitUntil: "load" });
  }, 120_000);

  it("loads nothing but itself, logs no error, and shows every bloc and proposal as the view has them (data escaped)", async () => {
    expect(refused).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(errors).toEqual([]);
    const blocs = await page.$$eval("#bang-khoi ~ tbody tr, table:has(#bang-khoi) tbody tr", (rows) => rows.map((r) => (r.querySelector("th")?.textContent ?? "").trim()));
    expect(blocs).toEqual(["Khối 8", "Khối 9 <b>&</b>"]);
    const proposed = await page.$$eval("#de-nghi tbody tr", (rows) => rows.map((r) => [...r.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").trim())));
    // Award by award, each award's units in the view's order.
    const awards = [...new Set(view.de_nghi.map((p) => p.danh_hieu))];
    const expected = awards.flatMap((a) => view.de_nghi.filter((p) => p.danh_hieu === a)).map((p) => [p.ten_don_vi, p.khoi === "k8" ? "Khối 8" : "Khối 9 <b>&</b>", String(p.so_phieu)]);
    expect(proposed.map((r) => [r[1], r[2], r[3]])).toEqual(expected);
    const todo = await page.$$eval("#can-xu-ly li", (li) => li.map((l) => (l.textContent ?? "").trim()));
    expect(todo).toContain("Sở Y tế được đề nghị hai lần: Cờ thi đua của Ủy ban nhân dân tỉnh (Khối 8), Cờ thi đua của Ủy ban nhân dân tỉnh (Khối 9 <b>&</b>)");
    expect(todo).toContain("Khối k10 chưa gửi kết quả năm 2020");
  });

  it("has no serious or critical accessibility violation (axe-core) and fits a phone, at 390 and 1280 px", async () => {
    const { source } = await import("axe-core");
    await page.evaluate(source);
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      const result = await page.evaluate(() => (window as unknown as { axe: { run: (o: object) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run({ resultTypes: ["violations"] }));
      expect(result.violations.filter((x) => x.impact === "serious" || x.impact === "critical").map((x) => x.id), `${width} px`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width} px`).toBeLessThanOrEqual(width);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("prints on A4 without the navigation, every column on the page and every word in the PDF", async () => {
    await page.emulateMedia({ media: "print" });
    try {
      expect(await page.$eval("nav.muc-luc", (n) => getComputedStyle(n).display)).toBe("none");
      const pdf = await page.pdf({ preferCSSPageSize: true });
      expect(new TextDecoder("latin1").decode(pdf)).toMatch(/\/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
      await page.setViewportSize({ width: 680, height: 900 });
      const over = await page.$$eval("table", (ts) => ts.flatMap((t) => [...t.querySelectorAll("th, td")].filter((c) => c.getBoundingClientRect().right > 681).map((c) => (c.textContent ?? "").trim())));
      expect(over).toEqual([]);
      if (hasCommand("pdftotext")) {
        const words = (s: string) => s.normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? [];
        const tally = (ws: string[]) => ws.reduce((m, w) => m.set(w, (m.get(w) ?? 0) + 1), new Map<string, number>());
        const shown = tally(words(await page.evaluate(() => document.body.innerText)));
        const printed = tally(words(execFileSync("pdftotext", ["-", "-"], { input: pdf }).toString("utf8")));
        expect([...shown].filter(([w, n]) => (printed.get(w) ?? 0) < n).map(([w, n]) => `${w}: ${printed.get(w) ?? 0} of ${n}`)).toEqual([]);
      }
    } finally {
      await page.emulateMedia({ media: "screen" });
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
