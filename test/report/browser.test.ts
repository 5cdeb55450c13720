/**
 * The year's report in a real browser: headless Chromium (the system's /usr/bin/chromium,
 * driven by playwright-core; nothing is downloaded). The project is built (in memory, through the
 * whole pipeline: the example's build is the one shared with the other files of the test process)
 * and its out/ written to a temporary folder, and each out/<year>/index.html is opened from disk.
 * The page must make no request
 * but its own file (every request is intercepted), log no error, link only to files that
 * exist, show every unit and every figure of the score table and the vote exactly as the
 * model and the DOCX of the year-end report and the minutes give them, pass axe-core with no
 * serious or critical violation, and fit a 390 px phone without sideways scrolling of the page.
 * One browser for every project, and one page per year: the checks at 390 px resize it.
 * Screenshots at 390 and 1280 px (full page) go to REPORT_SCREENSHOTS when it is set (without
 * it nobody would see them: they are not taken).
 *
 * The project is a parameter: REPORT_PROJECT=<folder with data/ (and templates/, else the
 * repository's)> (default: this repository's example, then the second example bloc).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkProject } from "../../src/pipeline.ts";
import { formatPercent, formatScore } from "../../src/format/number.ts";
import type { YearModel } from "../../src/model/types.ts";
import { voteBase } from "../../src/report/facts.ts";
import { hasCommand } from "../../src/tools/external.ts";
import { readTree } from "../../src/tools/read-tree.ts";
import { buildProject } from "../../src/write/build.ts";
import { FIXTURES, REPO } from "../helpers/fixture-world.ts";
import { builtExample, copyWorld, exampleOptions } from "../helpers/shared-example.ts";
import { docxTables, docxText } from "./docx-tables.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const HAVE_PDFTOTEXT = hasCommand("pdftotext");
// The example and the second example bloc (test/fixtures/kinh-te-ky-thuat), or the one REPORT_PROJECT names.
const PROJECTS = process.env.REPORT_PROJECT ? [resolve(process.env.REPORT_PROJECT)] : [resolve(REPO), join(FIXTURES, "kinh-te-ky-thuat")];
const SHOTS = process.env.REPORT_SCREENSHOTS ? resolve(process.env.REPORT_SCREENSHOTS) : undefined;

type Browser = import("playwright-core").Browser;
type Page = import("playwright-core").Page;

interface Visit {
  page: Page;
  requests: string[];
  refused: string[];
  errors: string[];
  /** axe-core is in the page (evaluated once per page). */
  axe: boolean;
}

/** One headless Chromium for every project of the file, launched on first use. */
let launched: Promise<Browser> | undefined;
const browserOf = () => (launched ??= import("playwright-core").then(({ chromium }) => chromium.launch({ executablePath: CHROMIUM })));
afterAll(async () => {
  if (launched) await (await launched).close();
});

/**
 * The project built in memory, its out/ written under `tmp`: the example's is the build shared
 * with the other files of the test process; another project's data (and templates, else the
 * repository's) are read into memory and built the same way.
 */
async function buildInto(project: string, tmp: string) {
  const built =
    project === resolve(REPO)
      ? await builtExample()
      : await (async () => {
          const files: Record<string, Uint8Array> = {};
          for (const d of ["data", "templates"]) for (const [k, v] of Object.entries(readTree(existsSync(join(project, d)) ? join(project, d) : join(REPO, d)))) files[`${d}/${k}`] = v;
          const world = copyWorld(new Map(Object.entries(files)));
          return { world, result: await buildProject(world, exampleOptions()) };
        })();
  for (const [k, v] of built.world.files)
    if (k.startsWith("out/") && !k.startsWith("out/.")) {
      mkdirSync(dirname(join(tmp, k)), { recursive: true });
      writeFileSync(join(tmp, k), v);
    }
  return { result: built.result, models: (await checkProject(built.world)).models };
}

for (const [nth, PROJECT] of PROJECTS.entries())
describe.skipIf(!HAVE_CHROMIUM)(`the year's report in headless Chromium (${PROJECT === resolve(REPO) ? "the example" : PROJECT})${HAVE_CHROMIUM ? "" : `: skipped, no browser at ${CHROMIUM} (apt-get install chromium)`}`, () => {
  const tmp = mkdtempSync(join(tmpdir(), "ktd-report-"));
  let browser: Browser;
  let models: YearModel[] = [];
  let years: string[] = [];

  beforeAll(async () => {
    const built = await buildInto(PROJECT, tmp);
    expect(built.result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    models = built.models;
    years = readdirSync(join(tmp, "out")).filter((y) => /^\d{4}$/.test(y) && existsSync(join(tmp, "out", y, "index.html")));
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    browser = await browserOf();
  });
  afterAll(async () => {
    for (const v of visits.values()) await (await v).page.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  /**
   * Each year's report, opened once (at 1280 px) and shared by the tests that read the page; at
   * another width the same page's viewport is resized (the layout follows, as at a fresh load).
   */
  const visits = new Map<string, Promise<Visit>>();
  const visit = async (year: string, width: number): Promise<Visit> => {
    if (!visits.has(year)) visits.set(year, open(year, 1280));
    const v = await visits.get(year)!;
    if (v.page.viewportSize()?.width !== width) await v.page.setViewportSize({ width, height: 900 });
    return v;
  };

  /** Opens a year's report at a width; every request is recorded, and any but the page's own folder's files refused. */
  async function open(year: string, width: number): Promise<Visit> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const v: Visit = { page, requests: [], refused: [], errors: [], axe: false };
    const folder = join(tmp, "out", year);
    await page.route("**/*", async (route) => {
      const url = route.request().url();
      v.requests.push(url);
      const inside = url.startsWith("file:") && !relative(folder, fileURLToPath(url)).startsWith("..");
      if (inside) await route.continue();
      else (v.refused.push(url), await route.abort());
    });
    page.on("console", (m) => (m.type() === "error" || m.type() === "warning") && v.errors.push(`${m.type()}: ${m.text()}`));
    page.on("pageerror", (e) => v.errors.push(`pageerror: ${e.message}`));
    await page.goto(pathToFileURL(join(folder, "index.html")).href, { waitUntil: "load" });
    return v;
  }

  const cells = (page: Page, selector: string) =>
    page.$$eval(selector, (rows) => rows.map((r) => [...r.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").replace(/\s+/g, " ").trim())));

  it("finds a report for every year of the project", () => {
    expect(years.length).toBeGreaterThan(0);
    expect(years).toEqual(models.map((m) => String(m.year)).filter((y) => years.includes(y)));
  });

  it("makes no request but its own file, logs no error, and links only to files that exist next to it", async () => {
    for (const year of years) {
      const v = await visit(year, 1280);
      expect(v.refused, year).toEqual([]);
      expect(v.requests, year).toEqual([pathToFileURL(join(tmp, "out", year, "index.html")).href]);
      expect(v.errors, year).toEqual([]);
      const hrefs = await v.page.$$eval("a[href]", (as) => as.map((a) => [a.getAttribute("href")!, (a as HTMLAnchorElement).href] as [string, string]));
      const files = hrefs.filter(([raw]) => !raw.startsWith("#"));
      for (const [raw, abs] of files) {
        expect(abs.startsWith("file:"), raw).toBe(true);
        const path = fileURLToPath(abs);
        expect(relative(join(tmp, "out", year), path).startsWith(".."), raw).toBe(false);
        expect(existsSync(path), `${year}: ${raw}`).toBe(true);
      }
      // Every DOCX and PDF of the year is linked, once each.
      const outputs = readdirSync(join(tmp, "out", year)).filter((f) => /\.(docx|pdf)$/.test(f)).sort();
      expect(files.map(([raw]) => decodeURIComponent(raw)).sort()).toEqual(outputs);
      for (const [raw] of hrefs.filter(([r]) => r.startsWith("#"))) expect(await v.page.$(`[id="${raw.slice(1)}"]`), raw).not.toBeNull();
    }
  });

  it("shows every unit and every figure of the score table as the model and the year-end report's DOCX give them", async () => {
    for (const year of years) {
      const m = models.find((x) => String(x.year) === year)!;
      const v = await visit(year, 1280);
      const rows = await cells(v.page, "table:has(#bang-diem) tbody tr");
      expect(rows).toEqual(
        m.scores.map((s, i) => [String(i + 1), m.unitById.get(s.unitId)!.name, ...[s.maxTotal, s.selfTotal, s.verifiedTotal, s.bonus, s.penalty, s.total].map(formatScore), String(s.rank)]),
      );
      // The year-end report carries the same table (a year whose data has no year-end report yet has none to compare).
      const yearEnd = join(tmp, "out", year, "bao-cao-tong-ket.docx");
      if (existsSync(yearEnd)) {
        const table = docxTables(readFileSync(yearEnd)).find((t) => t[0]?.includes("Xếp hạng"));
        expect(table, "the score table of bao-cao-tong-ket.docx").toBeDefined();
        expect(rows).toEqual(table!.slice(1));
      } else expect(PROJECT, "the example has a year-end report").not.toBe(resolve(REPO));
      // Every member appears on the page (timeline at least), and each total in the chart's label.
      const text = (await v.page.textContent("main"))!;
      for (const u of m.units) expect(text, u.name).toContain(u.name);
      const label = (await v.page.getAttribute("svg[role=img]", "aria-label"))!;
      for (const s of m.scores) expect(label).toContain(`${(m.unitById.get(s.unitId)!.shortName || m.unitById.get(s.unitId)!.name)} ${formatScore(s.total)}`);
      // Per criterion: each unit's verified points, in criterion order.
      const crit = await cells(v.page, "table:has(#bang-tieu-chi) tbody tr");
      expect(crit.map((r) => r[0])).toEqual(m.scores.map((s) => m.unitById.get(s.unitId)!.name));
      m.scores.forEach((s, i) => m.criteria.forEach((c, j) => expect(crit[i]![j + 1]!.startsWith(formatScore(s.perCriterion.get(c.id)!.verified))).toBe(true)));
    }
  });

  it("shows every award's ballot, votes, ratios and proposals as the model and the minutes' DOCX give them", async () => {
    for (const year of years) {
      const m = models.find((x) => String(x.year) === year)!;
      const v = await visit(year, 1280);
      const minutesPath = join(tmp, "out", year, "bien-ban-binh-bau.docx");
      if (!existsSync(minutesPath)) {
        expect(m.votes, "votes come from the minutes").toEqual([]);
        continue;
      }
      const minutes = readFileSync(minutesPath);
      const docxVotes = docxTables(minutes).filter((t) => t[0]?.includes("Số phiếu đồng ý"));
      const minutesText = docxText(minutes);
      const base = voteBase(m);
      const withBallots = m.votes.map((o) => o.awardId);
      expect(docxVotes.length).toBe(m.votes.reduce((n, o) => n + o.rounds.length, 0));
      let voteTable = 0;
      for (const [k, awardId] of withBallots.entries()) {
        const outcome = m.votes.find((o) => o.awardId === awardId)!;
        const ballot = outcome.rounds[0]!.ballot;
        const award = m.awards.find((a) => a.id === awardId)!;
        const scope = `.danh-hieu[data-award="${awardId}"]`;
        // Every round: round 1's table, then each second ballot's, as the minutes print them in that order.
        for (const [j, round] of outcome.rounds.entries()) {
          const id = round.round === 1 ? `#bang-phieu-${k + 1}` : `#bang-phieu-${k + 1}-lan-${round.round}`;
          const rows = (await cells(v.page, `table:has(${id}) tbody tr:not(.vach)`)).map((r) => r.slice(0, 4));
          expect(rows).toEqual(round.rows.map((r, i) => [String(i + 1), m.unitById.get(r.unitId)!.name, String(r.votes), formatPercent(r.votes, base)]));
          expect(rows, `${award.name}, lần ${round.round}`).toEqual(docxVotes[voteTable++]!.slice(1));
          if (j > 0) {
            const b = round.ballot;
            expect((await v.page.textContent(`${scope} .lan-sau[data-round="${round.round}"]`))!).toContain(`Phiếu phát ra: ${b.issued}; thu vào: ${b.received}; hợp lệ: ${b.valid}; không hợp lệ: ${b.invalid}.`);
          }
        }
        const ballotLine = (await v.page.textContent(`${scope} .phieu`))!;
        expect(ballotLine).toContain(`Chỉ tiêu: ${award.quota} đơn vị.`);
        expect(ballotLine).toContain(`Phiếu phát ra: ${ballot.issued}; thu vào: ${ballot.received}; hợp lệ: ${ballot.valid}; không hợp lệ: ${ballot.invalid}.`);
        expect(minutesText).toContain(`Số phiếu phát ra: ${ballot.issued}; số phiếu thu vào: ${ballot.received}; số phiếu hợp lệ: ${ballot.valid}; số phiếu không hợp lệ: ${ballot.invalid}.`);
        expect(minutesText).toContain(`${award.name} (chỉ tiêu: ${award.quota} đơn vị)`);
        // A later round's winner is named with its round, in the page and in the minutes' conclusion.
        const roundOf = (id: string) => outcome.rounds.find((r) => r.proposed.includes(id))!.round;
        const proposed = outcome.proposed.map((id) => (roundOf(id) > 1 ? `${m.unitById.get(id)!.name} (bỏ phiếu lần ${roundOf(id)})` : m.unitById.get(id)!.name)).join(", ");
        if (proposed) {
          expect((await v.page.textContent(`${scope} .de-nghi`))!.trim()).toBe(`Đề nghị: ${proposed}.`);
          expect(minutesText).toContain(`Đề nghị tặng ${award.name}: ${proposed}.`);
        }
        if (outcome.tiedAtQuota.length) expect(await v.page.textContent(scope)).toContain("Bằng phiếu ở vị trí cuối của chỉ tiêu");
      }
    }
  });

  // The page's markup and styles are the same for every project: the second is checked at one width, and not printed.
  const widths = nth === 0 ? [390, 1280] : [1280];
  it(`has no serious or critical accessibility violation (axe-core), at ${widths.join(" and ")} px`, async () => {
    const { source } = await import("axe-core");
    for (const year of years)
      for (const width of widths) {
        const v = await visit(year, width);
        // Evaluated through the debugging protocol: the page's own policy (no script at all) stays on.
        if (!v.axe) (await v.page.evaluate(source), (v.axe = true));
        const result = await v.page.evaluate(() => (window as unknown as { axe: { run: (o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run({ resultTypes: ["violations"] }));
        const bad = result.violations.filter((x) => x.impact === "serious" || x.impact === "critical").map((x) => `${x.id} (${x.impact}): ${x.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
        expect(bad, `${year} at ${width} px`).toEqual([]);
      }
  });

  it(`fits a phone (390 px: only the tables scroll, in their frames) and a desktop${SHOTS ? "; screenshots of both" : ""}`, async () => {
    for (const year of years)
      for (const width of [390, 1280]) {
        const v = await visit(year, width);
        const scrollWidth = await v.page.evaluate(() => document.documentElement.scrollWidth);
        expect(scrollWidth, `${year} at ${width} px`).toBeLessThanOrEqual(width);
        if (SHOTS) await v.page.screenshot({ path: join(SHOTS, `${year}-${width}.png`), fullPage: true });
      }
  });

  // The columns that answer the question: the unit, its total and rank; the unit, its votes and the result.
  const KEY_COLUMNS: [string, string[]][] = [
    ["#bang-diem", ["Đơn vị", "Tổng", "Xếp hạng"]],
    ...[1, 2, 3, 4].map((k): [string, string[]] => [`#bang-phieu-${k}`, ["Đơn vị", "Số phiếu đồng ý", "Kết quả"]]),
  ];
  it("keeps the key columns of the score and vote tables in view on a phone (390 px), however the table is scrolled in its frame", async () => {
    for (const year of years) {
      const v = await visit(year, 390);
      for (const [caption, keys] of KEY_COLUMNS) {
        const frame = await v.page.$(`div.cuon:has(${caption})`);
        if (!frame) continue;
        for (const where of ["start", "end"] as const) {
          const outside = await frame.evaluate(
            (f, [keys, where]) => {
              f.scrollLeft = where === "start" ? 0 : f.scrollWidth;
              const box = f.getBoundingClientRect();
              const heads = [...f.querySelectorAll("thead th")].map((th) => (th.textContent ?? "").replace(/\s+/g, " ").trim());
              const bad: string[] = [];
              for (const key of keys as string[]) {
                const col = heads.indexOf(key);
                if (col < 0) bad.push(`${key}: no such column`);
                for (const row of f.querySelectorAll("thead tr, tbody tr:not(.vach)")) {
                  const cell = row.children[col];
                  if (!cell) continue;
                  const r = cell.getBoundingClientRect();
                  // In view: inside the frame's box, and not covered by another cell (the topmost element at its middle is the cell or inside it).
                  const top = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 12));
                  if (r.left < box.left - 1 || r.right > box.right + 1 || (top && !cell.contains(top))) bad.push(`${key}: ${(cell.textContent ?? "").trim()} at ${Math.round(r.left)}–${Math.round(r.right)} (frame ${Math.round(box.left)}–${Math.round(box.right)})`);
                }
              }
              return bad;
            },
            [keys, where] as const,
          );
          expect(outside, `${year}, ${caption}, scrolled to the ${where}`).toEqual([]);
        }
        await frame.evaluate((f) => (f.scrollLeft = 0));
      }
    }
  });

  if (nth === 0) it("prints on A4 without the navigation, every column of every table on the page (the per-criterion table in parts)", async () => {
    for (const year of years) {
      const v = await visit(year, 1280);
      await v.page.emulateMedia({ media: "print" });
      try {
        expect(await v.page.$eval("nav.muc-luc", (n) => getComputedStyle(n).display)).toBe("none");
        const pdf = await v.page.pdf({ preferCSSPageSize: true });
        // A4 portrait: 595.28 × 841.89 pt.
        expect(new TextDecoder("latin1").decode(pdf)).toMatch(/\/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
        // Laid out at the page's printable width (A4 less 15 mm margins: 180 mm = 680 px), no cell passes the edge.
        await v.page.setViewportSize({ width: 680, height: 900 });
        const over = await v.page.$$eval("table", (ts) =>
          ts.filter((t) => t.getClientRects().length > 0).flatMap((t) => [...t.querySelectorAll("th, td")].filter((c) => c.getBoundingClientRect().right > 681).map((c) => `${t.querySelector("caption")?.textContent}: ${(c.textContent ?? "").trim()}`)),
        );
        expect(over, year).toEqual([]);
        // Every word the printed page shows (every header cell and every figure of every table with it) is in the PDF's text, as often.
        const words = (s: string) => s.normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? [];
        const tally = (ws: string[]) => ws.reduce((m, w) => m.set(w, (m.get(w) ?? 0) + 1), new Map<string, number>());
        const heads = await v.page.$$eval("table", (ts) => ts.filter((t) => t.getClientRects().length > 0).flatMap((t) => [...t.querySelectorAll("thead th")].map((th) => (th as HTMLElement).innerText)));
        expect(heads.length).toBeGreaterThan(20);
        const shown = tally(words(await v.page.evaluate(() => document.body.innerText)));
        if (HAVE_PDFTOTEXT) {
          const printed = tally(words(execFileSync("pdftotext", ["-", "-"], { input: pdf }).toString("utf8")));
          const missing = [...shown].filter(([w, n]) => (printed.get(w) ?? 0) < n).map(([w, n]) => `${w}: ${printed.get(w) ?? 0} of ${n}`);
          expect(missing, `${year}: words of the page missing from the printed PDF`).toEqual([]);
          for (const head of heads) for (const w of words(head)) expect(printed.has(w), `${year}: header ${head}`).toBe(true);
        } else console.log("The printed report's text is not read: no pdftotext (apt-get install poppler-utils); its layout at the page's width is checked.");
      } finally {
        await v.page.emulateMedia({ media: "screen" });
        await v.page.setViewportSize({ width: 1280, height: 900 });
      }
    }
  });

  it("is under 300 KB", () => {
    for (const year of years) expect(readFileSync(join(tmp, "out", year, "index.html")).length).toBeLessThan(300 * 1024);
  });
});
