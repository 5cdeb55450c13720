import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { World } from "../io/world.ts";
import type { RawProject } from "../load/project.ts";
import { readProject } from "../pipeline.ts";
import type { ValidProject, ValidYear } from "../validate/project.ts";
import { valueAt, type FormInput } from "./form-input.ts";
import { STAGE_SPECS, STAGES, type Stage } from "./stages.ts";

/** Titles a unit usually registers, offered first in the drop-down list. */
const USUAL_TITLES = ["Tập thể lao động tiên tiến", "Tập thể lao động xuất sắc"];

export interface FormSelection {
  unit?: string;
  stage?: Stage;
  year?: number;
}

/** The loaded and validated project, with its raw files (prefilled values are taken as written, before defaults). */
export async function loadForForms(world: World, diags: Diagnostics, dataDir: string): Promise<{ raw: RawProject; valid: ValidProject | undefined }> {
  return readProject(world, diags, dataDir);
}

/** The members of a year: nam.yaml's thanh_vien, or every unit of the bloc. */
export function membersOf(valid: ValidProject, vy: ValidYear): string[] {
  return vy.year.data.thanh_vien ?? valid.bloc.data.don_vi.map((u) => u.ma);
}

/** One FormInput per selected year, member unit and stage, in that order. */
export function collectForms(raw: RawProject, valid: ValidProject, sel: FormSelection): FormInput[] {
  const out: FormInput[] = [];
  const bloc = valid.bloc.data;
  for (const vy of valid.years) {
    const y = vy.year.data;
    if (sel.year !== undefined && y.nam !== sel.year) continue;
    const ry = raw.years.find((r) => r.folder === vy.folder);
    const rawOf = (folder: "dang-ky" | "ket-qua", unit: string): unknown =>
      (folder === "dang-ky" ? ry?.unitDocs.get("dang-ky") : ry?.results)?.find((f) => f.unitId === unit)?.src.value;
    const titles = new Set([...USUAL_TITLES, ...y.binh_bau.danh_hieu.map((d) => d.ten)]);
    const others = new Set<string>();
    for (const f of ry?.unitDocs.get("dang-ky") ?? []) for (const t of (valueAt(f.src.value, ["danh_hieu_tap_the"]) as unknown[] | undefined) ?? []) if (typeof t === "string" && !titles.has(t)) others.add(t);
    const collectiveTitles = [...titles, ...[...others].sort()];
    for (const unitId of membersOf(valid, vy)) {
      if (sel.unit !== undefined && unitId !== sel.unit) continue;
      const unit = bloc.don_vi.find((u) => u.ma === unitId);
      if (!unit) continue;
      for (const stage of STAGES) {
        if (sel.stage !== undefined && stage !== sel.stage) continue;
        const spec = STAGE_SPECS[stage];
        out.push({
          bloc: { code: bloc.ky_hieu, name: bloc.ten },
          year: y.nam,
          unit: { id: unit.ma, name: unit.ten },
          stage,
          criteria: y.tieu_chi.map((c) => ({ id: c.ma, content: c.noi_dung, max: c.diem_toi_da })),
          caps: { diem_cong_toi_da: y.diem_cong_toi_da, diem_tru_toi_da: y.diem_tru_toi_da },
          collectiveTitles,
          existing: valueAt(rawOf(spec.folder, unit.ma), spec.root),
        });
      }
    }
  }
  return out;
}
