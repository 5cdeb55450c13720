/**
 * `khoi-thi-dua tinh build|validate [--khoi <id>]`: every bloc of a province's workspace
 * (src/province/workspace.ts), one after the other, each as its own project: its own lock and
 * transaction, its outputs in its own out/. A bloc with errors does not stop the others; each
 * bloc's messages name their files from the workspace (khoi/<id>/data/…:line:col), and the
 * summary says which blocs were done and which failed, with the first error's place.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { escapeControls, formatDiagnostic, summaryLine } from "../diagnostics/format.ts";
import { nodeWorld } from "../io/node-world.ts";
import type { World } from "../io/world.ts";
import { blocWorld } from "../province/bloc-world.ts";
import { findBlocs, type WorkspaceBloc } from "../province/workspace.ts";
import { Diagnostics } from "../diagnostics/diagnostic.ts";
import { provinceView, stageView } from "../province/province-view.ts";
import { PROVINCE_FILE, readProvinceSettings } from "../province/settings.ts";
import { inTransaction } from "../write/transaction.ts";
import type { CliOptions } from "./args.ts";
import { buildOptions } from "./commands.ts";
import { loadEngine } from "./load-engine.ts";
import { upToDate } from "../write/up-to-date.ts";
import type { ProvinceInput } from "../validate/province-input.ts";

interface BlocOutcome {
  bloc: WorkspaceBloc;
  errors: Diagnostic[];
  warnings: number;
  /** build: documents written; validate: undefined. */
  built?: number;
  /** An internal error of the tool on this bloc (the others still run). */
  crash?: string;
}

const place = (d: Diagnostic) => (d.pos.line > 0 ? `${d.pos.file}:${d.pos.line}:${d.pos.column}` : d.pos.file);

/** A bloc's diagnostic with its file named from the workspace. */
const fromWorkspace = (d: Diagnostic, dir: string): Diagnostic => ({ ...d, pos: { ...d.pos, file: `${dir}/${d.pos.file}` } });

export async function runProvince(root: string, opts: CliOptions, print: (s: string) => void): Promise<number> {
  const vi = opts.lang === "vi";
  const workspace = nodeWorld(root, { folders: ["out", "ket-qua"] });
  if (opts.provinceCommand === "import-ket-qua") return (await import("./province-import.ts")).importResults(workspace, opts, print);
  const { blocs: all, ignored } = await findBlocs(workspace);
  for (const dir of ignored) print(vi ? `bỏ qua ${escapeControls(dir)}: không phải thư mục của một khối (cần ${escapeControls(dir)}/data/khoi.yaml, tên viết thường không dấu)` : `skipped ${escapeControls(dir)}: not a bloc's folder (needs ${escapeControls(dir)}/data/khoi.yaml, a lower-case name)`);
  const blocs = opts.bloc === undefined ? all : all.filter((b) => b.id === opts.bloc);
  if (!blocs.length) {
    print(
      opts.bloc !== undefined
        ? vi ? `Không có khối ${opts.bloc} trong khoi/ (các khối: ${all.map((b) => b.id).join(", ") || "chưa có"})` : `No bloc ${opts.bloc} in khoi/ (the blocs: ${all.map((b) => b.id).join(", ") || "none yet"})`
        : vi ? "Không có khối nào: mỗi khối là một thư mục khoi/<mã khối>/ có data/khoi.yaml" : "No bloc: each bloc is a folder khoi/<bloc id>/ with data/khoi.yaml",
    );
    return 1;
  }
  // Loaded on the first bloc that needs it: blocs all up to date never load the pipeline.
  let loaded: Engine | undefined;
  const engine = async () => (loaded ??= await loadEngine());
  // The province's legal bases are checked in every bloc's documents, under the bloc's own.
  const settings = (await workspace.fileSize(PROVINCE_FILE).catch(() => undefined)) === undefined ? undefined : await readProvinceSettings(workspace, new Diagnostics());
  const province: ProvinceInput | undefined = settings
    ? { defaults: { tinh: settings.tinh, ...(settings.dia_danh ? { dia_danh: settings.dia_danh } : {}), ...(settings.co_quan_chu_quan ? { co_quan_chu_quan: settings.co_quan_chu_quan } : {}) }, bases: settings.van_ban_phap_ly ?? [] }
    : undefined;
  const outcomes: BlocOutcome[] = [];
  for (const bloc of blocs) {
    print(vi ? `— Khối ${bloc.id} (${bloc.dir})` : `— Bloc ${bloc.id} (${bloc.dir})`);
    const outcome = await runBloc(engine, workspace, root, bloc, { ...opts, ...(province ? { province } : {}) }, print);
    outcomes.push(outcome);
    print("  " + summaryLine(outcome.errors.length, outcome.warnings, opts.lang) + (outcome.built !== undefined && !outcome.errors.length ? (vi ? `, ${outcome.built} văn bản được lập` : `, ${outcome.built} documents built`) : ""));
  }
  const viewFailed = opts.bloc === undefined ? await provinceYear(workspace, all, opts, print) : false;
  const failed = outcomes.filter((o) => o.errors.length || o.crash);
  const done = outcomes.length - failed.length;
  const verb = opts.provinceCommand === "build" ? (vi ? "lập xong" : "built") : vi ? "dữ liệu đúng" : "valid";
  print("");
  print(vi ? `Tỉnh: ${done}/${outcomes.length} khối ${verb}${failed.length ? `; ${failed.length} khối có lỗi:` : "."}` : `Province: ${done}/${outcomes.length} blocs ${verb}${failed.length ? `; ${failed.length} with errors:` : "."}`);
  for (const f of failed) {
    const first = f.errors[0];
    const why = f.crash ? (vi ? `lỗi chương trình: ${f.crash}` : `internal error: ${f.crash}`) : `${f.errors.length} ${vi ? "lỗi" : "error(s)"}, ${vi ? "lỗi đầu" : "first"}: ${escapeControls(place(first!))} [${first!.code}]`;
    print(`  ${f.bloc.id}: ${why}${opts.provinceCommand === "build" ? (vi ? "; khối này không ghi tệp nào" : "; nothing written for this bloc") : ""}`);
  }
  return failed.length || viewFailed ? 1 : 0;
}

/** After the blocs: the province's view of its year (tinh.yaml's), written by build, checked by validate; true when it has errors. */
async function provinceYear(workspace: World, blocs: readonly WorkspaceBloc[], opts: CliOptions, print: (s: string) => void): Promise<boolean> {
  const vi = opts.lang === "vi";
  const diags = new Diagnostics();
  print(vi ? "— Tổng hợp của tỉnh" : "— The province's view");
  if ((await workspace.fileSize(PROVINCE_FILE).catch(() => undefined)) === undefined) {
    print(vi ? `  chưa có ${PROVINCE_FILE} (tinh, nam): không lập tổng hợp` : `  no ${PROVINCE_FILE} (tinh, nam): no merged view`);
    return false;
  }
  let written: string[] = [];
  // What the view says (a unit proposed twice, a bloc not sent) is printed and sets the exit status, but never stops the view
  // from being written: it is what the office must see to settle it. What stops the writing (a file kept) goes to diags.
  const said = new Diagnostics();
  if (opts.provinceCommand === "build") {
    const tx = await inTransaction(workspace, { command: "tinh build" }, diags, async (staging) => {
      const settings = await readProvinceSettings(workspace, diags);
      if (!settings) return undefined;
      const fonts = buildOptions(opts).fontPackageDir;
      return stageView(workspace, await provinceView(workspace, blocs, settings, said), settings, fonts, diags, staging);
    });
    written = tx.written.filter((p) => !p.endsWith("/.tong-hop.json"));
  } else {
    const settings = await readProvinceSettings(workspace, diags);
    if (settings) await provinceView(workspace, blocs, settings, said);
  }
  for (const d of said.items) diags.add(d);
  const items = diags.sorted();
  for (const d of items) print(indent(formatDiagnostic(d, opts.lang)));
  for (const f of written) print(`  ${vi ? "đã ghi" : "wrote"} ${f}`);
  const errors = items.filter((d) => d.severity === "error").length;
  print("  " + summaryLine(errors, items.length - errors, opts.lang));
  return errors > 0;
}

type Engine = Awaited<ReturnType<typeof loadEngine>>;

async function runBloc(engine: () => Promise<Engine>, workspace: World, root: string, bloc: WorkspaceBloc, opts: CliOptions & { province?: ProvinceInput }, print: (s: string) => void): Promise<BlocOutcome> {
  const vi = opts.lang === "vi";
  try {
    const world = await blocWorld(nodeWorld(`${root}/${bloc.dir}`, { folders: ["data", "out"] }), workspace);
    const options = { ...buildOptions({ ...opts, dataDir: "data", outDir: "out", check: false }), ...(opts.province ? { province: opts.province } : {}) };
    // A bloc whose data, templates and outputs are as its last build left them is not loaded again (as `build` does).
    // The province's file is part of what the bloc's last build saw: a change in it is a reason to build again.
    const current = opts.provinceCommand === "build" ? await upToDate(world, { dataDir: "data", outDir: "out", toolVersion: options.toolVersion!, fontSource: opts.fontSource, ...(opts.province ? { province: opts.province } : {}) }) : undefined;
    const diagnostics = current
      ? { list: current.warnings, built: 0 }
      : opts.provinceCommand === "build"
        ? await (await engine()).buildProject(world, options).then((r) => ({ list: r.diagnostics, built: new Set(r.built ?? []).size }))
        : await (await engine()).checkProject(world, "data", undefined, opts.province).then((r) => ({ list: r.diagnostics, built: undefined }));
    const shown = diagnostics.list.map((d) => fromWorkspace(d, bloc.dir));
    for (const d of shown) print(indent(formatDiagnostic(d, opts.lang)));
    const errors = shown.filter((d) => d.severity === "error");
    return { bloc, errors, warnings: shown.length - errors.length, ...(diagnostics.built !== undefined ? { built: diagnostics.built } : {}) };
  } catch (err) {
    const msg = escapeControls(err instanceof Error ? err.message : String(err));
    print(indent(vi ? `lỗi chương trình: ${msg}` : `internal error: ${msg}`));
    return { bloc, errors: [], warnings: 0, crash: msg };
  }
}

const indent = (s: string) => s.split("\n").map((l) => `  ${l}`).join("\n");
