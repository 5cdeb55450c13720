/**
 * A province's workspace (issue "The province's office"): one folder holding every bloc of the
 * province, each in khoi/<bloc-id>/ with its own data/ (and out/, and templates/ when it has its
 * own), the province's default templates in templates/. Each bloc is a project of its own: its
 * own lock, transaction and outputs; the workspace only finds them and lends its templates.
 */
import type { World } from "../io/world.ts";

/** Where the blocs are, below the workspace. */
export const BLOCS_DIR = "khoi";

/** A bloc's folder name: the bloc's id, as every path and message names it. */
const BLOC_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export interface WorkspaceBloc {
  id: string;
  /** Its folder, relative to the workspace ("khoi/k8"). */
  dir: string;
}

/** The blocs of the workspace: each folder of khoi/ with data/khoi.yaml, in name order; other entries are listed as not blocs. */
export async function findBlocs(world: World): Promise<{ blocs: WorkspaceBloc[]; ignored: string[] }> {
  const entries = (await world.listDir(BLOCS_DIR)) ?? [];
  const blocs: WorkspaceBloc[] = [];
  const ignored: string[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const dir = `${BLOCS_DIR}/${e.name}`;
    if (e.kind === "dir" && BLOC_ID.test(e.name) && (await world.fileSize(`${dir}/data/khoi.yaml`).catch(() => undefined)) !== undefined) {
      // A second name for a bloc already listed (a link to its folder) is not a second bloc.
      const real = (await world.realPath(dir).catch(() => undefined)) ?? dir;
      if (seen.has(real)) ignored.push(dir);
      else (seen.add(real), blocs.push({ id: e.name, dir }));
    } else ignored.push(dir);
  }
  return { blocs, ignored };
}
