import type ExcelJS from "exceljs";
import type { FormInput } from "./form-input.ts";
import type { StageSpec } from "./stages.ts";

const FONT = { name: "Times New Roman", size: 12 } as const;

/** The "Hướng dẫn" sheet: how to fill the form and send it back, in Vietnamese. */
export async function writeInstructions(ws: ExcelJS.Worksheet, input: FormInput, spec: StageSpec): Promise<void> {
  ws.pageSetup = { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  ws.getColumn(1).width = 4;
  ws.getColumn(2).width = 100;
  const lines: [string, boolean][] = [
    [`HƯỚNG DẪN ĐIỀN BIỂU MẪU – ${spec.label.toUpperCase()} NĂM ${input.year}`, true],
    [`Đơn vị: ${input.unit.name}. ${input.bloc.name}.`, false],
    ["", false],
    [`1. Điền vào các ô màu vàng ở trang “${spec.sheet.name}”; các ô khác được khóa (không cần mật khẩu để điền).`, false],
    ["2. Ô có dấu * là bắt buộc. Để trống ô không bắt buộc nếu không có nội dung.", false],
    ["3. Số: viết dấu thập phân bằng dấu phẩy hoặc dấu chấm (9,5 hay 9.5); điểm từ 0 đến điểm tối đa ở cột C.", false],
    ["4. Ngày: nhập theo dạng ngày/tháng/năm, ví dụ 05/02/" + input.year + ".", false],
    ["5. Danh sách (danh hiệu, điểm cộng, điểm trừ): mỗi dòng một mục; để trống các dòng thừa.", false],
    ["6. Có thể sắp xếp lại các dòng; không sửa cột “Mã” (cột A) và không đổi tên trang.", false],
    ["7. Lưu tệp dạng .xlsx (Excel hoặc LibreOffice), giữ nguyên tên tệp, gửi lại Thư ký Khối.", false],
  ];
  if (spec.stage === "tong-ket")
    lines.push([
      "8. Cột “Điểm Khối thẩm định” (màu xám, bị khóa) do Khối điền sau khi thẩm định; đơn vị không điền. Thư ký Khối: bỏ bảo vệ trang tính (Excel tiếng Việt: Xem lại → Bỏ bảo vệ Trang tính; tiếng Anh: Review → Unprotect Sheet; LibreOffice: Công cụ/Tools → Bảo vệ trang tính; không có mật khẩu) để điền vào bản của Khối, rồi nhập bằng npm run import -- --khoi-cham.",
      false,
    ]);
  lines.forEach(([text, bold], i) => {
    const c = ws.getCell(`B${i + 1}`);
    c.value = text;
    c.font = { ...FONT, bold, size: bold ? 14 : 12 };
    c.alignment = { wrapText: true, vertical: "top" };
  });
  await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true });
}
