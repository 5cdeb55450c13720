/**
 * What the award dossier holds (hồ sơ đề nghị khen thưởng), in the order a province asks for it:
 * the proposal (Tờ trình), the minutes of the vote (Biên bản), the year-end report with its score
 * table (Báo cáo), then for each proposed award each proposed unit's own achievement report
 * (data/<year>/bao-cao-thanh-tich/<unit>.pdf, made by the unit: the tool checks it is there and
 * never writes it). Pure: from the year model and its documents.
 */
import type { ComposedDocument } from "../compose/compose-all.ts";
import type { YearModel } from "../model/types.ts";
import { UNIT_REPORTS_FOLDER } from "../load/project.ts";
import { typeAndSummary } from "../register/register.ts";

export interface DossierItem {
  /** 1-based, as the checklist numbers it. */
  no: number;
  title: string;
  /** The bloc's document (its stem under out/<year>/), or a unit's achievement report (a data file). */
  source: { kind: "document"; stem: string } | { kind: "unit-report"; unit: string; path: string };
  /** The award it is for (a unit's report), else common to every award. */
  award?: string;
  number: string;
  date: string | null;
}

/** The types whose documents open the dossier, in its order. */
const DOCUMENT_TYPES = ["to-trinh", "bien-ban", "tong-ket"] as const;

export const unitReportPath = (dataDir: string, year: number, unit: string) => `${dataDir}/${year}/${UNIT_REPORTS_FOLDER}/${unit}.pdf`;

export function dossierItems(m: YearModel, docs: readonly ComposedDocument[], dataDir: string): DossierItem[] {
  const items: Omit<DossierItem, "no">[] = [];
  for (const type of DOCUMENT_TYPES) {
    const c = docs.find((d) => d.year === m.year && d.type === type);
    if (!c) continue;
    const number = c.issue.number === null ? `…/${c.issue.notation}` : `${String(c.issue.number).padStart(2, "0")}/${c.issue.notation}`;
    items.push({ title: typeAndSummary(c), source: { kind: "document", stem: c.doc.stem }, number, date: c.issue.date });
  }
  for (const a of m.awards) {
    const v = m.votes.find((x) => x.awardId === a.id);
    for (const unit of v?.proposed ?? []) {
      const name = m.unitById.get(unit)?.name ?? unit;
      items.push({ title: `Báo cáo thành tích đề nghị tặng ${a.name}: ${name}`, source: { kind: "unit-report", unit, path: unitReportPath(dataDir, m.year, unit) }, award: a.name, number: "", date: null });
    }
  }
  return items.map((x, i) => ({ ...x, no: i + 1 }));
}
