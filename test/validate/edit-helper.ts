import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import { checkProject } from "../../src/pipeline.ts";
import { fixtureWorld } from "../helpers/fixture-world.ts";

/**
 * The minimal project with text replaced in its files (each edit must match) and extra files, checked:
 * the diagnostics as "severity file:line:column code", and their messages in both languages.
 */
export async function checkEdited(
  edits: Record<string, [string | RegExp, string][]>,
  extra: Record<string, string> = {},
): Promise<{ lines: string[]; texts: string[] }> {
  const world = fixtureWorld(undefined, extra);
  const dec = new TextDecoder();
  for (const [file, list] of Object.entries(edits)) {
    let text = dec.decode(world.files.get(file));
    for (const [from, to] of list) {
      const next = text.replace(from, to);
      if (next === text) throw new Error(`edit ${String(from)} does not apply to ${file}`);
      text = next;
    }
    world.files.set(file, new TextEncoder().encode(text));
  }
  const { diagnostics } = await checkProject(world);
  return {
    lines: diagnostics.map((d) => `${d.severity} ${d.pos.file}:${d.pos.line}:${d.pos.column} ${d.code}`),
    texts: diagnostics.flatMap((d) => [formatDiagnostic(d, "vi"), formatDiagnostic(d, "en")]),
  };
}
