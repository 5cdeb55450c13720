/** For tests that edit a DOCX with PizZip: its entries repacked by the renderer's own deterministic packer. */
import type PizZip from "pizzip";
import { packZip } from "../../src/render/docx/zip.ts";

export function repackZip(zip: PizZip): Uint8Array {
  const parts = new Map<string, Uint8Array>();
  for (const name of Object.keys(zip.files)) {
    const file = zip.files[name];
    if (file && !file.dir) parts.set(name, file.asUint8Array());
  }
  return packZip(parts);
}
