import type { ComposedDocument } from "../compose/compose-all.ts";
import { sha256, stableJson } from "./hash.ts";
import { declaredInputs } from "./inputs.ts";
import type { Manifest } from "./manifest.ts";
import { ownedOutputs } from "./owned-files.ts";

/** Why a document must be (re)built; none: it is up to date. */
export type Reason =
  | { code: "new" }
  | { code: "input"; file: string }
  | { code: "content" }
  | { code: "output-missing"; file: string }
  | { code: "output-changed"; file: string }
  | { code: "tool" }
  | { code: "fonts" }
  | { code: "shell" };

export interface DocPlan {
  key: string;
  composed: ComposedDocument;
  content: string;
  inputs: Record<string, string>;
  outputs: string[];
  reasons: Reason[];
}

export interface BuildIdentity {
  tool: string;
  fonts: string;
  shell: string;
}


/**
 * Decides, per document, whether its outputs are current: same composed
 * content, same tool, fonts and shell, and every output on disk as the
 * manifest recorded it. `onDisk` gives the hash of a file now (undefined: missing).
 */
export function planBuild(
  docs: readonly ComposedDocument[],
  previous: Manifest | undefined,
  identity: BuildIdentity,
  reads: ReadonlyMap<string, string>,
  onDisk: ReadonlyMap<string, string | undefined>,
  outDir: string,
  dataDir: string,
): DocPlan[] {
  return docs.map((composed) => {
    const key = `${composed.year}/${composed.doc.stem}`;
    const content = sha256(stableJson(composed.doc));
    const inputs = Object.fromEntries(declaredInputs(composed, dataDir, reads).map((p) => [p, reads.get(p)!]));
    const outputs = ownedOutputs(outDir, key)!;
    const prev = previous?.documents[key];
    const reasons: Reason[] = [];
    if (!prev) reasons.push({ code: "new" });
    else {
      // Each document's own identity (older manifests kept one for all).
      if ((prev.tool ?? previous.tool) !== identity.tool) reasons.push({ code: "tool" });
      if ((prev.fonts ?? previous.fonts) !== identity.fonts) reasons.push({ code: "fonts" });
      if ((prev.shell ?? previous.shell) !== identity.shell) reasons.push({ code: "shell" });
      if (prev.content !== content) {
        const changed = Object.keys({ ...prev.inputs, ...inputs }).filter((f) => prev.inputs[f] !== inputs[f]).sort();
        if (changed.length) for (const file of changed) reasons.push({ code: "input", file });
        else reasons.push({ code: "content" });
      }
      for (const file of outputs) {
        const now = onDisk.get(file);
        if (now === undefined) reasons.push({ code: "output-missing", file });
        else if (now !== prev.outputs[file]) reasons.push({ code: "output-changed", file });
      }
    }
    return { key, composed, content, inputs, outputs, reasons };
  });
}
