/**
 * A bloc's world inside a province's workspace: the bloc's own folder, except that a bloc without
 * its own templates/ reads the workspace's (the province's default look). Only reading is lent:
 * every write stays in the bloc's folder, through its own world and its rules on links.
 */
import type { World } from "../io/world.ts";

const TEMPLATES = "templates";
const isTemplate = (p: string) => p === TEMPLATES || p.startsWith(`${TEMPLATES}/`);

export async function blocWorld(bloc: World, workspace: World, blocDir: string): Promise<World> {
  if ((await bloc.listDir(TEMPLATES)) !== undefined) return bloc;
  const from = (p: string) => (isTemplate(p) ? workspace : bloc);
  return {
    ...bloc,
    readFile: (p, limit) => from(p).readFile(p, limit),
    fileSize: (p) => from(p).fileSize(p),
    listDir: (p) => from(p).listDir(p),
    // The workspace's templates are named as the bloc sees them, so two blocs' paths never compare equal by accident.
    realPath: async (p) => (isTemplate(p) ? ((await workspace.realPath(p)) ?? undefined) : bloc.realPath(p)),
    writeFileAtomic: (p, b) => (isTemplate(p) ? refuse(blocDir, p) : bloc.writeFileAtomic(p, b)),
    writeNew: (p, b) => (isTemplate(p) ? refuse(blocDir, p) : bloc.writeNew(p, b)),
  };
}

function refuse(blocDir: string, p: string): never {
  throw new Error(`${blocDir}/${p}: the province's templates are read, never written, by a bloc's command`);
}
