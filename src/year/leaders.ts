/**
 * Next year's leader and deputy, as the previous minutes agreed: the front matter's
 * khoi_truong_nam_sau / khoi_pho_nam_sau; else the sentence of the body
 * "... năm <year> <unit name> làm Khối trưởng, <unit name> làm Khối phó"; else the
 * previous year's, with a warning saying where to set them.
 */
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { Bloc } from "../schema/bloc.ts";
import type { MinutesFront } from "../schema/documents.ts";
import type { Year } from "../schema/year.ts";
import type { MarkdownDoc } from "../validate/project.ts";

export interface NextLeaders {
  leader: string;
  deputy: string;
  /** Where they come from, for the comment in nam.yaml. */
  from: string;
}

const norm = (s: string) => s.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();

/** The unit ids named in the minutes' sentence about the new year, when both names are units of the bloc. */
export function leadersFromText(body: string, year: number, bloc: Bloc): { leader: string; deputy: string } | undefined {
  const re = new RegExp(`năm\\s+${year}\\s+(.+?)\\s+làm\\s+Khối\\s+trưởng\\s*,\\s*(.+?)\\s+làm\\s+Khối\\s+phó`, "iu");
  const m = re.exec(body.normalize("NFC"));
  if (!m) return undefined;
  const byName = (name: string) => bloc.don_vi.find((u) => norm(u.ten) === norm(name) || (u.ten_ngan !== undefined && norm(u.ten_ngan) === norm(name)))?.ma;
  const leader = byName(m[1]!);
  const deputy = byName(m[2]!);
  return leader && deputy ? { leader, deputy } : undefined;
}

export function nextLeaders(bloc: Bloc, prevYear: Year, minutes: MarkdownDoc<MinutesFront> | undefined, year: number, diags: Diagnostics, yearFile: string): NextLeaders {
  const f = minutes?.data;
  if (f?.khoi_truong_nam_sau && f.khoi_pho_nam_sau)
    return { leader: f.khoi_truong_nam_sau, deputy: f.khoi_pho_nam_sau, from: `theo khoi_truong_nam_sau, khoi_pho_nam_sau trong biên bản năm ${year - 1}` };
  const fromText = minutes ? leadersFromText(minutes.body, year, bloc) : undefined;
  if (fromText) return { ...fromText, from: `theo câu “năm ${year} … làm Khối trưởng, … làm Khối phó” trong biên bản năm ${year - 1}` };
  const file = minutes?.file ?? yearFile;
  diags.warning("new-year/leaders-kept", { file, line: 1, column: 1 }, { year, prev: year - 1, leader: prevYear.khoi_truong, deputy: prevYear.khoi_pho, minutes: minutes?.file ?? `${yearFile.replace(/nam\.yaml$/, "")}bien-ban.md` });
  return { leader: prevYear.khoi_truong, deputy: prevYear.khoi_pho, from: `giữ như năm ${year - 1} vì biên bản năm ${year - 1} không ghi` };
}
