import { formatDiagnostic, summaryLine } from "../diagnostics/format.ts";
import type { World } from "../io/world.ts";
import { newYear } from "../year/new-year.ts";
import type { CliOptions } from "./args.ts";

/** `new-year <year>`: makes data/<year>/ from the year before; exit 1 when refused. */
export async function runNewYear(world: World, opts: CliOptions, out: (s: string) => void): Promise<number> {
  const year = opts.newYear!;
  const vi = opts.lang === "vi";
  const { diagnostics, created } = await newYear(world, opts.dataDir, year);
  for (const d of diagnostics) out(formatDiagnostic(d, opts.lang));
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  out(summaryLine(errors, diagnostics.length - errors, opts.lang));
  if (errors) return 1;
  for (const f of created) out((vi ? "đã tạo " : "created ") + f);
  out(
    vi
      ? `Đã tạo năm ${year}. Kiểm tra nam.yaml và ke-hoach.md, rồi chạy npm run validate và npm run build-docs -- --year ${year}.`
      : `Made ${year}. Check nam.yaml and ke-hoach.md, then run npm run validate and npm run build-docs -- --year ${year}.`,
  );
  return 0;
}
