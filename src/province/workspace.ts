/**
 * A province's workspace (issue "The province's office"): one folder holding every bloc of the
 * province, each in khoi/<bloc-id>/ with its own data/ (and out/, and templates/ when it has its
 * own; a git submodule is such a folder), or kept in a folder of its own elsewhere (its own
 * repository) that tinh.yaml names by path; the province's default templates in templates/.
 * Each bloc is a project of its own: its own lock, transaction and outputs; the workspace only
 * finds them and lends its templates.
 */
import type { World } from "../io/world.ts";

/** Where the blocs are, below the workspace. */
export const BLOCS_DIR = "khoi";

/** A bloc's folder name: the bloc's id, as every path and message names it. */
export const BLOC_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export interface WorkspaceBloc {
  id: string;
  /** Its folder, relative to the workspace ("khoi/k8", "../khoi-9") or absolute when tinh.yaml names it so. */
  dir: string;
}

/** A bloc tinh.yaml names by path that is not there, or that is a bloc listed already. */
export interface BlocPathProblem {
  id: string;
  path: string;
  kind: "missing" | "twice";
  /** For "twice": the bloc it is. */
  other?: string;
}

/**
 * The blocs of the workspace, in id order: each folder of khoi/ with data/khoi.yaml (other entries
 * are listed as not blocs), and each bloc `elsewhere` names by path (one that is not there, or is
 * a bloc found already, is a problem to say).
 */
export async function findBlocs(world: World, elsewhere: Readonly<Record<string, string>> = {}): Promise<{ blocs: WorkspaceBloc[]; ignored: string[]; problems: BlocPathProblem[] }> {
  const entries = (await world.listDir(BLOCS_DIR)) ?? [];
  const blocs: WorkspaceBloc[] = [];
  const ignored: string[] = [];
  const seen = new Set<string>();
  const realOf = new Map<string, string>();
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const dir = `${BLOCS_DIR}/${e.name}`;
    if (e.kind === "dir" && BLOC_ID.test(e.name) && (await world.fileSize(`${dir}/data/khoi.yaml`).catch(() => undefined)) !== undefined) {
      // A second name for a bloc already listed (a link to its folder) is not a second bloc.
      const real = (await world.realPath(dir).catch(() => undefined)) ?? dir;
      if (seen.has(real)) ignored.push(dir);
      else (seen.add(real), realOf.set(dir, real), blocs.push({ id: e.name, dir }));
    } else ignored.push(dir);
  }
  // The blocs kept elsewhere, by the paths tinh.yaml gives (relative to the workspace, or absolute).
  const problems: BlocPathProblem[] = [];
  for (const [id, given] of Object.entries(elsewhere)) {
    const dir = given.replace(/\/+$/, "") || "/";
    if ((await world.fileSize(`${dir}/data/khoi.yaml`).catch(() => undefined)) === undefined) {
      problems.push({ id, path: given, kind: "missing" });
      continue;
    }
    const real = (await world.realPath(dir).catch(() => undefined)) ?? dir;
    const same = blocs.find((b) => b.id === id) ?? (seen.has(real) ? blocs.find((b) => realOf.get(b.dir) === real) : undefined);
    if (same) problems.push({ id, path: given, kind: "twice", other: same.dir });
    else (seen.add(real), realOf.set(dir, real), blocs.push({ id, dir }));
  }
  blocs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { blocs, ignored, problems };
}
