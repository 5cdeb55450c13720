import { createRequire } from "node:module";
import { dirname } from "node:path";

/** The folder of the installed @fontsource/tinos package, or undefined when it is not installed. (Light: loads no font code.) */
export function fontsourceTinosDir(): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve("@fontsource/tinos/package.json"));
  } catch {
    return undefined;
  }
}
