import { resolve } from "node:path";
import { formatDiagnostic, summaryLine } from "../diagnostics/format.ts";
import { importForms } from "../import/import-forms.ts";
import type { World } from "../io/world.ts";
import type { CliOptions } from "./args.ts";

/** `khoi-thi-dua import <files…>`: returned forms into data/; --check reports what would change. */
export async function runImport(world: World, opts: CliOptions, out: (s: string) => void): Promise<number> {
  const vi = opts.lang === "vi";
  // The forms are named on the command line relative to the current folder; World reads absolute paths as they are.
  const files = opts.files.map((f) => ({ path: resolve(f), name: f.slice(f.lastIndexOf("/") + 1) }));
  const r = await importForms(world, { dataDir: opts.dataDir, files, check: opts.check, ...(opts.year ? { year: opts.year } : {}), blocColumns: opts.blocColumns, confirmUnits: opts.confirmUnits });
  for (const d of r.diagnostics) out(formatDiagnostic(d, opts.lang));
  const errors = r.diagnostics.filter((d) => d.severity === "error").length;
  for (const f of r.files) {
    const verb = opts.check || errors ? (vi ? "sẽ sửa" : "would change") : vi ? "đã sửa" : "changed";
    out(`${f.created ? (vi ? (opts.check || errors ? "sẽ tạo" : "đã tạo") : opts.check || errors ? "would create" : "created") : verb} ${f.path}`);
    for (const c of f.changes) out(`    ${c}`);
  }
  out(summaryLine(errors, r.diagnostics.length - errors, opts.lang));
  if (errors) {
    out(vi ? "Không ghi tệp nào vì có lỗi; dữ liệu giữ nguyên." : "Nothing was written because of the errors; the data is unchanged.");
    return 1;
  }
  if (!r.files.length) out(vi ? "Dữ liệu đã đúng với biểu mẫu: không tệp nào thay đổi." : "The data already matches the forms: no file changes.");
  return 0;
}
