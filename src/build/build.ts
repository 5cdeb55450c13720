import { Diagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { ioReason, isIoError, isLinkError } from "../io/io-error.ts";
import type { World } from "../io/world.ts";
import type { FontSet } from "../pdf/fonts/font-set.ts";
import { onlyName } from "../documents/registry.ts";
import { checkProject } from "../pipeline.ts";
import { sha256 } from "./hash.ts";
import { manifestBytes, MANIFEST_NAME, readManifest, type Manifest, type ManifestEntry } from "./manifest.ts";
import { carriesSignature, ownedOutputs, sanitizeManifest } from "./owned-files.ts";
import { planBuild, type DocPlan } from "./plan.ts";
import { recordingWorld } from "./recording-world.ts";

export interface BuildOptions {
  dataDir: string;
  outDir: string;
  /** Where the PDF font comes from: "auto" (settings, system, package) or "package" only (the same bytes on every machine). */
  fontSource?: "auto" | "package";
  /** The folder of @fontsource/tinos, found by the caller (module resolution is the CLI's business). */
  fontPackageDir?: string;
  /** The tool's identity (version and source hash): a change rebuilds everything. */
  toolVersion?: string;
  /** Write nothing; report the documents whose outputs are missing or out of date. */
  check?: boolean;
  /** Only documents whose stem or unit id matches (e.g. "ke-hoach", "so-y-te"). */
  only?: string;
  year?: number;
  /** Replace PDFs in out/ that carry a signature (otherwise such a document is refused). */
  replaceSigned?: boolean;
  /** Called as documents are rendered. */
  onProgress?: (done: number, total: number, key: string) => void;
}

export interface BuildResult {
  diagnostics: Diagnostic[];
  written: string[];
  removed: string[];
  /** Documents rendered (or, with check, that would be), with why. */
  rebuilt: DocPlan[];
  /** Documents already up to date. */
  skipped: string[];
}

const TMP_LEFTOVER = /\.tmp-\d+-\d+$/;

/** Stages 5–6 on top of checkProject: incremental, atomic, and locked against a second build in the same folder. */
export async function buildProject(world: World, opts: BuildOptions): Promise<BuildResult> {
  const result: BuildResult = { diagnostics: [], written: [], removed: [], rebuilt: [], skipped: [] };
  const diags = new Diagnostics();
  const done = () => ({ ...result, diagnostics: diags.sorted() });
  const lockPath = `${opts.outDir}/.lock`;
  let release: (() => Promise<void>) | undefined;
  try {
    const rec = recordingWorld(world);
    const checked = await checkProject(rec.world, opts.dataDir);
    for (const d of checked.diagnostics) diags.add(d);
    if (diags.hasErrors) return done();
    // The renderers and the font code (pdf-lib, fontkit, docxtemplater) load only once the data is good.
    const [{ loadShell }, { FontNotFoundError, loadFontSet }] = await Promise.all([import("../render/docx/load-shell.ts"), import("../pdf/fonts/load-font-set.ts")]);
    const loaded = await loadShell(rec.world, diags);
    if (!loaded) return done();
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
      return done();
    }
    const identity = {
      tool: opts.toolVersion ?? "dev",
      fonts: sha256(FACE_ORDER.flatMap((f) => fonts.faces[f].map((file) => file.sha256)).join(",")),
      shell: sha256(shell),
    };
    const filtered = !!(opts.only || opts.year);
    const docs = checked.documents.filter(
      (d) => (!opts.year || d.year === opts.year) && (!opts.only || d.doc.stem === opts.only || onlyName(d.doc.stem) === opts.only),
    );
    if (opts.only && docs.length === 0) {
      const names = [...new Set(checked.documents.filter((d) => !opts.year || d.year === opts.year).map((d) => onlyName(d.doc.stem)))].sort();
      diags.error("build/only-no-match", { file: "--only", line: 0, column: 0 }, { only: opts.only, known: closestFirst(opts.only, names).join(", ") });
      return done();
    }
    // Reading data and checking it needs no lock; reading out/ and writing it does.
    if (!opts.check) {
      const lock = await guard(diags, lockPath, "write", () => world.lock(lockPath));
      if (lock === FAILED) return done();
      release = lock;
      if (!release) {
        diags.error("build/locked", { file: lockPath, line: 1, column: 1 }, { path: lockPath });
        return done();
      }
    }
    const manifestPath = `${opts.outDir}/${MANIFEST_NAME}`;
    const read = await guard(diags, manifestPath, "read", () => readManifest(world, opts.outDir));
    if (read === FAILED) return done();
    if (read.damaged) diags.warning("manifest/damaged", { file: manifestPath, line: 1, column: 1 }, { detail: read.damaged });
    const previous = sanitizeManifest(read.manifest, opts.outDir, manifestPath, diags);
    const onDisk = new Map<string, string | undefined>();
    const signed = new Set<string>();
    const readOutputs = async (paths: readonly string[]) => {
      for (const path of paths) {
        if (onDisk.has(path)) continue;
        const bytes = await guard(diags, path, "read", () => world.readFile(path));
        if (bytes === FAILED) return false;
        onDisk.set(path, bytes ? sha256(bytes) : undefined);
        if (bytes && path.endsWith(".pdf") && carriesSignature(bytes)) signed.add(path);
      }
      return true;
    };
    for (const d of docs) if (!(await readOutputs(ownedOutputs(opts.outDir, `${d.year}/${d.doc.stem}`)!))) return done();
    const plans = planBuild(docs, previous, identity, rec.reads, onDisk, opts.outDir, opts.dataDir);
    const todo = plans.filter((p) => p.reasons.length > 0);
    result.rebuilt = todo;
    result.skipped = plans.filter((p) => p.reasons.length === 0).map((p) => p.key);
    // A signed PDF is never replaced without being asked.
    if (!opts.replaceSigned)
      for (const p of todo)
        for (const path of p.outputs)
          if (signed.has(path)) diags.error("build/signed-output", { file: path, line: 1, column: 1 }, { path, only: onlyName(p.composed.doc.stem) });
    // The files of documents that no longer exist: only the build's own, as it wrote them.
    const current = new Set(plans.map((p) => p.key));
    const vanished: string[] = [];
    if (!filtered)
      for (const e of Object.values(previous?.documents ?? {})) {
        if (current.has(e.key)) continue;
        const paths = Object.keys(e.outputs);
        if (!(await readOutputs(paths))) return done();
        for (const path of paths) {
          const now = onDisk.get(path);
          if (now === undefined) continue;
          if (signed.has(path)) diags.warning("build/kept-file", { file: path, line: 1, column: 1 }, { path, whyVi: "tệp đã được ký số", whyEn: "it carries a signature" });
          else if (now !== e.outputs[path]) diags.warning("build/kept-file", { file: path, line: 1, column: 1 }, { path, whyVi: "tệp đã được sửa sau lần lập trước", whyEn: "it was changed after the last build" });
          else vanished.push(path);
        }
      }
    if (diags.hasErrors) return done();
    if (opts.check) {
      result.removed.push(...vanished);
      return done();
    }

    const files = [];
    if (todo.length) {
      const [{ renderAll }, { preparePdfFonts }, { worldByteCache }] = await Promise.all([
        import("../render/render-all.ts"),
        import("../pdf/emit/prepared-fonts.ts"),
        import("../pdf/fonts/byte-cache.ts"),
      ]);
      // The shared font subsets: made once per font file and kept in out/.cache (not committed).
      await preparePdfFonts(fonts, { cache: worldByteCache(world, `${opts.outDir}/${FONT_CACHE}`), identity: identity.tool });
      for (const [i, p] of todo.entries()) {
        files.push(...(await renderAll([p.composed], { shell, style, fonts, ...epoch(world) }, opts.outDir, diags)));
        opts.onProgress?.(i + 1, todo.length, p.key);
      }
    }
    if (diags.hasErrors) return done();

    const manifest: Manifest = { version: 1, ...identity, documents: filtered ? { ...(previous?.documents ?? {}) } : {} };
    // What this full build saw, for the next build to tell at once that nothing changed (a partial build
    // cannot vouch for the documents it left out).
    if (!filtered)
      manifest.snapshot = {
        dataDir: opts.dataDir,
        reads: Object.fromEntries(rec.reads),
        listings: Object.fromEntries(rec.listings),
        fontSource: opts.fontSource ?? "auto",
        warnings: checked.diagnostics.filter((d) => d.severity === "warning"),
      };
    const hashes = new Map(files.map((f) => [f.path, sha256(f.bytes)]));
    for (const p of plans) {
      const old = previous?.documents[p.key];
      const outputs = p.reasons.length ? Object.fromEntries(p.outputs.map((o) => [o, hashes.get(o)!])) : (old?.outputs ?? {});
      const entry: ManifestEntry = { key: p.key, content: p.content, inputs: p.inputs, outputs };
      manifest.documents[p.key] = entry;
    }
    // A write that fails (read-only folder, full disk) stops the build with a diagnostic. Every write is
    // atomic, so each file is the old one or the new one, whole; the manifest, written last, still
    // describes the old build, and the next build redoes what is missing.
    for (const f of files) {
      // Same bytes as on disk: leave the file (and its timestamp) alone.
      if (onDisk.get(f.path) === hashes.get(f.path)) continue;
      if ((await guard(diags, f.path, "write", () => world.writeFileAtomic(f.path, f.bytes))) === FAILED) return done();
      result.written.push(f.path);
    }
    for (const path of vanished) {
      if ((await guard(diags, path, "write", () => world.removeFile(path))) === FAILED) return done();
      result.removed.push(path);
    }
    const bytes = manifestBytes(manifest);
    const prevBytes = await guard(diags, manifestPath, "read", () => world.readFile(manifestPath));
    if (prevBytes === FAILED) return done();
    if (!prevBytes || sha256(prevBytes) !== sha256(bytes)) {
      if ((await guard(diags, manifestPath, "write", () => world.writeFileAtomic(manifestPath, bytes))) === FAILED) return done();
    }
    // Left-overs of a killed build are only tidied: failing to remove one is no reason to fail.
    await removeLeftovers(world, opts.outDir, [...new Set(plans.map((p) => String(p.composed.year)))]).catch((err: unknown) => {
      if (!isIoError(err)) throw err;
    });
    return done();
  } finally {
    await release?.().catch((err: unknown) => {
      if (!isIoError(err)) throw err;
    });
  }
}

const FAILED = Symbol("failed");

/** Under the output folder: the PDF font subsets, by the hash of what they are made from. */
export const FONT_CACHE = ".cache/pdf-fonts";

/** Names sorted by how many leading characters they share with `wanted`, then by name. */
function closestFirst(wanted: string, names: string[]): string[] {
  const shared = (n: string) => {
    let i = 0;
    while (i < n.length && i < wanted.length && n[i] === wanted[i]) i++;
    return i;
  };
  return [...names].sort((a, b) => shared(b) - shared(a) || (a < b ? -1 : 1));
}

/**
 * Runs one file operation of the build; a file-system error (EACCES, EROFS,
 * ENOSPC...) becomes a diagnostic naming the file instead of an exception.
 */
async function guard<T>(diags: Diagnostics, path: string, op: "read" | "write", run: () => Promise<T>): Promise<T | typeof FAILED> {
  try {
    return await run();
  } catch (err) {
    if (!isIoError(err)) throw err;
    const at = { file: path, line: 1, column: 1 };
    if (isLinkError(err)) diags.error("file/link", at, { target: err.target, ...ioReason(err) });
    else if (op === "write") diags.error("build/write-failed", at, { path, ...ioReason(err) });
    else diags.error("file/unreadable", at, ioReason(err));
    return FAILED;
  }
}

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

const FACE_ORDER = ["regular", "bold", "italic", "boldItalic"] as const;

function epoch(world: World): { sourceDateEpoch?: string } {
  const e = world.env("SOURCE_DATE_EPOCH");
  return e ? { sourceDateEpoch: e } : {};
}

/** Temporary files of an interrupted earlier build. */
async function removeLeftovers(world: World, outDir: string, years: string[]): Promise<void> {
  for (const dir of [outDir, ...years.map((y) => `${outDir}/${y}`)]) {
    for (const e of (await world.listDir(dir)) ?? []) if (e.kind === "file" && TMP_LEFTOVER.test(e.name)) await world.removeFile(`${dir}/${e.name}`);
  }
}
