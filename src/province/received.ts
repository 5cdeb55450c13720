/**
 * Every bloc's results file of the province's year, as the office has it: made in the workspace
 * (khoi/<id>/out/<year>/ket-qua-<year>.json) or received from a bloc kept elsewhere
 * (ket-qua/<year>/<id>.json, written by `tinh import-ket-qua`). Each is someone else's file until
 * read within a size limit and checked against the published layout; a file of another province
 * or year, or one bloc's results twice, is an error naming the file.
 */
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { World } from "../io/world.ts";
import { ResultsFile } from "../results/schema.ts";
import { FAILED, guard } from "../write/guard.ts";
import type { BlocResults } from "./merge.ts";
import type { ProvinceSettings } from "./settings.ts";
import type { WorkspaceBloc } from "./workspace.ts";

/** A results file is small (a 200-unit bloc's is under 2 MB); anything larger is not one. */
export const MAX_RESULTS_BYTES = 16 * 1024 * 1024;
export const RECEIVED_DIR = "ket-qua";

/** A received bloc's id: its code in lower case without accents (K8 → k8); "" when nothing is left. */
export const receivedId = (r: ResultsFile) => r.khoi.ma.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/giu, "d").toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "");

/** Reads and checks one results file for the province's year; undefined (the error said) when it is not one. */
export async function readResultsFile(world: World, path: string, settings: Pick<ProvinceSettings, "tinh" | "nam">, diags: Diagnostics): Promise<ResultsFile | undefined> {
  return (await readResultsBytes(world, path, settings, diags))?.results;
}

/** The same, with the bytes as read (what `tinh import-ket-qua` keeps). */
export async function readResultsBytes(
  world: World,
  file: string,
  settings: Pick<ProvinceSettings, "tinh" | "nam">,
  diags: Diagnostics,
  /** How messages name the file (a bloc's, from the workspace), when `file` is its path in `world`. */
  shown = file,
): Promise<{ results: ResultsFile; bytes: Uint8Array } | undefined> {
  // Every message names the file as shown; `file` is only where `world` reads it.
  const path = shown;
  const at = { file: path, line: 0, column: 0 };
  const size = await guard(diags, path, "read", () => world.fileSize(file));
  if (size === FAILED) return undefined;
  if (size === undefined) {
    diags.error("tinh/results-missing", at, { path });
    return undefined;
  }
  const bytes = await guard(diags, path, "read", () => world.readFile(file, MAX_RESULTS_BYTES));
  if (bytes === FAILED || bytes === undefined) return undefined;
  if (size > MAX_RESULTS_BYTES || bytes.byteLength > MAX_RESULTS_BYTES) {
    diags.error("tinh/results-too-large", at, { path, max: MAX_RESULTS_BYTES / 1024 / 1024 });
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    diags.error("tinh/results-unreadable", at, { path });
    return undefined;
  }
  const parsed = ResultsFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    diags.error("tinh/results-schema", at, { path, field: issue.path.join(".") || "$" });
    return undefined;
  }
  const r = parsed.data;
  if (r.khoi.tinh !== settings.tinh) {
    diags.error("tinh/other-province", at, { path, province: r.khoi.tinh, expected: settings.tinh });
    return undefined;
  }
  if (r.nam !== settings.nam) {
    diags.error("tinh/other-year", at, { path, year: r.nam, expected: settings.nam });
    return undefined;
  }
  return { results: r, bytes };
}

/** The year's results of every bloc: the workspace's blocs that have made theirs, then the files received. */
export async function gatherResults(
  world: World,
  blocs: readonly WorkspaceBloc[],
  settings: ProvinceSettings,
  diags: Diagnostics,
  /** Each bloc's own world (its folder, under its own link rules); without it, the bloc's files are read through `world`. */
  blocWorld?: (b: WorkspaceBloc) => World,
  /** Receives the ids whose file was another name of a bloc merged already. */
  dropped?: Set<string>,
): Promise<BlocResults[]> {
  const out: BlocResults[] = [];
  const y = settings.nam;
  for (const b of blocs) {
    const file = `${b.dir}/out/${y}/ket-qua-${y}.json`;
    const [w, path] = blocWorld ? [blocWorld(b), `out/${y}/ket-qua-${y}.json`] : [world, file];
    // A link that leads out of the bloc is said, never read through; a bloc that has not made its file is not sent.
    const size = await guard(diags, file, "read", () => w.fileSize(path));
    if (size === FAILED || size === undefined) continue;
    const r = (await readResultsBytes(w, path, settings, diags, file))?.results;
    if (r) out.push({ id: b.id, file, results: r });
  }
  const received = (await world.listDir(`${RECEIVED_DIR}/${y}`).catch(() => undefined)) ?? [];
  for (const e of received) {
    // The tool's own record (.nhan.json) and anything hidden are not a bloc's results.
    if (e.kind !== "file" || !e.name.endsWith(".json") || e.name.startsWith(".")) continue;
    const file = `${RECEIVED_DIR}/${y}/${e.name}`;
    const r = await readResultsFile(world, file, settings, diags);
    if (!r) continue;
    const id = e.name.slice(0, -".json".length);
    const same = out.find((x) => x.id === id);
    if (same) {
      diags.error("tinh/two-results", { file, line: 0, column: 0 }, { bloc: id, path: file, other: same.file });
      continue;
    }
    out.push({ id, file, results: r });
  }
  // One bloc under two names (a folder named k9 holding Khối 7, and Khối 7's file received): merged once, and said
  // (the other name is not a bloc that has sent nothing: the province's view leaves it out of those).
  const byCode = new Map<string, BlocResults>();
  return out.filter((b) => {
    const code = receivedId(b.results);
    const first = byCode.get(code);
    if (!first) return byCode.set(code, b), true;
    diags.error("tinh/same-bloc", { file: b.file, line: 0, column: 0 }, { code: b.results.khoi.ma, path: b.file, other: first.file });
    dropped?.add(b.id);
    return false;
  });
}
