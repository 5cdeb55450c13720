/**
 * Writes templates/shell.docx, the Decree 30 DOCX shell that renderDocx fills.
 * Run: npx tsx src/render/docx/make-shell.ts
 * The output is deterministic; run it again after changing shell-parts.ts or shell-styles.ts.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { buildShell, SHELL_PATH } from "./shell.ts";

const target = process.argv[2] ?? SHELL_PATH;
await mkdir(dirname(target), { recursive: true });
const bytes = buildShell();
await writeFile(target, bytes);
process.stdout.write(`wrote ${target} (${bytes.length} bytes)\n`);
