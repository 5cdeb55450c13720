import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { World } from "../io/world.ts";
import { dataFileOf } from "../documents/keys.ts";
import { perUnitTypes, singleTypes, type DocTypes } from "../documents/types.ts";
import type { MarkdownSource } from "./markdown-source.ts";
import { readMarkdownSource, readYamlSource } from "./read-source.ts";
import { listDir } from "./read-text.ts";
import type { SourceCache } from "./source-cache.ts";
import type { YamlSource } from "./yaml-source.ts";

/**
 * The data folder as read from disk, parsed but not yet validated.
 *
 *   data/khoi.yaml                  the bloc and its member units
 *   data/<year>/nam.yaml            criteria, points, timeline, vote rules
 *   data/<year>/ket-qua/<unit>.yaml each unit's mid-year and year-end results
 *   data/<year>/<id>.md             a document's front matter and body (ke-hoach.md, so-ket.md...)
 *   data/<year>/<id>/<unit>.yaml    each unit's document of a per-unit type (dang-ky/so-y-te.yaml)
 *
 * The document types and their files are those of src/documents/registry.ts.
 */
export interface RawProject {
  dataDir: string;
  bloc?: YamlSource;
  years: RawYear[];
}

export interface UnitFile {
  unitId: string;
  /** Its value is undefined when the file could not be read or parsed (the error is reported already). */
  src: YamlSource;
}

export interface RawYear {
  folder: string;
  dir: string;
  nam?: YamlSource;
  /** The Markdown data file of each single document type, by the type's id. */
  docs: Map<string, MarkdownSource>;
  /** The files of each per-unit document type, by the type's id. */
  unitDocs: Map<string, UnitFile[]>;
  results: UnitFile[];
}

const RESULTS_FOLDER = "ket-qua";
/** data/<year>/bao-cao-thanh-tich/<unit>.pdf: the units' achievement reports for the award dossier. */
export const UNIT_REPORTS_FOLDER = "bao-cao-thanh-tich";

/** The data files of the types handed down are read. With a cache, files whose bytes it holds are not parsed again (source-cache.ts). */
export async function loadProject(world: World, types: DocTypes, diags: Diagnostics, dataDir = "data", cache?: SourceCache): Promise<RawProject> {
  const project: RawProject = { dataDir, years: [] };
  const blocFile = `${dataDir}/khoi.yaml`;
  const bloc = await readYamlSource(world, blocFile, diags, cache, "missing");
  if (bloc !== undefined) project.bloc = bloc;

  const entries = (await listDir(world, dataDir, diags)) ?? [];
  const hasBloc = entries.some((e) => e.kind === "file" && e.name === "khoi.yaml");
  for (const entry of entries) {
    if (entry.kind === "dir" && /^\d{4}$/.test(entry.name)) project.years.push(await loadYear(world, types, diags, `${dataDir}/${entry.name}`, entry.name, cache));
    else if (entry.kind === "file" && entry.name === "khoi.yml" && hasBloc) duplicate(diags, blocFile, `${dataDir}/${entry.name}`);
    else if (entry.name !== "khoi.yaml" && !entry.name.startsWith(".")) unexpected(diags, `${dataDir}/${entry.name}`);
  }
  return project;
}

async function loadYear(world: World, types: DocTypes, diags: Diagnostics, dir: string, folder: string, cache: SourceCache | undefined): Promise<RawYear> {
  const year: RawYear = { folder, dir, docs: new Map(), unitDocs: new Map(), results: [] };
  const entries = (await listDir(world, dir, diags)) ?? [];
  // A nam.yaml that was listed but could not be read has its own error already.
  const listed = new Set(entries.filter((e) => e.kind === "file").map((e) => e.name));
  for (const entry of entries) {
    const path = `${dir}/${entry.name}`;
    const perUnit = entry.kind === "dir" ? perUnitTypes(types).find((t) => t.id === entry.name) : undefined;
    const single = entry.kind === "file" ? singleTypes(types).find((t) => dataFileOf(t) === entry.name) : undefined;
    if (perUnit || (entry.kind === "dir" && entry.name === RESULTS_FOLDER)) {
      const list: UnitFile[] = perUnit ? [] : year.results;
      if (perUnit) year.unitDocs.set(perUnit.id, list);
      // so-y-te.yaml and so-y-te.yml side by side: neither may win silently.
      const seen = new Map<string, string>();
      for (const f of (await listDir(world, path, diags)) ?? []) {
        const m = /^(.+)\.ya?ml$/.exec(f.name);
        if (f.kind !== "file" || !m) {
          if (!f.name.startsWith(".")) unexpected(diags, `${path}/${f.name}`);
          continue;
        }
        const first = seen.get(m[1]!);
        if (first !== undefined) {
          duplicate(diags, `${path}/${first}`, `${path}/${f.name}`);
          continue;
        }
        seen.set(m[1]!, f.name);
        const file = `${path}/${f.name}`;
        const src = await readYamlSource(world, file, diags, cache);
        // A file that could not be read stays listed, without a value: its unit has a file, with errors.
        list.push({ unitId: m[1]!, src: src ?? unreadable(file) });
      }
    } else if (entry.kind === "dir" && entry.name === UNIT_REPORTS_FOLDER) {
      // The units' own achievement reports, for the award dossier (src/dossier/): <unit>.pdf each, read only there.
      for (const f of (await listDir(world, path, diags)) ?? []) if (!(f.kind === "file" && /^[a-z0-9][a-z0-9-]*\.pdf$/.test(f.name)) && !f.name.startsWith(".")) unexpected(diags, `${path}/${f.name}`);
    } else if (entry.kind === "file" && entry.name === "nam.yaml") {
      const nam = await readYamlSource(world, path, diags, cache);
      if (nam !== undefined) year.nam = nam;
    } else if (single) {
      const doc = await readMarkdownSource(world, path, diags, cache);
      if (doc !== undefined) year.docs.set(single.id, doc);
    } else if (entry.kind === "file" && entry.name === "nam.yml" && listed.has("nam.yaml")) duplicate(diags, `${dir}/nam.yaml`, path);
    else if (!entry.name.startsWith(".")) unexpected(diags, path);
  }
  if (!year.nam && !listed.has("nam.yaml")) diags.error("file/missing", { file: `${dir}/nam.yaml`, line: 1, column: 1 }, { what: `${dir}/nam.yaml` });
  return year;
}

/** Two files for the same data (x.yaml and x.yml): an error naming both; only the first is read. */
function duplicate(diags: Diagnostics, first: string, second: string): void {
  diags.error("file/duplicate", { file: second, line: 1, column: 1 }, { first, second });
}

function unexpected(diags: Diagnostics, path: string): void {
  diags.warning("file/unexpected", { file: path, line: 1, column: 1 }, { name: path });
}

/** A file listed but not read (too large, not UTF-8, empty...): its error is reported already. */
function unreadable(file: string): YamlSource {
  return { file, value: undefined, locate: () => ({ file, line: 1, column: 1 }) };
}
