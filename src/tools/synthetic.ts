import { mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { parseDocument } from "yaml";
import { memoryWorld, type MemoryWorld } from "../io/memory-world.ts";
import { readTree } from "./read-tree.ts";

/**
 * A large bloc for benchmarks: the example year with its member units cloned
 * until there are `units` of them (ids unit-01, unit-02...), each with the
 * registration and results of the unit it was cloned from. The data stays
 * valid; warnings (attendance, missing votes) are expected.
 */
export function syntheticWorld(example: Record<string, Uint8Array>, units: number): MemoryWorld {
  const dec = new TextDecoder();
  const files: Record<string, Uint8Array | string> = { ...example };
  const bloc = parseDocument(dec.decode(example["data/khoi.yaml"]));
  const base = (bloc.toJS() as { don_vi: { ma: string; ten: string; viet_tat: string }[] }).don_vi;
  const list = [...base];
  for (let i = base.length; i < units; i++) {
    const src = base[i % base.length]!;
    const id = `unit-${String(i + 1).padStart(2, "0")}`;
    // A copy of its own (the unit's head written out again, as a secretary types it): an object
    // shared with the unit cloned would be written as a YAML anchor and alias, which no bloc's file has.
    list.push({ ...structuredClone(src), ma: id, ten: `${src.ten} (bản sao ${i + 1})`, viet_tat: `${src.viet_tat}${i + 1}` });
    for (const dir of ["dang-ky", "ket-qua"]) {
      const from = example[`data/2020/${dir}/${src.ma}.yaml`];
      if (from) files[`data/2020/${dir}/${id}.yaml`] = from;
    }
  }
  bloc.set("don_vi", list);
  files["data/khoi.yaml"] = bloc.toString();
  return memoryWorld(files);
}

/** The example's data (without its editor schemas) and templates under `root`. */
export function exampleFiles(root: string): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(readTree(join(root, "data")))) if (!k.startsWith(".schema/")) files[`data/${k}`] = v;
  for (const [k, v] of Object.entries(readTree(join(root, "templates")))) files[`templates/${k}`] = v;
  return files;
}

/** Writes the example project (data and templates under `root`) with its units cloned to `units`, into `dir`. */
export function writeSyntheticProject(root: string, units: number, dir: string): void {
  for (const [path, bytes] of syntheticWorld(exampleFiles(root), units).files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
}

// tsx src/tools/synthetic.ts <units> <dir>: a synthetic bloc on disk, to build and check with npm run fidelity.
if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  const [units, dir] = process.argv.slice(2);
  if (!units || !dir || !(Number(units) > 0)) {
    console.error("usage: tsx src/tools/synthetic.ts <units> <dir>");
    process.exitCode = 2;
  } else {
    writeSyntheticProject(process.cwd(), Number(units), dir);
    console.log(`synthetic bloc of ${units} units written to ${dir}; build it with: npx tsx src/cli/main.ts build --root ${dir}`);
  }
}
