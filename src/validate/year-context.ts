import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { Path, YamlSource } from "../load/yaml-source.ts";
import type { Bloc } from "../schema/bloc.ts";
import type { Located, ValidYear } from "./valid-types.ts";

/** Context shared by the checks of one year. */
export interface YearContext {
  bloc: Located<Bloc>;
  vy: ValidYear;
  unitIds: Set<string>;
  members: Set<string>;
  criteria: Map<string, number>;
  /** The plan's date: the other documents of the year may not be dated before it. */
  planDate: string | undefined;
  diags: Diagnostics;
  /** The documents will be made (ValidateOptions.documents): the checks of their agreement with the data run. */
  documents: boolean;
  /** Reports an unknown or non-member unit id; true when the id is a member. */
  checkMember(id: string, src: YamlSource, path: Path): boolean;
}

/** Reports the second and later uses of the same id in a list. */
export function checkUnique(items: readonly string[], src: YamlSource, pathOf: (i: number) => Path, diags: Diagnostics, what?: string): void {
  const first = new Map<string, number>();
  items.forEach((id, i) => {
    const prev = first.get(id);
    if (prev === undefined) first.set(id, i);
    else {
      const firstLine = src.locate(pathOf(prev)).line;
      if (what) diags.error("dup/entry", src.locate(pathOf(i)), { id, firstLine, what });
      else diags.error("dup/id", src.locate(pathOf(i)), { id, firstLine });
    }
  });
}

/** The key of the results folder (ket-qua/) in ValidYear.filesWithErrors. */
export const RESULTS_KIND = "ket-qua";

/** True when the unit's file of this kind (RESULTS_KIND, or a per-unit type's id) exists but has errors. */
export function hasFileErrors(vy: ValidYear, kind: string, unitId: string): boolean {
  return vy.filesWithErrors.get(kind)?.has(unitId) ?? false;
}

/** The unit's results file: the one that exists, else the one to create. */
export function resultsFileOf(ctx: YearContext, unitId: string): string {
  return ctx.vy.results.get(unitId)?.src.file ?? `${ctx.vy.dir}/${RESULTS_KIND}/${unitId}.yaml`;
}

/** True when the unit has year-end results (tong_ket:) in a valid file. */
export function hasYearEndResults(ctx: YearContext, unitId: string): boolean {
  return ctx.vy.results.get(unitId)?.data.tong_ket !== undefined;
}

/**
 * A vote or a ranking that names a unit without year-end results is an error: when the documents
 * will be made, unless khoi.yaml's cho_phep_chua_co_ket_qua allows it (they then say "chưa có kết quả").
 */
export function noResultsIsError(ctx: YearContext): boolean {
  return ctx.documents && ctx.bloc.data.cho_phep_chua_co_ket_qua !== true;
}
