/**
 * xmldom's entities module as the engine's bundle has it (bundle-engine.ts): XML's five entities
 * as the real module has them, and its table of HTML's named entities (2,231, which the real
 * module builds and freezes when loaded: some 15 ms of each build that renders a DOCX) loaded
 * from the real module when first asked for. docxtemplater parses XML only.
 */
import { createRequire } from "node:module";

/** The module's source (CommonJS), for the real module at `real` (an absolute path, bundled in its turn). */
export function xmldomEntities(real: string): string {
  const { XML_ENTITIES } = createRequire(import.meta.url)(real) as { XML_ENTITIES: Record<string, string> };
  return [
    `const { freeze } = require("./conventions");`,
    `let all;`,
    `const html = () => (all ??= require(${JSON.stringify(real)}));`,
    `exports.XML_ENTITIES = freeze(${JSON.stringify(XML_ENTITIES)});`,
    `Object.defineProperty(exports, "HTML_ENTITIES", { enumerable: true, get: () => html().HTML_ENTITIES });`,
    `Object.defineProperty(exports, "entityMap", { enumerable: true, get: () => html().entityMap });`,
  ].join("\n");
}
