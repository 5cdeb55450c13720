/**
 * After compiling (npm run compile): bundles the engine (src/cli/engine.ts and everything it
 * loads, the libraries included) into one CommonJS file, dist/cli/engine.cjs, then trains its
 * V8 code cache: the engine builds the example year in memory (nothing is written but the
 * cache), and the code V8 compiled for it is saved as dist/cli/engine.cjs.cache. A build then
 * starts with that code instead of compiling it again (see src/cli/run-bundle.ts).
 *
 * The province's command (src/cli/province-command.ts) is bundled the same way with what it
 * loads at start (zod, YAML, its own modules): on Node's ES module loader those are some sixty
 * files read, linked and compiled in each process. What it loads only on some paths (the
 * results import, the view's renderers when no engine is given) stays outside the bundle and
 * is imported when reached; its cache holds the code its start compiled.
 *
 * The command line's entry (src/cli/main.ts) is bundled with the modules every start loads into
 * dist/cli/main.cjs, and the module of `build` and `validate` with its own into
 * dist/cli/commands.cjs, without code caches, each other import() left to Node (bundleFront).
 *
 * Libraries only other commands use (workbooks, signing) stay outside: loaded from
 * node_modules when those commands run. The libraries' pure-JS decompression (fontkit's Brotli
 * for WOFF2 fonts, fflate's inflate for WOFF tables and fontkit's Unicode data) is replaced by
 * Node's own zlib: the same bytes out, several times faster.
 */
import { build, type BuildOptions } from "esbuild";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { BUNDLES, bundleFile, cacheFile, COMMANDS, FRONT } from "../cli/open-bundled.ts";
import { cacheFileBytes, DYNAMIC_IMPORT, runBundle } from "../cli/run-bundle.ts";
import { FONT_PRESET_DIR, toolVersionOf } from "../cli/tool-version.ts";
import { memoryWorld } from "../io/memory-world.ts";
import { FONT_CACHE } from "../write/options.ts";
import { fontsourceTinosDir } from "../pdf/fonts/package-dir.ts";
import { readTree } from "./read-tree.ts";
import { xmldomEntities } from "./xmldom-entities.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const cli = join(root, "dist", "cli");
const bundle = join(cli, bundleFile(BUNDLES.engine));
const cache = join(cli, cacheFile(BUNDLES.engine));

const NATIVE_BROTLI = 'module.exports = function decompress(bytes) { return new Uint8Array(require("node:zlib").brotliDecompressSync(bytes)); };';

/** fflate with its two inflates done by zlib; `out`, when given, receives the bytes as fflate's own would. */
const NATIVE_FFLATE = `
const fflate = require("fflate");
const zlib = require("node:zlib");
const into = (bytes, opts) => {
  const got = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!opts || !opts.out) return got;
  const n = Math.min(got.length, opts.out.length);
  opts.out.set(got.subarray(0, n));
  return n === opts.out.length ? opts.out : opts.out.subarray(0, n);
};
module.exports = { ...fflate, inflateSync: (d, o) => into(zlib.inflateRawSync(d), o), unzlibSync: (d, o) => into(zlib.inflateSync(d), o) };
`;

/** What both bundles are: one CommonJS file for Node 20, whose modules see its own URL as theirs. */
const COMMON = {
  write: false,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  banner: { js: 'const __bundle_module_url = require("node:url").pathToFileURL(__filename).href;' },
  define: { "import.meta.url": "__bundle_module_url" },
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: "error",
} as const satisfies BuildOptions;

async function bundleEngine(): Promise<void> {
  rmSync(cache, { force: true });
  const out = await build({
    entryPoints: [join(cli, "engine.js")],
    outfile: bundle,
    ...COMMON,
    // Loaded by require when reached: a bundle of one file has no chunks to import.
    supported: { "dynamic-import": false },
    external: ["node-forge", "playwright-core"],
    plugins: [
      {
        name: "native-brotli",
        setup(b) {
          b.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, () => ({ path: "native-brotli", namespace: "native-brotli" }));
          b.onLoad({ filter: /.*/, namespace: "native-brotli" }, () => ({ contents: NATIVE_BROTLI, loader: "js" }));
        },
      },
      {
        // Handlebars builds its template code through source-map's SourceNode when that library is
        // there, and through a plain string builder of its own when it is not: the same code, without
        // the source map nobody asks for (no srcName) and at a fraction of the cost.
        name: "no-source-map",
        setup(b) {
          b.onResolve({ filter: /^source-map$/ }, () => ({ path: "no-source-map", namespace: "no-source-map" }));
          b.onLoad({ filter: /.*/, namespace: "no-source-map" }, () => ({ contents: "module.exports = {};", loader: "js" }));
        },
      },
      {
        // The engine writes workbooks with exceljs's Workbook and its xlsx writer only: its streaming reader and
        // writer (archiver, unzipper) and its CSV (fast-csv, dayjs) are loaded by exceljs's entry all the same,
        // some 35 ms of each build that writes a workbook. In the engine they are stand-ins that say so if used;
        // the forms and the import, outside the engine, load exceljs whole from node_modules.
        name: "exceljs-without-streams-and-csv",
        setup(b) {
          b.onResolve({ filter: /^\.\/stream\/xlsx\/workbook-(writer|reader)$|^\.\.\/csv\/csv$/ }, (args) =>
            /[\\/]exceljs[\\/]lib[\\/]/.test(args.importer) ? { path: args.path, namespace: "exceljs-unused" } : undefined,
          );
          b.onLoad({ filter: /.*/, namespace: "exceljs-unused" }, (args) => ({
            contents: `module.exports = function Unused() { throw new Error(${JSON.stringify(`exceljs ${args.path} is not in the engine bundle`)}); };`,
            loader: "js",
          }));
        },
      },
      {
        // gray-matter loads js-yaml as its default YAML engine (and js-yaml loads esprima from node_modules at run
        // time, for its !!js/function type: some 12 ms of every build that reads a Markdown file). The tool gives
        // gray-matter its own engine (src/load/markdown-source.ts) and accepts no other fence than "---": in the
        // engine, gray-matter's js-yaml is a stand-in that says so if used.
        name: "gray-matter-without-js-yaml",
        setup(b) {
          b.onResolve({ filter: /^js-yaml$/ }, (args) => (/[\\/]gray-matter[\\/]/.test(args.importer) ? { path: "js-yaml", namespace: "gray-matter-js-yaml" } : undefined));
          b.onLoad({ filter: /.*/, namespace: "gray-matter-js-yaml" }, () => ({
            contents: 'const unused = () => { throw new Error("js-yaml is not in the engine bundle: gray-matter is given its own YAML engine"); };\nmodule.exports = { safeLoad: unused, safeDump: unused };',
            loader: "js",
          }));
        },
      },
      {
        // xmldom (docxtemplater's XML parser) builds its table of HTML's 2,231 named entities when loaded, and
        // freezes it: some 15 ms of every build that renders a DOCX, for a table only HTML parsing reads
        // (docxtemplater parses XML). In the engine its entities module keeps XML's five, made from the real
        // module's, and loads the real one when HTML's are first asked for.
        name: "xmldom-html-entities-when-asked",
        setup(b) {
          b.onResolve({ filter: /^\.\/entities(\.js)?$/ }, (args) =>
            /[\\/]@xmldom[\\/]xmldom[\\/]lib$/.test(args.resolveDir)
              ? { path: "@xmldom/xmldom/lib/entities.js", namespace: "xmldom-entities", pluginData: join(args.resolveDir, "entities.js") }
              : undefined,
          );
          b.onLoad({ filter: /.*/, namespace: "xmldom-entities" }, (args) => ({ contents: xmldomEntities(args.pluginData as string), loader: "js", resolveDir: dirname(args.pluginData as string) }));
        },
      },
      {
        name: "native-inflate",
        setup(b) {
          b.onResolve({ filter: /^fflate$/ }, (args) => (args.namespace === "native-inflate" ? undefined : { path: "native-inflate", namespace: "native-inflate" }));
          b.onLoad({ filter: /.*/, namespace: "native-inflate" }, () => ({ contents: NATIVE_FFLATE, loader: "js", resolveDir: root }));
        },
      },
    ],
  });
  writeFileSync(bundle, asciiOnly(out.outputFiles[0]!.text));
}

/**
 * The example year, built in memory by the bundled engine; its compiled code is then saved, and
 * the shared font subsets the build made, under the keys of the tool being compiled (`tool`, its
 * sources' identity, from bin/compile.js), as the preset every build looks in before making one
 * (FONT_PRESET_DIR; src/write/shared-fonts.ts). Without `tool`, no preset.
 */
async function trainCache(tool: string | undefined): Promise<void> {
  const files: Record<string, Uint8Array> = {};
  for (const dir of ["data", "templates"]) {
    if (!existsSync(join(root, dir))) return;
    for (const [k, v] of Object.entries(readTree(join(root, dir)))) if (!k.startsWith(".schema/")) files[`${dir}/${k}`] = v;
  }
  const run = runBundle(bundle, undefined);
  const engine = run.exports as typeof import("../cli/engine.ts");
  const world = memoryWorld(files, { outside: async (p) => new Uint8Array(await readFile(p)) });
  await engine.checkProject(world, "data");
  await engine.pendingChange(world, new engine.Diagnostics());
  const packageDir = fontsourceTinosDir();
  await engine.buildProject(world, { dataDir: "data", outDir: "out", fontSource: "package", ...(packageDir ? { fontPackageDir: packageDir } : {}), toolVersion: tool ? toolVersionOf(tool) : "training" });
  writeFileSync(cache, cacheFileBytes(run.source, run.script.createCachedData()));
  rmSync(FONT_PRESET_DIR, { recursive: true, force: true });
  const made = tool ? ((await world.listDir(`out/${FONT_CACHE}`)) ?? []) : [];
  if (!made.length) return;
  mkdirSync(FONT_PRESET_DIR, { recursive: true });
  for (const { name } of made) writeFileSync(join(FONT_PRESET_DIR, name), (await world.readFile(`out/${FONT_CACHE}/${name}`))!);
}

/**
 * The bundle with every character outside ASCII written as its \\u escape. esbuild escapes them in
 * strings but leaves them in regular expressions and template literals, and one such character
 * makes the whole 4.6 MB source a two-byte string for V8: slower to decode, hash and load
 * (about 40 ms of each engine load). The escape means the same character in a regular
 * expression, a string, an identifier or an untagged template; in a tagged template only the
 * raw text differs, and the tags of our bundles (the HTML's `h`) read the cooked text.
 */
function asciiOnly(text: string): string {
  // A character escaped by a backslash (`\\đ`, a regular expression's identity escape) is the character itself: its escape replaces both.
  return text.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes: string, c: string) => `${slashes.slice(slashes.length % 2)}\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * An import a bundle leaves to run time, said from dist/cli/ (where the bundles are): a module of
 * dist/ by its path relative to there, a library by its name.
 */
function laterSpec(args: { path: string; resolveDir: string }): string {
  if (!args.path.startsWith(".")) return args.path;
  const spec = relative(cli, resolve(args.resolveDir, args.path)).split(sep).join("/");
  return spec.startsWith(".") ? spec : `./${spec}`;
}

/** Marks the imports a command's bundle leaves to run time, then said as calls to the bundle's DYNAMIC_IMPORT. */
const LATER = "bundle-later:";

/**
 * The province's command and its static imports in one file; each import() stays an import,
 * of the module in dist/ (relative to dist/cli/) or of the library, made when reached.
 */
async function bundleCommand(name: string): Promise<void> {
  const file = join(cli, bundleFile(name));
  rmSync(join(cli, cacheFile(name)), { force: true });
  const out = await build({
    entryPoints: [join(cli, `${name}.js`)],
    outfile: file,
    ...COMMON,
    plugins: [
      {
        name: "imports-made-later",
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) => (args.kind === "dynamic-import" ? { path: LATER + laterSpec(args), external: true } : undefined));
        },
      },
    ],
  });
  const text = out.outputFiles[0]!.text;
  const made = text.replaceAll(`import("${LATER}`, `${DYNAMIC_IMPORT}("`);
  if (made.includes(LATER)) throw new Error(`${name}: an import left to run time is not said as one (${LATER})`);
  writeFileSync(file, asciiOnly(made));
  // Its start, compiled: the modules' top levels. The code of what runs later is compiled when it runs.
  const run = runBundle(file, undefined);
  writeFileSync(join(cli, cacheFile(name)), cacheFileBytes(run.source, run.script.createCachedData()));
}

/**
 * The command line's entry and its static imports in one file, dist/cli/main.cjs (FRONT), that
 * bin/ requires as Node requires any CommonJS file; and the module of `build` and `validate`
 * (commands.ts) with its static imports in another, dist/cli/commands.cjs (COMMANDS), which the
 * entry requires instead of importing the module. Each other import() stays Node's own, of the module in
 * dist/ (relative to dist/cli/, where the files are) or of the library. A module whose state the
 * entry and a module imported later share keeps it where every copy sees it (per-process.ts).
 * No code cache: they are compiled when run (Node 22 and later cache them itself).
 */
async function bundleFront(): Promise<void> {
  const bundleOf = async (entry: string, file: string, swap?: [string, string]) => {
    const out = await build({
      entryPoints: [join(cli, entry)],
      outfile: join(cli, file),
      ...COMMON,
      // Strict, as the modules were (the banner would come before esbuild's "use strict" and void it); not
      // minified, so that a stack trace (--verbose) names its line: our own code only, a few hundred KB at most.
      banner: { js: `"use strict";${COMMON.banner.js}` },
      minifyWhitespace: false,
      minifySyntax: false,
      plugins: [{ name: "imports-made-later", setup: (b) => b.onResolve({ filter: /.*/ }, (args) => (args.kind === "dynamic-import" ? { path: laterSpec(args), external: true } : undefined)) }],
    });
    let text = out.outputFiles[0]!.text;
    if (swap) {
      // Required, not imported: Node's import() of a CommonJS file parses it for its names with a WebAssembly lexer,
      // whose compilation a process then waits for at its exit (some 70 ms of a build with nothing to do).
      const from = `import("./${swap[0]}")`;
      if (!text.includes(from)) throw new Error(`${file}: no ${from} to point at its bundle`);
      text = text.replaceAll(from, `Promise.resolve().then(() => require("./${swap[1]}"))`);
    }
    writeFileSync(join(cli, file), asciiOnly(text));
  };
  await bundleOf("commands.js", COMMANDS);
  await bundleOf("main.js", FRONT, ["commands.js", COMMANDS]);
}

const kb = (f: string) => `${(readFileSync(f).length / 1024).toFixed(0)} KB`;
await bundleEngine();
await trainCache(process.argv[2]);
await bundleCommand(BUNDLES.province);
await bundleFront();
const province = join(cli, bundleFile(BUNDLES.province));
process.stdout.write(
  `engine: ${kb(bundle)}${existsSync(cache) ? `, code cache ${kb(cache)}` : ""}; font subsets: ${existsSync(FONT_PRESET_DIR) ? readdirSync(FONT_PRESET_DIR).length : 0}; province command: ${kb(province)}, code cache ${kb(join(cli, cacheFile(BUNDLES.province)))}; entry: ${kb(join(cli, FRONT))}, build and validate: ${kb(join(cli, COMMANDS))}\n`,
);
