import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync } from "node:fs";
import { join } from "node:path";

/**
 * Running the CLI as an unprivileged user ("nobody") from a test run as root,
 * where file permissions are otherwise ignored. That user must be able to
 * reach the CLI: a checkout under a 0700 folder (mkdtemp, root's home) is out
 * of its reach, so the CLI is run from a copy in a folder it can read, made of
 * hard links (the files' own modes are kept; only the folders are new) to the
 * CLI and the packages it runs on.
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

/**
 * The repository's CLI (bin, src, dist, package.json) linked into `dir` (which must be readable by all), with the
 * packages it runs on: the package's dependencies and, for sources not yet compiled, tsx, each with what it needs
 * (from package-lock.json). Not the whole node_modules: the test tools there are thousands of files the CLI never reads.
 */
export function readableCopy(repo: string, dir: string): string {
  for (const part of ["bin", "src", "dist", "package.json", "tsconfig.json"]) linkTree(join(repo, part), join(dir, part));
  for (const pkg of runtimePackages(repo)) linkTree(join(repo, pkg), join(dir, pkg));
  return dir;
}

/** The node_modules/… folders of the package's dependencies and tsx, and of theirs, as package-lock.json places them. */
export function runtimePackages(repo: string): string[] {
  type Entry = { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
  const lock = JSON.parse(readFileSync(join(repo, "package-lock.json"), "utf8")) as { packages: Record<string, Entry> };
  const found = new Set<string>();
  /** Where `name` is found from the package at `from`: its own node_modules, then each folder above. */
  const place = (name: string, from: string): string | undefined => {
    for (let at = from; ; at = at.slice(0, Math.max(0, at.lastIndexOf("/node_modules/")))) {
      const path = `${at ? `${at}/` : ""}node_modules/${name}`;
      if (lock.packages[path]) return path;
      if (!at) return undefined;
    }
  };
  const visit = (name: string, from: string) => {
    const path = place(name, from);
    if (path === undefined || found.has(path)) return;
    found.add(path);
    const e = lock.packages[path]!;
    for (const dep of Object.keys({ ...e.dependencies, ...e.optionalDependencies })) visit(dep, path);
  };
  for (const dep of [...Object.keys(lock.packages[""]?.dependencies ?? {}), "tsx"]) visit(dep, "");
  // A package nested in another's node_modules comes with its parent's folder.
  return [...found].filter((p) => ![...found].some((q) => q !== p && p.startsWith(`${q}/`))).sort();
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
