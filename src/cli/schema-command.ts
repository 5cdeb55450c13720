import { Diagnostics } from "../diagnostics/diagnostic.ts";
import { formatDiagnostic, summaryLine } from "../diagnostics/format.ts";
import type { World } from "../io/world.ts";
import { loadProject } from "../load/project.ts";
import { projectIds } from "../schema/editor-schema.ts";
import { jsonSchemas } from "../schema/json-schema.ts";
import { FAILED, guard } from "../write/guard.ts";

/**
 * Writes <data>/.schema/*.json, the files VS Code's YAML extension reads (see .vscode/settings.json),
 * for this project: its unit, criterion and award ids are offered where a field refers to one.
 * Run again after adding a unit to khoi.yaml or a criterion to nam.yaml.
 * A file that cannot be written (a link out of the project, no permission...) is a located
 * error with exit status 1; the files printed before it were written.
 */
export async function writeSchemas(
  world: World,
  print: (s: string) => void,
  dataDir = "data",
  lang: "vi" | "en" = "vi",
  printErr: (s: string) => void = print,
): Promise<number> {
  // The data is read only for its ids; its mistakes are `validate`'s to report.
  const raw = await loadProject(world, new Diagnostics(), dataDir);
  const ids = projectIds(raw);
  const writing = new Diagnostics();
  for (const [name, schema] of Object.entries(jsonSchemas(ids))) {
    const path = `${dataDir}/.schema/${name}.schema.json`;
    const written = await guard(writing, path, "write", () => world.writeFileAtomic(path, new TextEncoder().encode(JSON.stringify(schema, null, 2) + "\n")));
    if (written === FAILED) break;
    print(path);
  }
  if (writing.hasErrors) {
    for (const d of writing.sorted()) printErr(formatDiagnostic(d, lang));
    printErr(summaryLine(writing.sorted().length, 0, lang));
    return 1;
  }
  const [u, c, a] = [ids.unit.length, ids.criterion.length, ids.award.length];
  print(lang === "vi" ? `mã gợi ý: ${u} đơn vị, ${c} tiêu chí, ${a} hình thức khen thưởng` : `ids offered: ${u} units, ${c} criteria, ${a} awards`);
  if (!u) print(lang === "vi" ? `chưa đọc được đơn vị nào trong ${dataDir}/khoi.yaml: chạy npm run validate để xem lỗi` : `no unit could be read from ${dataDir}/khoi.yaml: run npm run validate to see why`);
  return 0;
}
