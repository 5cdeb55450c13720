import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The tool's identity for the manifest: its package version and a hash of its
 * source files and templates of document structure it ships. A new version of
 * the tool rebuilds every document.
 */
export function toolVersion(): string {
  const root = fileURLToPath(new URL("../../", import.meta.url));
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
  const h = createHash("sha256");
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".ts")) h.update(name).update(readFileSync(p));
    }
  };
  walk(join(root, "src"));
  for (const lock of ["package-lock.json"]) {
    try {
      h.update(readFileSync(join(root, lock)));
    } catch {
      /* an installed copy may have no lock file */
    }
  }
  return `${pkg.version}+${h.digest("hex").slice(0, 16)}`;
}
