/**
 * What can go wrong when signing, each with a stable code and a message in
 * Vietnamese and English that says what to do. A SignError is always thrown
 * before anything is written: the input PDF is never touched.
 */
export type SignErrorCode =
  | "usage"
  | "password/missing"
  | "p12/unreadable"
  | "p12/wrong-password"
  | "p12/no-key"
  | "p12/no-certificate"
  | "p12/unsupported-key"
  | "cert/expired"
  | "cert/not-yet-valid"
  | "image/unreadable"
  | "pdf/unreadable"
  | "pdf/encrypted"
  | "field/none"
  | "field/not-found"
  | "field/already-signed"
  | "field/all-signed"
  | "field/no-widget"
  | "sign/too-large";

type Params = Record<string, string | number>;

const MESSAGES: Record<SignErrorCode, { vi: string; en: string }> = {
  usage: { vi: "{detail}", en: "{detail}" },
  "password/missing": {
    vi: "Chưa có mật khẩu của tệp PKCS#12: đặt biến môi trường SIGN_P12_PASSWORD hoặc chạy trong cửa sổ lệnh để được hỏi (không nhận mật khẩu trên dòng lệnh)",
    en: "No password for the PKCS#12 file: set SIGN_P12_PASSWORD or run on a terminal to be asked (a password on the command line is never accepted)",
  },
  "p12/unreadable": { vi: "Không đọc được tệp PKCS#12 {file}: {detail}", en: "Cannot read the PKCS#12 file {file}: {detail}" },
  "p12/wrong-password": { vi: "Sai mật khẩu của tệp PKCS#12 {file}", en: "Wrong password for the PKCS#12 file {file}" },
  "p12/no-key": { vi: "Tệp PKCS#12 {file} không có khóa bí mật", en: "The PKCS#12 file {file} holds no private key" },
  "p12/no-certificate": { vi: "Tệp PKCS#12 {file} không có chứng thư số khớp với khóa bí mật", en: "The PKCS#12 file {file} holds no certificate matching its private key" },
  "p12/unsupported-key": { vi: "Khóa trong tệp {file} không phải RSA; công cụ này chỉ ký bằng khóa RSA", en: "The key in {file} is not an RSA key; this tool signs with RSA keys only" },
  "cert/expired": { vi: "Chứng thư số của {subject} đã hết hạn ngày {date}: không ký", en: "The certificate of {subject} expired on {date}: not signing" },
  "cert/not-yet-valid": { vi: "Chứng thư số của {subject} chỉ có hiệu lực từ {date}: không ký", en: "The certificate of {subject} is valid only from {date}: not signing" },
  "image/unreadable": { vi: "Không đọc được ảnh chữ ký {file}: chỉ nhận PNG hoặc JPEG", en: "Cannot read the signature image {file}: PNG or JPEG only" },
  "pdf/unreadable": { vi: "Không đọc được PDF: {detail}", en: "Cannot read the PDF: {detail}" },
  "pdf/encrypted": { vi: "PDF được mã hóa: không ký được", en: "The PDF is encrypted: it cannot be signed" },
  "field/none": {
    vi: "PDF không có ô chữ ký nào (không phải do khoi-thi-dua lập?): không thêm ô chữ ký mới, không ký",
    en: "The PDF has no signature field (not made by khoi-thi-dua?): no field is added, nothing is signed",
  },
  "field/not-found": { vi: 'PDF không có ô chữ ký "{field}"; các ô có: {fields}', en: 'The PDF has no signature field "{field}"; its fields: {fields}' },
  "field/already-signed": { vi: 'Ô chữ ký "{field}" đã được ký: không ký đè', en: 'The signature field "{field}" is already signed: not signing over it' },
  "field/all-signed": { vi: "Mọi ô chữ ký của PDF đã được ký ({fields})", en: "Every signature field of the PDF is signed ({fields})" },
  "field/no-widget": { vi: 'Ô chữ ký "{field}" không có vị trí trên trang', en: 'The signature field "{field}" has no place on a page' },
  "sign/too-large": { vi: "Chữ ký ({size} byte) lớn hơn chỗ dành sẵn ({room} byte)", en: "The signature ({size} bytes) is larger than the space reserved ({room} bytes)" },
};

export class SignError extends Error {
  override name = "SignError";
  constructor(
    readonly code: SignErrorCode,
    readonly params: Params = {},
  ) {
    super(formatSignError(code, params, "en"));
  }

  format(lang: "vi" | "en"): string {
    return formatSignError(this.code, this.params, lang);
  }
}

export function formatSignError(code: SignErrorCode, params: Params, lang: "vi" | "en"): string {
  return MESSAGES[code][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
