import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import { mergeBases, type Basis } from "./legal-bases.ts";
import { PLAN, docOf } from "../documents/keys.ts";
import { perUnitTypes, type DocTypes } from "../documents/types.ts";
import { phraseKey } from "../format/word-key.ts";
import { LIMITS } from "../load/limits.ts";
import type { Bloc } from "../schema/bloc.ts";
import { checkTimeline } from "./check-dates.ts";
import { checkDocBases, checkDocDates, checkSigners, checkTypes, singlesOf } from "./check-documents.ts";
import { checkResults } from "./check-results.ts";
import type { Located, ValidYear } from "./valid-types.ts";
import { checkUnique, type YearContext } from "./year-context.ts";
import { closestFirst } from "../diagnostics/closest-names.ts";


export function checkBloc(bloc: Located<Bloc>, diags: Diagnostics): void {
  const units = bloc.data.don_vi;
  checkUnique(units.map((u) => u.ma), bloc.src, (i) => ["don_vi", i, "ma"], diags);
  if (units.length > LIMITS.maxUnits) diags.error("limit/units", bloc.src.locate(["don_vi"]), { count: units.length, max: LIMITS.maxUnits });
  // A compound written twice (compared as the header's breaking compares: case, marks, punctuation aside) is a slip: said at the second.
  const compounds = bloc.data.cum_tu_khong_tach ?? [];
  checkUnique(compounds.map(phraseKey), bloc.src, (i) => ["cum_tu_khong_tach", i], diags, "Cụm từ");
}

export function checkYear(types: DocTypes, bloc: Located<Bloc>, vy: ValidYear, diags: Diagnostics, documents = false, provinceBases: readonly Basis[] = []): void {
  const y = vy.year.data;
  const ysrc = vy.year.src;
  const unitIds = new Set(bloc.data.don_vi.map((u) => u.ma));
  const known = (id: string) => closestFirst(id, [...unitIds]).join(", ");
  if (String(y.nam) !== vy.folder) diags.error("year/folder-mismatch", ysrc.locate(["nam"]), { year: y.nam, folder: vy.folder });

  const members = new Set(y.thanh_vien ?? bloc.data.don_vi.map((u) => u.ma));
  (y.thanh_vien ?? []).forEach((id, i) => {
    if (!unitIds.has(id)) diags.error("ref/unknown-unit", ysrc.locate(["thanh_vien", i]), { id, known: known(id) });
  });
  if (y.thanh_vien) checkUnique(y.thanh_vien, ysrc, (i) => ["thanh_vien", i], diags);

  const ctx: YearContext = {
    bloc,
    vy,
    unitIds,
    members,
    criteria: new Map(y.tieu_chi.map((c) => [c.ma, c.diem_toi_da])),
    planDate: docOf(vy.docs, PLAN)?.data.ngay ?? undefined,
    diags,
    documents,
    checkMember(id, src, path) {
      if (!unitIds.has(id)) {
        diags.error("ref/unknown-unit", src.locate(path), { id, known: known(id) });
        return false;
      }
      if (!members.has(id)) {
        diags.error("ref/not-member", src.locate(path), { id, year: y.nam });
        return false;
      }
      return true;
    },
  };
  ctx.checkMember(y.khoi_truong, ysrc, ["khoi_truong"]);
  ctx.checkMember(y.khoi_pho, ysrc, ["khoi_pho"]);
  if (y.khoi_truong === y.khoi_pho) diags.error("year/roles", ysrc.locate(["khoi_pho"]), { id: y.khoi_pho });
  checkUnique(y.tieu_chi.map((c) => c.ma), ysrc, (i) => ["tieu_chi", i, "ma"], diags);
  checkUnique(y.binh_bau.danh_hieu.map((a) => a.ma), ysrc, (i) => ["binh_bau", "danh_hieu", i, "ma"], diags);

  checkTimeline(ctx);
  for (const t of perUnitTypes(types)) t.check?.(ctx, vy.unitDocs.get(t.id) ?? new Map());
  checkResults(ctx);
  const singles = singlesOf(types, vy);
  checkTypes(ctx, singles);
  checkDocDates(ctx, singles);
  checkDocBases(ctx, singles, mergeBases(ctx.bloc.data.van_ban_phap_ly ?? [], provinceBases));
  checkSigners(ctx, singles);
}
