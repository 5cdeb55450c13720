import { mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { parseDocument, stringify } from "yaml";
import { upperVi } from "../format/text.ts";
import { exampleFiles, syntheticWorld } from "./synthetic.ts";

/** The 34 provinces and centrally run cities after the 2025 merger: the synthetic country's. */
const PROVINCES = [
  "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng", "Tuyên Quang",
  "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa",
  "Lâm Đồng", "Đắk Lắk", "Hồ Chí Minh", "Đồng Nai", "Tây Ninh", "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
];

export interface ProvinceShape {
  /** The province's name (tinh in tinh.yaml). */
  tinh: string;
  blocs: number;
  /** Units in each bloc. */
  units: number;
}

/** A bloc's id in the workspace: k01, k02... */
export const blocId = (i: number) => `k${String(i + 1).padStart(2, "0")}`;

/**
 * A province's workspace for benchmarks (src/province/workspace.ts): tinh.yaml with the
 * province's name, place name and parent body as the blocs' defaults, the example's templates
 * as the province's, and `blocs` synthetic blocs of `units` units (synthetic.ts) in
 * khoi/k01/data/..., each with a code, a short name and unit names of its own (no unit is
 * proposed by two blocs) and without the settings the province gives (its name, place name,
 * parent body, and the year's vote rules).
 */
export function writeSyntheticProvince(example: Record<string, Uint8Array>, dir: string, shape: ProvinceShape): void {
  const write = (path: string, bytes: Uint8Array | string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  };
  const ids = Array.from({ length: shape.blocs }, (_, i) => blocId(i));
  // The vote rules are the province's, counted on the units present (the example's ballots are
  // cast by the ten units it has, so a bloc of 15 proposes what the example proposes).
  const year = parseDocument(new TextDecoder().decode(example["data/2020/nam.yaml"]));
  const rules = { ...(year.get("binh_bau") as { toJSON(): Record<string, unknown> }).toJSON(), co_so: "co_mat" };
  year.delete("binh_bau");
  const bareYear = year.toString();
  write("tinh.yaml", stringify({ tinh: shape.tinh, nam: 2020, khoi: ids, dia_danh: shape.tinh, co_quan_chu_quan: `UBND TỈNH ${upperVi(shape.tinh)}`, binh_bau: rules }));
  for (const [path, bytes] of Object.entries(example)) if (path.startsWith("templates/")) write(path, bytes);
  const data = Object.fromEntries(Object.entries(example).filter(([k]) => k.startsWith("data/")));
  ids.forEach((id, i) => {
    const n = i + 1;
    for (const [path, bytes] of syntheticWorld(data, shape.units).files) {
      if (path !== "data/khoi.yaml") {
        write(`khoi/${id}/${path}`, path === "data/2020/nam.yaml" ? bareYear : bytes);
        continue;
      }
      const text = new TextDecoder()
        .decode(bytes)
        .replace(/^( {4}ten: )(.*)$/gm, `$1$2 (Khối ${n})`)
        .replace(/^ky_hieu: .*$/m, `ky_hieu: K${n}`)
        .replace(/^ten_ngan: .*$/m, `ten_ngan: Khối ${n}`)
        .replace(/^ten: .*$/m, `ten: Khối thi đua số ${n} tỉnh ${shape.tinh}`)
        .replace(/^(tinh|dia_danh|co_quan_chu_quan): .*\n/gm, "");
      write(`khoi/${id}/${path}`, text);
    }
  });
}

/** The synthetic country: one workspace per province in `dir`/<nn>/, `blocs` × `units` each. */
export function writeSyntheticCountry(example: Record<string, Uint8Array>, dir: string, shape: { provinces: number; blocs: number; units: number }): string[] {
  return PROVINCES.slice(0, shape.provinces).map((tinh, i) => {
    const ws = join(dir, String(i + 1).padStart(2, "0"));
    writeSyntheticProvince(example, ws, { tinh, blocs: shape.blocs, units: shape.units });
    return ws;
  });
}

// tsx src/tools/synthetic-province.ts <dir> [blocs] [units] [provinces]: a province's workspace (or, with provinces, a country of them) on disk.
if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  const [dir, blocs = "15", units = "15", provinces] = process.argv.slice(2);
  if (!dir || !(Number(blocs) > 0) || !(Number(units) > 0) || (provinces !== undefined && !(Number(provinces) > 0 && Number(provinces) <= PROVINCES.length))) {
    console.error(`usage: tsx src/tools/synthetic-province.ts <dir> [blocs] [units] [provinces, at most ${PROVINCES.length}]`);
    process.exitCode = 2;
  } else if (provinces) {
    const made = writeSyntheticCountry(exampleFiles(process.cwd()), dir, { provinces: Number(provinces), blocs: Number(blocs), units: Number(units) });
    console.log(`${made.length} provinces of ${blocs} blocs × ${units} units written to ${dir}/01..${String(made.length).padStart(2, "0")}; build each with: node bin/khoi-thi-dua.js tinh build --root <dir>/01`);
  } else {
    writeSyntheticProvince(exampleFiles(process.cwd()), dir, { tinh: "Trà Vinh", blocs: Number(blocs), units: Number(units) });
    console.log(`a province of ${blocs} blocs × ${units} units written to ${dir}; build it with: node bin/khoi-thi-dua.js tinh build --root ${dir}`);
  }
}
