/**
 * `so-van-ban`: the bloc's register of outgoing documents, printed (every calendar year the data
 * has, or --year's), and with --tiep-theo <code> the next free number of a calendar year (--year,
 * else the clock's: a new year starts at 01). Reads the data, writes nothing, takes no lock.
 */
import { formatDiagnostic, summaryLine } from "../diagnostics/format.ts";
import type { World } from "../io/world.ts";
import { nextNumber, registerEntries, registerOf, registerYears } from "../register/register.ts";
import { NOTE_TEXT, noteOf } from "../register/workbook.ts";
import type { CliOptions } from "./args.ts";
import { loadEngine } from "./load-engine.ts";

const pad = (n: number) => String(n).padStart(2, "0");
const day = (d: string | null) => (d ? d.split("-").reverse().join("/") : "");

const NOTE_EN: Record<string, string> = {
  "trung-so": "Duplicate: this number was given to another document this year",
  "so-bo-trong": "Skipped: no document has this number",
  "so-bo-trong-nhieu": "Skipped: no document has these numbers",
  "chua-cap-so": "No number or date yet (the records office gives them at issuance)",
};

export async function runRegister(world: World, opts: CliOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const vi = opts.lang === "vi";
  const { checkProject } = await loadEngine();
  const { diagnostics, models, documents } = await checkProject(world, opts.dataDir);
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length || !models.length) {
    for (const d of errors) err(formatDiagnostic(d, opts.lang));
    err(summaryLine(errors.length, 0, opts.lang));
    return 1;
  }
  const bloc = [...models].sort((a, b) => a.year - b.year).at(-1)!.bloc;
  const entries = registerEntries(documents);
  const series = bloc.numbering === "one" ? (vi ? "một dãy số cho mọi loại văn bản" : "one series for every code") : vi ? "mỗi mã loại văn bản một dãy số" : "one series per type code";

  if (opts.nextFor !== undefined) {
    const codes = [...new Set(Object.values(bloc.typeCodes).filter((c) => c))].sort();
    if (!codes.includes(opts.nextFor)) {
      err(vi ? `--tiep-theo: mã loại văn bản "${opts.nextFor}" không có trong ma_loai_van_ban của data/khoi.yaml; các mã: ${codes.join(", ")}` : `--tiep-theo: type code "${opts.nextFor}" is not in data/khoi.yaml's ma_loai_van_ban; the codes: ${codes.join(", ")}`);
      return 2;
    }
    const year = opts.year ?? world.now().getUTCFullYear();
    const n = nextNumber(entries, year, bloc.numbering, opts.nextFor);
    out(`${pad(n)}/${opts.nextFor}-${bloc.code}`);
    err(vi ? `số tiếp theo năm ${year} (${series}), mã ${opts.nextFor}` : `next number of ${year} (${series}), code ${opts.nextFor}`);
    return 0;
  }

  const years = opts.year !== undefined ? [opts.year] : registerYears(entries);
  for (const year of years) {
    const reg = registerOf(entries, year, bloc.numbering);
    out(vi ? `Sổ đăng ký văn bản đi năm ${year} – ${bloc.name} (${series})` : `Register of outgoing documents, ${year} – ${bloc.name} (${series})`);
    if (!reg.series.length) out(vi ? "  (chưa có văn bản nào)" : "  (no document yet)");
    for (const s of reg.series) {
      if (s.code) out(`  ${s.code}:`);
      for (const r of s.rows) {
        const num = r.number === null ? "  " : r.to !== undefined ? `${pad(r.number)}–${pad(r.to)}` : pad(r.number);
        const code = r.entry?.notation ?? (s.code ? `${s.code}-${bloc.code}` : `…-${bloc.code}`);
        const note = r.note ? `  [${vi ? NOTE_TEXT[noteOf(r)] : NOTE_EN[noteOf(r)]}]` : "";
        out(`  ${`${num}/${code}`.padEnd(14)} ${day(r.entry?.date ?? null).padEnd(10)}  ${r.entry?.title ?? ""}${note}`.trimEnd());
      }
    }
    out("");
  }
  return 0;
}
