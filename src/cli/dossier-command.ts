import { makeDossier } from "../dossier/make-dossier.ts";
import { stateText } from "../sign/signature-state.ts";
import type { World } from "../io/world.ts";
import type { CliOptions } from "./args.ts";
import { buildOptions } from "./commands.ts";
import { reportWrites } from "./commit-report.ts";

/** `khoi-thi-dua ho-so [--year N]`: the award dossier of a year (the latest by default), its checklist said item by item. */
export async function runDossier(world: World, opts: CliOptions, out: (s: string) => void): Promise<number> {
  const vi = opts.lang === "vi";
  const r = await makeDossier(world, buildOptions(opts));
  const lines = r.items.map((i) => `  ${String(i.no).padStart(2)}. ${i.title}: ${i.file ? `${i.file}, ${stateText(i.state!, opts.lang)}` : vi ? "THIẾU" : "MISSING"}`);
  return reportWrites(r, opts.lang, out, { vi: "hồ sơ", en: "the dossier is" }, lines);
}
