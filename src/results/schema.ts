/**
 * The year's results file (out/<year>/ket-qua-<year>.json): what a province's office merges from
 * every bloc. Its JSON Schema is published as docs/ket-qua-nam.schema.json (made from this by
 * resultsJsonSchema; test/results/results-file.test.ts keeps the published file current, UPDATE=true rewrites it). A new layout is a new
 * `phien_ban`: a reader refuses a version it does not know.
 */
import { z } from "zod";

/** The layout of the file; a reader refuses any other. */
export const RESULTS_VERSION = 1;

/** The published schema's address inside the project, and its $id. */
export const RESULTS_SCHEMA_FILE = "docs/ket-qua-nam.schema.json";
export const RESULTS_SCHEMA_ID = "https://khoi-thi-dua.invalid/schema/ket-qua-nam/1";

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/).max(64).describe("Mã viết liền, chữ thường không dấu");
const Date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe("Ngày dạng NNNN-TT-NN");
const Points = z.number().describe("Điểm");
const Count = z.number().int().min(0);
const Text = z.string().min(1);

const Person = z.strictObject({ ho_ten: z.string().describe("Họ tên (trống nếu dữ liệu để trống)"), chuc_vu: z.string().describe("Chức vụ") });

const UnitRow = z.strictObject({
  ma: Id,
  ten: Text.describe("Tên đầy đủ"),
  ten_ngan: Text.describe("Tên ngắn"),
  viet_tat: Text.describe("Chữ viết tắt trong ký hiệu văn bản của đơn vị"),
  co_quan_chu_quan: z.array(Text).describe("Cơ quan chủ quản (các dòng trên tên đơn vị; rỗng nếu không có)"),
  thu_truong: Person.describe("Thủ trưởng"),
});

const Leader = z.strictObject({ ma: Id, ten: Text, thu_truong: Person });

const Ballot = z.strictObject({ phat_ra: Count.describe("Số phiếu phát ra"), thu_vao: Count.describe("Số phiếu thu vào"), hop_le: Count.describe("Số phiếu hợp lệ"), khong_hop_le: Count.describe("Số phiếu không hợp lệ") });

const VoteRow = z.strictObject({
  don_vi: Id,
  so_phieu: Count.describe("Số phiếu đồng ý"),
  ty_le: z.number().min(0).describe("Tỷ lệ phiếu đồng ý trên cơ sở tính (0 đến 1)"),
  thu_tu: z.number().int().min(1).describe("Thứ tự theo số phiếu (bằng phiếu: cùng thứ tự)"),
  dat_nguong: z.boolean().describe("Đạt tỷ lệ tối thiểu"),
  de_nghi: z.boolean().describe("Được đề nghị ở vòng này"),
});

const Round = z.strictObject({
  vong: z.number().int().min(1).describe("Vòng bỏ phiếu (1: lần bỏ phiếu đầu; 2 trở đi: bỏ phiếu lại giữa các đơn vị bằng phiếu)"),
  so_suat: Count.describe("Số suất vòng này xét"),
  phieu: Ballot,
  ket_qua: z.array(VoteRow),
  de_nghi: z.array(Id).describe("Đơn vị được đề nghị ở vòng này"),
  bang_phieu_o_suat_cuoi: z.array(Id).describe("Đơn vị bằng phiếu ở suất cuối, chưa phân định"),
});

const AwardRow = z.strictObject({
  ma: Id,
  ten: Text.describe("Hình thức khen thưởng"),
  chi_tieu: Count.describe("Số suất được đề nghị"),
  vong: z.array(Round).describe("Các vòng bỏ phiếu, vòng 1 trước"),
  de_nghi: z.array(Id).describe("Đơn vị được đề nghị sau mọi vòng"),
  chua_phan_dinh: z.array(Id).describe("Đơn vị bằng phiếu ở suất cuối sau vòng cuối: Khối phải bỏ phiếu lại"),
});

const ScoreRow = z.strictObject({
  don_vi: Id,
  theo_tieu_chi: z.array(z.strictObject({ tieu_chi: Id, tu_cham: Points, khoi_cham: Points })),
  diem_toi_da: Points,
  tu_cham: Points.describe("Tổng điểm tự chấm"),
  khoi_cham: Points.describe("Tổng điểm Khối chấm"),
  diem_cong: Points,
  diem_tru: Points,
  tong: Points.describe("Khối chấm + điểm cộng − điểm trừ"),
  xep_hang: z.number().int().min(1).describe("Thứ hạng (bằng điểm: cùng hạng)"),
});

const Delivery = z.strictObject({ don_vi: Id, ngay: Date.nullable().describe("Ngày gửi; null: chưa gửi"), trang_thai: z.enum(["dung-han", "tre-han", "chua-nop"]) });

const Stage = z.strictObject({ ma: z.enum(["dang-ky", "so-ket", "tong-ket"]), ten: Text, han: Date.describe("Thời hạn"), don_vi: z.array(Delivery) });

const FileRow = z.strictObject({ ten: Text.describe("Tên tệp trong out/<năm>/"), sha256: z.string().regex(/^[0-9a-f]{64}$/), kich_thuoc: Count.describe("Số byte") });

const Box = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export const SigningPlace = z.strictObject({
  ten: Text.describe("Tên ô: ky.nguoi-ky, ky.co-quan, ... (ô chữ ký trong PDF); so, ngay, thang (chỗ trống của số và ngày)"),
  loai: z.enum(["chu-ky", "dau", "so", "ngay", "thang"]).describe("chu-ky: chữ ký người ký; dau: con dấu, chữ ký của cơ quan; so, ngay, thang: chỗ đóng số, ngày, tháng"),
  trang: z.number().int().min(1).describe("Trang, đếm từ 1"),
  pt: Box.describe("[trái, dưới, phải, trên] theo điểm PDF, gốc ở góc dưới bên trái trang"),
  mm: z.strictObject({ trai: z.number(), tren: z.number(), rong: z.number(), cao: z.number() }).describe("Cùng khung theo mm, gốc ở góc trên bên trái trang"),
  da_ghi: z.string().nullable().optional().describe("Chỗ của số, ngày: giá trị đã in sẵn; null: để trống cho văn thư"),
});

const DocumentRow = z.strictObject({
  ma: Text.describe("Tên tệp không đuôi trong out/<năm>/"),
  loai: Id.describe("Loại văn bản trong công cụ (ke-hoach, dang-ky, ...)"),
  ten_loai: z.string().describe("Tên loại văn bản như in (KẾ HOẠCH, BÁO CÁO, ...)"),
  trich_yeu: z.string(),
  ban_hanh: z.strictObject({ boi: z.enum(["khoi", "don-vi"]), don_vi: Id.nullable().describe("Đơn vị ban hành; null: Khối ban hành") }),
  so: z.number().int().min(1).nullable().describe("Số văn bản; null: để trống cho văn thư"),
  ky_hieu: Text.describe("Ký hiệu, ví dụ KH-K8"),
  ngay: Date.nullable().describe("Ngày ban hành; null: để trống cho văn thư"),
  nguoi_ky: z.array(z.strictObject({ vai_tro: Text, chuc_danh: z.array(z.string()), ho_ten: z.string() })).describe("Người ký, theo thứ tự trên văn bản"),
  so_trang: Count.describe("Số trang của tệp PDF"),
  o_chu_ky: z.array(z.string()).describe("Tên các ô chữ ký số trong tệp PDF"),
  vi_tri_ky: z.array(SigningPlace).describe("Vị trí ký, con dấu và chỗ đóng số, ngày trên tệp PDF (như tệp <ma>.ky-so.json)"),
  tep: z.array(FileRow).describe("Các tệp của văn bản"),
});

export const ResultsFile = z.strictObject({
  phien_ban: z.literal(RESULTS_VERSION).describe("Phiên bản cấu trúc tệp"),
  cong_cu: z.strictObject({ ten: z.literal("khoi-thi-dua"), phien_ban: Text }).describe("Công cụ đã lập tệp"),
  nam: z.number().int().min(1900).max(2999).describe("Năm thi đua"),
  khoi: z.strictObject({
    ma: Text.describe("Ký hiệu của Khối trong số văn bản, ví dụ K8"),
    ten: Text,
    ten_ngan: Text,
    tinh: Text,
    co_quan_chu_quan: z.array(Text),
    khoi_truong: Leader,
    khoi_pho: Leader,
  }),
  don_vi: z.array(UnitRow).describe("Đơn vị thành viên, theo thứ tự trong khoi.yaml"),
  tieu_chi: z.array(z.strictObject({ ma: Id, noi_dung: Text, diem_toi_da: Points })),
  diem: z.strictObject({
    diem_toi_da: Points,
    diem_cong_toi_da: Points,
    diem_tru_toi_da: Points,
    don_vi: z.array(ScoreRow).describe("Theo thứ hạng"),
    chua_co_ket_qua: z.array(Id).describe("Đơn vị chưa có kết quả tổng kết"),
  }),
  thoi_han: z.array(Stage).describe("Các mốc gửi văn bản và ngày gửi của từng đơn vị"),
  binh_bau: z.strictObject({
    ty_le_toi_thieu: z.strictObject({ tu: z.number().int().min(1), mau: z.number().int().min(1) }),
    co_so: z.enum(["thanh_vien", "co_mat"]),
    so_co_so: Count.describe("Số làm cơ sở tính tỷ lệ"),
    danh_hieu: z.array(AwardRow),
  }),
  van_ban: z.array(DocumentRow).describe("Mọi văn bản của năm, theo thứ tự lập"),
});

export type ResultsFile = z.output<typeof ResultsFile>;

/** The published JSON Schema (draft 2020-12) of the results file, as docs/ket-qua-nam.schema.json holds it. */
export function resultsJsonSchema(): string {
  const s = z.toJSONSchema(ResultsFile, { target: "draft-2020-12" }) as Record<string, unknown>;
  const { $schema, ...rest } = s;
  return JSON.stringify({ $schema, $id: RESULTS_SCHEMA_ID, title: "Kết quả thi đua năm của một Khối thi đua", ...rest }, null, 2) + "\n";
}
