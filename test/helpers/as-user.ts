import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readlinkSync, symlinkSync } from "node:fs";
import { join } from "node:path";

/**
 * Running the CLI as an unprivileged user ("nobody") from a test run as root,
 * where file permissions are otherwise ignored. That user must be able to
 * reach the CLI: a checkout under a 0700 folder (mkdtemp, root's home) is out
 * of its reach, so the CLI is run from a copy in a folder it can read, made of
 * hard links (the files' own modes are kept; only the folders are new).
 */
export const NOBODY = 65534;
const setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].find((p) => existsSync(p));

export function dropArgs(): string[] | undefined {
  return setpriv ? [setpriv, `--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups"] : undefined;
}

/** Whether "nobody" can read a file (every folder above it searchable). */
export function nobodyCanRead(path: string): boolean {
  const drop = dropArgs();
  if (!drop) return false;
  const r = spawnSync(drop[0]!, [...drop.slice(1), process.execPath, "-e", `require("fs").accessSync(${JSON.stringify(path)}, require("fs").constants.R_OK)`], { stdio: "ignore" });
  return r.status === 0;
}

/** The repository's CLI (bin, src, node_modules, package.json) linked into `dir` (which must be readable by all). */
export function readableCopy(repo: string, dir: string): string {
  for (const part of ["bin", "src", "node_modules", "package.json", "tsconfig.json"]) linkTree(join(repo, part), join(dir, part));
  return dir;
}

function linkTree(from: string, to: string): void {
  if (!existsSync(from)) return;
  const st = lstatSync(from);
  if (st.isSymbolicLink()) return symlinkSync(readlinkSync(from), to);
  if (st.isDirectory()) {
    mkdirSync(to, { recursive: true });
    chmodSync(to, 0o755);
    for (const e of readdirSync(from)) linkTree(join(from, e), join(to, e));
    return;
  }
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
