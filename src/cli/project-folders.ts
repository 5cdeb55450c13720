import { projectRelative } from "../io/node-world.ts";
import type { CliOptions } from "./args.ts";

/**
 * --data and --out as the project names them when they really lead inside
 * it (`--out "$PWD/out"`, `--data ../project/data`, a path through a link to
 * the project are `out` and `data`), so that the link rules of out/ and data/
 * hold, and every message and the manifest name them the same way whichever
 * way they were written. A folder outside the project is kept as given; so is
 * one that names the project folder itself.
 */
export async function projectFolders(opts: CliOptions): Promise<CliOptions> {
  const inProject = async (dir: string) => {
    const rel = await projectRelative(opts.root, dir);
    return rel === undefined || rel === "." ? dir : rel;
  };
  return { ...opts, dataDir: await inProject(opts.dataDir), outDir: await inProject(opts.outDir) };
}
