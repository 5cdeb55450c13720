/** Entry of `npm run sign`: wires the sign command to the real file system, clock, terminal and fonts. */
import { nodeWorld } from "../io/node-world.ts";
import { loadNodeFontSet } from "../pdf/fonts/node-font-reader.ts";
import { runSign } from "./command.ts";
import { terminalAsker } from "./password.ts";
import { systemClock } from "./time.ts";

const ask = terminalAsker();
runSign(process.argv.slice(2), {
  world: nodeWorld(process.cwd()),
  clock: systemClock,
  fonts: () => loadNodeFontSet(),
  ...(ask ? { ask } : {}),
  print: (s) => process.stdout.write(s + "\n"),
  printErr: (s) => process.stderr.write(s + "\n"),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const en = process.argv.includes("en") || process.argv.includes("--lang=en");
    process.stderr.write((en ? "internal error: " : "lỗi chương trình: ") + (err instanceof Error ? (err.stack ?? err.message) : String(err)) + "\n");
    process.exitCode = 3;
  },
);
