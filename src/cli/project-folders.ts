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

/**
 * An output folder that would put the build's files among the inputs: the project folder
 * itself, the data folder or a folder inside it or holding it, the templates. The tool
 * never writes over an input, so such an --out is a usage error, said before anything runs.
 */
export function outFolderClash(opts: Pick<CliOptions, "outDir" | "dataDir" | "lang">): string | undefined {
  const norm = (p: string) => p.replace(/\/+$/, "").replace(/^\.\//, "") || ".";
  const out = norm(opts.outDir);
  const data = norm(opts.dataDir);
  const within = (a: string, b: string) => a === b || a.startsWith(`${b}/`);
  const clash = out === "." || within(out, data) || within(data, out) || within(out, "templates");
  if (!clash) return undefined;
  return opts.lang === "en"
    ? `--out ${opts.outDir}: the output folder may not be the project folder, the data folder (${opts.dataDir}) or inside it, or the templates: the build would write among its inputs. Use out (the default) or a folder of its own.`
    : `--out ${opts.outDir}: thư mục kết quả không được là thư mục dự án, thư mục dữ liệu (${opts.dataDir}) hay nằm trong nó, hoặc thư mục mẫu: công cụ sẽ ghi lẫn vào dữ liệu đầu vào. Dùng out (mặc định) hoặc một thư mục riêng.`;
}
