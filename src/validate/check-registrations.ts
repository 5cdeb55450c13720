import type { Registration } from "../schema/unit-files.ts";
import { checkDate, deadline, timeline } from "./check-dates.ts";
import { isDue } from "./due.ts";
import type { Located } from "./valid-types.ts";
import { checkUnique, hasFileErrors, type YearContext } from "./year-context.ts";
import { closestFirst } from "../diagnostics/closest-names.ts";

/** Each unit's registration: a known unit, known criteria each once, dated in the year after the plan; a member without one is warned of. */
export function checkRegistrations(ctx: YearContext, registrations: ReadonlyMap<string, Located<Registration>>): void {
  const { diags, criteria, planDate } = ctx;
  for (const [unitId, reg] of registrations) {
    if (!ctx.unitIds.has(unitId)) {
      diags.error("ref/unit-file", { file: reg.src.file, line: 1, column: 1 }, { name: unitId, known: closestFirst(unitId, [...ctx.unitIds]).join(", ") });
      continue;
    }
    const r = reg.data;
    r.chi_tieu.forEach((t, i) => {
      if (!criteria.has(t.tieu_chi)) diags.error("ref/unknown-criterion", reg.src.locate(["chi_tieu", i, "tieu_chi"]), { id: t.tieu_chi, known: closestFirst(t.tieu_chi, [...criteria.keys()]).join(", ") });
    });
    checkUnique(r.chi_tieu.map((t) => t.tieu_chi), reg.src, (i) => ["chi_tieu", i, "tieu_chi"], diags, "Tiêu chí");
    const have = new Set(r.chi_tieu.map((t) => t.tieu_chi));
    for (const c of criteria.keys()) if (!have.has(c)) diags.warning("registration/missing-criterion", reg.src.locate(["chi_tieu"], "key"), { criterion: c });
    checkDate(ctx, reg.src, ["ngay"], r.ngay, "year", deadline(ctx, "dang_ky"), planDate, "Bản đăng ký", "The registration");
  }
  // Not yet due (the year records no date after the registrations' deadline): not missing.
  if (!isDue(ctx.vy, timeline(ctx, "dang_ky"))) return;
  for (const id of ctx.members) {
    // A registration that exists with errors has said so already.
    if (!registrations.has(id) && !hasFileErrors(ctx.vy, "dang-ky", id)) {
      const i = ctx.bloc.data.don_vi.findIndex((u) => u.ma === id);
      diags.warning("registration/missing", ctx.bloc.src.locate(["don_vi", i, "ma"]), { unit: id, year: ctx.vy.folder, file: `${ctx.vy.dir}/dang-ky/${id}.yaml` });
    }
  }
}
