/** `khoi-thi-dua sign` (npm run sign): wires the sign command to the real file system, clock, terminal and fonts. */
import { nodeWorld } from "../io/node-world.ts";
import { loadNodeFontSet } from "../pdf/fonts/node-font-reader.ts";
import { runSign } from "./command.ts";
import { terminalAsker } from "./password.ts";
import { systemClock } from "./time.ts";

export function signMain(argv: readonly string[]): Promise<number> {
  const ask = terminalAsker();
  return runSign(argv, {
    world: nodeWorld(process.cwd()),
    clock: systemClock,
    fonts: () => loadNodeFontSet(),
    ...(ask ? { ask } : {}),
    print: (s) => process.stdout.write(s + "\n"),
    printErr: (s) => process.stderr.write(s + "\n"),
  });
}
