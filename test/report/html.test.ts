/** The report page as a string: every data value escaped, nothing fetched, Vietnamese numbers, the accessible structure. */
import { describe, expect, it } from "vitest";
import { checkProject } from "../../src/pipeline.ts";
import { reportFacts, type ReportFacts } from "../../src/report/facts.ts";
import { renderReportHtml } from "../../src/report/html.ts";
import { escapeHtml, h } from "../../src/report/markup.ts";
import { formatScore } from "../../src/format/number.ts";
import { exampleWorld } from "../helpers/example.ts";

const HOSTILE = `<script>alert("x")</script> & 'đơn vị' <img src=x onerror=alert(1)>`;

describe("the report page", async () => {
  const { models, diagnostics } = await checkProject(exampleWorld());
  const model = models[0]!;
  const docs = [{ stem: "ke-hoach", title: "Kế hoạch", pages: 3, signatureFields: ["ky.nguoi-ky", "ky.co-quan"], files: ["ke-hoach.docx", "ke-hoach.pdf"] }];
  const facts = reportFacts(model, diagnostics, docs);
  const html = renderReportHtml(facts);

  it("escapes every value from the data: names, criteria, document titles and file names, diagnostics", () => {
    const hostile: ReportFacts = structuredClone(facts);
    hostile.units[0]!.name = HOSTILE;
    hostile.bloc.name = HOSTILE;
    hostile.criteria[0]!.text = HOSTILE;
    hostile.vote.awards[0]!.name = HOSTILE;
    hostile.documents[0]!.title = HOSTILE;
    hostile.documents[0]!.files = [`"><script>x</script>.docx`];
    hostile.diagnostics = [{ code: "date/late", severity: "warning", pos: { file: `data/<b>.yaml`, line: 1, column: 1 }, params: { date: HOSTILE, deadline: "2020-03-15" } }];
    const out = renderReportHtml(hostile);
    expect(out).not.toMatch(/<script|<img|onerror=alert\(1\)>/i);
    expect(out).toContain(escapeHtml(HOSTILE));
    expect(out).toContain("data/&lt;b&gt;.yaml");
    expect(out).toContain('href="%22%3E%3Cscript%3Ex%3C%2Fscript%3E.docx"');
    // The unit's name goes into the score table, the vote table and the chart's label alike, escaped.
    expect(out.split(escapeHtml(HOSTILE)).length - 1).toBeGreaterThan(5);
  });

  it("h`` escapes what it interpolates and keeps only its own markup", () => {
    expect(h`<td title="${'a"b'}">${"<b>"}</td>`.value).toBe('<td title="a&quot;b">&lt;b&gt;</td>');
    expect(h`<p>${[h`<em>${"x"}</em>`, "<y>"]}</p>`.value).toBe("<p><em>x</em>&lt;y&gt;</p>");
  });

  it("is self-contained: no script, no external address, no font or picture to fetch", () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|@font-face|url\(/i);
    const addresses = html.match(/(https?:)?\/\/[^\s"'<>)]+/g) ?? [];
    expect(addresses).toEqual(addresses.filter((a) => a === "http://www.w3.org/2000/svg"));
    expect(html).toContain(`http-equiv="Content-Security-Policy" content="default-src 'none'`);
  });

  it("is well under 300 KB", () => {
    expect(new TextEncoder().encode(html).length).toBeLessThan(300 * 1024);
  });

  it("is in Vietnamese, with headings in order, captions, header scopes, a skip link and a named chart", () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="vi">/);
    const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    levels.forEach((l, i) => i && expect(l - levels[i - 1]!).toBeLessThanOrEqual(1));
    expect(html.match(/<table/g)!.length).toBe(html.match(/<caption/g)!.length);
    expect(html).not.toMatch(/<th(?=[\s>])(?![^>]*scope=)[^>]*>/);
    expect(html).toContain('<a class="bo-qua" href="#noi-dung">');
    expect(html).toMatch(/<svg [^>]*role="img" aria-label="Tổng điểm của các đơn vị: [^"]+"[^>]*><title>/);
  });

  it("writes the model's figures the Vietnamese way (decimal comma), every unit's total and rank", () => {
    const table = html.slice(html.indexOf('id="bang-diem"'), html.indexOf("</table>", html.indexOf('id="bang-diem"')));
    for (const s of model.scores) {
      const name = escapeHtml(model.unitById.get(s.unitId)!.name);
      const row = table.match(new RegExp(`<th scope="row">${name}</th>(.*?)</tr>`))![1]!;
      expect(row).toContain(`<td class="so dam ghim-2">${formatScore(s.total)}</td><td class="so ghim-1">${s.rank}</td>`);
    }
    expect(html).toContain("102,5");
    // No decimal point in the text (a "." only groups thousands: 1.234).
    const text = html.replace(/<style>[\s\S]*?<\/style>/, "").replace(/<[^>]*>/g, " ");
    expect(text).not.toMatch(/\d\.\d{1,2}(?!\d)/);
  });

  it("lists a member without year-end results (allowed by khoi.yaml) after the ranked units, without a rank, as the year-end report does", () => {
    const without: ReportFacts = structuredClone(facts);
    const gone = without.scores.pop()!;
    without.unscored = [gone.unitId];
    const out = renderReportHtml(without);
    const name = escapeHtml(without.units.find((u) => u.id === gone.unitId)!.name);
    expect(out).toContain(`<tr><td class="giua">${without.scores.length + 1}</td><th scope="row">${name}</th><td class="giua" colspan="5">Chưa có kết quả</td><td class="so ghim-2"></td><td class="so ghim-1"></td></tr>`);
    expect(out).toContain(`Ghi chú: đơn vị chưa có kết quả tổng kết không được xếp hạng; xếp hạng tính trong số ${without.scores.length} đơn vị đã có kết quả.`);
    expect(html).not.toContain("Chưa có kết quả");
  });

  it("names who was late and who has not reported, at each deadline", () => {
    const late = structuredClone(facts);
    late.stages[1]!.deliveries[2] = { unitId: late.units[2]!.id, status: "chua-nop" };
    const out = renderReportHtml(late);
    expect(out).toContain(`trễ hạn: ${escapeHtml(model.unitById.get("ban-dan-toc")!.name)}`);
    expect(out).toContain(`chưa nộp: ${escapeHtml(late.units[2]!.name)}`);
  });

  it("shows a tie at the quota as not settled", () => {
    const tied = structuredClone(facts);
    const a = tied.vote.awards[1]!;
    a.proposed = [];
    a.tiedAtQuota = [a.rows[0]!.unitId, a.rows[1]!.unitId];
    for (const r of a.rows) r.proposed = false;
    const out = renderReportHtml(tied);
    expect(out).toContain("Bằng phiếu ở vị trí cuối của chỉ tiêu:");
    expect(out).toContain("Đề nghị: không có đơn vị nào");
  });
});
