/**
 * The report's style sheet, inline in the page: system fonts only (nothing is
 * downloaded), tables that scroll sideways in their frame on a phone with
 * their key columns pinned, and print rules for A4 without the navigation
 * (a table too wide for the page prints in parts: html.ts). Colours keep text at a contrast
 * of 4.5:1 or more on its background.
 */
export const REPORT_CSS = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;background:#fff;color:#1a1a1a;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif}
.trang{max-width:1200px;margin:0 auto;padding:0 16px 48px}
a{color:#0b4fb3}
a:focus-visible,.cuon:focus-visible{outline:3px solid #0b4fb3;outline-offset:2px}
.bo-qua{position:absolute;left:-10000px;top:0;background:#fff;padding:8px 12px;border:2px solid #0b4fb3}
.bo-qua:focus{left:8px;top:8px;z-index:10}
header{padding:24px 0 8px;border-bottom:2px solid #1a1a1a}
h1{font-size:1.6rem;line-height:1.25;margin:0 0 8px}
h2{font-size:1.3rem;margin:32px 0 8px;padding-top:8px;border-top:1px solid #d0d0d0}
h3{font-size:1.1rem;margin:20px 0 6px}
.phu{color:#4a4a4a;margin:4px 0}
dl.nguoi{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:8px 0}
dl.nguoi dt{font-weight:600}
dl.nguoi dd{margin:0}
nav.muc-luc ul{display:flex;flex-wrap:wrap;gap:4px 18px;list-style:none;padding:0;margin:12px 0}
.cuon{overflow-x:auto;margin:8px 0 16px;border:1px solid #c8c8c8;border-radius:4px}
table{border-collapse:collapse;width:100%;font-size:15px}
table.rong{min-width:760px}
table.vua{min-width:560px}
caption{text-align:left;font-weight:600;padding:8px 10px;caption-side:top}
th,td{border:1px solid #c8c8c8;padding:6px 8px;vertical-align:top;text-align:left}
thead th{background:#e9eef5}
tbody th{font-weight:normal}
table.rong tbody th,table.vua tbody th{min-width:11em}
td.tep a,td code{white-space:nowrap}
.so{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.giua{text-align:center}
.dam{font-weight:700}
.nho{font-size:13px;color:#4a4a4a}
.nhan{display:inline-block;padding:0 6px;border-radius:4px;font-size:14px;white-space:nowrap}
.dung-han,.dat{background:#e3f2e7;color:#17502a}
.tre-han,.hoa{background:#fbe7e5;color:#8a1c16}
.chua-nop,.khong{background:#eeeeee;color:#3d3d3d}
/* The columns that answer the question stay in view while the others scroll under them: the unit on the left, the result on the right. */
/* A name with no space breaks anywhere rather than widen its column past the frame or the page. */
tbody th[scope=row]{overflow-wrap:anywhere}
.cuon tbody th[scope=row],.ghim-trai{position:sticky;left:-1px;z-index:1;background:#fff;box-shadow:1px 0 0 #c8c8c8}
.ghim-1,.ghim-2{position:sticky;z-index:1;background:#fff}
.ghim-1{right:0;width:6em;min-width:6em;max-width:6em}
.ghim-2{right:calc(6em - 1px);min-width:4.5em;max-width:6.5em;box-shadow:-1px 0 0 #c8c8c8}
thead .ghim-1,thead .ghim-2,thead .ghim-trai{background:#e9eef5;white-space:normal}
.ghim-1 .nhan{white-space:normal}
.ban-in{display:none}
tr.vach td{border-top:3px solid #1a1a1a;background:#f6f6f6;font-size:14px;color:#1a1a1a}
.bieu-do{margin:8px 0 16px;max-width:820px}
.bieu-do svg{display:block;width:100%;overflow:visible}
.canh-bao{list-style:none;padding:0}
.canh-bao li{border-left:4px solid #8a1c16;padding:6px 10px;margin:8px 0;background:#fbf3f2}
.canh-bao code{font-size:14px;word-break:break-all}
.goi-y{color:#3d3d3d}
ol.tieu-chi{padding-left:24px;font-size:15px}
footer{margin-top:40px;font-size:14px;color:#4a4a4a}
@media (max-width:600px){body{font-size:15px}h1{font-size:1.35rem}.trang{padding:0 12px 32px}}
/* Where a table is wider than its frame, the unit column has one width, so the column pinned next to the result also stops at its right edge. */
@media screen and (max-width:820px){caption>span,tr.vach td>span{display:block;position:sticky;left:10px;max-width:calc(100vw - 52px)}.cuon tbody th[scope=row],.ghim-trai{width:8em;min-width:8em;max-width:8em}.ghim-2{left:calc(8em - 2px)}}
@page{size:A4;margin:15mm}
@media print{
  nav.muc-luc,.bo-qua{display:none}
  body{font-size:11pt}
  .trang{max-width:none;padding:0}
  .cuon{overflow:visible;border:0}
  table.rong,table.vua{min-width:0}
  .man-hinh{display:none}
  .ban-in{display:block}
  .cuon tbody th[scope=row],.ghim-trai,.ghim-1,.ghim-2{position:static;box-shadow:none}
  .ghim-1,.ghim-2{width:auto;min-width:0;max-width:none}
  table.rong tbody th,table.vua tbody th{min-width:8em}
  th,td{padding:4px 5px}
  thead th,thead th.so{white-space:normal}
  .nho{font-size:8.5pt}
  a{color:inherit;text-decoration:none}
  h2,h3{break-after:avoid}
  tr,li,.bieu-do{break-inside:avoid}
}
`;
