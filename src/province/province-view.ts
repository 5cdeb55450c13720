/**
 * The province's view of its year, made from every bloc's results (received.ts, merge.ts) and
 * said as diagnostics (a unit proposed twice is an error; a bloc not sent or not finished, a
 * warning), written as out/tinh-<year>/tong-hop-<year>.json and .xlsx in the workspace through
 * the transaction: a file there is replaced only when it is the one the tool wrote last.
 */
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import { formatShortDate } from "../format/date.ts";
import type { World } from "../io/world.ts";
import { recordedAsWritten, stageRecorded, type PlannedFile, type RecordedFolder } from "../write/recorded-folder.ts";
import { sha256, stableJson } from "../write/hash.ts";
import type { Staging } from "../write/transaction.ts";
import { lateDossier, mergeProvince, type ProvinceView } from "./merge.ts";
import { gatherResults } from "./received.ts";
import { PROVINCE_FILE, type ProvinceSettings } from "./settings.ts";
import type { WorkspaceBloc } from "./workspace.ts";

export const PROVINCE_OUTPUT: RecordedFolder = {
  dir: (out, y) => `${out}/tinh-${y}`,
  record: ".tong-hop.json",
  names: /^(tong-hop-\d{4}\.(json|xlsx)|bao-cao-tong-hop-\d{4}\.(docx|pdf)|index\.html)$/,
  kept: "tinh/kept-file",
  damaged: "files/record-damaged",
  command: "tinh build",
};

const MISSING_VI: Record<string, string> = { "bien-ban": "chưa có biên bản bình bầu", "to-trinh": "chưa có tờ trình đề nghị" };

function missingText(item: string): string {
  const [kind, what] = item.split(":") as [string, string | undefined];
  if (kind === "so-ngay") return `${what} chưa có số hoặc ngày`;
  if (kind === "chua-phan-dinh") return `${what} còn bằng phiếu chưa phân định`;
  if (kind === "ket-qua") return `${what} chưa có kết quả tổng kết`;
  return MISSING_VI[kind] ?? kind;
}

/** The view of the year and what it says, collected in diags. */
export async function provinceView(
  world: World,
  blocs: readonly WorkspaceBloc[],
  settings: ProvinceSettings,
  diags: Diagnostics,
  opts: { failed?: ReadonlySet<string>; blocWorld?: (b: WorkspaceBloc) => World } = {},
): Promise<ProvinceView> {
  const failed = opts.failed ?? new Set();
  // A bloc that failed this run is not merged from the results its last good build left: it is listed as not sent.
  const dropped = new Set<string>();
  const received = await gatherResults(world, blocs.filter((b) => !failed.has(b.id)), settings, diags, opts.blocWorld, dropped);
  // Every bloc of the workspace is one of the province's, as is every bloc tinh.yaml lists (not a second name of one merged).
  const expected = [...(settings.khoi ?? []), ...blocs.map((b) => b.id)].filter((id) => !dropped.has(id));
  const view = mergeProvince(settings.tinh, settings.nam, received, expected, settings.han_ho_so ? { due: settings.han_ho_so } : {});
  const fileOf = new Map(received.map((b) => [b.id, b.file]));
  for (const t of view.de_nghi_trung)
    diags.error("tinh/proposed-twice", { file: fileOf.get(t.lan[0]!.khoi)!, line: 0, column: 0 }, { unit: t.don_vi, where: t.lan.map((l) => `${l.danh_hieu} (${l.khoi})`).join(", ") });
  for (const id of view.chua_gui) diags.warning("tinh/not-sent", { file: PROVINCE_FILE, line: 0, column: 0 }, { bloc: id, year: settings.nam });
  for (const b of view.khoi) if (b.chua_xong.length) diags.warning("tinh/unfinished", { file: b.tep, line: 0, column: 0 }, { bloc: b.ma, year: settings.nam, missing: b.chua_xong.map(missingText).join("; ") });
  for (const b of view.khoi.filter(lateDossier))
    diags.warning("tinh/bloc-late", { file: b.tep, line: 0, column: 0 }, { bloc: b.ma, date: formatShortDate(b.ho_so!.ngay!), due: formatShortDate(b.ho_so!.han), days: b.ho_so!.tre_ngay });
  return view;
}

/** The view's data file: the view, and the hash of what else shapes its files (the tool and the province's settings). */
function viewJson(view: ProvinceView, settings: ProvinceSettings, tool: string): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ ...view, nguon: sha256(stableJson({ tool, settings })) }, null, 2) + "\n");
}

const viewNames = (y: number) => [`tong-hop-${y}.json`, `tong-hop-${y}.xlsx`, `bao-cao-tong-hop-${y}.docx`, `bao-cao-tong-hop-${y}.pdf`, "index.html"];

/** The view's files: the data (JSON), the workbook, and the report the office signs (DOCX, PDF); undefined when the report cannot be made (said in diags). */
export async function viewFiles(world: World, view: ProvinceView, settings: ProvinceSettings, fontPackageDir: string | undefined, diags: Diagnostics, tool = "dev"): Promise<PlannedFile[] | undefined> {
  const [{ provinceWorkbook }, { provinceReport }, { reportFiles }, { provinceHtml }] = await Promise.all([import("./province-workbook.ts"), import("./province-report.ts"), import("./report-files.ts"), import("./province-html.ts")]);
  const report = await reportFiles(world, provinceReport(view, settings), fontPackageDir, diags, tool);
  if (!report) return undefined;
  const y = view.nam;
  return [
    { year: y, name: `tong-hop-${y}.json`, bytes: viewJson(view, settings, tool) },
    { year: y, name: `tong-hop-${y}.xlsx`, bytes: await provinceWorkbook(view) },
    { year: y, name: `bao-cao-tong-hop-${y}.docx`, bytes: report.docx },
    { year: y, name: `bao-cao-tong-hop-${y}.pdf`, bytes: report.pdf },
    { year: y, name: "index.html", bytes: new TextEncoder().encode(provinceHtml(view)) },
  ];
}

/**
 * Stages the view's files when something that shapes them changed or one is not as written.
 * `make` is viewFiles, from the engine the command loaded (src/cli/engine.ts): the renderers and
 * workbooks a bloc's build has loaded already are not loaded a second time.
 */
export async function stageView(world: World, view: ProvinceView, settings: ProvinceSettings, fontPackageDir: string | undefined, diags: Diagnostics, staging: Staging, tool = "dev", make: typeof viewFiles = viewFiles) {
  // Nothing that shapes the files changed (the view, the tool, the settings: the data file says) and every file is as written: nothing to make.
  const y = view.nam;
  const json = await world.readFile(`${PROVINCE_OUTPUT.dir("out", y)}/tong-hop-${y}.json`).catch(() => undefined);
  if (json && sha256(json) === sha256(viewJson(view, settings, tool)) && (await recordedAsWritten(world, "out", PROVINCE_OUTPUT, y, viewNames(y), diags))) return { written: [], unchanged: viewNames(y) };
  const files = await make(world, view, settings, fontPackageDir, diags, tool);
  return files ? stageRecorded(world, "out", PROVINCE_OUTPUT, files, diags, staging) : undefined;
}
