import type { Diagnostic, Params } from "../diagnostics/diagnostic.ts";
import { FORM_VERSION, IDENTITY_SHEET, identityCell, type FormIdentity, type IdentityKey } from "../forms/identity.ts";
import { isStage, formFileName } from "../forms/stages.ts";
import type { ValidProject, ValidYear } from "../validate/project.ts";
import { membersOf } from "../forms/collect.ts";
import { cellLabel, type ReadForm } from "./read-form.ts";

/**
 * Whose form this is, read from the form itself; refused by name when it is
 * for another bloc, a year without data (or not the one chosen), a unit that
 * is not a member, or when its file name names another unit (unless the
 * secretary confirmed that unit, import --xac-nhan-don-vi). `unconfirmed`: the
 * file name names no unit and the unit is not confirmed, so the form may not
 * change that unit's data (its identity sheet is all that says whose it is).
 */
export function identify(
  form: ReadForm,
  fileName: string,
  valid: ValidProject,
  year: number | undefined,
  confirmed: ReadonlySet<string> = new Set(),
): { id: FormIdentity; vy: ValidYear; unconfirmed: boolean } | Diagnostic {
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
  if (fileUnit !== undefined && fileUnit !== unit && !confirmed.has(unit))
    return at("don_vi", "import/file-name-unit", { unit, fileUnit, name: fileName, expectedName: formFileName(unit, stage) });
  return { id: { bloc: bloc.ky_hieu, year: nam, unit, stage, version }, vy, unconfirmed: fileUnit === undefined && !confirmed.has(unit) };
}

/**
 * The unit a file name names: it starts with a known unit id, alone or
 * followed by "-", "_", " " or "." (so-y-te.xlsx, so-y-te-tong-ket.xlsx,
 * so-y-te-tong-ket (1).xlsx, case aside), the longest such id; undefined for
 * any other name (bieu-mau.xlsx).
 */
export function unitOfFileName(name: string, units: string[]): string | undefined {
  const stem = name.toLowerCase().replace(/\.xlsx$/i, "");
  let found: string | undefined;
  for (const u of units) if ((stem === u || (stem.startsWith(u) && /[-_ .]/.test(stem[u.length]!))) && u.length > (found?.length ?? 0)) found = u;
  return found;
}
