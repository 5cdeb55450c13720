import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import { LIMITS } from "../load/limits.ts";
import type { Path, YamlSource } from "../load/yaml-source.ts";
import type { Bloc } from "../schema/bloc.ts";
import type { Located, ValidYear } from "./project.ts";
import { checkMinutes } from "./check-minutes.ts";
import { checkResults } from "./check-results.ts";
import { checkDate, checkDocDates, checkTimeline, timeline } from "./check-dates.ts";

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

export function checkBloc(bloc: Located<Bloc>, diags: Diagnostics): void {
  const units = bloc.data.don_vi;
  checkUnique(units.map((u) => u.ma), bloc.src, (i) => ["don_vi", i, "ma"], diags);
  if (units.length > LIMITS.maxUnits) diags.error("limit/units", bloc.src.locate(["don_vi"]), { count: units.length, max: LIMITS.maxUnits });
}

/** Context shared by the checks of one year. */
export interface YearContext {
  bloc: Located<Bloc>;
  vy: ValidYear;
  unitIds: Set<string>;
  members: Set<string>;
  criteria: Map<string, number>;
  diags: Diagnostics;
  /** Reports an unknown or non-member unit id; true when the id is a member. */
  checkMember(id: string, src: YamlSource, path: Path): boolean;
}

export function checkYear(bloc: Located<Bloc>, vy: ValidYear, diags: Diagnostics): void {
  const y = vy.year.data;
  const ysrc = vy.year.src;
  const unitIds = new Set(bloc.data.don_vi.map((u) => u.ma));
  const known = [...unitIds].join(", ");
  if (String(y.nam) !== vy.folder) diags.error("year/folder-mismatch", ysrc.locate(["nam"]), { year: y.nam, folder: vy.folder });

  const members = new Set(y.thanh_vien ?? bloc.data.don_vi.map((u) => u.ma));
  (y.thanh_vien ?? []).forEach((id, i) => {
    if (!unitIds.has(id)) diags.error("ref/unknown-unit", ysrc.locate(["thanh_vien", i]), { id, known });
  });
  if (y.thanh_vien) checkUnique(y.thanh_vien, ysrc, (i) => ["thanh_vien", i], diags);

  const ctx: YearContext = {
    bloc,
    vy,
    unitIds,
    members,
    criteria: new Map(y.tieu_chi.map((c) => [c.ma, c.diem_toi_da])),
    diags,
    checkMember(id, src, path) {
      if (!unitIds.has(id)) {
        diags.error("ref/unknown-unit", src.locate(path), { id, known });
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
  checkRegistrations(ctx);
  checkResults(ctx);
  checkMinutes(ctx);
  checkDocDates(ctx);
  checkDocNumbers(ctx);
  checkSigners(ctx);
}

/** A signer's first title line starts with the quyền hạn given (TM. KHỐI 8, KT. GIÁM ĐỐC). */
function checkSigners(ctx: YearContext): void {
  const vy = ctx.vy;
  for (const doc of [vy.plan, vy.soKet, vy.tongKet, vy.proposal]) {
    const ky = doc?.data.ky;
    if (!doc || !ky?.quyen_han) continue;
    const first = ky.chuc_vu[0] ?? "";
    if (!first.toUpperCase().startsWith(ky.quyen_han.toUpperCase()))
      ctx.diags.error("signer/authority", doc.src.locate(["ky", "chuc_vu", 0]), { authority: ky.quyen_han, line: first });
  }
}

function checkRegistrations(ctx: YearContext): void {
  const { vy, diags, criteria } = ctx;
  const planDate = vy.plan?.data.ngay ?? undefined;
  for (const [unitId, reg] of vy.registrations) {
    if (!ctx.unitIds.has(unitId)) {
      diags.error("ref/unit-file", { file: reg.src.file, line: 1, column: 1 }, { name: unitId, known: [...ctx.unitIds].join(", ") });
      continue;
    }
    const r = reg.data;
    r.chi_tieu.forEach((t, i) => {
      if (!criteria.has(t.tieu_chi)) diags.error("ref/unknown-criterion", reg.src.locate(["chi_tieu", i, "tieu_chi"]), { id: t.tieu_chi, known: [...criteria.keys()].join(", ") });
    });
    checkUnique(r.chi_tieu.map((t) => t.tieu_chi), reg.src, (i) => ["chi_tieu", i, "tieu_chi"], diags, "Tiêu chí");
    const have = new Set(r.chi_tieu.map((t) => t.tieu_chi));
    for (const c of criteria.keys()) if (!have.has(c)) diags.warning("registration/missing-criterion", reg.src.locate(["chi_tieu"], "key"), { criterion: c });
    checkDate(ctx, reg.src, ["ngay"], r.ngay, "year", timeline(ctx, "dang_ky"), planDate, "Bản đăng ký", "The registration");
  }
  for (const id of ctx.members) {
    if (!vy.registrations.has(id)) {
      const i = ctx.bloc.data.don_vi.findIndex((u) => u.ma === id);
      diags.warning("registration/missing", ctx.bloc.src.locate(["don_vi", i, "ma"]), { unit: id });
    }
  }
}

function checkDocNumbers(ctx: YearContext): void {
  const codes = ctx.bloc.data.ma_loai_van_ban;
  const vy = ctx.vy;
  const docs: [string, string, Located<{ so?: number | null; ngay?: string | null }> | undefined][] = [
    ["ke-hoach.md", codes.ke_hoach, vy.plan],
    ["so-ket.md", codes.bao_cao, vy.soKet],
    ["tong-ket.md", codes.bao_cao, vy.tongKet],
    ["bien-ban.md", codes.bien_ban, vy.minutes],
    ["to-trinh.md", codes.to_trinh, vy.proposal],
  ];
  const seen = new Map<string, string>();
  for (const [name, code, doc] of docs) {
    const so = doc?.data.so;
    if (!doc || so === undefined || so === null) continue;
    // Numbers restart every January: the register is per calendar year of the document's date.
    const year = doc.data.ngay?.slice(0, 4) ?? vy.folder;
    const key = `${year}:${so}/${code}`;
    const other = seen.get(key);
    if (other) ctx.diags.error("dup/doc-number", doc.src.locate(["so"]), { number: `${so}/${code}-${ctx.bloc.data.ky_hieu}`, other });
    else seen.set(key, name);
  }
}
