import type { z } from "zod";
import { frontWithDefaults, keysFromProvince, provinceYearFor, withDefaults, yearWithDefaults, type ProvinceInput, type ProvinceYear } from "./province-input.ts";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { MarkdownSource } from "../load/markdown-source.ts";
import type { RawProject, RawYear } from "../load/project.ts";
import type { YamlSource } from "../load/yaml-source.ts";
import { perUnitTypes, singleTypes, type DocTypes } from "../documents/types.ts";
import { blocSchema } from "../schema/bloc.ts";
import { Results } from "../schema/unit-files.ts";
import { Year } from "../schema/year.ts";
import { checkDocNumbers, checkDossierDue } from "./check-documents.ts";
import { checkBloc, checkYear } from "./cross-checks.ts";
import { RESULTS_KIND } from "./year-context.ts";
import type { Located, MarkdownDoc, ValidProject, ValidYear } from "./valid-types.ts";
import { validateKept } from "./kept-validation.ts";

export type { Located, MarkdownDoc, ValidProject, ValidYear } from "./valid-types.ts";

/** What a validation is for. */
export interface ValidateOptions {
  /**
   * The documents will be made (validate, build): the data they put side by side must agree
   * (a unit on a ballot or in the ranking has its year-end results). Commands that collect or
   * copy data (forms, import, new-year) leave this out: a missing result stays a warning there,
   * since they are how it is filled in.
   */
  documents?: boolean;
  /** What the province's workspace gives the bloc (tinh.yaml): defaults under khoi.yaml's own, legal bases under its own. */
  province?: ProvinceInput;
}

/** Schema validation of every file (a document's by its type's schema), then the checks across files. Undefined when the bloc itself is unusable. */
export function validateProject(raw: RawProject, types: DocTypes, diags: Diagnostics, opts: ValidateOptions = {}): ValidProject | undefined {
  if (!raw.bloc) return undefined;
  const bloc = located(blocSchema(types), opts.province ? { ...raw.bloc, value: withDefaults(raw.bloc.value, opts.province) } : raw.bloc, diags, "bloc");
  if (!bloc) return undefined;
  checkBloc(bloc, diags);
  const years: ValidYear[] = [];
  for (const ry of raw.years) {
    const py = provinceYearFor(opts.province, ry.folder);
    const vy = validateYear(ry, types, diags, py);
    if (vy) {
      checkYear(types, bloc, vy, diags, opts.documents ?? false, opts.province?.bases ?? []);
      if (py?.han_ho_so) checkDossierDue(vy, py.han_ho_so, diags);
      years.push(vy);
    }
  }
  checkDocNumbers(types, bloc, years, diags);
  return { bloc, years };
}

function validateYear(ry: RawYear, types: DocTypes, diags: Diagnostics, py: ProvinceYear | undefined): ValidYear | undefined {
  if (!ry.nam) return undefined;
  const year = located(Year, py ? { ...ry.nam, value: yearWithDefaults(ry.nam.value, py) } : ry.nam, diags, "year");
  const fromProvince = py ? keysFromProvince(ry.nam.value, py) : undefined;
  const vy: Omit<ValidYear, "year"> = {
    folder: ry.folder,
    dir: ry.dir,
    docs: new Map(),
    unitDocs: new Map(),
    results: new Map(),
    filesWithErrors: new Map(),
    resultsWithErrors: new Map(),
    ...(fromProvince ? { fromProvince } : {}),
  };
  const failed = (kind: string, unitId: string) => {
    const set = vy.filesWithErrors.get(kind) ?? new Set<string>();
    vy.filesWithErrors.set(kind, set.add(unitId));
  };
  for (const t of perUnitTypes(types)) {
    const valid = new Map<string, Located<unknown>>();
    for (const f of ry.unitDocs.get(t.id) ?? []) {
      const r = located(t.schema, f.src, diags, `unit:${t.id}`);
      if (r) valid.set(f.unitId, r);
      else failed(t.id, f.unitId);
    }
    vy.unitDocs.set(t.id, valid);
  }
  for (const f of ry.results) {
    const r = located(Results, f.src, diags, "results");
    if (r) vy.results.set(f.unitId, r);
    else {
      failed(RESULTS_KIND, f.unitId);
      if (f.src.value !== undefined) vy.resultsWithErrors.set(f.unitId, f.src);
    }
  }
  for (const t of singleTypes(types)) {
    const md = ry.docs.get(t.id);
    const front = md && py ? frontWithDefaults(t.id, md.frontMatter.value, py) : md?.frontMatter.value;
    // The căn cứ lines the province gave are said as the province's (its messages cannot point at a line of this file).
    if (md && front !== md.frontMatter.value) fromProvince?.add(`${t.id}.can_cu`);
    const d = markdown(t.schema, md && front !== md.frontMatter.value ? { ...md, frontMatter: { ...md.frontMatter, value: front } } : md, diags, `doc:${t.id}`);
    if (d) vy.docs.set(t.id, d);
  }
  if (!year) return undefined;
  return { ...vy, year };
}

/**
 * `src` checked by `schema`. `name` names the schema among the tool's (its kind, and its type for a
 * document): the data cache keeps the check of a file's value under it (kept-validation.ts).
 */
function located<S extends z.ZodType>(schema: S, src: YamlSource, diags: Diagnostics, name: string): Located<z.output<S>> | undefined {
  // A file that did not parse has its errors reported already.
  if (src.value === undefined) return undefined;
  const data = validateKept(schema, src, diags, name);
  return data === undefined ? undefined : { data, src };
}

function markdown<S extends z.ZodType>(schema: S, md: MarkdownSource | undefined, diags: Diagnostics, name: string): MarkdownDoc<z.output<S>> | undefined {
  if (!md) return undefined;
  const l = located(schema, md.frontMatter, diags, name);
  return l ? { ...l, body: md.body, bodyLine: md.bodyLine, file: md.file } : undefined;
}
