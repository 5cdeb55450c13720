/**
 * The validated project's data (what validate hands to model): plain types only, below every
 * stage and the document registry, so the types that document types share import no stage.
 */
import type { YamlSource } from "../load/yaml-source.ts";
import type { Bloc } from "../schema/bloc.ts";
import type { Results } from "../schema/unit-files.ts";
import type { Year } from "../schema/year.ts";

/** Validated data together with the source that locates it. */
export interface Located<T> {
  data: T;
  src: YamlSource;
}

export interface MarkdownDoc<T> extends Located<T> {
  body: string;
  bodyLine: number;
  file: string;
}

export interface ValidYear {
  folder: string;
  dir: string;
  year: Located<Year>;
  /** Each single document type's data file that is valid, by the type's id (read it with docOf, src/documents/keys.ts). */
  docs: Map<string, MarkdownDoc<unknown>>;
  /** Each per-unit document type's valid files, by the type's id, then by unit (unitDocsOf, src/documents/keys.ts). */
  unitDocs: Map<string, Map<string, Located<unknown>>>;
  results: Map<string, Located<Results>>;
  /**
   * The units whose file exists but has errors (could not be read, parsed or validated), by
   * folder: RESULTS_KIND for ket-qua/, a per-unit type's id (dang-ky) for its folder. The file's
   * own errors are reported; checks across files say nothing more about such a unit (no
   * "missing" warning): ask with hasFileErrors (year-context.ts).
   */
  filesWithErrors: Map<string, Set<string>>;
  /**
   * The results files with errors of their own, as read: the checks that can still read a part of
   * one (a score over its criterion's maximum) say it in the same run, not a round trip later.
   */
  resultsWithErrors: Map<string, YamlSource>;
  /**
   * What the province's tinh.yaml gave this year: nam.yaml's keys (moc_thoi_gian.dang_ky, binh_bau.nguong...) and a
   * document's căn cứ lines (to-trinh.can_cu), for messages that say where a value came from.
   */
  fromProvince?: ReadonlySet<string>;
}

export interface ValidProject {
  bloc: Located<Bloc>;
  years: ValidYear[];
}
