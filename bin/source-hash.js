// The identity of the tool's sources: every .ts file under src/ (name and bytes, in a fixed
// order), the lock file and the TypeScript settings. Shared by bin/khoi-thi-dua.js (is dist/
// compiled from these very sources?) and the tool's identity in the manifest.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export function sourceHash(root) {
  const h = createHash("sha256");
  const walk = (dir, rel) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.isDirectory()) walk(join(dir, e.name), `${rel}${e.name}/`);
      else if (e.name.endsWith(".ts")) h.update(`${rel}${e.name}\0`).update(readFileSync(join(dir, e.name)));
    }
  };
  walk(join(root, "src"), "");
  for (const f of ["package-lock.json", "tsconfig.json", "tsconfig.build.json"]) {
    try {
      h.update(`${f}\0`).update(readFileSync(join(root, f)));
    } catch {
      /* an installed copy may have none */
    }
  }
  return h.digest("hex");
}
