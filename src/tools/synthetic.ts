import { parseDocument } from "yaml";
import { memoryWorld, type MemoryWorld } from "../io/memory-world.ts";

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
    list.push({ ...src, ma: id, ten: `${src.ten} (bản sao ${i + 1})`, viet_tat: `${src.viet_tat}${i + 1}` });
    for (const dir of ["dang-ky", "ket-qua"]) {
      const from = example[`data/2020/${dir}/${src.ma}.yaml`];
      if (from) files[`data/2020/${dir}/${id}.yaml`] = from;
    }
  }
  bloc.set("don_vi", list);
  files["data/khoi.yaml"] = bloc.toString();
  return memoryWorld(files);
}
