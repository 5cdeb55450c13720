import type { ComposedDocument } from "../compose/compose-all.ts";
import { dataFileOf } from "../documents/keys.ts";

/**
 * The files each document is made from, as its type declares them (src/documents/):
 * used to say which input changed when a document is out of date. (Whether it is out
 * of date is decided on the composed content itself, see plan.ts.)
 */
export function declaredInputs(c: Pick<ComposedDocument, "year" | "type" | "unit">, dataDir: string, reads: ReadonlyMap<string, string>): string[] {
  const { type, unit } = c;
  const y = `${dataDir}/${c.year}`;
  const common = [`${dataDir}/khoi.yaml`, `${y}/nam.yaml`, "templates/shell.docx"];
  const files: string[] = [type.kind === "single" ? `${y}/${dataFileOf(type)}` : `${y}/${type.id}/${unit}.yaml`, `templates/${type.template}.md`];
  for (const dep of type.dependsOn) {
    if (dep.endsWith("/")) files.push(...[...reads.keys()].filter((p) => p.startsWith(`${y}/${dep}`)));
    else files.push(`${y}/${dep}`);
  }
  return [...new Set([...common, ...files])].filter((p) => reads.has(p)).sort();
}
