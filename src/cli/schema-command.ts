import type { World } from "../io/world.ts";
import { jsonSchemas } from "../schema/json-schema.ts";

/** Writes data/.schema/*.json, the files VS Code's YAML extension reads (see .vscode/settings.json). */
export async function writeSchemas(world: World, print: (s: string) => void): Promise<number> {
  for (const [name, schema] of Object.entries(jsonSchemas())) {
    const path = `data/.schema/${name}.schema.json`;
    await world.writeFileAtomic(path, new TextEncoder().encode(JSON.stringify(schema, null, 2) + "\n"));
    print(path);
  }
  return 0;
}
