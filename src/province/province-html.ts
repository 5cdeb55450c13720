/**
 * The province's view as one self-contained HTML page for the office (out/tinh-<year>/index.html),
 * in the style of a bloc's year report: the blocs, the proposals award by award, what must be
 * settled. Nothing is downloaded (the style sheet is inline, the page's policy forbids any
 * request); every value is escaped. Pure: view → string.
 */
import { formatShortDate } from "../format/date.ts";
import { formatRatio, formatScore } from "../format/number.ts";
import { pageHtml, table } from "../report/html.ts";
import { h, type Html } from "../report/markup.ts";
import { lateDossier, type ProvinceView } from "./merge.ts";

const day = (d: string | null) => (d ? formatShortDate(d) : "");

export function provinceHtml(v: ProvinceView): string {
  const title = `Tổng hợp thi đua các khối năm ${v.nam}: tỉnh ${v.tinh}`;
  const blocName = (id: string) => v.khoi.find((b) => b.ma === id)?.ten_ngan ?? id;
  const awards = [...new Map(v.de_nghi.map((p) => [p.danh_hieu, p.ten_danh_hieu])).entries()];
  const blocs = table(
    "bang-khoi",
    `Kết quả của ${v.khoi.length} khối`,
    "rong",
    h`<tr><th scope="col">STT</th><th scope="col" class="ghim-trai">Khối</th><th scope="col">Khối trưởng,<br>Khối phó</th><th scope="col" class="so">Số đơn vị</th><th scope="col">Văn bản đã ban hành</th><th scope="col">Gửi đúng hạn / trễ / chưa gửi</th><th scope="col">Chưa xong</th></tr>`,
    v.khoi.map(
      (b, i) =>
        h`<tr><td class="giua">${i + 1}</td><th scope="row">${b.ten_ngan}</th><td>${b.khoi_truong}<br><span class="nho">${b.khoi_pho}</span></td><td class="so">${b.so_don_vi}</td><td>${b.van_ban.map((d, j) => h`${j ? h`<br>` : ""}<span class="nhan">${d.so === null ? "(chưa có số)" : `${String(d.so).padStart(2, "0")}/${d.ky_hieu}`}${d.ngay ? ` ngày ${day(d.ngay)}` : ""}</span>`)}</td><td>${b.thoi_han.map((t, j) => h`${j ? h`<br>` : ""}${t.ten}: ${t.dung_han} / ${t.tre_han} / ${t.chua_nop}`)}</td><td>${b.chua_xong.length ? h`<span class="nhan hoa">${b.chua_xong.length} việc</span> <span class="nho">${b.chua_xong.join("; ")}</span>` : h`<span class="nhan dat">Đã xong</span>`}</td></tr>`,
    ),
  );
  const proposals = awards.map(([id, name]) =>
    table(
      `de-nghi-${id}`,
      `${name}: ${v.de_nghi.filter((p) => p.danh_hieu === id).length} đơn vị`,
      "vua",
      h`<tr><th scope="col">STT</th><th scope="col" class="ghim-trai">Đơn vị</th><th scope="col">Khối</th><th scope="col" class="so">Số phiếu</th><th scope="col" class="so">Tỷ lệ</th><th scope="col" class="so">Tổng điểm</th></tr>`,
      v.de_nghi
        .filter((p) => p.danh_hieu === id)
        .map((p, i) => h`<tr><td class="giua">${i + 1}</td><th scope="row">${p.ten_don_vi}</th><td>${blocName(p.khoi)}</td><td class="so">${p.so_phieu}</td><td class="so">${formatRatio(p.ty_le)}</td><td class="so">${p.tong_diem === null ? "" : formatScore(p.tong_diem)}</td></tr>`),
    ),
  );
  const todo: Html[] = [
    ...v.de_nghi_trung.map((t) => h`<li><strong>${t.don_vi}</strong> được đề nghị hai lần: ${t.lan.map((l) => `${awards.find(([a]) => a === l.danh_hieu)?.[1] ?? l.danh_hieu} (${blocName(l.khoi)})`).join(", ")}</li>`),
    ...v.chua_gui.map((id) => h`<li>Khối <strong>${id}</strong> chưa gửi kết quả năm ${v.nam}</li>`),
    ...v.khoi
      .filter(lateDossier)
      .map((b) => h`<li><strong>${b.ten_ngan}</strong> trình đề nghị khen thưởng ngày ${day(b.ho_so!.ngay)}, sau hạn gửi hồ sơ (${day(b.ho_so!.han)}) ${b.ho_so!.tre_ngay} ngày</li>`),
  ];
  return pageHtml(
    title,
    h`<p class="phu">Tỉnh ${v.tinh}</p>
<h1>${title}</h1>
<p class="phu">${v.khoi.length} khối đã gửi kết quả, ${v.chua_gui.length} khối chưa gửi; ${v.de_nghi.length} đơn vị được đề nghị khen thưởng.${v.han_ho_so ? ` Hạn gửi hồ sơ: ${day(v.han_ho_so)}.` : ""}</p>`,
    h`<li><a href="#cac-khoi">Các khối</a></li><li><a href="#de-nghi">Đề nghị khen thưởng</a></li><li><a href="#can-xu-ly">Cần xử lý</a></li><li><a href="bao-cao-tong-hop-${v.nam}.pdf">Báo cáo (PDF)</a></li>`,
    h`
<section id="cac-khoi" aria-labelledby="cac-khoi-h"><h2 id="cac-khoi-h">Các khối</h2>${blocs}</section>
<section id="de-nghi" aria-labelledby="de-nghi-h"><h2 id="de-nghi-h">Đề nghị khen thưởng</h2>${proposals.length ? proposals : h`<p>Chưa có khối nào đề nghị khen thưởng.</p>`}</section>
<section id="can-xu-ly" aria-labelledby="can-xu-ly-h"><h2 id="can-xu-ly-h">Cần xử lý</h2>${todo.length ? h`<ul class="canh-bao">${todo}</ul>` : h`<p>Không có việc cần xử lý.</p>`}</section>
`,
    h`Trang này do công cụ khoi-thi-dua lập từ tệp kết quả năm ${v.nam} của các khối, cùng lúc với bảng tính và báo cáo tổng hợp bên cạnh.`,
  );
}
