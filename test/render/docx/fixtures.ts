/** Hand-built documents for the DOCX renderer tests. */
import type { AdminDocument, Run } from "../../../src/document/model.ts";

const t = (text: string, extra: Omit<Run, "text"> = {}): Run[] => [{ text, ...extra }];

export function planDocument(): AdminDocument {
  return {
    stem: "ke-hoach",
    typeCode: "KH",
    meta: {
      title: "Kế hoạch tổ chức và phát động phong trào thi đua năm 2020",
      subject: "Thi đua Khối 8 năm 2020",
      author: "Sở Văn hóa, Thể thao và Du lịch",
      keywords: ["thi đua", "Khối 8", "2020"],
      lang: "vi-VN",
      date: "2020-02-05",
    },
    header: {
      parentBody: ["UBND TỈNH TRÀ VINH"],
      issuer: ["KHỐI THI ĐUA CÁC CƠ QUAN", "VĂN HÓA - XÃ HỘI"],
      number: "Số: 05/KH-K8",
      placeDate: "Trà Vinh, ngày 05 tháng 02 năm 2020",
    },
    title: { type: "KẾ HOẠCH", summary: ["Tổ chức và phát động phong trào thi đua năm 2020"] },
    body: [
      {
        kind: "paragraph",
        runs: t(
          "Để thực hiện thắng lợi các nhiệm vụ chính trị, thi đua khen thưởng của các Sở, ngành tỉnh, Khối thi đua các cơ quan Văn hóa – Xã hội tỉnh Trà Vinh (Khối 8) xây dựng kế hoạch tổ chức và phát động phong trào thi đua năm 2020 với các nội dung như sau:",
        ),
      },
      { kind: "heading", level: 1, runs: t("I. MỤC ĐÍCH, YÊU CẦU") },
      { kind: "heading", level: 2, runs: t("1. Mục đích:") },
      {
        kind: "item",
        runs: t(
          "- Nhằm tạo khí thế sôi nổi trong toàn thể cán bộ, công chức, viên chức và người lao động tham gia phong trào thi đua;",
        ),
      },
      {
        kind: "item",
        runs: [
          { text: "- Xây dựng tổ chức cơ sở Đảng " },
          { text: "“Trong sạch vững mạnh”", italic: true },
          { text: " & công sở đạt chuẩn <văn hóa>;" },
        ],
      },
      { kind: "heading", level: 3, runs: t("a) Chỉ tiêu đăng ký:") },
      {
        kind: "table",
        columns: [{ width: 1, align: "center" }, { width: 6 }, { width: 3 }],
        headerRows: 1,
        rows: [
          { cells: [{ paragraphs: [t("STT")] }, { paragraphs: [t("Nội dung, tiêu chí")] }, { paragraphs: [t("Chỉ tiêu")] }] },
          {
            cells: [
              { paragraphs: [t("1")] },
              { paragraphs: [t("Hoàn thành xuất sắc nhiệm vụ chính trị")] },
              { paragraphs: [t("Đạt 100%")], rowSpan: 2, align: "center" },
            ],
          },
          { cells: [{ paragraphs: [t("2")] }, { paragraphs: [t("Xây dựng công sở đạt chuẩn văn hóa")] }] },
          { cells: [{ paragraphs: [t("Tổng cộng: 2 tiêu chí", { bold: true })], colSpan: 3, align: "left" }] },
        ],
      },
      {
        kind: "paragraph",
        runs: [
          { text: "Trên đây là Kế hoạch tổ chức và phát động phong trào thi đua (Khối 8) năm 2020" },
          { text: "./." },
        ],
      },
    ],
    signatureLayout: "single",
    signatures: [
      {
        role: "signer",
        lines: ["TM. KHỐI 8", "KHỐI TRƯỞNG", "GIÁM ĐỐC", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"],
        name: "Dương Hoàng Sum",
      },
    ],
    recipients: ["- Thường trực Hội đồng TĐ-KT tỉnh;", "- Các đơn vị thành viên Khối 8;", "- Lưu: VT."],
    appendices: [
      {
        label: "Phụ lục",
        title: ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA"],
        attachedTo: "(Kèm theo Kế hoạch số 05/KH-K8 ngày 05 tháng 02 năm 2020 của Khối 8)",
        landscape: true,
        body: [
          {
            kind: "table",
            columns: [1, 5, 2, 2, 2, 2, 2, 2, 2].map((width) => ({ width })),
            headerRows: 2,
            fontSize: 12,
            rows: [
              {
                cells: [
                  { paragraphs: [t("STT")], rowSpan: 2 },
                  { paragraphs: [t("Đơn vị")], rowSpan: 2 },
                  { paragraphs: [t("Điểm chuẩn")], rowSpan: 2 },
                  { paragraphs: [t("Điểm chấm")], colSpan: 2 },
                  { paragraphs: [t("Điểm cộng")], rowSpan: 2 },
                  { paragraphs: [t("Điểm trừ")], rowSpan: 2 },
                  { paragraphs: [t("Tổng")], rowSpan: 2 },
                  { paragraphs: [t("Xếp hạng")], rowSpan: 2 },
                ],
              },
              { cells: [{ paragraphs: [t("Tự chấm")] }, { paragraphs: [t("Khối chấm")] }] },
              {
                cells: ["1", "Sở Văn hóa, Thể thao và Du lịch", "100", "98", "97", "2", "0", "99", "1"].map((v) => ({
                  paragraphs: [t(v)],
                })),
              },
            ],
          },
        ],
      },
    ],
  };
}

export function minutesDocument(): AdminDocument {
  return {
    stem: "bien-ban",
    typeCode: "BB",
    meta: {
      title: "Biên bản họp bình xét thi đua năm 2020",
      subject: "Bình xét thi đua Khối 8",
      author: "Khối 8",
      keywords: ["biên bản"],
      lang: "vi-VN",
      date: "2021-02-20",
    },
    header: { parentBody: ["UBND TỈNH TRÀ VINH"], issuer: ["KHỐI THI ĐUA KHỐI 8"], number: "Số: 01/BB-K8" },
    title: { type: "BIÊN BẢN", summary: ["Họp bình xét thi đua năm 2020"] },
    body: [
      { kind: "paragraph", runs: t("Thời gian bắt đầu: 08 giờ 00, ngày 20 tháng 02 năm 2021."), indent: true },
      { kind: "paragraph", runs: t("Địa điểm: Sở Văn hóa, Thể thao và Du lịch.") },
      { kind: "paragraph", runs: t("Cuộc họp kết thúc vào 11 giờ 00, ngày 20 tháng 02 năm 2021./.") },
    ],
    signatureLayout: "pair",
    signatures: [
      { role: "chair", lines: ["CHỦ TỌA"], name: "Dương Hoàng Sum" },
      { role: "secretary", lines: ["THƯ KÝ"], name: "Nguyễn Văn A" },
    ],
    recipients: ["- Các đơn vị thành viên Khối 8;", "- Lưu: VT, Hồ sơ."],
    appendices: [],
  };
}

/** A Tờ trình: several "Kính gửi" recipients, căn cứ lines, a page break, three appendices (portrait, landscape, portrait). */
export function proposalDocument(): AdminDocument {
  const appendixTable = (label: string): AdminDocument["body"][number] => ({
    kind: "table",
    columns: [{ width: 1, align: "center" }, { width: 8 }, { width: 3 }],
    headerRows: 1,
    rows: [
      { cells: [{ paragraphs: [t("STT")] }, { paragraphs: [t("Tên tập thể")] }, { paragraphs: [t("Ghi chú")] }] },
      { cells: [{ paragraphs: [t("1")] }, { paragraphs: [t(label)] }, { paragraphs: [] }] },
    ],
  });
  return {
    stem: "to-trinh",
    typeCode: "TTr",
    meta: {
      title: "Tờ trình đề nghị khen thưởng",
      subject: "Khen thưởng Khối 8 năm 2020",
      author: "Khối 8",
      keywords: [],
      lang: "vi-VN",
      date: "2021-02-25",
    },
    header: {
      parentBody: ["UBND TỈNH TRÀ VINH"],
      issuer: ["SỞ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH"],
      number: "Số:\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0/TTr-K8",
      placeDate: "Trà Vinh, ngày\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0tháng\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0năm 2021",
    },
    title: { type: "TỜ TRÌNH", summary: ["Về việc đề nghị tặng Cờ thi đua và Bằng khen", "của Ủy ban nhân dân tỉnh năm 2020"] },
    kinhGui: ["- Ủy ban nhân dân tỉnh Trà Vinh;", "- Hội đồng Thi đua, Khen thưởng tỉnh."],
    bases: [
      "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;",
      "Căn cứ Biên bản họp bình xét thi đua ngày 20 tháng 02 năm 2021 của Khối 8.",
    ],
    body: [
      { kind: "paragraph", runs: t("Khối 8 kính trình Ủy ban nhân dân tỉnh xem xét, tặng thưởng cho các tập thể sau:") },
      { kind: "pageBreak" },
      { kind: "paragraph", runs: [{ text: "Kính trình Ủy ban nhân dân tỉnh xem xét, quyết định", underline: true }, { text: "./." }] },
    ],
    signatureLayout: "single",
    signatures: [{ role: "signer", lines: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], name: "" }],
    recipients: ["- Như trên;", "- Lưu: VT, NVVH."],
    appendices: [
      { label: "Phụ lục I", title: ["DANH SÁCH ĐỀ NGHỊ TẶNG CỜ THI ĐUA"], body: [appendixTable("Sở Y tế")] },
      { label: "Phụ lục II", title: ["DANH SÁCH ĐỀ NGHỊ TẶNG BẰNG KHEN"], landscape: true, body: [appendixTable("Sở Giáo dục và Đào tạo")] },
      { label: "Phụ lục III", title: ["DANH SÁCH KHÁC"], landscape: false, body: [appendixTable("Sở Lao động")] },
    ],
  };
}
