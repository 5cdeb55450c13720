/**
 * The year's report as one self-contained HTML page (pure: facts → string).
 * Sections: the bloc and its leaders, the timeline, the scores (table, bar
 * chart, per criterion), the vote, the data's diagnostics and the documents.
 * Every data value is escaped (markup.ts); numbers and dates are written the
 * Vietnamese way, as the documents write them.
 */
import { messageOf } from "../diagnostics/catalogue.ts";
import { escapeControls } from "../diagnostics/format.ts";
import { parseInline } from "../compose/markup.ts";
import { NO_RESULTS } from "../compose/tables.ts";
import { formatMonthYear, formatShortDate } from "../format/date.ts";
import { formatPercent, formatScore } from "../format/number.ts";
import { barChart } from "./chart.ts";
import type { Delivery, ReportFacts } from "./facts.ts";
import { h, trusted, type Html } from "./markup.ts";
import { REPORT_CSS } from "./styles.ts";

const STATUS: Record<Delivery["status"], string> = { "dung-han": "Đúng hạn", "tre-han": "Trễ hạn", "chua-nop": "Chưa nộp" };

/** "2020-07" → "tháng 7/2020". */
const monthText = (ym: string) => `tháng ${formatMonthYear(ym)}`;

/** Text with *italic* and **bold** marks, as the criteria carry them. */
const marked = (s: string): Html => h`${parseInline(s).map((r) => (r.bold ? h`<strong>${r.text}</strong>` : r.italic ? h`<em>${r.text}</em>` : h`${r.text}`))}`;

/** A table in a frame that scrolls sideways on a narrow screen; the frame is named by the caption and can take focus. */
export function table(id: string, caption: string, cls: string, head: Html, body: Html[]): Html {
  return h`<div class="cuon" role="region" aria-labelledby="${id}" tabindex="0"><table class="${cls}"><caption id="${id}"><span>${caption}</span></caption><thead>${head}</thead><tbody>${body}</tbody></table></div>`;
}

export function renderReportHtml(f: ReportFacts): string {
  const unit = new Map(f.units.map((u) => [u.id, u]));
  const nameOf = (id: string) => unit.get(id)?.name ?? id;
  const title = `Báo cáo năm ${f.year}: ${f.bloc.name}`;
  return pageHtml(
    title,
    h`<p class="phu">${f.bloc.province}</p>
<h1>${title}</h1>
<dl class="nguoi"><dt>Khối trưởng</dt><dd>${f.leader.name} (${f.leader.head})</dd><dt>Khối phó</dt><dd>${f.deputy.name} (${f.deputy.head})</dd><dt>Thành viên</dt><dd>${f.units.length} đơn vị</dd></dl>`,
    h`<li><a href="#tien-do">Tiến độ</a></li><li><a href="#diem">Điểm thi đua</a></li><li><a href="#binh-bau">Bình bầu</a></li><li><a href="#canh-bao">Cảnh báo</a></li><li><a href="#van-ban">Văn bản</a></li>`,
    h`
${timeline(f, nameOf)}
${scores(f, nameOf)}
${vote(f, nameOf)}
${diagnostics(f)}
${documents(f)}
`,
    h`Trang này do công cụ khoi-thi-dua lập từ dữ liệu năm ${f.year}, cùng lúc với các văn bản DOCX và PDF bên cạnh; mọi số liệu được tính từ dữ liệu, như trong các văn bản.`,
  );
}

/**
 * A self-contained page of the tool (a bloc's year report, the province's overview): the inline
 * style sheet, a policy that forbids every request, the skip link, the header, the table of
 * contents (its items), the main part and the footer's sentence.
 */
export function pageHtml(title: string, header: Html, navItems: Html, main: Html, footer: Html): string {
  return h`<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${title}</title>
<style>${trusted(REPORT_CSS)}</style>
</head>
<body>
<a class="bo-qua" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
<div class="trang">
<header>
${header}
</header>
<nav class="muc-luc" aria-label="Mục lục"><ul>${navItems}</ul></nav>
<main id="noi-dung" tabindex="-1">${main}</main>
<footer><p>${footer}</p></footer>
</div>
</body>
</html>
`.value;
}

function timeline(f: ReportFacts, nameOf: (id: string) => string): Html {
  const head = h`<tr><th scope="col">STT</th><th scope="col" class="ghim-trai">Đơn vị</th>${f.stages.map((s) => h`<th scope="col">${s.name}<br><span class="nho">hạn ${formatShortDate(s.deadline)}</span></th>`)}</tr>`;
  const body = f.units.map(
    (u, i) =>
      h`<tr><td class="giua">${i + 1}</td><th scope="row">${u.name}</th>${f.stages.map((s) => {
        const d = s.deliveries.find((x) => x.unitId === u.id)!;
        return h`<td>${d.date ? h`${formatShortDate(d.date)} ` : ""}<span class="nhan ${d.status}">${STATUS[d.status]}</span></td>`;
      })}</tr>`,
  );
  const summary = f.stages.map((s) => {
    const late = s.deliveries.filter((d) => d.status === "tre-han");
    const none = s.deliveries.filter((d) => d.status === "chua-nop");
    const onTime = s.deliveries.length - late.length - none.length;
    return h`<li><strong>${s.name}</strong> (hạn ${formatShortDate(s.deadline)}): ${onTime} đơn vị đúng hạn${late.length ? h`; trễ hạn: ${late.map((d) => nameOf(d.unitId)).join(", ")}` : ""}${none.length ? h`; chưa nộp: ${none.map((d) => nameOf(d.unitId)).join(", ")}` : ""}.</li>`;
  });
  return h`<section aria-labelledby="tien-do"><h2 id="tien-do">Tiến độ thực hiện</h2>
<p>Hội nghị sơ kết: ${monthText(f.months.mid)}; hội nghị tổng kết: ${monthText(f.months.end)}.</p>
<ul>${summary}</ul>
${table("bang-tien-do", "Ngày gửi của từng đơn vị so với hạn", "rong", head, body)}
</section>`;
}

function scores(f: ReportFacts, nameOf: (id: string) => string): Html {
  const head = h`<tr><th scope="col">STT</th><th scope="col" class="ghim-trai">Đơn vị</th><th scope="col" class="so">Điểm chuẩn</th><th scope="col" class="so">Tự chấm</th><th scope="col" class="so">Khối chấm</th><th scope="col" class="so">Điểm cộng</th><th scope="col" class="so">Điểm trừ</th><th scope="col" class="so ghim-2">Tổng</th><th scope="col" class="so ghim-1">Xếp hạng</th></tr>`;
  const body = [
    ...f.scores.map(
      (s, i) =>
        h`<tr><td class="giua">${i + 1}</td><th scope="row">${nameOf(s.unitId)}</th><td class="so">${formatScore(s.maxTotal)}</td><td class="so">${formatScore(s.selfTotal)}</td><td class="so">${formatScore(s.verifiedTotal)}</td><td class="so">${formatScore(s.bonus)}</td><td class="so">${formatScore(s.penalty)}</td><td class="so dam ghim-2">${formatScore(s.total)}</td><td class="so ghim-1">${s.rank}</td></tr>`,
    ),
    // As in the year-end report's table: a member without year-end results, after the ranked units, without a rank.
    ...f.unscored.map((id, i) => h`<tr><td class="giua">${f.scores.length + i + 1}</td><th scope="row">${nameOf(id)}</th><td class="giua" colspan="5">${NO_RESULTS.charAt(0).toUpperCase() + NO_RESULTS.slice(1)}</td><td class="so ghim-2"></td><td class="so ghim-1"></td></tr>`),
  ];
  const unscoredNote = f.unscored.length ? h`<p><em>Ghi chú: đơn vị ${NO_RESULTS} tổng kết không được xếp hạng; xếp hạng tính trong số ${f.scores.length} đơn vị đã có kết quả.</em></p>` : "";
  const short = new Map(f.units.map((u) => [u.id, u.shortName || u.name]));
  const chart = barChart(
    "Tổng điểm của các đơn vị",
    f.scores.map((s) => ({ label: `${s.rank}. ${short.get(s.unitId) ?? s.unitId}`, value: s.total })),
    f.maxTotal + f.bonusCap,
  );
  const crit = criterionTables(f, nameOf);
  return h`<section aria-labelledby="diem"><h2 id="diem">Điểm thi đua</h2>
<p>Tổng điểm chuẩn ${formatScore(f.maxTotal)}; điểm cộng tối đa ${formatScore(f.bonusCap)}, điểm trừ tối đa ${formatScore(f.penaltyCap)}. Tổng = Khối chấm + điểm cộng − điểm trừ.</p>
${f.scores.length ? h`${table("bang-diem", "Bảng tổng hợp điểm và xếp hạng", "rong", head, body)}${unscoredNote}${chart}
<h3 id="theo-tieu-chi">Điểm theo tiêu chí</h3>
${crit}
<ol class="tieu-chi">${f.criteria.map((c, i) => h`<li value="${i + 1}">TC ${i + 1} (${formatScore(c.max)} điểm): ${marked(c.text)}</li>`)}</ol>` : h`<p>Chưa có đơn vị nào được chấm điểm cuối năm.</p>`}
</section>`;
}

/** Criteria per printed part of the per-criterion table: its columns fit the width of an A4 page in portrait. */
const CRITERIA_PER_PRINTED_PART = 6;

/**
 * The per-criterion table: on a screen one table that scrolls in its frame; on paper the same
 * figures in parts of at most CRITERIA_PER_PRINTED_PART criteria (as even as the count allows),
 * each repeating the unit column, the last one ending with the bloc's total, so no column is
 * cut at the page's edge. The printed parts are not shown on a screen (nor read out).
 */
function criterionTables(f: ReportFacts, nameOf: (id: string) => string): Html {
  const heading = (c: ReportFacts["criteria"][number], i: number) => h`<th scope="col" class="so"><abbr title="${c.text.replace(/\*/g, "")}">TC ${i + 1}</abbr><br><span class="nho">tối đa ${formatScore(c.max)}</span></th>`;
  const cell = (s: ReportFacts["scores"][number], id: string) => {
    const p = s.perCriterion.find((x) => x.criterionId === id);
    if (!p) return h`<td class="so">–</td>`;
    return h`<td class="so">${formatScore(p.verified)}${p.self !== p.verified ? h`<br><span class="nho">tự chấm ${formatScore(p.self)}</span>` : ""}</td>`;
  };
  const part = (id: string, caption: string, from: number, to: number, withTotal: boolean) =>
    table(
      id,
      caption,
      "rong",
      h`<tr><th scope="col" class="ghim-trai">Đơn vị</th>${f.criteria.slice(from, to).map((c, i) => heading(c, from + i))}${withTotal ? h`<th scope="col" class="so ghim-1">Khối chấm</th>` : ""}</tr>`,
      f.scores.map((s) => h`<tr><th scope="row">${nameOf(s.unitId)}</th>${f.criteria.slice(from, to).map((c) => cell(s, c.id))}${withTotal ? h`<td class="so dam ghim-1">${formatScore(s.verifiedTotal)}</td>` : ""}</tr>`),
    );
  const caption = "Điểm Khối chấm theo từng tiêu chí (và điểm tự chấm khi khác)";
  const n = f.criteria.length;
  const parts = Math.max(1, Math.ceil(n / CRITERIA_PER_PRINTED_PART));
  const size = Math.ceil(n / parts);
  const printed = Array.from({ length: parts }, (_, k) => {
    const from = k * size;
    const to = Math.min(n, from + size);
    const label = parts === 1 ? caption : `${caption}, phần ${k + 1}/${parts}: TC ${from + 1}–${to}`;
    return part(`bang-tieu-chi-in-${k + 1}`, label, from, to, k === parts - 1);
  });
  return h`<div class="man-hinh">${part("bang-tieu-chi", caption, 0, n, true)}</div><div class="ban-in">${printed}</div>`;
}

function vote(f: ReportFacts, nameOf: (id: string) => string): Html {
  const v = f.vote;
  const need = Math.max(1, Math.floor((v.num * v.base + v.den - 1) / v.den));
  const head = h`<tr><th scope="col">TT</th><th scope="col" class="ghim-trai">Đơn vị</th><th scope="col" class="so ghim-2">Số phiếu đồng ý</th><th scope="col" class="so">Tỷ lệ</th><th scope="col">Ngưỡng</th><th scope="col" class="ghim-1">Kết quả</th></tr>`;
  const ballotLine = (b: { issued: number; received: number; valid: number; invalid: number }) =>
    h`Phiếu phát ra: ${b.issued}; thu vào: ${b.received}; hợp lệ: ${b.valid}; không hợp lệ: ${b.invalid}.`;
  /** One round's table: the threshold line under the last unit reaching it, the quota line under the round's last place. */
  const roundRows = (rows: ReportFacts["vote"]["awards"][number]["rows"], places: number, tied: readonly string[], proposedLabel: string, tiedLabel: string): Html[] => {
    const reaching = rows.filter((r) => r.reachesThreshold).length;
    const out: Html[] = [];
    rows.forEach((r, i) => {
      out.push(
        h`<tr><td class="giua">${i + 1}</td><th scope="row">${nameOf(r.unitId)}</th><td class="so ghim-2">${r.votes}</td><td class="so">${formatPercent(r.votes, v.base)}</td><td>${r.reachesThreshold ? h`<span class="nhan dat">Đạt</span>` : h`<span class="nhan khong">Không đạt</span>`}</td><td class="ghim-1">${r.proposed ? h`<strong>${proposedLabel}</strong>` : tied.includes(r.unitId) ? h`<span class="nhan hoa">${tiedLabel}</span>` : ""}</td></tr>`,
      );
      const marks: string[] = [];
      if (i + 1 === reaching && i + 1 < rows.length) marks.push(`Ngưỡng ${v.num}/${v.den}: từ ${need} phiếu; các đơn vị dưới vạch không đạt ngưỡng`);
      if (i + 1 === places && i + 1 < rows.length) marks.push(`Vạch chỉ tiêu: ${places} đơn vị`);
      if (marks.length) out.push(h`<tr class="vach"><td colspan="6"><span>${marks.join(". ")}</span></td></tr>`);
    });
    return out;
  };
  const awards = v.awards.map((a, k) => {
    const settledLater = a.laterRounds.length > 0;
    const later = a.laterRounds.map(
      (r) => h`<p class="lan-sau" data-round="${r.round}"><strong>Bỏ phiếu lần ${r.round}</strong> giữa các đơn vị bằng phiếu: ${r.rows.map((x) => nameOf(x.unitId)).join(", ")} (xét ${r.places} chỉ tiêu còn lại). ${ballotLine(r.ballot)}</p>
${table(`bang-phieu-${k + 1}-lan-${r.round}`, `Bỏ phiếu lần ${r.round}: ${a.name}`, "vua", head, roundRows(r.rows, r.places, r.tiedAtQuota, `Đề nghị (lần ${r.round})`, "Vẫn bằng phiếu"))}`,
    );
    const roundOf = (id: string) => a.laterRounds.find((r) => r.proposed.includes(id))?.round;
    const proposed = a.proposed.map((id) => (roundOf(id) ? `${nameOf(id)} (bỏ phiếu lần ${roundOf(id)})` : nameOf(id)));
    return h`<div class="danh-hieu" data-award="${a.id}"><h3>${a.name}</h3>
<p class="phieu">Chỉ tiêu: ${a.quota} đơn vị.${a.ballot ? h` ${ballotLine(a.ballot)}` : h` Chưa có phiếu bầu.`}</p>
${a.rows.length ? table(`bang-phieu-${k + 1}`, `Kết quả bỏ phiếu: ${a.name}`, "vua", head, roundRows(a.rows, a.quota, a.tiedInRound1, "Đề nghị", settledLater ? "Bằng phiếu: bỏ phiếu lại" : "Bằng phiếu ở chỉ tiêu cuối")) : ""}
${later}
<p class="de-nghi">Đề nghị: ${proposed.length ? proposed.join(", ") : "không có đơn vị nào"}.</p>
${a.tiedAtQuota.length ? h`<p class="canh-bao-hoa"><strong>Bằng phiếu ở vị trí cuối của chỉ tiêu:</strong> ${a.tiedAtQuota.map(nameOf).join(", ")}. Công cụ không tự quyết định; Khối xem xét, quyết định theo quy chế.</p>` : ""}</div>`;
  });
  return h`<section aria-labelledby="binh-bau"><h2 id="binh-bau">Bình bầu</h2>
<p>Đơn vị đạt khi số phiếu đồng ý từ ${v.num}/${v.den} ${v.baseText} trở lên, tức từ ${need} phiếu; trong các đơn vị đạt, đề nghị các đơn vị nhiều phiếu nhất đến hết chỉ tiêu. Khi các đơn vị bằng phiếu ở vị trí cuối của chỉ tiêu, Khối bỏ phiếu lại giữa các đơn vị đó.</p>
${awards}
</section>`;
}

function diagnostics(f: ReportFacts): Html {
  const items = f.diagnostics.map((d) => {
    const params = Object.fromEntries(Object.entries(d.params).map(([k, x]) => [k, typeof x === "string" ? escapeControls(x) : x]));
    const { message, hint } = messageOf(d.code, params, "vi");
    const at = d.pos.line > 0 ? `${d.pos.file}:${d.pos.line}:${d.pos.column}` : d.pos.file;
    return h`<li><code>${escapeControls(at)}</code> ${d.severity === "error" ? "lỗi" : "cảnh báo"} [${d.code}]<br>${message}${hint ? h`<br><span class="goi-y">→ ${hint}</span>` : ""}</li>`;
  });
  return h`<section aria-labelledby="canh-bao"><h2 id="canh-bao">Cảnh báo của dữ liệu</h2>
${items.length ? h`<p>${items.length} cảnh báo khi kiểm tra dữ liệu (không chặn việc lập văn bản):</p><ul class="canh-bao">${items}</ul>` : h`<p>Không có cảnh báo nào.</p>`}
</section>`;
}

function documents(f: ReportFacts): Html {
  const head = h`<tr><th scope="col">STT</th><th scope="col">Văn bản</th><th scope="col">Tệp</th><th scope="col" class="so">Số trang</th><th scope="col">Ô chữ ký (PDF)</th></tr>`;
  const body = f.documents.map(
    (d, i) =>
      h`<tr><td class="giua">${i + 1}</td><th scope="row">${d.title}</th><td class="tep">${d.files.map((file, j) => h`${j ? h`<br>` : ""}<a href="${encodeURIComponent(file)}">${file}</a>`)}</td><td class="so">${d.pages}</td><td>${d.signatureFields.length ? d.signatureFields.map((s, j) => h`${j ? h`<br>` : ""}<code>${s}</code>`) : "không có"}</td></tr>`,
  );
  const pages = f.documents.reduce((n, d) => n + d.pages, 0);
  const bundle = f.bundle
    ? h`<p class="ho-so">Hồ sơ in cả năm: <a href="${encodeURIComponent(f.bundle)}">${f.bundle}</a> (${f.documents.length} văn bản PDF dưới đây gộp trong một tệp, ${pages} trang, có dấu trang theo từng văn bản; không có ô chữ ký: để in, lưu trữ).</p>`
    : "";
  return h`<section aria-labelledby="van-ban"><h2 id="van-ban">Văn bản của năm</h2>
${bundle}
${table("bang-van-ban", `${f.documents.length} văn bản, mỗi văn bản một tệp DOCX (sửa được) và một tệp PDF (để in, ký số)`, "vua", head, body)}
</section>`;
}
