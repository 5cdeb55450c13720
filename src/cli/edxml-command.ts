import { makeEdxml } from "../edxml/make-edxml.ts";
import type { World } from "../io/world.ts";
import type { CliOptions } from "./args.ts";
import { reportWrites } from "./commit-report.ts";

/** `khoi-thi-dua edxml <document…>`: edXML packages under out/<year>/edxml/. */
export async function runEdxml(world: World, opts: CliOptions, out: (s: string) => void): Promise<number> {
  const vi = opts.lang === "vi";
  const r = await makeEdxml(world, { dataDir: opts.dataDir, outDir: opts.outDir, names: opts.files, ...(opts.year ? { year: opts.year } : {}), ...issued(opts) });
  if (reportWrites(r, opts.lang, out, { vi: "các gói edXML", en: "the edXML packages are" })) return 1;
  out(vi ? `Xong: ${r.written.length} gói edXML được ghi, ${r.unchanged.length} không đổi.` : `Done: ${r.written.length} edXML packages written, ${r.unchanged.length} unchanged.`);
  return 0;
}

function issued(opts: CliOptions): { issued?: { number?: number; date?: string } } {
  if (opts.issuedNumber === undefined && opts.issuedDate === undefined) return {};
  return { issued: { ...(opts.issuedNumber !== undefined ? { number: opts.issuedNumber } : {}), ...(opts.issuedDate !== undefined ? { date: opts.issuedDate } : {}) } };
}
