import { Diagnostics } from "../diagnostics/diagnostic.ts";
import { formatDiagnostic, summaryLine } from "../diagnostics/format.ts";
import type { World } from "../io/world.ts";
import { loadProject } from "../load/project.ts";
import { DOC_TYPES } from "../pipeline.ts";
import { projectIds } from "../schema/editor-schema.ts";
import { jsonSchemas } from "../schema/json-schema.ts";
import { inTransaction } from "../write/transaction.ts";

/**
 * Writes <data>/.schema/*.json, the files VS Code's YAML extension reads (see .vscode/settings.json),
 * for this project: its unit, criterion and award ids are offered where a field refers to one.
 * Run again after adding a unit to khoi.yaml or a criterion to nam.yaml. The files are written
 * together through the project transaction; a file the command cannot write (a link out of the
 * project, a read-only folder) is a located error and none is written.
 */
export async function writeSchemas(world: World, print: (s: string) => void, dataDir = "data", lang: "vi" | "en" = "vi", printErr: (s: string) => void = print): Promise<number> {
  const diags = new Diagnostics();
  const tx = await inTransaction(world, { command: "schema" }, diags, async (staging) => {
    // The data is read only for its ids; its mistakes are `validate`'s to report.
    const raw = await loadProject(world, DOC_TYPES, new Diagnostics(), dataDir);
    const ids = projectIds(raw);
    for (const [name, schema] of Object.entries(jsonSchemas(DOC_TYPES, ids))) staging.write(`${dataDir}/.schema/${name}.schema.json`, new TextEncoder().encode(JSON.stringify(schema, null, 2) + "\n"));
    return ids;
  });
  const errors = diags.items.filter((d) => d.severity === "error").length;
  for (const d of diags.sorted()) printErr(formatDiagnostic(d, lang));
  if (errors || !tx.value) {
    printErr(summaryLine(errors, diags.items.length - errors, lang));
    return 1;
  }
  for (const path of tx.written) print(path);
  const ids = tx.value;
  const [u, c, a] = [ids.unit.length, ids.criterion.length, ids.award.length];
  print(lang === "vi" ? `mã gợi ý: ${u} đơn vị, ${c} tiêu chí, ${a} hình thức khen thưởng` : `ids offered: ${u} units, ${c} criteria, ${a} awards`);
  if (!u) print(lang === "vi" ? `chưa đọc được đơn vị nào trong ${dataDir}/khoi.yaml: chạy npm run validate để xem lỗi` : `no unit could be read from ${dataDir}/khoi.yaml: run npm run validate to see why`);
  return 0;
}
