/**
 * A bloc's world inside a province's workspace: the bloc's own folder, except that a bloc without
 * its own templates/ reads the workspace's (the province's default look). Only reading is lent:
 * every write (the bloc's transaction's) goes to the bloc's own world, in the bloc's folder, under
 * its rules on links; nothing of the workspace's is ever written through it.
 */
import type { World } from "../io/world.ts";

const TEMPLATES = "templates";
const isTemplate = (p: string) => p === TEMPLATES || p.startsWith(`${TEMPLATES}/`);

export async function blocWorld(bloc: World, workspace: World): Promise<World> {
  if ((await bloc.listDir(TEMPLATES)) !== undefined) return bloc;
  const from = (p: string) => (isTemplate(p) ? workspace : bloc);
  return {
    ...bloc,
    readFile: (p, limit) => from(p).readFile(p, limit),
    fileSize: (p) => from(p).fileSize(p),
    fileStamp: async (p) => from(p).fileStamp?.(p),
    listDir: (p) => from(p).listDir(p),
    // The lent templates are where they really are: in the workspace.
    realPath: (p) => from(p).realPath(p),
  };
}
