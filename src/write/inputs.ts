import type { ComposedDocument } from "../compose/compose-all.ts";

/**
 * The files each document is made from, as its type declares them (src/documents/):
 * used to say which input changed when a document is out of date. (Whether it is out
 * of date is decided on the composed content itself, see plan.ts.)
 */
export function declaredInputs(c: Pick<ComposedDocument, "year" | "files">, dataDir: string, reads: ReadonlyMap<string, string>): string[] {
  const y = `${dataDir}/${c.year}`;
  const common = [`${dataDir}/khoi.yaml`, `${y}/nam.yaml`, "templates/shell.docx"];
  const files: string[] = [`${y}/${c.files.data}`, `templates/${c.files.template}.md`];
  for (const dep of c.files.dependsOn) {
    if (dep.endsWith("/")) files.push(...[...reads.keys()].filter((p) => p.startsWith(`${y}/${dep}`)));
    else files.push(`${y}/${dep}`);
  }
  return [...new Set([...common, ...files])].filter((p) => reads.has(p)).sort();
}
