/** The bench's arguments and report, on made-up timings: the format a person and a script read is pinned here. */
import { describe, expect, it } from "vitest";
import { type BenchReport, checkTarget, type Figure, formatFigure, formatReport, loadWarnings, parseBenchArgs, ratio, reportJson, stats } from "../../src/tools/bench-report.ts";
import { watchDebounceMs } from "../../src/tools/bench-watch.ts";

const s = (median: number, min: number, max: number, n = 5) => ({ n, median, min, max });

const node: Figure = { id: "node", kind: "whole", what: "node -e 0", unit: "ms", value: s(40, 38, 45), cpu: s(30, 30, 40), peakMiB: s(42, 42, 43) };
const help: Figure = { id: "help", kind: "whole", what: "khoi-thi-dua --help", unit: "ms", value: s(70, 66, 80), against: { what: "node -e 0", value: s(40, 38, 45) }, target: { maxRatio: 1.5 } };
const full: Figure = {
  id: "full-cold",
  kind: "whole",
  what: "full build of the example from an empty out/",
  unit: "ms",
  value: s(900, 850, 1200),
  against: { what: "LibreOffice, one process", value: s(5400, 5000, 6000) },
  target: { max: 1000, minSpeedup: 5 },
};
const big: Figure = { id: "units-200", kind: "whole", what: "full cold build, 200 units", unit: "ms", value: s(4800, 4700, 5100), peakMiB: s(260, 255, 270), target: { max: 5000, maxPeakMiB: 250 } };
const warm: Figure = { id: "warm-one-edit", kind: "warm", what: "one registration changed, warm, in one process", unit: "ms", value: s(120, 110, 130), against: { what: "full build, warm", value: s(600, 590, 640) } };

const report: BenchReport = {
  machine: { cores: 2, node: "v20.20.2", platform: "linux/x64", loadStart: [0.5, 0.4, 0.3], loadEnd: [2.25, 1, 0.5] },
  runs: 5,
  figures: [node, help, full, big, warm],
  warmRows: [{ name: "example (10 units)", docs: 16, checkMs: 100, docxMs: 80, pdfMs: 120, layoutMs: 70, emitMs: 50 }],
  skipped: ["Typst comparison skipped: no registry"],
  notes: ["a note"],
};

describe("bench arguments", () => {
  it("defaults to 5 runs and no JSON", () => {
    expect(parseBenchArgs([])).toEqual({ runs: 5, help: false, errors: [] });
  });
  it("reads --runs N and --json <file>, also with =", () => {
    expect(parseBenchArgs(["--runs", "3", "--json", "out.json"])).toEqual({ runs: 3, json: "out.json", help: false, errors: [] });
    expect(parseBenchArgs(["--runs=7", "--json=x.json"])).toEqual({ runs: 7, json: "x.json", help: false, errors: [] });
  });
  it("refuses a bad run count, a missing file name and unknown arguments", () => {
    expect(parseBenchArgs(["--runs", "0"]).errors).toEqual(['--runs needs a whole number of at least 1, not "0"']);
    expect(parseBenchArgs(["--runs"]).errors).toEqual(["--runs needs a whole number of at least 1, not nothing"]);
    expect(parseBenchArgs(["--json", "--runs", "2"]).errors[0]).toBe("--json needs a file name");
    expect(parseBenchArgs(["--fast"]).errors).toEqual(['unknown argument "--fast"']);
  });
});

describe("bench figures", () => {
  it("takes the median with min and max (the mean of the middle two for an even count)", () => {
    expect(stats([5, 1, 3])).toEqual({ n: 3, median: 3, min: 1, max: 5 });
    expect(stats([4, 1, 2, 10])).toEqual({ n: 4, median: 3, min: 1, max: 10 });
    expect(() => stats([])).toThrow();
  });
  it("compares a figure with its like by their medians, and checks every bound of its target", () => {
    expect(ratio(help)).toBeCloseTo(1.75);
    expect(checkTarget(help)).toEqual([{ text: "≤ 1.5×", met: false }]);
    expect(checkTarget(full)).toEqual([
      { text: "≤ 1000 ms", met: true },
      { text: "≥ 5× faster", met: true },
    ]);
    expect(checkTarget(big)).toEqual([
      { text: "≤ 5000 ms", met: true },
      { text: "peak ≤ 250 MiB", met: false },
    ]);
    expect(ratio(node)).toBeUndefined();
  });
  it("warns when the 1-minute load is above 1.5, at the start or the end", () => {
    expect(loadWarnings(report.machine)).toEqual(["WARNING: 1-minute load average 2.25 at the end (above 1.5 on 2 cores): other processes share the machine, the figures are unreliable."]);
    expect(loadWarnings({ ...report.machine, loadEnd: [1.5, 1, 1] })).toEqual([]);
  });
  it("reads the debounce of the watch from its source", () => {
    expect(watchDebounceMs("timer = setTimeout(() => void build(), 300);")).toBe(300);
    expect(watchDebounceMs("const DEBOUNCE_MS = 25;\ntimer = setTimeout(() => void build(), DEBOUNCE_MS);")).toBe(25);
    expect(watchDebounceMs("nothing here")).toBeUndefined();
  });
});

describe("bench report", () => {
  it("prints whole processes first, then the warm figures, labelled, each with its like and ratio", () => {
    expect(formatReport(report)).toBe(
      [
        "khoi-thi-dua bench: 2 cores, node v20.20.2, linux/x64; load average (1, 5, 15 min) 0.50 0.40 0.30 at start, 2.25 1.00 0.50 at end",
        "each figure: median (min–max) of 5 runs; a figure and its like are run in turn, in the same run of the bench",
        "WARNING: 1-minute load average 2.25 at the end (above 1.5 on 2 cores): other processes share the machine, the figures are unreliable.",
        "",
        "Whole processes (a new process each run, timed from outside, as a person sees it):",
        "  node -e 0: 40.0 ms (38.0–45.0); cpu 30.0 ms (30.0–40.0); peak 42.0 MiB (42.0–43.0)",
        "  khoi-thi-dua --help: 70.0 ms (66.0–80.0)",
        "      against node -e 0: 40.0 ms (38.0–45.0); ratio 1.75×",
        "      target ≤ 1.5× NOT met",
        "  full build of the example from an empty out/: 900 ms (850–1200)",
        "      against LibreOffice, one process: 5400 ms (5000–6000); ratio 0.17× (6.0× faster)",
        "      target ≤ 1000 ms met, ≥ 5× faster met",
        "  full cold build, 200 units: 4800 ms (4700–5100); peak 260 MiB (255–270)",
        "      target ≤ 5000 ms met, peak ≤ 250 MiB NOT met",
        "",
        "Warm, in one process (modules loaded and fonts prepared once; not what a person waits for):",
        "  one registration changed, warm, in one process: 120 ms (110–130)",
        "      against full build, warm: 600 ms (590–640); ratio 0.20× (5.0× faster)",
        "  example (10 units)         16 docs    53.3 docs/s  load+check   100 ms  DOCX   5.00 ms/doc  PDF   7.50 ms/doc (layout 4.38 + emit 3.13)",
        "",
        "Skipped:",
        "  Typst comparison skipped: no registry",
        "",
        "Notes:",
        "  a note",
        "",
      ].join("\n"),
    );
  });
  it("says when a figure has one run only", () => {
    expect(formatFigure({ ...node, value: s(40, 40, 40, 1), cpu: undefined, peakMiB: undefined })).toEqual(["  node -e 0: 40.0 ms (1 run)"]);
  });
  it("gives the same figures as JSON, with each ratio and target checked", () => {
    const j = JSON.parse(JSON.stringify(reportJson(report)));
    expect(j.machine).toEqual({ ...report.machine, loaded: true });
    expect(j.runs).toBe(5);
    expect(j.figures.map((f: { id: string }) => f.id)).toEqual(["node", "help", "full-cold", "units-200", "warm-one-edit"]);
    expect(j.figures[0]).toEqual({ ...node });
    expect(j.figures[1]).toEqual({ ...help, ratio: 1.75, targetMet: false, checks: [{ text: "≤ 1.5×", met: false }] });
    expect(j.figures[2].targetMet).toBe(true);
    expect(j.figures[2].ratio).toBeCloseTo(900 / 5400);
    expect(j.figures[4].kind).toBe("warm");
    expect(j.warmRows[0].docsPerSecond).toBeCloseTo(1000 * 16 / 300);
    expect(j.skipped).toEqual(report.skipped);
    expect(j.notes).toEqual(report.notes);
  });
});
