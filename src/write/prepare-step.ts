import { closestFirst } from "../diagnostics/closest-names.ts";
import { selectorOf, type ComposedDocument } from "../compose/compose-all.ts";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import { ioReason, isIoError } from "../io/io-error.ts";
import type { World } from "../io/world.ts";
import type { SourceCache } from "../load/source-cache.ts";
import type { FontSet } from "../pdf/fonts/font-set.ts";
import { checkProject, type CheckResult } from "../pipeline.ts";
import type { ShellStyle } from "../render/docx/style.ts";
import { sha256 } from "./hash.ts";
import type { BuildOptions } from "./options.ts";
import type { BuildIdentity } from "./plan.ts";
import { recordingWorld } from "./recording-world.ts";

/** What the build read before it touches out/: the checked data, the shell and fonts, the documents selected. */
export interface Prepared {
  checked: CheckResult;
  /** Every file read and folder listed while checking, with its hash (for the manifest's snapshot and the inputs). */
  reads: ReadonlyMap<string, string>;
  listings: ReadonlyMap<string, string>;
  shell: Uint8Array;
  style: ShellStyle;
  fonts: FontSet;
  identity: BuildIdentity;
  /** The documents --only and --year select (all of them without either). */
  docs: ComposedDocument[];
  /** Whether --only or --year left documents out. */
  filtered: boolean;
}

/**
 * Stages 1–4 (checkProject), then the shell, the fonts and the selection: reads data/ and templates/, never out/
 * (but for the data cache, when given, read through the world itself: it is no input of the documents).
 */
export async function prepareBuild(world: World, opts: BuildOptions, diags: Diagnostics, cache?: SourceCache): Promise<Prepared | undefined> {
  const rec = recordingWorld(world);
  const checked = await checkProject(rec.world, opts.dataDir, cache, opts.province);
  for (const d of checked.diagnostics) diags.add(d);
  if (diags.hasErrors) return undefined;
  // The renderers and the font code (pdf-lib, fontkit, docxtemplater) load only once the data is good.
  const [{ loadShell }, { FontNotFoundError, loadFontSet }] = await Promise.all([import("../render/docx/load-shell.ts"), import("../pdf/fonts/load-font-set.ts")]);
  const loaded = await loadShell(rec.world, diags);
  if (!loaded) return undefined;
  const { shell, style } = loaded;
  let fonts: FontSet;
  try {
    fonts = await loadFontSet(fontReader(world, FontNotFoundError), {
      ...(opts.fontSource === "package" ? { system: false } : {}),
      ...(opts.fontPackageDir ? { packageDir: opts.fontPackageDir } : {}),
    });
  } catch (err) {
    if (!(err instanceof FontNotFoundError)) throw err;
    diags.error("pdf/font-not-found", { file: "templates/shell.docx", line: 1, column: 1 }, { detail: err.message });
    return undefined;
  }
  const identity = {
    tool: opts.toolVersion ?? "dev",
    fonts: sha256(FACE_ORDER.flatMap((f) => fonts.faces[f].map((file) => file.sha256)).join(",")),
    shell: sha256(shell),
  };
  const docs = checked.documents.filter((d) => (!opts.year || d.year === opts.year) && (!opts.only || d.doc.stem === opts.only || selectorOf(d) === opts.only));
  if (opts.only && docs.length === 0) {
    const names = [...new Set(checked.documents.filter((d) => !opts.year || d.year === opts.year).map(selectorOf))].sort();
    diags.error("build/only-no-match", { file: "--only", line: 0, column: 0 }, { only: opts.only, known: closestFirst(opts.only, names).join(", ") });
    return undefined;
  }
  return { checked, reads: rec.reads, listings: rec.listings, shell, style, fonts, identity, docs, filtered: !!(opts.only || opts.year) };
}

const FACE_ORDER = ["regular", "bold", "italic", "boldItalic"] as const;

/** Font files read through the world; one that cannot be read (not missing: unreadable) names itself. */
function fontReader(world: World, FontNotFoundError: new (message: string) => Error): (path: string) => Promise<Uint8Array | undefined> {
  return async (path) => {
    try {
      return await world.readFile(path);
    } catch (err) {
      if (!isIoError(err)) throw err;
      throw new FontNotFoundError(`${path}: ${ioReason(err).reason}`);
    }
  };
}
