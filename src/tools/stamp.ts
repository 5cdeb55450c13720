/** After compiling: records the sources' identity beside the compiled CLI (see src/cli/tool-version.ts). */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sourceHash } from "../../bin/source-hash.js";
import { IDENTITY_FILE, sourceIdentity } from "../cli/tool-version.ts";

writeFileSync(IDENTITY_FILE, JSON.stringify({ tool: sourceIdentity(), sources: sourceHash(fileURLToPath(new URL("../../", import.meta.url))) }) + "\n");
