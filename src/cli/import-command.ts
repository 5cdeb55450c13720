import { resolve } from "node:path";
import { formatDiagnostic, summaryLine } from "../diagnostics/format.ts";
import { importForms } from "../import/import-forms.ts";
import type { World } from "../io/world.ts";
import type { CliOptions } from "./args.ts";
import { stoppedLine } from "./commit-report.ts";

/** `khoi-thi-dua import <files…>`: returned forms into data/; --check reports what would change. */
export async function runImport(world: World, opts: CliOptions, out: (s: string) => void): Promise<number> {
  const vi = opts.lang === "vi";
  // The forms are named on the command line relative to the current folder; World reads absolute paths as they are.
  const files = opts.files.map((f) => ({ path: resolve(f), name: f.slice(f.lastIndexOf("/") + 1) }));
  const r = await importForms(world, { dataDir: opts.dataDir, files, check: opts.check, ...(opts.year ? { year: opts.year } : {}), blocColumns: opts.blocColumns, confirmUnits: opts.confirmUnits });
  for (const d of r.diagnostics) out(formatDiagnostic(d, opts.lang));
  const errors = r.diagnostics.filter((d) => d.severity === "error").length;
  for (const f of r.files) {
    // Said done only of a file really written.
    const done = r.written.includes(f.path);
    const verb = f.created ? (done ? (vi ? "đã tạo" : "created") : vi ? "sẽ tạo" : "would create") : done ? (vi ? "đã sửa" : "changed") : vi ? "sẽ sửa" : "would change";
    out(`${verb} ${f.path}`);
    for (const c of f.changes) out(`    ${c}`);
  }
  out(summaryLine(errors, r.diagnostics.length - errors, opts.lang));
  if (errors) {
    out(stoppedLine(r.written, r.pending, opts.lang, { vi: "dữ liệu", en: "the data is" }));
    return 1;
  }
  if (!r.files.length) out(vi ? "Dữ liệu đã đúng với biểu mẫu: không tệp nào thay đổi." : "The data already matches the forms: no file changes.");
  return 0;
}
