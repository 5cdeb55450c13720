/**
 * The files each document is made from, as declared here: used to say which
 * input changed when a document is out of date. (Whether it is out of date is
 * decided on the composed content itself, see plan.ts.)
 */
export function declaredInputs(stem: string, year: number, dataDir: string, reads: ReadonlyMap<string, string>): string[] {
  const y = `${dataDir}/${year}`;
  const under = (dir: string) => [...reads.keys()].filter((p) => p.startsWith(`${y}/${dir}/`));
  const common = [`${dataDir}/khoi.yaml`, `${y}/nam.yaml`, "templates/shell.docx"];
  const specific: Record<string, string[]> = {
    "ke-hoach": [`${y}/ke-hoach.md`, "templates/ke-hoach.md"],
    "bao-cao-so-ket": [`${y}/so-ket.md`, "templates/bao-cao-so-ket.md", ...under("dang-ky"), ...under("ket-qua")],
    "bao-cao-tong-ket": [`${y}/tong-ket.md`, "templates/bao-cao-tong-ket.md", ...under("ket-qua")],
    "bien-ban-binh-bau": [`${y}/bien-ban.md`, "templates/bien-ban-binh-bau.md"],
    "to-trinh": [`${y}/to-trinh.md`, `${y}/bien-ban.md`, "templates/to-trinh.md", ...under("ket-qua")],
  };
  const unit = stem.startsWith("dang-ky-") ? stem.slice("dang-ky-".length) : undefined;
  const files = unit ? [`${y}/dang-ky/${unit}.yaml`, `${y}/ke-hoach.md`, "templates/dang-ky.md"] : (specific[stem] ?? []);
  return [...new Set([...common, ...files])].filter((p) => reads.has(p)).sort();
}
