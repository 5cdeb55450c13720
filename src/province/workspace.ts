/**
 * A province's workspace (issue "The province's office"): one folder holding every bloc of the
 * province, each in khoi/<bloc-id>/ with its own data/ (and out/, and templates/ when it has its
 * own; a git submodule is such a folder), or kept in a folder of its own elsewhere (its own
 * repository) that tinh.yaml names by path; the province's default templates in templates/.
 * Each bloc is a project of its own: its own lock, transaction and outputs; the workspace only
 * finds them and lends its templates.
 */
import { isLinkError } from "../io/io-error.ts";
import type { World } from "../io/world.ts";
import { join } from "node:path";
import { isUnder } from "../io/node-world.ts";

/** Where the blocs are, below the workspace. */
export const BLOCS_DIR = "khoi";

/** Whether `dir` holds a bloc (data/khoi.yaml): yes, no (undefined), or a link on the way that leads out or nowhere. */
async function blocFile(world: World, dir: string): Promise<{ ok: true } | { error: unknown } | undefined> {
  try {
    return (await world.fileSize(`${dir}/data/khoi.yaml`)) !== undefined ? { ok: true } : undefined;
  } catch (error) {
    return isLinkError(error) ? { error } : undefined;
  }
}

/** A bloc's folder name: the bloc's id, as every path and message names it. */
export const BLOC_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export interface WorkspaceBloc {
  id: string;
  /** Its folder, relative to the workspace ("khoi/k8", "../khoi-9") or absolute when tinh.yaml names it so. */
  dir: string;
}

/** A bloc tinh.yaml names by path that is not there, or that is a bloc listed already. */
interface BlocPathProblem {
  id: string;
  path: string;
  kind: "missing" | "twice" | "taken" | "nested" | "link";
  /** For "link": the link error met on the way (said as such, never followed). */
  error?: unknown;
  /** For "twice": the bloc it is; for "taken": the other bloc with that id; for "nested": the bloc, or "." for the workspace, it is inside or holds. */
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
  const realOf = new Map<string, string>();
  const problems: BlocPathProblem[] = [];
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const dir = `${BLOCS_DIR}/${e.name}`;
    const marker = e.kind === "dir" && BLOC_ID.test(e.name) ? await blocFile(world, dir) : undefined;
    if (marker && "error" in marker) {
      problems.push({ id: e.name, path: dir, kind: "link", error: marker.error });
      continue;
    }
    if (marker) {
      // A second name for a bloc already listed (a link to its folder) is not a second bloc.
      const real = (await world.realPath(dir).catch(() => undefined)) ?? dir;
      if ([...realOf.values()].includes(real)) ignored.push(dir);
      else (realOf.set(dir, real), blocs.push({ id: e.name, dir }));
    } else ignored.push(dir);
  }
  // The blocs kept elsewhere, by the paths tinh.yaml gives (relative to the workspace, or absolute).
  const top = await world.realPath(".").catch(() => undefined);
  for (const [id, given] of Object.entries(elsewhere)) {
    const dir = given.replace(/\/+$/, "") || "/";
    const marker = await blocFile(world, dir);
    if (!marker || "error" in marker) {
      problems.push({ id, path: given, ...(marker ? { kind: "link" as const, error: marker.error } : { kind: "missing" as const }) });
      continue;
    }
    const real = (await world.realPath(dir).catch(() => undefined)) ?? dir;
    const same = blocs.find((b) => realOf.get(b.dir) === real);
    const taken = blocs.find((b) => b.id === id);
    // Each bloc has a folder of its own: not the workspace or a folder holding it, not inside the workspace's own folders
    // (out/, ket-qua/, templates/, khoi/), not inside another bloc or holding one (its out/ would land in the other's files).
    const nested =
      blocs.find((b) => isUnder(realOf.get(b.dir)!, real) || isUnder(real, realOf.get(b.dir)!))?.dir ??
      (top && (isUnder(real, top) || ["out", "ket-qua", "templates", BLOCS_DIR].some((f) => isUnder(join(top, f), real))) ? "." : undefined);
    if (same) problems.push({ id, path: given, kind: "twice", other: same.dir });
    else if (taken) problems.push({ id, path: given, kind: "taken", other: taken.dir });
    else if (nested) problems.push({ id, path: given, kind: "nested", other: nested });
    else (realOf.set(dir, real), blocs.push({ id, dir }));
  }
  blocs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { blocs, ignored, problems };
}
