/**
 * The bench's figures as plain data, and the two ways they are shown: plain
 * text for a person and JSON for a test or a script. Pure functions only (no
 * process, no clock, no file), so the report's shape is pinned by a test on
 * made-up timings.
 */

/** Median with min–max of a figure's runs (ms, MiB, or what the figure says). */
export interface Stats {
  n: number;
  median: number;
  min: number;
  max: number;
}

/** What a figure must reach; every bound given is checked. */
export interface Target {
  /** At most this, in the figure's unit. */
  max?: number;
  /** At most this times the figure it is compared against. */
  maxRatio?: number;
  /** At least this many times faster than the figure it is compared against. */
  minSpeedup?: number;
  /** Peak memory at most this (MiB). */
  maxPeakMiB?: number;
}

export interface Figure {
  id: string;
  /** "whole": a new process each run, timed from outside; "warm": in one process, already loaded. */
  kind: "whole" | "warm";
  what: string;
  unit: string;
  value: Stats;
  /** Processor time (user + system) of the whole process, ms, when measured. */
  cpu?: Stats;
  /** Peak resident memory of the whole process, MiB, when measured. */
  peakMiB?: Stats;
  /** The like it is compared against, measured in the same run (interleaved). */
  against?: { what: string; value: Stats };
  target?: Target;
  note?: string;
}

export interface Machine {
  cores: number;
  node: string;
  platform: string;
  /** Load averages (1, 5, 15 minutes) when the bench started and ended. */
  loadStart: number[];
  loadEnd: number[];
}

export interface WarmRow {
  name: string;
  docs: number;
  checkMs: number;
  docxMs: number;
  pdfMs: number;
  layoutMs: number;
  emitMs: number;
}

export interface BenchReport {
  machine: Machine;
  runs: number;
  figures: Figure[];
  /** The in-process rows (docs/s, ms/doc), warm, in one process. */
  warmRows: WarmRow[];
  /** Comparisons that could not run here, and why. */
  skipped: string[];
  notes: string[];
}

/** The bench's parts, in the order they run; country only when asked for (it takes minutes). */
export const BENCH_SECTIONS = ["start-up", "watch", "one-document", "full", "units", "province", "warm", "country"] as const;
export type BenchSection = (typeof BENCH_SECTIONS)[number];

export interface BenchArgs {
  runs: number;
  json?: string;
  /** Also the synthetic country (--country). */
  country?: boolean;
  /** Only these parts (--only a,b). */
  only?: BenchSection[];
  help: boolean;
  errors: string[];
}

export const BENCH_USAGE = `usage: npm run bench [-- --runs N] [--json <file>] [--country] [--only <parts>]
  --runs N        runs of each figure (default 5); figures are medians with min–max
  --json <file>   also write the figures as JSON to <file>
  --country       also the synthetic country: 34 provinces × 10 blocs × 15 units, 34 workspace builds (several minutes)
  --only <parts>  only these parts, comma-separated: ${BENCH_SECTIONS.join(", ")}`;

/** Whether the bench runs this part. */
export function runsSection(a: BenchArgs, s: BenchSection): boolean {
  if (a.only) return a.only.includes(s) || (s === "country" && a.country === true);
  return s !== "country" || a.country === true;
}

/** Loads at or above this (1-minute average) make the figures unreliable. */
export const LOAD_LIMIT = 1.5;

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const o: BenchArgs = { runs: 5, help: false, errors: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf("=");
    const [name, inline] = a.startsWith("--") && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (name === "--runs") {
      const v = value();
      if (v === undefined || !/^\d+$/.test(v) || Number(v) < 1) o.errors.push(`--runs needs a whole number of at least 1, not ${v === undefined ? "nothing" : JSON.stringify(v)}`);
      else o.runs = Number(v);
    } else if (name === "--json") {
      const v = value();
      if (v === undefined || v === "" || v.startsWith("--")) o.errors.push("--json needs a file name");
      else o.json = v;
    } else if (name === "--country" && inline === undefined) o.country = true;
    else if (name === "--only") {
      const v = value() ?? "";
      const parts = v.split(",").filter(Boolean);
      const bad = parts.filter((p) => !(BENCH_SECTIONS as readonly string[]).includes(p));
      if (!parts.length || bad.length) o.errors.push(`--only needs parts among ${BENCH_SECTIONS.join(", ")}, not ${JSON.stringify(v)}`);
      else o.only = parts as BenchSection[];
    } else if (name === "-h" || name === "--help") o.help = true;
    else o.errors.push(`unknown argument ${JSON.stringify(a)}`);
  }
  return o;
}

export function stats(samples: readonly number[]): Stats {
  if (!samples.length) throw new Error("no samples");
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { n: s.length, median, min: s[0]!, max: s[s.length - 1]! };
}

/** The figure's median over its like's median (below 1: faster than its like). */
export function ratio(f: Figure): number | undefined {
  return f.against && f.against.value.median > 0 ? f.value.median / f.against.value.median : undefined;
}

/** Each bound of the target with whether it is met. */
export function checkTarget(f: Figure): { text: string; met: boolean }[] {
  const t = f.target;
  if (!t) return [];
  const r = ratio(f);
  const out: { text: string; met: boolean }[] = [];
  if (t.max !== undefined) out.push({ text: `≤ ${num(t.max)} ${f.unit}`, met: f.value.median <= t.max });
  if (t.maxRatio !== undefined && r !== undefined) out.push({ text: `≤ ${t.maxRatio}×`, met: r <= t.maxRatio });
  if (t.minSpeedup !== undefined && r !== undefined) out.push({ text: `≥ ${t.minSpeedup}× faster`, met: r > 0 && 1 / r >= t.minSpeedup });
  if (t.maxPeakMiB !== undefined && f.peakMiB) out.push({ text: `peak ≤ ${t.maxPeakMiB} MiB`, met: f.peakMiB.median <= t.maxPeakMiB });
  return out;
}

function num(x: number): string {
  if (Math.abs(x) >= 100) return x.toFixed(0);
  if (Math.abs(x) >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

export function formatStats(s: Stats, unit: string): string {
  return s.n > 1 ? `${num(s.median)} ${unit} (${num(s.min)}–${num(s.max)})` : `${num(s.median)} ${unit} (1 run)`;
}

function formatRatio(r: number): string {
  return r < 1 ? `${r.toFixed(2)}× (${(1 / r).toFixed(1)}× faster)` : `${r.toFixed(2)}×`;
}

export function formatFigure(f: Figure): string[] {
  const extra = [f.cpu ? `cpu ${formatStats(f.cpu, "ms")}` : "", f.peakMiB ? `peak ${formatStats(f.peakMiB, "MiB")}` : ""].filter(Boolean);
  const lines = [`  ${f.what}: ${formatStats(f.value, f.unit)}${extra.length ? `; ${extra.join("; ")}` : ""}`];
  const r = ratio(f);
  if (f.against) lines.push(`      against ${f.against.what}: ${formatStats(f.against.value, f.unit)}${r !== undefined ? `; ratio ${formatRatio(r)}` : ""}`);
  const checks = checkTarget(f);
  if (checks.length) lines.push(`      target ${checks.map((c) => `${c.text} ${c.met ? "met" : "NOT met"}`).join(", ")}`);
  if (f.note) lines.push(`      ${f.note}`);
  return lines;
}

export function loadWarnings(m: Machine): string[] {
  const out: string[] = [];
  for (const [when, load] of [
    ["start", m.loadStart],
    ["end", m.loadEnd],
  ] as const)
    if ((load[0] ?? 0) > LOAD_LIMIT)
      out.push(`WARNING: 1-minute load average ${load[0]!.toFixed(2)} at the ${when} (above ${LOAD_LIMIT} on ${m.cores} cores): other processes share the machine, the figures are unreliable.`);
  return out;
}

function warmRowLine(r: WarmRow): string {
  const total = r.checkMs + r.docxMs + r.pdfMs;
  return (
    `  ${r.name.padEnd(24)} ${String(r.docs).padStart(4)} docs  ${((1000 * r.docs) / total).toFixed(1).padStart(6)} docs/s  ` +
    `load+check ${r.checkMs.toFixed(0).padStart(5)} ms  DOCX ${(r.docxMs / r.docs).toFixed(2).padStart(6)} ms/doc  PDF ${(r.pdfMs / r.docs).toFixed(2).padStart(6)} ms/doc ` +
    `(layout ${(r.layoutMs / r.docs).toFixed(2)} + emit ${(r.emitMs / r.docs).toFixed(2)})`
  );
}

const fmtLoad = (l: number[]) => l.map((x) => x.toFixed(2)).join(" ");

export function formatReport(r: BenchReport): string {
  const m = r.machine;
  const lines = [
    `khoi-thi-dua bench: ${m.cores} cores, node ${m.node}, ${m.platform}; load average (1, 5, 15 min) ${fmtLoad(m.loadStart)} at start, ${fmtLoad(m.loadEnd)} at end`,
    `each figure: median (min–max) of ${r.runs} run${r.runs === 1 ? "" : "s"}; a figure and its like are run in turn, in the same run of the bench`,
    ...loadWarnings(m),
    "",
    "Whole processes (a new process each run, timed from outside, as a person sees it):",
  ];
  for (const f of r.figures.filter((f) => f.kind === "whole")) lines.push(...formatFigure(f));
  lines.push("", "Warm, in one process (modules loaded and fonts prepared once; not what a person waits for):");
  for (const f of r.figures.filter((f) => f.kind === "warm")) lines.push(...formatFigure(f));
  for (const row of r.warmRows) lines.push(warmRowLine(row));
  if (r.skipped.length) lines.push("", "Skipped:", ...r.skipped.map((s) => `  ${s}`));
  if (r.notes.length) lines.push("", "Notes:", ...r.notes.map((s) => `  ${s}`));
  return lines.join("\n") + "\n";
}

/** The report as JSON: each figure with its ratio and each bound of its target, checked. */
export function reportJson(r: BenchReport): unknown {
  return {
    machine: { ...r.machine, loaded: [r.machine.loadStart[0] ?? 0, r.machine.loadEnd[0] ?? 0].some((l) => l > LOAD_LIMIT) },
    runs: r.runs,
    figures: r.figures.map((f) => {
      const rr = ratio(f);
      const checks = checkTarget(f);
      return { ...f, ...(rr !== undefined ? { ratio: rr } : {}), ...(checks.length ? { targetMet: checks.every((c) => c.met), checks } : {}) };
    }),
    warmRows: r.warmRows.map((w) => ({ ...w, docsPerSecond: (1000 * w.docs) / (w.checkMs + w.docxMs + w.pdfMs) })),
    skipped: r.skipped,
    notes: r.notes,
  };
}
