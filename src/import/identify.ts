import type { Diagnostic, Params } from "../diagnostics/diagnostic.ts";
import { FORM_VERSION, IDENTITY_SHEET, identityCell, type FormIdentity, type IdentityKey } from "../forms/identity.ts";
import { isStage, STAGES, formFileName } from "../forms/stages.ts";
import type { ValidProject, ValidYear } from "../validate/project.ts";
import { membersOf } from "../forms/collect.ts";
import { cellLabel, type ReadForm } from "./read-form.ts";

/**
 * Whose form this is, read from the form itself; refused by name when it is
 * for another bloc, a year without data (or not the one chosen), a unit that
 * is not a member, or when its file name names another unit.
 */
export function identify(form: ReadForm, fileName: string, valid: ValidProject, year: number | undefined): { id: FormIdentity; vy: ValidYear } | Diagnostic {
  const at = (key: IdentityKey, code: Diagnostic["code"], params: Params): Diagnostic => ({
    code,
    severity: "error",
    pos: { file: cellLabel({ book: form.book, sheet: IDENTITY_SHEET, ref: identityCell(key) }), line: 0, column: 0 },
    params,
  });
  const get = (k: IdentityKey) => {
    const v = form.identity.get(k);
    return v === undefined ? "" : v instanceof Date ? v.toISOString() : String(v).trim();
  };
  const version = Number(get("phien_ban"));
  if (version !== FORM_VERSION) return at("phien_ban", "import/form-version", { version: get("phien_ban") || "?", expected: FORM_VERSION });
  const bloc = valid.bloc.data;
  if (get("khoi") !== bloc.ky_hieu) return at("khoi", "import/other-bloc", { bloc: get("khoi"), expected: bloc.ky_hieu });
  const nam = Number(get("nam"));
  if (year !== undefined && nam !== year) return at("nam", "import/other-year", { year: get("nam"), expected: year });
  const vy = valid.years.find((y) => y.year.data.nam === nam);
  if (!vy) return at("nam", "import/unknown-year", { year: get("nam"), known: valid.years.map((y) => y.year.data.nam).join(", ") });
  const stage = get("giai_doan");
  if (!isStage(stage)) return at("giai_doan", "import/unknown-stage", { stage });
  const unit = get("don_vi");
  const members = membersOf(valid, vy);
  if (!members.includes(unit)) return at("don_vi", "import/unknown-unit", { unit, year: nam, known: members.join(", ") });
  const fileUnit = unitOfFileName(fileName, bloc.don_vi.map((u) => u.ma));
  if (fileUnit !== undefined && fileUnit !== unit)
    return at("don_vi", "import/file-name-unit", { unit, fileUnit, name: fileName, expectedName: formFileName(unit, stage) });
  return { id: { bloc: bloc.ky_hieu, year: nam, unit, stage, version }, vy };
}

/** The unit a file name names: <unit>.xlsx or <unit>-<stage>.xlsx with a known unit id; undefined for any other name. */
function unitOfFileName(name: string, units: string[]): string | undefined {
  let stem = name.replace(/\.xlsx$/i, "");
  for (const s of STAGES) if (stem.endsWith(`-${s}`)) stem = stem.slice(0, -s.length - 1);
  return units.includes(stem) ? stem : undefined;
}
