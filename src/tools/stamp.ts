/** After compiling: records the sources' identity beside the compiled CLI (see src/cli/tool-version.ts). */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sourceHash, sourceStats } from "../../bin/source-hash.js";
import { IDENTITY_FILE, sourceIdentity } from "../cli/tool-version.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
writeFileSync(IDENTITY_FILE, JSON.stringify({ tool: sourceIdentity(), sources: sourceHash(root), stats: sourceStats(root) }) + "\n");
