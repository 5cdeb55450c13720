/**
 * `khoi-thi-dua tinh build|validate [--khoi <id>]`: every bloc of a province's workspace
 * (src/province/workspace.ts), one after the other, each as its own project: its own lock and
 * transaction, its outputs in its own out/. A bloc with errors does not stop the others; each
 * bloc's messages name their files from the workspace (khoi/<id>/data/…:line:col), and the
 * summary says which blocs were done and which failed, with the first error's place.
 */
import { resolve } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { escapeControls, formatDiagnostic, summaryLine } from "../diagnostics/format.ts";
import { nodeWorld } from "../io/node-world.ts";
import type { World } from "../io/world.ts";
import { blocWorld } from "../province/bloc-world.ts";
import { BLOCS_DIR, findBlocs, type WorkspaceBloc } from "../province/workspace.ts";
import { Diagnostics } from "../diagnostics/diagnostic.ts";
import { provinceView, stageView } from "../province/province-view.ts";
import { PROVINCE_FILE, readProvinceSource, type ProvinceSettings } from "../province/settings.ts";
import { FAILED, guard } from "../write/guard.ts";
import { isIoError } from "../io/io-error.ts";
import { reportIoError } from "../diagnostics/io-diagnostic.ts";
import { inTransaction } from "../write/transaction.ts";
import type { CliOptions } from "./args.ts";
import { buildOptions } from "./commands.ts";
import { loadEngine } from "./load-engine.ts";
import { toolVersion } from "./tool-version.ts";
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
  // The province's file first: a bloc is never built with the province's settings half read.
  const pre = new Diagnostics();
  const present = await provinceFilePresent(workspace, pre);
  const read = present && !pre.hasErrors ? await readProvinceSource(workspace, pre) : undefined;
  const settings = read?.settings;
  const found = await guard(pre, BLOCS_DIR, "read", () => findBlocs(workspace, settings?.khoi_noi_khac));
  if (found !== FAILED)
    for (const p of found.problems)
      if (p.kind === "link") reportIoError(pre, p.error, `${p.path}/data/khoi.yaml`, "read");
      else
        pre.error(`tinh/bloc-path-${p.kind}`, read?.at(["khoi_noi_khac", p.id]) ?? { file: PROVINCE_FILE, line: 0, column: 0 }, {
          bloc: p.id,
          path: p.path,
          otherVi: p.other === "." ? "thư mục của tỉnh" : (p.other ?? ""),
          otherEn: p.other === "." ? "the province's folder" : (p.other ?? ""),
        });
  if (pre.hasErrors || found === FAILED) {
    for (const d of pre.sorted()) print(formatDiagnostic(d, opts.lang));
    print(vi ? "Không lập khối nào: sửa lỗi trên rồi chạy lại." : "No bloc was built: fix the errors above and run again.");
    return 1;
  }
  const { blocs: all, ignored } = found;
  for (const dir of ignored) print(vi ? `bỏ qua ${escapeControls(dir)}: không phải thư mục của một khối (cần ${escapeControls(dir)}/data/khoi.yaml, tên viết thường không dấu)` : `skipped ${escapeControls(dir)}: not a bloc's folder (needs ${escapeControls(dir)}/data/khoi.yaml, a lower-case name)`);
  const blocs = opts.bloc === undefined ? all : all.filter((b) => b.id === opts.bloc);
  if (!blocs.length && (opts.bloc !== undefined || !settings)) {
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
  // The province's defaults and legal bases reach every bloc's documents, under the bloc's own.
  const province = settings ? provinceInput(settings) : undefined;
  const outcomes: BlocOutcome[] = [];
  for (const bloc of blocs) {
    print(vi ? `— Khối ${bloc.id} (${bloc.dir})` : `— Bloc ${bloc.id} (${bloc.dir})`);
    const outcome = await runBloc(engine, workspace, root, bloc, { ...opts, ...(province ? { province } : {}) }, print);
    outcomes.push(outcome);
    print("  " + summaryLine(outcome.errors.length, outcome.warnings, opts.lang) + (outcome.built !== undefined && !outcome.errors.length ? (vi ? `, ${outcome.built} văn bản được lập` : `, ${outcome.built} documents built`) : ""));
  }
  const failedIds = new Set(outcomes.filter((o) => o.errors.length || o.crash).map((o) => o.bloc.id));
  const viewFailed = opts.bloc === undefined && settings ? await provinceYear(workspace, all, settings, opts, print, failedIds) : false;
  if (opts.bloc === undefined && !settings) print(vi ? `— Tổng hợp của tỉnh\n  chưa có ${PROVINCE_FILE} (tinh, nam): không lập tổng hợp` : `— The province's view\n  no ${PROVINCE_FILE} (tinh, nam): no merged view`);
  const failed = outcomes.filter((o) => o.errors.length || o.crash);
  const done = outcomes.length - failed.length;
  const verb = opts.provinceCommand === "build" ? (vi ? "lập xong" : "built") : vi ? "dữ liệu đúng" : "valid";
  print("");
  print(vi ? `Tỉnh: ${done}/${outcomes.length} khối ${verb}${failed.length ? `; ${failed.length} khối có lỗi:` : "."}${viewFailed ? " Tổng hợp của tỉnh có lỗi (xem trên)." : ""}` : `Province: ${done}/${outcomes.length} blocs ${verb}${failed.length ? `; ${failed.length} with errors:` : "."}${viewFailed ? " The province's view has errors (see above)." : ""}`);
  for (const f of failed) {
    const first = f.errors[0];
    const why = f.crash ? (vi ? `lỗi chương trình: ${f.crash}` : `internal error: ${f.crash}`) : `${f.errors.length} ${vi ? "lỗi" : "error(s)"}, ${vi ? "lỗi đầu" : "first"}: ${escapeControls(place(first!))} [${first!.code}]`;
    print(`  ${f.bloc.id}: ${why}${opts.provinceCommand === "build" ? (vi ? "; khối này không ghi tệp nào" : "; nothing written for this bloc") : ""}`);
  }
  return failed.length || viewFailed ? 1 : 0;
}

/** What tinh.yaml gives every bloc: defaults under its own settings, the year's defaults, the legal bases. */
function provinceInput(s: ProvinceSettings): ProvinceInput {
  const can_cu = { ...(s.can_cu?.ke_hoach ? { "ke-hoach": s.can_cu.ke_hoach } : {}), ...(s.can_cu?.to_trinh ? { "to-trinh": s.can_cu.to_trinh } : {}) };
  return {
    defaults: { tinh: s.tinh, ...(s.dia_danh ? { dia_danh: s.dia_danh } : {}), ...(s.co_quan_chu_quan ? { co_quan_chu_quan: s.co_quan_chu_quan } : {}) },
    bases: s.van_ban_phap_ly ?? [],
    year: {
      nam: s.nam,
      ...(s.binh_bau ? { binh_bau: s.binh_bau } : {}),
      ...(s.moc_thoi_gian ? { moc_thoi_gian: s.moc_thoi_gian } : {}),
      ...(Object.keys(can_cu).length ? { can_cu } : {}),
      ...(s.han_ho_so ? { han_ho_so: s.han_ho_so } : {}),
    },
  };
}

/** A bloc's world whose reading errors name their files from the workspace (khoi/k8/out/..., ../khoi-9/out/...). */
function namedFrom(w: World, dir: string): World {
  const rename = (err: unknown): never => {
    if (isIoError(err) && typeof err.path === "string" && !err.path.startsWith("/")) err.path = `${dir}/${err.path}`;
    throw err;
  };
  return { ...w, fileSize: (p) => w.fileSize(p).catch(rename), readFile: (p, limit) => w.readFile(p, limit).catch(rename) };
}

/** Whether tinh.yaml is there: absent is fine (no province view); a folder, a device or a link out of the workspace is an error. */
async function provinceFilePresent(world: World, diags: Diagnostics): Promise<boolean> {
  const size = await guard(diags, PROVINCE_FILE, "read", () => world.fileSize(PROVINCE_FILE));
  if (size === FAILED) return false;
  if (size !== undefined) return true;
  if ((await world.listDir(PROVINCE_FILE).catch(() => undefined)) !== undefined) diags.error("tinh/settings-not-file", { file: PROVINCE_FILE, line: 0, column: 0 }, { path: PROVINCE_FILE });
  return false;
}

/** After the blocs: the province's view of its year (tinh.yaml's), written by build, checked by validate; true when it has errors. */
async function provinceYear(workspace: World, blocs: readonly WorkspaceBloc[], settings: ProvinceSettings, opts: CliOptions, print: (s: string) => void, failed: ReadonlySet<string>): Promise<boolean> {
  // Each bloc's results are read in the bloc's own world: a link in its out/ that leads out of the bloc is said, not followed.
  const blocRoot = (b: WorkspaceBloc) => namedFrom(nodeWorld(resolve(opts.root, b.dir), { folders: ["out"] }), b.dir);
  const vi = opts.lang === "vi";
  const diags = new Diagnostics();
  print(vi ? "— Tổng hợp của tỉnh" : "— The province's view");
  let written: string[] = [];
  // What the view says (a unit proposed twice, a bloc not sent) is printed and sets the exit status, but never stops the view
  // from being written: it is what the office must see to settle it. What stops the writing (a file kept) goes to diags.
  const said = new Diagnostics();
  if (opts.provinceCommand === "build") {
    const tx = await inTransaction(workspace, { command: "tinh build" }, diags, async (staging) => {
      const fonts = buildOptions(opts).fontPackageDir;
      const view = await provinceView(workspace, blocs, settings, said, { failed, blocWorld: blocRoot });
      return stageView(workspace, view, settings, fonts, diags, staging, toolVersion(), async (...args) => (await loadEngine()).viewFiles(...args));
    });
    written = tx.written.filter((p) => !p.endsWith("/.tong-hop.json"));
  } else await provinceView(workspace, blocs, settings, said, { failed, blocWorld: blocRoot });
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
    // A bloc kept elsewhere (tinh.yaml khoi_noi_khac) is that folder, with its own link rules.
    const world = await blocWorld(nodeWorld(resolve(root, bloc.dir), { folders: ["data", "out"] }), workspace);
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
    // A file-system error (a link out of the project, a folder that cannot be read) is said at its file, as any command says it.
    if (isIoError(err)) {
      const d = new Diagnostics();
      reportIoError(d, err, ".", "read");
      const errors = d.items.map((x) => fromWorkspace(x, bloc.dir));
      for (const e of errors) print(indent(formatDiagnostic(e, opts.lang)));
      return { bloc, errors, warnings: 0 };
    }
    const msg = escapeControls(err instanceof Error ? err.message : String(err));
    print(indent(vi ? `lỗi chương trình: ${msg}` : `internal error: ${msg}`));
    return { bloc, errors: [], warnings: 0, crash: msg };
  }
}

const indent = (s: string) => s.split("\n").map((l) => `  ${l}`).join("\n");
