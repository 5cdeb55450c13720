/**
 * Run in a child process (node --import tsx, a small heap): reads each
 * workbook named on the command line with readForm, one after another, and
 * prints a JSON line before and after each, with the CPU time it took, the
 * process's peak memory so far and what was found (the diagnostics' codes
 * and places, or the sheets read). A reading that hangs or crashes leaves a
 * "start" line without its result.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { readForm } from "../../src/import/read-form.ts";

const say = (o: object) => process.stdout.write(JSON.stringify(o) + "\n");
say({ ready: true, maxRssMb: process.resourceUsage().maxRSS / 1024 });
for (const path of process.argv.slice(2)) {
  const bytes = new Uint8Array(readFileSync(path));
  say({ start: path });
  const cpu = process.cpuUsage();
  const r = (await readForm(basename(path), bytes)) as Record<string, unknown>;
  const used = process.cpuUsage(cpu);
  const problems = (r.problems ?? []) as { code: string; pos: { file: string } }[];
  say({
    path,
    cpuMs: (used.user + used.system) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    problems: problems.map((p) => `${p.pos.file}: ${p.code}`),
    sheets: r.sheets instanceof Map ? [...r.sheets.keys()] : [],
  });
}
