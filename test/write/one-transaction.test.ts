/**
 * Every command that writes goes through the project transaction (src/write/transaction.ts):
 * no module of the program calls World's writing operations, or writes with node:fs, on its
 * own. A new command that tried would fail here, naming the file and the call.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/fixture-world.ts";

/** World's operations that change files, and node:fs's. */
const WORLD_WRITES = /\.(writeFileAtomic|writeNew|renameFile|removeFile|renameDir|removeDir|lock)\(/g;
const FS_WRITES = /\b(writeFileSync|writeFile|appendFile|appendFileSync|rename|renameSync|rm|rmSync|unlink|unlinkSync|mkdir|mkdirSync|copyFile|copyFileSync|symlink|link|chmod|truncate)\(/g;

/** Where writing is allowed, and why. */
const ALLOWED: Record<string, string> = {
  "src/write/transaction.ts": "the transaction itself",
  "src/io/node-world.ts": "the file system boundary",
  "src/io/quick-fs.ts": "the file system boundary's calls made at once (node-world.ts's file system)",
  "src/io/memory-world.ts": "the memory world",
  "src/io/lock-file.ts": "the lock's own steps",
  "src/pdf/fonts/byte-cache.ts": "the font cache in out/.cache, written while the build holds the project lock; never a project file",
  "src/load/source-cache.ts": "the data cache in out/.cache, written while the build holds the project lock (validate and --check only read it); never a project file",
  "src/write/stamps.ts": "the files' stamps in out/.cache, written under the project lock once a build is committed (transaction.ts whenCommitted); never a project file",
  "src/write/parts-cache.ts": "removes, in out/.cache/pdf-parts, the entries of PDFs the committed manifest no longer names, under the project lock (transaction.ts whenCommitted); never a project file",
  "src/render/docx/make-shell.ts": "a developer's script that makes templates/shell.docx, not a command",
  "src/tools/bundle-engine.ts": "the compile step's engine bundle and its code cache in dist/, not a command",
  "src/tools/bench.ts": "the benchmark's temporary projects, not a command",
  "src/tools/bench-cli.ts": "the benchmark's temporary projects, not a command",
  "src/tools/bench-projects.ts": "the benchmark's temporary projects, not a command",
  "src/tools/typst.ts": "the benchmark's comparable Typst page in its temporary folder, not a command",
  "src/tools/fidelity.ts": "a developer's report, not a command",
  "src/tools/soffice.ts": "LibreOffice's temporary folder, not a command",
  "src/tools/synthetic.ts": "the benchmark's generated bloc, not a command",
  "src/tools/synthetic-province.ts": "the benchmark's generated province and country, not a command",
  "src/tools/bench-province.ts": "the benchmark's temporary workspaces, not a command",
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

describe("one transaction for every command that writes", () => {
  it("no module writes outside the transaction and the file-system boundary", () => {
    const found: string[] = [];
    for (const file of sources(join(REPO, "src"))) {
      const rel = relative(REPO, file).split("\\").join("/");
      if (ALLOWED[rel]) continue;
      const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      for (const m of text.matchAll(WORLD_WRITES)) found.push(`${rel}: World.${m[1]}`);
      if (/from "node:fs(\/promises)?"/.test(text)) for (const m of text.matchAll(FS_WRITES)) found.push(`${rel}: node:fs ${m[1]}`);
    }
    expect(found).toEqual([]);
  });

  it("the check sees a write that bypasses the transaction", () => {
    const text = `await world.writeFileAtomic("data/x.yaml", bytes);\nawait w.removeFile(p);`;
    expect([...text.matchAll(WORLD_WRITES)].map((m) => m[1])).toEqual(["writeFileAtomic", "removeFile"]);
  });
});
