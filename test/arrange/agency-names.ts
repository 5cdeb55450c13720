/** Real Vietnamese provincial and central-line agency names, as issuers write them in a header (upper case). */
export const AGENCY_NAMES = [
  "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
  "KHO BẠC NHÀ NƯỚC KHU VỰC XX",
  "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
  "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
  "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
  "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
  "SỞ KẾ HOẠCH VÀ ĐẦU TƯ",
  "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN",
  "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG",
  "SỞ GIAO THÔNG VẬN TẢI",
  "SỞ CÔNG THƯƠNG",
  "SỞ XÂY DỰNG",
  "SỞ TÀI CHÍNH",
  "SỞ Y TẾ",
  "SỞ NỘI VỤ",
  "SỞ TƯ PHÁP",
  "SỞ NGOẠI VỤ",
  "THANH TRA TỈNH",
  "BAN DÂN TỘC TỈNH",
  "ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH TRÀ VINH",
  "TRƯỜNG ĐẠI HỌC TRÀ VINH",
  "BẢO HIỂM XÃ HỘI TỈNH TRÀ VINH",
  "CỤC THỐNG KÊ TỈNH TRÀ VINH",
  "CỤC HẢI QUAN TỈNH KIÊN GIANG",
  "CỤC THUẾ TỈNH TRÀ VINH",
  "NGÂN HÀNG NHÀ NƯỚC CHI NHÁNH TỈNH TRÀ VINH",
  "BAN QUẢN LÝ KHU KINH TẾ TỈNH TRÀ VINH",
  "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH ĐỒNG THÁP",
  "ỦY BAN NHÂN DÂN TỈNH TRÀ VINH",
  "HỘI ĐỒNG NHÂN DÂN TỈNH TRÀ VINH",
  "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH TRÀ VINH",
  "TRUNG TÂM XÚC TIẾN ĐẦU TƯ, THƯƠNG MẠI VÀ DU LỊCH",
  "BỆNH VIỆN ĐA KHOA TỈNH TRÀ VINH",
  "LIÊN ĐOÀN LAO ĐỘNG TỈNH TRÀ VINH",
  "HỘI LIÊN HIỆP PHỤ NỮ TỈNH TRÀ VINH",
  "HỘI CỰU CHIẾN BINH TỈNH TRÀ VINH",
  "CÔNG AN TỈNH TRÀ VINH",
  "BỘ CHỈ HUY QUÂN SỰ TỈNH TRÀ VINH",
  "VIỆN KIỂM SÁT NHÂN DÂN TỈNH TRÀ VINH",
  "TÒA ÁN NHÂN DÂN TỈNH TRÀ VINH",
  "CỤC THI HÀNH ÁN DÂN SỰ TỈNH TRÀ VINH",
  "CHI CỤC QUẢN LÝ THỊ TRƯỜNG TỈNH TRÀ VINH",
  "CÔNG TY ĐIỆN LỰC TRÀ VINH",
  "BƯU ĐIỆN TỈNH TRÀ VINH",
  "VIỄN THÔNG TRÀ VINH",
  "BÁO TRÀ VINH",
];

/**
 * Compounds a line break must not split, written here independently of the
 * arrangement's own list (the test's oracle): "A B" means no break between A and B.
 */
export const MUST_NOT_SPLIT = [
  "KHOA HỌC", "CÔNG NGHỆ", "NHÀ NƯỚC", "KHU VỰC", "VĂN HÓA", "THỂ THAO", "DU LỊCH", "LAO ĐỘNG", "THƯƠNG BINH", "XÃ HỘI",
  "THÔNG TIN", "TRUYỀN THÔNG", "GIÁO DỤC", "ĐÀO TẠO", "KẾ HOẠCH", "ĐẦU TƯ", "NÔNG NGHIỆP", "PHÁT TRIỂN", "NÔNG THÔN",
  "TÀI NGUYÊN", "MÔI TRƯỜNG", "GIAO THÔNG", "VẬN TẢI", "CÔNG THƯƠNG", "XÂY DỰNG", "TÀI CHÍNH", "Y TẾ", "NỘI VỤ", "TƯ PHÁP",
  "NGOẠI VỤ", "THANH TRA", "DÂN TỘC", "PHÁT THANH", "TRUYỀN HÌNH", "TRÀ VINH", "ĐẠI HỌC", "BẢO HIỂM", "THỐNG KÊ", "HẢI QUAN",
  "KIÊN GIANG", "NGÂN HÀNG", "CHI NHÁNH", "QUẢN LÝ", "KINH TẾ", "CÔNG NGHIỆP", "ĐỒNG THÁP", "ỦY BAN", "NHÂN DÂN", "HỘI ĐỒNG",
  "MẶT TRẬN", "TỔ QUỐC", "VIỆT NAM", "TRUNG TÂM", "XÚC TIẾN", "THƯƠNG MẠI", "BỆNH VIỆN", "ĐA KHOA", "LIÊN ĐOÀN", "LIÊN HIỆP",
  "PHỤ NỮ", "CỰU CHIẾN BINH", "CÔNG AN", "CHỈ HUY", "QUÂN SỰ", "KIỂM SÁT", "TÒA ÁN", "THI HÀNH ÁN", "DÂN SỰ", "CHI CỤC",
  "THỊ TRƯỜNG", "CÔNG TY", "ĐIỆN LỰC", "BƯU ĐIỆN", "VIỄN THÔNG", "KHO BẠC",
  // Names that read as one word: "NGÂN HÀNG / NHÀ NƯỚC VIỆT NAM" splits the agency's name.
  "NGÂN HÀNG NHÀ NƯỚC", "KHO BẠC NHÀ NƯỚC", "BẢO HIỂM XÃ HỘI", "KHÍ TƯỢNG THỦY VĂN", "ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN",
  "MỘT THÀNH VIÊN", "XỔ SỐ KIẾN THIẾT", "SÓC TRĂNG",
];

/** The compound of MUST_NOT_SPLIT that a break between two lines splits, if any. */
export function splitCompound(lines: readonly string[]): string | undefined {
  for (let i = 1; i < lines.length; i++) {
    const before = lines[i - 1]!.split(" ");
    const after = lines[i]!.split(" ");
    for (const c of MUST_NOT_SPLIT) {
      const words = c.split(" ");
      for (let k = 1; k < words.length; k++) {
        const head = words.slice(0, k);
        const tail = words.slice(k);
        if (before.slice(-head.length).join(" ").replace(/,$/, "") === head.join(" ") && after.slice(0, tail.length).join(" ") === tail.join(" ")) return c;
      }
    }
  }
  return undefined;
}
