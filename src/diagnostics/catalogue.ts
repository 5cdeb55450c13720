import type { Lang, Params } from "./diagnostic.ts";

/** One entry per stable code: the message and a hint that says what to fix, in Vietnamese and English. */
export interface Entry {
  vi: string;
  en: string;
  hintVi?: string;
  hintEn?: string;
  /** The hint when the value came from a cell of a unit's Excel form (params.inCell set by import): about the form, not YAML. */
  cellHintVi?: string;
  cellHintEn?: string;
}

/** The format rules (schema/format's kind) in words; the editor's schemas say them too (src/schema/editor-schema.ts). */
export const FORMAT_VI: Record<string, string> = {
  id: "mã phải viết thường, không dấu, chỉ gồm chữ, số và dấu gạch ngang (ví dụ: so-y-te)",
  date: "ngày phải có dạng NNNN-TT-NN và là ngày có thật (ví dụ: 2020-02-05)",
  time: "giờ phải có dạng GG:PP (ví dụ: 08:30)",
  month: "tháng phải có dạng NNNN-TT, tháng từ 01 đến 12 (ví dụ: 2020-07)",
  fraction: "tỷ lệ phải có dạng tử/mẫu (ví dụ: 2/3)",
  "fraction-range": "tỷ lệ phải lớn hơn 0 và không lớn hơn 1: tử số từ 1 trở lên, mẫu số không nhỏ hơn tử số (ví dụ: 2/3, 1/2; 1/1 là toàn bộ)",
  "cell-date": "ngày không có thật hoặc không viết dạng ngày/tháng/năm (ví dụ: 05/02/2020)",
  code: "ký hiệu phải viết hoa, không dấu cách (ví dụ: SYT)",
  "type-code": "mã loại văn bản chỉ gồm chữ và số, tối đa 12 ký tự, không dấu cách, không “/” (ví dụ: BC, TTr); để trống nếu không có mã",
  "organ-id": "mã định danh điện tử gồm các nhóm chữ số, chữ hoa ngăn bằng dấu chấm (ví dụ: 000.00.31.H59)",
  decimals: "điểm chỉ được có tối đa 2 chữ số thập phân",
  empty: "không được để trống",
  "parent-body": "cơ quan chủ quản là một dòng chữ, một danh sách tối đa 4 dòng (mỗi dòng bắt đầu bằng “- ”), hoặc [] nếu không có",
  filing: "không ghi dòng “Lưu: ...” trong nơi nhận: công cụ tự thêm dòng “Lưu: VT, <đơn vị soạn thảo>.” ở cuối; ghi đơn vị soạn thảo ở luu (ví dụ: luu: { don_vi_soan_thao: VP }) trong văn bản hoặc trong data/khoi.yaml",
  compound: "một cụm từ không tách gồm từ hai tiếng trở lên (ví dụ: Sóc Trăng); một tiếng thì không có gì để giữ liền",
  "filing-unit": "chỉ ghi chữ viết tắt của đơn vị soạn thảo (ví dụ: VP, TCHC; biên bản: Hồ sơ): không ghi “Lưu:”, không ghi VT (công cụ tự ghi), không có dấu câu ở cuối hay ký tự ẩn",
};
const FORMAT_EN: Record<string, string> = {
  id: "an id is lower case ASCII letters, digits and '-' (e.g. so-y-te)",
  date: "a date is YYYY-MM-DD and must exist (e.g. 2020-02-05)",
  time: "a time is HH:MM (e.g. 08:30)",
  "cell-date": "the date does not exist or is not written day/month/year (e.g. 05/02/2020)",
  month: "a month is YYYY-MM, with MM from 01 to 12 (e.g. 2020-07)",
  fraction: "a ratio is written numerator/denominator (e.g. 2/3)",
  "fraction-range": "a ratio must be above 0 and at most 1: numerator at least 1, denominator not below it (e.g. 2/3, 1/2; 1/1 is all)",
  code: "a code is upper case without spaces (e.g. SYT)",
  "type-code": "a type code is letters and digits only, at most 12, no space and no “/” (e.g. BC, TTr); empty for none",
  "organ-id": "an electronic agency id is groups of digits and capitals separated by dots (e.g. 000.00.31.H59)",
  decimals: "points have at most 2 decimals",
  empty: "must not be empty",
  "parent-body": "a parent body is one line of text, a list of at most 4 lines, or [] for none",
  filing: "no “Lưu: ...” line among the recipients: the tool adds “Lưu: VT, <drafting unit>.” last; give the drafting unit in luu (e.g. luu: { don_vi_soan_thao: VP }) in the document or in data/khoi.yaml",
  compound: "a compound kept whole has two words or more (e.g. Sóc Trăng); a single word has nothing to keep together",
  "filing-unit": "only the drafting unit's abbreviation (e.g. VP, TCHC; minutes: Hồ sơ): no “Lưu:”, no VT (the tool writes it), no closing punctuation or invisible characters",
};

/** zod's type names (schema/type's expected and got) in words. */
const TYPE_VI: Record<string, string> = {
  number: "số",
  int: "số nguyên",
  string: "chuỗi (văn bản)",
  boolean: "đúng/sai (true/false)",
  array: "danh sách",
  object: "đối tượng (các trường con)",
  null: "trống (null)",
  date: "ngày",
};
const TYPE_EN: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  string: "text",
  boolean: "true or false",
  array: "a list",
  object: "an object (fields)",
  null: "empty (null)",
  date: "a date",
};

export const CATALOGUE = {
  "file/missing": { vi: "Thiếu tệp {what}", en: "Missing file: {what}", hintVi: "Tạo tệp này (xem docs/du-lieu.md, mục Data layout).", hintEn: "Create it (see docs/du-lieu.md, data layout)." },
  "file/too-large": { vi: "Tệp quá lớn ({size} byte, tối đa {max})", en: "File too large ({size} bytes, at most {max})", hintVi: "Tách dữ liệu thành nhiều tệp nhỏ hơn.", hintEn: "Split the data into smaller files." },
  "file/utf16": { vi: "Tệp được lưu bằng mã UTF-16", en: "The file is encoded as UTF-16", hintVi: "Lưu lại tệp với mã UTF-8 (trong VS Code: “Save with Encoding” → “UTF-8”).", hintEn: "Save the file as UTF-8." },
  "file/not-utf8": {
    vi: "Tệp không phải UTF-8: có vẻ được lưu bằng bảng mã {encoding} (đọc theo bảng mã đó: “{sample}”)",
    en: "The file is not UTF-8: it looks saved in {encoding} (read that way: “{sample}”)",
    hintVi: "Chuyển tệp sang UTF-8. Trong VS Code: “Reopen with Encoding” → {encoding}, rồi “Save with Encoding” → “UTF-8”. Với TCVN3 hay VNI: Unikey, Công cụ chuyển mã, sang Unicode.",
    hintEn: "Convert the file to UTF-8. In VS Code: “Reopen with Encoding” → {encoding}, then “Save with Encoding” → “UTF-8”. For TCVN3 or VNI: Unikey's converter, to Unicode.",
  },
  "file/binary": { vi: "Tệp chứa dữ liệu nhị phân, không phải văn bản", en: "The file holds binary data, not text", hintVi: "Kiểm tra lại tệp; dữ liệu phải là YAML hoặc Markdown.", hintEn: "Data files must be YAML or Markdown text." },
  "file/empty": { vi: "Tệp rỗng", en: "The file is empty", hintVi: "Điền nội dung cho tệp (xem tệp cùng loại trong thư mục ví dụ data/), hoặc xóa tệp nếu không dùng.", hintEn: "Fill it in (see a file of the same kind in the example data/), or delete it." },
  "file/unexpected": { vi: "Tệp {name} không thuộc cấu trúc dữ liệu, sẽ bị bỏ qua", en: "File {name} is not part of the data layout and is ignored", hintVi: "Đổi tên hoặc di chuyển tệp (xem docs/du-lieu.md).", hintEn: "Rename or move it (see docs/du-lieu.md)." },
  "file/duplicate": {
    vi: "Có hai tệp cho cùng một dữ liệu: {first} và {second}; công cụ không tự chọn tệp nào",
    en: "Two files hold the same data: {first} and {second}; the tool does not choose between them",
    hintVi: "Giữ lại một tệp (thường là tệp mới sửa), xóa hoặc đổi tên tệp còn lại.",
    hintEn: "Keep one of them (usually the one edited last) and delete or rename the other.",
  },
  "yaml/syntax": {
    vi: "Dòng này không đúng cách viết YAML",
    en: "YAML syntax error: {detail}",
    hintVi: "Kiểm tra thụt lề (dùng dấu cách, không dùng Tab), dấu cách sau dấu hai chấm, các cặp dấu ngoặc kép và ngoặc vuông; so với các dòng cùng cấp ở trên.",
    hintEn: "Check indentation (spaces, not tabs), the space after each colon, and paired quotes and brackets; compare with the lines of the same level above.",
  },
  "yaml/tab": {
    vi: "Dòng này thụt lề bằng phím Tab: YAML chỉ nhận dấu cách",
    en: "This line is indented with a tab: YAML takes spaces only",
    hintVi: "Xóa Tab ở đầu dòng và thụt lề bằng dấu cách, như các dòng cùng cấp (thường 2 dấu cách mỗi cấp). Trong VS Code: “Convert Indentation to Spaces”.",
    hintEn: "Remove the tab at the start of the line and indent with spaces like the lines of the same level (usually 2 per level). In VS Code: “Convert Indentation to Spaces”.",
  },
  "yaml/colon-space": {
    vi: "Thiếu dấu cách sau dấu hai chấm: “{written}”",
    en: "No space after the colon: “{written}”",
    hintVi: "Viết “{fixed}”: sau tên trường là dấu hai chấm rồi một dấu cách.",
    hintEn: "Write “{fixed}”: a field's name, a colon, then a space.",
  },
  "yaml/escape": {
    vi: "Dấu \\ trong chuỗi đặt trong ngoặc kép \"...\" bị hiểu là ký tự đặc biệt",
    en: "A \\ inside double quotes \"...\" starts an escape sequence",
    hintVi: "Dùng ngoặc đơn '...' cho chuỗi có dấu \\ (ví dụ đường dẫn Windows), hoặc viết \\\\.",
    hintEn: "Use single quotes '...' for text with a \\ (e.g. a Windows path), or write \\\\.",
  },
  "yaml/unclosed": {
    vi: "Dấu ngoặc (\", [ hoặc {) mở ở đây không được đóng",
    en: "A quote or bracket (\", [ or {) opened here is never closed",
    hintVi: "Thêm dấu đóng tương ứng ở cuối giá trị, trên cùng dòng hoặc thụt lề sâu hơn dòng có tên trường.",
    hintEn: "Add the matching closing character at the end of the value, on the same line or indented deeper than the field's line.",
  },
  "yaml/indent": {
    vi: "Thụt lề của dòng này không khớp với các dòng cùng cấp",
    en: "This line's indentation does not match the lines of its level",
    hintVi: "Các trường cùng cấp phải bắt đầu ở cùng một cột; trường con thụt vào sâu hơn trường cha (dùng dấu cách, không dùng Tab).",
    hintEn: "Fields of one level start in the same column; a child is indented deeper than its parent (spaces, not tabs).",
  },
  "yaml/syntax-warning": { vi: "Dòng này viết chưa chuẩn YAML, có thể bị hiểu khác ý", en: "YAML warning: {detail}", hintVi: "So với các dòng cùng loại trong tệp ví dụ; nếu cần, đặt giá trị trong dấu ngoặc kép.", hintEn: "Compare with the lines of the same kind in the example; quote the value if need be." },
  "yaml/duplicate-key": { vi: "Khóa bị lặp lại trong cùng một mục", en: "Duplicate key in the same mapping", hintVi: "Xóa hoặc đổi tên một trong hai dòng trùng.", hintEn: "Remove or rename one of the two keys." },
  "yaml/too-deep": { vi: "Dữ liệu lồng nhau quá sâu (tối đa {max} cấp)", en: "Data nested too deeply (at most {max} levels)", hintVi: "Kiểm tra thụt lề.", hintEn: "Check the indentation." },
  "yaml/alias-limit": { vi: "Quá nhiều tham chiếu YAML (*alias), tối đa {max}", en: "Too many YAML alias expansions (at most {max})", hintVi: "Viết trực tiếp giá trị thay vì dùng &anchor/*alias.", hintEn: "Write the values out instead of using anchors and aliases." },
  "number/precision": {
    vi: "Số {value} có {digits} chữ số có nghĩa, quá {max} chữ số mà công cụ giữ đúng được: sẽ bị đọc thành một số khác",
    en: "The number {value} has {digits} significant digits, more than the {max} the tool keeps exactly: it would be read as another number",
    hintVi: "Viết số với tối đa {max} chữ số có nghĩa (làm tròn); mã số hay số hiệu dài thì đặt trong dấu ngoặc kép để là chữ.",
    hintEn: "Write it with at most {max} significant digits (rounded); put a long code or reference number in quotes to keep it as text.",
  },
  "markdown/no-front-matter": { vi: "Tệp Markdown thiếu phần khai báo đầu tệp (front matter)", en: "The Markdown file has no front matter", hintVi: "Dòng đầu tiên phải là ---, tiếp theo là các khai báo YAML, rồi một dòng --- để đóng.", hintEn: "Start with a line '---', the YAML fields, and a closing '---'." },
  "markdown/unclosed-front-matter": { vi: "Phần khai báo đầu tệp chưa được đóng", en: "The front matter is not closed", hintVi: "Thêm một dòng --- sau các khai báo YAML.", hintEn: "Add a line '---' after the YAML fields." },
  "text/legacy-encoding": { vi: "Văn bản có vẻ được gõ bằng bảng mã cũ {encoding}", en: "The text looks like legacy {encoding} encoding", hintVi: "Chuyển mã sang Unicode (Unikey: Công cụ chuyển mã). Có lẽ ý là: “{suggestion}”", hintEn: "Convert it to Unicode. Probably meant: “{suggestion}”" },
  "schema/missing": { vi: "Thiếu trường bắt buộc {field}", en: "Missing required field {field}", hintVi: "Thêm trường này (VS Code gợi ý tên trường khi gõ, xem README, mục Dữ liệu gõ ở đâu).", hintEn: "Add the field (the JSON Schema in VS Code suggests it).", cellHintVi: "Điền ô này trong biểu mẫu rồi gửi lại; ô bắt buộc không được để trống.", cellHintEn: "Fill this cell of the form; a required cell cannot be left empty." },
  "schema/type": { vi: "Trường {field} sai kiểu: cần {expectedVi}, nhưng là {gotVi}", en: "Field {field} has the wrong type: expected {expectedEn}, got {gotEn}", hintVi: "Sửa giá trị cho đúng kiểu (số viết không có dấu ngoặc kép, danh sách bắt đầu bằng “- ”).", hintEn: "Write a value of that type (numbers without quotes, list items starting with “- ”).", cellHintVi: "Gõ một số vào ô, ví dụ 9,5 hoặc 9.5 (không gõ chữ, không dùng dấu phân cách hàng nghìn); “{shown}” không phải là số.", cellHintEn: "Type a number in the cell, e.g. 9,5 or 9.5 (no words, no thousands separator); “{shown}” is not a number." },
  "schema/unknown-key": { vi: "Trường không xác định {key} trong {field}", en: "Unknown field {key} in {field}", hintVi: "Kiểm tra lỗi chính tả tên trường, hoặc xóa dòng này.", hintEn: "Check the spelling or remove the line." },
  "schema/enum": { vi: "Giá trị của {field} không hợp lệ; chỉ chấp nhận: {allowed}", en: "Invalid value for {field}; allowed: {allowed}", hintVi: "Chọn một trong các giá trị trên.", hintEn: "Use one of the allowed values." },
  "schema/too-few": { vi: "Danh sách {field} cần ít nhất {min} mục", en: "List {field} needs at least {min} items", hintVi: "Bổ sung các mục còn thiếu.", hintEn: "Add the missing items." },
  "schema/too-small": { vi: "Giá trị {value} của {field} nhỏ hơn mức tối thiểu {min}", en: "Value {value} of {field} is below the minimum {min}", hintVi: "Sửa lại số liệu.", hintEn: "Correct the number." },
  "schema/not-above": { vi: "Giá trị {value} của {field} phải lớn hơn {min}", en: "Value {value} of {field} must be above {min}", hintVi: "Sửa lại số liệu.", hintEn: "Correct the number." },
  "schema/too-big": { vi: "Giá trị {value} của {field} vượt mức tối đa {max}", en: "Value {value} of {field} is above the maximum {max}", hintVi: "Sửa lại số liệu.", hintEn: "Correct the number." },
  "schema/too-long": {
    vi: "Trường {field} dài {length} ký tự, tối đa {max} ký tự",
    en: "Field {field} is {length} characters long, at most {max} allowed",
    hintVi: "Rút ngắn giá trị: mã được dùng trong tên tệp kết quả, nên phải ngắn (ví dụ: so-y-te).",
    hintEn: "Shorten it: ids are used in the names of the output files, so they must be short (e.g. so-y-te).",
  },
  "schema/format": { vi: "Trường {field}: {kindVi}", en: "Field {field}: {kindEn}", hintVi: "Sửa giá trị “{value}”.", hintEn: "Correct the value “{value}”.", cellHintVi: "Sửa ô này: “{shown}” không hợp lệ.", cellHintEn: "Correct this cell: “{shown}” is not valid." },
  "schema/decimal-comma": {
    vi: "Trường {field}: “{value}” không phải là số (dấu phẩy thập phân); dùng dấu chấm thập phân: {suggestion}",
    en: "Field {field}: “{value}” is not a number (decimal comma); use a decimal point: {suggestion}",
    hintVi: "Viết {suggestion} (dấu chấm, không có dấu ngoặc kép).",
    hintEn: "Write {suggestion} (a point, no quotes).",
  },
  "schema/quoted-number": {
    vi: "Trường {field}: “{value}” là chuỗi, không phải số (vì nằm trong dấu ngoặc kép)",
    en: "Field {field}: “{value}” is text, not a number (it is in quotes)",
    hintVi: "Bỏ dấu ngoặc kép: {value}.",
    hintEn: "Remove the quotes: {value}.",
  },
  "schema/not-a-number": {
    vi: "Trường {field}: {value} không phải là số",
    en: "Field {field}: {value} is not a number",
    hintVi: "Ghi một số cụ thể, ví dụ: 9.5 (.nan, .inf là giá trị đặc biệt của YAML, không phải số).",
    hintEn: "Write an actual number, e.g. 9.5 (.nan and .inf are YAML special values, not numbers).",
  },
  "schema/date-format": {
    vi: "Trường {field}: ngày “{value}” phải viết theo dạng NNNN-TT-NN: {suggestion}",
    en: "Field {field}: the date “{value}” must be written YYYY-MM-DD: {suggestion}",
    hintVi: "Viết {suggestion} (năm-tháng-ngày); “{value}” được đọc theo thứ tự {orderVi}.",
    hintEn: "Write {suggestion} (year-month-day); “{value}” is read as {orderEn}.",
  },
  "ref/unknown-unit": { vi: "Không có đơn vị mã “{id}” trong khoi.yaml", en: "No unit with id “{id}” in khoi.yaml", hintVi: "Dùng một mã trong danh sách (gần giống nhất trước): {known}.", hintEn: "Use one of (closest first): {known}." },
  "ref/not-member": { vi: "Đơn vị “{id}” không phải thành viên Khối năm {year}", en: "Unit “{id}” is not a member of the bloc in {year}", hintVi: "Kiểm tra danh sách thanh_vien trong nam.yaml.", hintEn: "Check thanh_vien in nam.yaml." },
  "ref/unknown-criterion": { vi: "Không có tiêu chí mã “{id}” trong nam.yaml", en: "No criterion with id “{id}” in nam.yaml", hintVi: "Dùng một mã trong danh sách (gần giống nhất trước): {known}.", hintEn: "Use one of (closest first): {known}." },
  "ref/unknown-award": { vi: "Không có hình thức khen thưởng mã “{id}” trong nam.yaml", en: "No award with id “{id}” in nam.yaml", hintVi: "Dùng một mã trong danh sách (gần giống nhất trước): {known}.", hintEn: "Use one of (closest first): {known}." },
  "ref/unit-file": { vi: "Tên tệp “{name}” không trùng mã đơn vị nào", en: "File name “{name}” matches no unit id", hintVi: "Đặt tên tệp theo mã đơn vị (gần giống nhất trước): {known}.", hintEn: "Name the file after a unit id (closest first): {known}." },
  "dup/id": { vi: "Mã “{id}” bị trùng (đã dùng ở dòng {firstLine})", en: "Id “{id}” is used twice (first on line {firstLine})", hintVi: "Mỗi mã chỉ được dùng một lần.", hintEn: "Each id may appear once." },
  "dup/entry": { vi: "{what} “{id}” được ghi hai lần (lần đầu ở dòng {firstLine})", en: "{what} “{id}” appears twice (first on line {firstLine})", hintVi: "Gộp hai dòng thành một.", hintEn: "Merge the two entries." },
  "dup/doc-number": {
    vi: "Số văn bản {number} năm {year} dùng cho hai văn bản cùng loại: {other} và {file}:{line}",
    en: "Document number {number} of {year} is used by two documents of one series: {other} and {file}:{line}",
    hintVi: "Mỗi văn bản trong sổ của Khối (cùng mã loại, cùng năm) có một số riêng: sửa “so” ở một trong hai tệp, hoặc bỏ trống để văn thư cấp số khi ký.",
    hintEn: "Each document of a series (type code and year) needs its own number: change “so” in one of the two files, or leave it blank for the records office.",
  },
  "dup/series-number": {
    vi: "Số {so} năm {year} đã cấp cho {first} ({other}); {number} ({file}:{line}) cũng mang số này trong khi Khối cấp một dãy số chung cho mọi loại văn bản",
    en: "Number {so} of {year} was given to {first} ({other}); {number} ({file}:{line}) has it too while the bloc numbers every code in one series",
    hintVi: "Sửa “so” ở một trong hai tệp (xem số tiếp theo: npm run so-van-ban -- --tiep-theo <mã>), hoặc ghi so_van_ban: theo_loai trong data/khoi.yaml nếu Khối cấp số theo từng loại văn bản.",
    hintEn: "Change “so” in one of the two files (next free number: npm run so-van-ban -- --tiep-theo <code>), or set so_van_ban: theo_loai in data/khoi.yaml if the bloc numbers each code on its own.",
  },
  "score/over-max": { vi: "Điểm {value} vượt điểm tối đa {max} của tiêu chí {criterion} (diem_toi_da trong nam.yaml)", en: "Score {value} exceeds the maximum {max} of criterion {criterion} (diem_toi_da in nam.yaml)", hintVi: "Điểm mỗi tiêu chí nằm trong khoảng 0 đến {max}.", hintEn: "Scores run from 0 to {max}." },
  "score/cap": { vi: "Tổng {kind} {value} vượt mức tối đa {max}", en: "Total {kindEn} {value} exceeds the cap {max}", hintVi: "Giảm điểm hoặc sửa mức tối đa trong nam.yaml.", hintEn: "Lower the points or change the cap in nam.yaml." },
  "score/missing-criterion": { vi: "Thiếu điểm tiêu chí {criterion}", en: "No score for criterion {criterion}", hintVi: "Thêm một dòng cho tiêu chí này (ghi 0 nếu không đạt).", hintEn: "Add a line for it (0 if not met)." },
  "score/self-below-verified": { vi: "Điểm Khối chấm ({verified}) cao hơn điểm tự chấm ({self}) ở tiêu chí {criterion}", en: "Verified score ({verified}) is above the self score ({self}) for {criterion}", hintVi: "Kiểm tra lại; thông thường Khối chấm không cao hơn đơn vị tự chấm.", hintEn: "Check it; the bloc rarely scores above the unit." },
  "registration/missing-criterion": { vi: "Bản đăng ký chưa có chỉ tiêu cho tiêu chí {criterion}", en: "The registration has no target for criterion {criterion}", hintVi: "Bổ sung chỉ tiêu cho tiêu chí này.", hintEn: "Add a target for it." },
  "registration/missing": { vi: "Đơn vị {unit} chưa có bản đăng ký thi đua năm {year}", en: "Unit {unit} has no registration for {year}", hintVi: "Tạo tệp {file} (hoặc nhập biểu mẫu đơn vị gửi: npm run import).", hintEn: "Create {file} (or import the unit's returned form: npm run import)." },
  "results/missing": { vi: "Đơn vị {unit} chưa có kết quả {part} năm {year}", en: "Unit {unit} has no {part} results for {year}", hintVi: "Bổ sung phần {part} trong {file} (hoặc nhập biểu mẫu đơn vị gửi: npm run import).", hintEn: "Add {part} to {file} (or import the unit's returned form: npm run import)." },
  "rank/no-results": {
    vi: "Đơn vị {unit} chưa có kết quả tổng kết (phần tong_ket: trong {file}): bảng tổng hợp điểm của báo cáo tổng kết ({report}) sẽ bỏ sót đơn vị này và xếp hạng các đơn vị khác trong số còn lại",
    en: "Unit {unit} has no year-end results (a tong_ket: section in {file}): the year-end report's score table ({report}) would leave it out and rank the other units among the rest",
    hintVi: "Thêm phần tong_ket: vào tệp {file} (tạo tệp nếu chưa có); nếu Quy chế của Khối cho phép xếp hạng khi đơn vị chưa có kết quả, ghi cho_phep_chua_co_ket_qua: true trong {bloc} (văn bản sẽ ghi “chưa có kết quả” cho đơn vị này).",
    hintEn: "Add a tong_ket: section to {file} (create the file if it does not exist); if the bloc's rules allow ranking without a unit's results, set cho_phep_chua_co_ket_qua: true in {bloc} (the documents then say “chưa có kết quả”, no results yet, for it).",
  },
  "vote/no-results": {
    vi: "Đơn vị {unit} có tên trong phiếu bầu {award} nhưng chưa có kết quả tổng kết (phần tong_ket: trong {file}): {docs} sẽ ghi kết quả bình bầu của đơn vị này mà không có điểm, xếp hạng",
    en: "Unit {unit} is on the ballot for {award} but has no year-end results (a tong_ket: section in {file}): {docsEn} would show its vote without a score or rank",
    hintVi: "Thêm phần tong_ket: vào tệp {file} (tạo tệp nếu chưa có); nếu Quy chế của Khối cho phép bình bầu đơn vị chưa có kết quả, ghi cho_phep_chua_co_ket_qua: true trong {bloc} (văn bản sẽ ghi “chưa có kết quả” cho đơn vị này).",
    hintEn: "Add a tong_ket: section to {file} (create the file if it does not exist); if the bloc's rules allow voting on a unit without results, set cho_phep_chua_co_ket_qua: true in {bloc} (the documents then say “chưa có kết quả”, no results yet, for it).",
  },
  "results/no-mid-year": {
    vi: "Đơn vị {unit} chưa có báo cáo sơ kết 6 tháng: báo cáo sơ kết của Khối sẽ ghi “Chưa báo cáo” cho đơn vị này",
    en: "Unit {unit} has no mid-year report: the bloc's mid-year review will say “Chưa báo cáo” (not reported) for it",
    hintVi: "Thêm phần so_ket: (ngay_gui, ket_qua) vào tệp {file} (tạo tệp nếu chưa có).",
    hintEn: "Add a so_ket: section (ngay_gui, ket_qua) to {file} (create the file if it does not exist).",
  },
  "vote/over-valid": { vi: "Số phiếu đồng ý ({votes}) vượt số phiếu hợp lệ ({valid})", en: "Votes ({votes}) exceed valid ballots ({valid})", hintVi: "Kiểm tra lại biên bản kiểm phiếu.", hintEn: "Check the count." },
  "vote/sum": { vi: "Phiếu hợp lệ ({valid}) + không hợp lệ ({invalid}) khác số phiếu thu vào ({received})", en: "Valid ({valid}) + invalid ({invalid}) ≠ received ({received})", hintVi: "Kiểm tra lại biên bản kiểm phiếu.", hintEn: "Check the count." },
  "vote/received-over-issued": { vi: "Số phiếu thu vào ({received}) lớn hơn số phát ra ({issued})", en: "Ballots received ({received}) exceed those issued ({issued})", hintVi: "Kiểm tra lại biên bản kiểm phiếu.", hintEn: "Check the count." },
  "vote/issued-over-present": { vi: "Số phiếu phát ra ({issued}) lớn hơn số đơn vị có mặt ({present})", en: "Ballots issued ({issued}) exceed units present ({present})", hintVi: "Mỗi đơn vị có mặt nhận một phiếu.", hintEn: "One ballot per unit present." },
  "vote/received-over-present": {
    vi: "Số phiếu thu vào ({received}) lớn hơn số đơn vị có mặt ({present})",
    en: "Ballots received ({received}) exceed the units present ({present})",
    hintVi: "Mỗi đơn vị có mặt một phiếu; ý kiến bằng văn bản của đơn vị vắng mặt ({written}) chỉ được ghi nhận. Nếu Quy chế của Khối tính ý kiến bằng văn bản như phiếu bầu, ghi binh_bau.tinh_y_kien_van_ban: true trong nam.yaml và y_kien_van_ban: true cho đơn vị vắng mặt; nếu không, sửa lại số phiếu.",
    hintEn: "One ballot per unit present; the absent units' written opinions ({written}) are only recorded. If the bloc's rules count them as votes, set binh_bau.tinh_y_kien_van_ban: true in nam.yaml and y_kien_van_ban: true on the absent unit; otherwise correct the count.",
  },
  "vote/received-over-possible": {
    vi: "Số phiếu thu vào ({received}) lớn hơn số đơn vị có mặt ({present}) cộng số ý kiến bằng văn bản được tính như phiếu bầu ({written})",
    en: "Ballots received ({received}) exceed the units present ({present}) plus the written opinions counted as votes ({written})",
    hintVi: "Kiểm tra lại số phiếu, hoặc ghi y_kien_van_ban: true cho đơn vị vắng mặt có gửi ý kiến bằng văn bản.",
    hintEn: "Check the count, or set y_kien_van_ban: true on an absent unit that sent a written opinion.",
  },
  "vote/issued-over-possible": {
    vi: "Số phiếu phát ra ({issued}) lớn hơn số đơn vị có mặt ({present}) cộng số ý kiến bằng văn bản được tính như phiếu bầu ({written})",
    en: "Ballots issued ({issued}) exceed the units present ({present}) plus the written opinions counted as votes ({written})",
    hintVi: "Mỗi đơn vị có mặt một phiếu, mỗi ý kiến bằng văn bản một phiếu.",
    hintEn: "One ballot per unit present and per written opinion.",
  },
  "vote/round-without-previous": {
    vi: "{award}: có kết quả bỏ phiếu lần {round} nhưng không có lần {previous}",
    en: "{award}: a count for round {round} but none for round {previous}",
    hintVi: "Ghi kết quả lần {previous} trước (vong: {previous}), hoặc bỏ dòng vong nếu đây là lần bỏ phiếu đầu.",
    hintEn: "Record round {previous} first (vong: {previous}), or remove vong if this is the first ballot.",
  },
  "vote/round-without-tie": {
    vi: "{award}: lần bỏ phiếu {previous} không có đơn vị bằng phiếu ở vị trí cuối của chỉ tiêu, nên không bỏ phiếu lần {round}",
    en: "{award}: round {previous} left no tie at the last place of the quota, so there is no round {round}",
    hintVi: "Chỉ bỏ phiếu lại giữa các đơn vị bằng phiếu ở vị trí cuối của chỉ tiêu; kiểm tra số phiếu lần {previous} hoặc xóa mục lần {round}.",
    hintEn: "A new ballot is only among the units tied at the last place; check round {previous}'s count or remove round {round}.",
  },
  "vote/round-candidates": {
    vi: "{award}: danh sách bỏ phiếu lần {round} phải gồm đúng các đơn vị bằng phiếu ở lần {previous} ({tied}); thừa: {extra}; thiếu: {missing}",
    en: "{award}: round {round} must list exactly the units tied in round {previous} ({tied}); extra: {extraEn}; missing: {missingEn}",
    hintVi: "Ghi trong ket_qua của lần {round} đúng các đơn vị {tied}, mỗi đơn vị một dòng.",
    hintEn: "List exactly {tied} in round {round}'s ket_qua, one line each.",
  },
  "vote/duplicate-award": { vi: "Hình thức {id} được kiểm phiếu hai lần", en: "Award {id} is counted twice", hintVi: "Gộp thành một mục.", hintEn: "Merge the entries." },
  "meeting/absent-and-present": { vi: "Đơn vị {id} vừa có mặt vừa vắng mặt", en: "Unit {id} is both present and absent", hintVi: "Xóa đơn vị khỏi một trong hai danh sách.", hintEn: "Remove it from one list." },
  "meeting/unaccounted": { vi: "Đơn vị {id} không có trong danh sách có mặt hay vắng mặt", en: "Unit {id} is neither present nor absent", hintVi: "Ghi đơn vị vào co_mat hoặc vang_mat (kèm lý do).", hintEn: "List it as present or absent." },
  "meeting/time-order": { vi: "Giờ kết thúc ({end}) không sau giờ bắt đầu ({start})", en: "End time ({end}) is not after start ({start})", hintVi: "Sửa giờ bắt đầu hoặc kết thúc.", hintEn: "Fix the times." },
  "date/late": { vi: "{what} ngày {date}, sau hạn {deadline} (moc_thoi_gian trong nam.yaml)", en: "{whatEn} dated {date}, after the deadline {deadline} (moc_thoi_gian in nam.yaml)", hintVi: "Ghi nhận nộp trễ; kiểm tra lại ngày nếu nhập nhầm.", hintEn: "Recorded as late; check the date if it is a typo." },
  "date/before-plan": { vi: "{what} ngày {date}, trước ngày ban hành Kế hoạch ({planDate})", en: "{whatEn} dated {date}, before the plan ({planDate})", hintVi: "Kiểm tra lại ngày.", hintEn: "Check the date." },
  "date/out-of-month": { vi: "{what} ngày {date}, ngoài tháng {month} mà Kế hoạch quy định", en: "{whatEn} on {date}, outside the month {month} set by the plan", hintVi: "Kiểm tra lại ngày hoặc mốc thời gian trong nam.yaml.", hintEn: "Check the date or the timeline in nam.yaml." },
  "date/wrong-year": { vi: "Ngày {date} không thuộc năm thi đua {year}", en: "Date {date} is outside the year {year}", hintVi: "Kiểm tra lại năm.", hintEn: "Check the year." },
  "date/out-of-window": {
    vi: "{what}: {date} nằm ngoài thời gian của năm thi đua {year} (từ {from} đến {to})",
    en: "{whatEn}: {date} is outside the emulation year {year} (from {from} to {to})",
    hintVi: "Sửa lại ngày (có lẽ gõ nhầm năm, hoặc chép từ tệp của năm khác); văn bản sẽ không được lập với ngày này.",
    hintEn: "Correct the date (probably a mistyped year, or copied from another year's file); no document is made with it.",
  },
  "year/folder-mismatch": { vi: "nam: {year} không khớp tên thư mục {folder}", en: "nam: {year} does not match the folder {folder}", hintVi: "Sửa nam cho trùng với tên thư mục.", hintEn: "Make them agree." },
  "new-year/exists": {
    vi: "Năm {year} đã có thư mục {folder}: lệnh new-year không ghi đè, không thay đổi gì",
    en: "Year {year} already has the folder {folder}: new-year never overwrites; nothing was changed",
    hintVi: "Sửa trực tiếp dữ liệu trong {folder}, hoặc xóa thư mục đó (kể cả khi rỗng) nếu muốn tạo lại.",
    hintEn: "Edit the data in {folder}, or delete that folder (even an empty one) to make it again.",
  },
  "new-year/no-previous": {
    vi: "Không có năm trước {prev} ({folder}) để tạo năm {year}; các năm hiện có: {existing}",
    en: "No previous year {prev} ({folder}) to make {year} from; existing years: {existingEn}",
    hintVi: "Năm mới được tạo từ năm liền trước: chạy new-year {next}.",
    hintEn: "A new year is made from the year just before it: run new-year {next}.",
  },
  "new-year/previous-invalid": {
    vi: "Dữ liệu năm {prev} ({folder}) hoặc khoi.yaml còn lỗi: chưa tạo năm {year}",
    en: "The data of {prev} ({folder}) or khoi.yaml has errors: {year} was not made",
    hintVi: "Sửa các lỗi trên (npm run validate) rồi chạy lại new-year {year}.",
    hintEn: "Fix the errors above (npm run validate), then run new-year {year} again.",
  },
  "new-year/leaders-kept": {
    vi: "Biên bản năm {prev} không ghi Khối trưởng, Khối phó năm {year}: giữ Khối trưởng {leader}, Khối phó {deputy} như năm {prev}",
    en: "The minutes of {prev} do not name the leader and deputy for {year}: kept leader {leader} and deputy {deputy} of {prev}",
    hintVi: "Sửa khoi_truong, khoi_pho trong nam.yaml của năm {year}; hoặc ghi khoi_truong_nam_sau, khoi_pho_nam_sau (mã đơn vị) ở phần đầu {minutes} cho lần sau.",
    hintEn: "Set khoi_truong and khoi_pho in {year}'s nam.yaml; or write khoi_truong_nam_sau and khoi_pho_nam_sau (unit ids) in the front matter of {minutes} next time.",
  },
  "new-year/old-role-named": {
    vi: "Văn bản chép từ năm trước còn ghi {unit}, {role} năm trước; năm {year} {role} là {now}",
    en: "The text copied from last year still names {unit}, last year's {roleEn}; in {year} the {roleEn} is {now}",
    hintVi: "Sửa câu này nếu nói về {role} (ví dụ nơi gửi đăng ký, báo cáo); giữ nguyên nếu nói về chính đơn vị đó.",
    hintEn: "Change the sentence if it is about the {roleEn} (where to send registrations, reports); keep it if it is about that unit itself.",
  },
  "year/roles": { vi: "Khối trưởng và Khối phó là cùng một đơn vị ({id})", en: "Leader and deputy are the same unit ({id})", hintVi: "Chọn hai đơn vị khác nhau.", hintEn: "Choose two different units." },
  "limit/units": { vi: "Khối có {count} đơn vị, vượt giới hạn {max}", en: "The bloc has {count} units, above the limit {max}", hintVi: "Kiểm tra lại danh sách đơn vị.", hintEn: "Check the list of units." },
  "vote/tie-at-quota": {
    vi: "{award}: ở lần bỏ phiếu {round}, các đơn vị {units} bằng phiếu ở vị trí cuối của {places} chỗ còn xét (chỉ tiêu {quota}); công cụ không tự chọn",
    en: "{award}: in round {round}, units {units} tie for the last of the {places} places being decided (quota {quota}); the tool does not choose",
    hintVi: "Khối quyết định: bỏ phiếu lại giữa các đơn vị này (ghi thêm một mục phieu cùng danh_hieu với vong: {next}), hoặc theo quy chế (ví dụ ưu tiên đơn vị có từ 70% nữ), và ghi kết quả vào biên bản.",
    hintEn: "The bloc decides: a new ballot among these units (another phieu entry with the same danh_hieu and vong: {next}), or its rules (e.g. the 70 % women preference), and records it in the minutes.",
  },
  "template/missing-value": {
    vi: "Mẫu dùng giá trị “{name}” nhưng dữ liệu không có",
    en: "The template uses “{name}”, which the data does not have",
    hintVi: "Tên có ở chỗ này (gần giống nhất trước): {known}. Sửa tên biến trong mẫu hoặc bổ sung dữ liệu.",
    hintEn: "Names there (closest first): {known}. Fix the name in the template or add the data. Detail: {detail}",
  },
  "template/unknown-helper": {
    vi: "Mẫu dùng hàm “{name}” không tồn tại",
    en: "The template calls an unknown helper “{name}”",
    hintVi: "Các hàm có sẵn: ngay_day_du, ngay_ngan, ngay_thang, so_vn, diem_vn, phan_tram, hoa, la_ma, bang.",
    hintEn: "Available helpers: ngay_day_du, ngay_ngan, ngay_thang, so_vn, diem_vn, phan_tram, hoa, la_ma, bang.",
  },
  "template/helper-args": {
    vi: "Hàm “{name}” cần {expected} giá trị nhưng được đưa {got}",
    en: "The helper “{name}” takes {expected} value(s) but was given {got}",
    hintVi: "Viết: {usage}.",
    hintEn: "Write: {usage}.",
  },
  "template/syntax": {
    vi: "Lỗi cú pháp mẫu Handlebars",
    en: "Handlebars template syntax error",
    hintVi: "Kiểm tra các cặp {{ }} và {{#...}}{{/...}} ở dòng này: mỗi dấu mở có dấu đóng, tên không có dấu cách.",
    hintEn: "Check the {{ }} pairs and block closings. Detail: {detail}",
  },
  "template/error": {
    vi: "Lỗi khi điền dữ liệu vào mẫu",
    en: "Error while filling the template",
    hintVi: "Kiểm tra giá trị đưa vào hàm định dạng (ngày phải là ngày, số phải là số).",
    hintEn: "Check the value given to the format helper. Detail: {detail}",
  },
  "template/unknown-table": {
    vi: "Mẫu chèn bảng “{name}” nhưng văn bản này không có bảng nào tên như vậy",
    en: "The template inserts the table “{name}”, which this document does not have",
    hintVi: "Các bảng của văn bản này: {known}. Sửa tên trong {{bang \"...\"}} (mỗi loại văn bản có bảng riêng).",
    hintEn: "This document's tables: {known}. Fix the name in {{bang \"...\"}} (each kind of document has its own tables).",
  },
  "limit/template-steps": {
    vi: "Điền mẫu {template} cần quá nhiều bước (vượt {max} lần lặp và giá trị); đã dừng tại khối này",
    en: "Filling {template} takes too many steps (more than {max} iterations and values); stopped at this block",
    hintVi: "Kiểm tra các vòng {{#each}} lồng nhau trong mẫu: mỗi vòng lồng nhân số lần lặp lên.",
    hintEn: "Check the nested {{#each}} loops of the template: each level multiplies the iterations.",
  },
  "limit/template-output": {
    vi: "Điền mẫu {template} sinh quá nhiều chữ (vượt {max} ký tự); đã dừng tại khối này",
    en: "Filling {template} produces too much text (more than {max} characters); stopped at this block",
    hintVi: "Kiểm tra các vòng {{#each}} lồng nhau trong mẫu và dữ liệu bị chép lặp.",
    hintEn: "Check the nested {{#each}} loops of the template and repeated data.",
  },
  "signer/authority": {
    vi: "Dòng chức vụ đầu “{line}” không bắt đầu bằng quyền hạn {authority}",
    en: "The first title line “{line}” does not start with the authority {authority}",
    hintVi: "Viết dòng đầu như “{authority} KHỐI 8” hoặc sửa quyen_han.",
    hintEn: "Write the first line as “{authority} ...” or change quyen_han.",
  },
  "pdf/missing-glyph": {
    vi: "Không phông chữ nào có ký tự {char} (trang {page} của {document}, trong “{context}”)",
    en: "No font has the character {char} (page {page} of {document}, in “{context}”)",
    hintVi: "Thay ký tự này trong dữ liệu, hoặc khai báo phông Times New Roman có ký tự đó.",
    hintEn: "Replace the character in the data, or name a Times New Roman font that has it.",
  },
  "pdf/font-not-found": {
    vi: "Không tìm thấy phông chữ dùng cho PDF",
    en: "No font for the PDF: {detail}",
    hintVi: "Chạy lại npm install (gói @fontsource/tinos), hoặc cài fonts-liberation2.",
    hintEn: "Run npm install again (package @fontsource/tinos), or install fonts-liberation2.",
  },
  "project/locked": {
    vi: "Dự án đang bận: lệnh {command} (tiến trình {pid}) đang ghi tệp; đã chờ {seconds} giây",
    en: "The project is busy: the command {command} (process {pid}) is writing files; waited {seconds} s",
    hintVi: "Chạy lại khi lệnh kia xong (khóa của một tiến trình đã dừng được công cụ tự nhận lại). Nếu chắc chắn không còn lệnh khoi-thi-dua nào chạy trong dự án này (tiến trình {pid} có thể là một chương trình khác mang lại số cũ), xóa tệp {path} rồi chạy lại.",
    hintEn: "Run again when that command has finished (the lock of a process that has ended is taken over by itself). If you are sure no khoi-thi-dua command runs in this project (process {pid} may be another program that got the old number), delete {path} and run again.",
  },
  "project/journal-damaged": {
    vi: "Nhật ký ghi tệp {path} bị hỏng: không biết lần chạy trước đã ghi dở những tệp nào",
    en: "The write journal {path} is damaged: which files an earlier run left half-changed is unknown",
    hintVi: "Không lệnh nào ghi tệp cho đến khi tệp này được xử lý. Xem các tệp có đuôi .tmp-… trong data/ và out/ (bản mới chưa đặt vào chỗ), giữ bản đúng, rồi xóa {path}.",
    hintEn: "No command writes until this is resolved. Look at the files ending in .tmp-… in data/ and out/ (new versions not yet in place), keep the right ones, then delete {path}.",
  },
  "project/change-finished": {
    vi: "Lần chạy trước (lệnh {command}) bị ngắt khi đang đặt tệp vào chỗ; đã ghi nốt {count} tệp: {files}",
    en: "An earlier run ({command}) was cut off while putting files in place; finished its {count} files: {files}",
  },
  "project/change-not-finished": {
    vi: "Lần chạy trước (lệnh {command}) bị ngắt khi đang đặt tệp vào chỗ; {count} tệp không ghi nốt được vì bản mới hoặc tệp cần xóa không còn như lúc đó: {files}",
    en: "An earlier run ({command}) was cut off while putting files in place; {count} files could not be finished, their new version or the file to remove is no longer as it was: {files}",
    hintVi: "Chạy lại lệnh {command} để ghi các tệp này cho đúng.",
    hintEn: "Run {command} again to make these files right.",
  },
  "project/change-pending": {
    vi: "Lần chạy trước (lệnh {command}) bị ngắt khi đang đặt {count} tệp vào chỗ: {files}; lệnh ghi tệp kế tiếp sẽ ghi nốt, nên kết quả kiểm tra này có thể chưa phản ánh thay đổi đó",
    en: "An earlier run ({command}) was cut off while putting {count} files in place: {files}; the next command that writes finishes it, so this check may not show that change yet",
    hintVi: "Không xóa hay di chuyển các tệp có đuôi .tmp-… (bản mới đang chờ đặt vào chỗ). Chạy một lệnh ghi tệp (ví dụ npm run build-docs) để ghi nốt, rồi kiểm tra lại.",
    hintEn: "Do not delete or move the files ending in .tmp-… (new versions waiting to be put in place). Run a command that writes (e.g. npm run build-docs) to finish it, then check again.",
  },
  "project/change-pending-undo": {
    vi: "Lần chạy trước (lệnh {command}) bị ngắt trước khi ghi {count} tệp ({files}); các tệp vẫn như cũ, lệnh ghi tệp kế tiếp sẽ dọn bản nháp",
    en: "An earlier run ({command}) was cut off before writing {count} files ({files}); the files are as they were, the next command that writes removes its drafts",
  },
  "project/change-undone": {
    vi: "Lần chạy trước (lệnh {command}) bị ngắt trước khi ghi; không tệp nào bị đổi, đã dọn bản nháp của {count} tệp: {files}",
    en: "An earlier run ({command}) was cut off before writing; no file was changed, its drafts of {count} files were removed: {files}",
  },
  "template/missing-partial": {
    vi: "Mẫu gọi mẫu con (partial) “{name}” nhưng không có mẫu con nào như vậy",
    en: "The template calls a partial “{name}”, which does not exist",
    hintVi: "Công cụ không dùng mẫu con: chép nội dung cần dùng vào chính mẫu này, hoặc xóa lệnh gọi {{> {name}}}.",
    hintEn: "The tool has no partials: write the text into this template, or remove {{> {name}}}.",
  },
  "template/unclosed-block": {
    vi: "Khối “{{#{name}}}” mở ở đây nhưng không được đóng",
    en: "The block “{{#{name}}}” opened here is never closed",
    hintVi: "Thêm “{{/{name}}}” ở cuối phần nội dung của khối.",
    hintEn: "Add “{{/{name}}}” where the block ends. Detail: {detail}",
  },
  "template/unused-key": {
    vi: "Mẫu ghi “{key}” nhưng văn bản loại {type} không dùng khóa này",
    en: "The template sets “{key}”, which a {type} document does not use",
    hintVi: "Xóa dòng này khỏi phần đầu của mẫu. Các khóa loại {type} dùng: {used}.",
    hintEn: "Remove the line from the template's front matter. The keys a {type} document uses: {used}.",
  },
  "document/missing-part": {
    vi: "Văn bản loại {type} thiếu {part}: dữ liệu không ghi và mẫu cũng không ghi",
    en: "The {type} document has no {part}: neither its data nor its template gives one",
    hintVi: "Ghi {part} trong phần đầu của tệp dữ liệu này, hoặc {templateKey} trong mẫu {template}.",
    hintEn: "Write {part} in this data file's front matter, or {templateKey} in the template {template}.",
  },
  "template/signature-count": {
    vi: "Mẫu ghi bố cục chữ ký “chu_ky: {layout}” ({want} chữ ký), nhưng văn bản loại {type} ({data}) có {count} người ký",
    en: "The template's signature layout “chu_ky: {layout}” holds {want} signature(s), but a {type} document ({data}) has {count} signer(s)",
    hintVi: "Sửa chu_ky trong mẫu: single cho văn bản một người ký, pair cho biên bản (thư ký và chủ tọa).",
    hintEn: "Fix chu_ky in the template: single for one signer, pair for minutes (secretary and chair).",
  },
  "limit/text-length": {
    vi: "Giá trị dài {length} ký tự, vượt giới hạn {max} ký tự của một trường",
    en: "The value is {length} characters long, above the limit of {max} for one field",
    hintVi: "Một trường là một tên hoặc một dòng; nội dung dài viết vào phần thân của tệp .md.",
    hintEn: "A field holds a name or a line; long text belongs in the body of a .md file.",
  },
  "limit/document-size": {
    vi: "Văn bản {document} có {size} ký tự, vượt giới hạn {max} ký tự (khoảng 60 trang)",
    en: "Document {document} has {size} characters, above the limit of {max} (about 60 pages)",
    hintVi: "Rút gọn nội dung, hoặc kiểm tra vòng lặp {{#each}} trong mẫu và dữ liệu bị chép lặp.",
    hintEn: "Shorten the text, or check the template's {{#each}} loops and repeated data.",
  },
  "file/unreadable": {
    vi: "Không đọc được tệp: {reasonVi}",
    en: "Cannot read the file: {reason}",
    hintVi: "Kiểm tra quyền đọc của tệp và thư mục, rồi chạy lại.",
    hintEn: "Check the permissions of the file and its folder, then run again.",
  },
  "file/link": {
    vi: "Không dùng được tệp: {reasonVi} ({target})",
    en: "Cannot use the file: it {reason} ({target})",
    hintVi: "Chép tệp thật vào trong thư mục dự án thay cho liên kết, hoặc sửa liên kết cho trỏ tới một tệp trong dự án.",
    hintEn: "Copy the real file into the project in place of the link, or make the link point inside the project.",
  },
  "file/not-a-map": {
    vi: "Lệnh {command} cần tệp này gồm các trường dạng “khóa: giá trị”, nhưng đọc được {found}: không ghi tệp nào",
    en: "{command} needs this file to hold fields (key: value), but found {foundEn}: no file was written",
    hintVi: "Sửa tệp cho đúng dạng (xem tệp cùng loại trong thư mục ví dụ data/, kiểm tra bằng npm run validate), rồi chạy lại lệnh.",
    hintEn: "Fix the file (see a file of the same kind in the example data/; check with npm run validate), then run the command again.",
  },
  "file/vanished": {
    vi: "Tệp biến mất trong khi đang đọc (bị xóa hoặc đổi tên lúc chương trình chạy)",
    en: "The file disappeared while it was being read (deleted or renamed during the run)",
    hintVi: "Chạy lại khi không còn ai (hoặc công cụ đồng bộ nào) đang sửa thư mục dữ liệu.",
    hintEn: "Run again once nothing (a person or a sync tool) is changing the data folder.",
  },
  // The DOCX shell (src/render/docx/load-shell.ts): checked once per build, before anything is rendered.
  "shell/too-large": {
    vi: "Tệp khung {path} quá lớn ({size} byte, tối đa {max}): không đọc",
    en: "The shell {path} is too large ({size} bytes, at most {max}): not read",
    hintVi: "Tệp khung chỉ khoảng 10 KB; kiểm tra xem {path} có phải là liên kết tới tệp khác không. Khôi phục tệp từ git: git checkout -- {path} (hoặc tạo lại: npx tsx src/render/docx/make-shell.ts).",
    hintEn: "The shell is about 10 KB; check whether {path} links to another file. Restore it from git: git checkout -- {path} (or rebuild it: npx tsx src/render/docx/make-shell.ts).",
  },
  "shell/lfs-pointer": {
    vi: "Tệp khung {path} là con trỏ Git LFS, chưa phải tệp DOCX",
    en: "The shell {path} is a Git LFS pointer, not the DOCX itself",
    hintVi: "Chạy git lfs pull (cài Git LFS trước nếu máy chưa có) để tải tệp thật về.",
    hintEn: "Run git lfs pull (install Git LFS first if needed) to fetch the real file.",
  },
  "shell/not-docx": {
    vi: "Tệp khung {path} không phải tệp DOCX (ZIP)",
    en: "The shell {path} is not a DOCX (ZIP) file: {detail}",
    hintVi: "Khôi phục tệp từ git: git checkout -- {path} (hoặc tạo lại: npx tsx src/render/docx/make-shell.ts).",
    hintEn: "Restore it from git: git checkout -- {path} (or rebuild it: npx tsx src/render/docx/make-shell.ts).",
  },
  "shell/missing-part": {
    vi: "Tệp khung {path} thiếu phần {part}",
    en: "The shell {path} has no part {part}",
    hintVi: "Khôi phục tệp từ git: git checkout -- {path} (hoặc tạo lại: npx tsx src/render/docx/make-shell.ts).",
    hintEn: "Restore it from git: git checkout -- {path} (or rebuild it: npx tsx src/render/docx/make-shell.ts).",
  },
  "shell/broken-part": {
    vi: "Phần {part} của tệp khung {path} bị hỏng",
    en: "The part {part} of the shell {path} is broken: {detail}",
    hintVi: "Nếu vừa sửa khung bằng Word, mở lại và lưu lại dạng .docx. Hoặc khôi phục tệp từ git: git checkout -- {path} (hoặc tạo lại: npx tsx src/render/docx/make-shell.ts).",
    hintEn: "If you edited the shell in Word, open it and save it as .docx again. Or restore it from git: git checkout -- {path} (or rebuild it: npx tsx src/render/docx/make-shell.ts).",
  },
  "shell/template": {
    vi: "Tệp khung {path} có thẻ điền sai",
    en: "The shell {path} has a malformed tag: {detail}",
    hintVi: "Thẻ {@body} phải đứng một mình trong một đoạn văn. Khôi phục tệp từ git: git checkout -- {path} (hoặc tạo lại: npx tsx src/render/docx/make-shell.ts).",
    hintEn: "The tag {@body} must be alone in its paragraph. Restore it from git: git checkout -- {path} (or rebuild it: npx tsx src/render/docx/make-shell.ts).",
  },
  "shell/no-body": {
    vi: "Tệp khung {path} không có thẻ {@body}: văn bản lập ra sẽ không có nội dung",
    en: "The shell {path} has no {@body} tag: the documents would have no content",
    hintVi: "Thêm lại một đoạn văn chỉ gồm {@body} trong word/document.xml. Khôi phục tệp từ git: git checkout -- {path} (hoặc tạo lại: npx tsx src/render/docx/make-shell.ts).",
    hintEn: "Add back a paragraph holding only {@body} in word/document.xml. Restore it from git: git checkout -- {path} (or rebuild it: npx tsx src/render/docx/make-shell.ts).",
  },
  "shell/body-twice": {
    vi: "Tệp khung {path} có {count} thẻ {@body}: nội dung văn bản sẽ bị lặp",
    en: "The shell {path} has {count} {@body} tags: the content would be repeated",
    hintVi: "Giữ lại một đoạn {@body}. Khôi phục tệp từ git: git checkout -- {path} (hoặc tạo lại: npx tsx src/render/docx/make-shell.ts).",
    hintEn: "Keep one {@body} paragraph. Restore it from git: git checkout -- {path} (or rebuild it: npx tsx src/render/docx/make-shell.ts).",
  },
  "shell/unknown-tag": {
    vi: "Tệp khung {path} có thẻ {tag} trong {part}; công cụ chỉ điền {@body}",
    en: "The shell {path} has the tag {tag} in {part}; the tool fills only {@body}",
    hintVi: "Xóa thẻ này (viết chữ cố định thay vào). Khôi phục tệp từ git: git checkout -- {path} (hoặc tạo lại: npx tsx src/render/docx/make-shell.ts).",
    hintEn: "Remove the tag (write fixed text instead). Restore it from git: git checkout -- {path} (or rebuild it: npx tsx src/render/docx/make-shell.ts).",
  },
  "build/write-failed": {
    vi: "Không ghi được {path}: {reasonVi}",
    en: "Cannot write {path}: {reason}",
    hintVi: "Không tệp nào bị ghi dở dang: mỗi tệp cũ hoặc mới, nguyên vẹn. Sửa nguyên nhân nêu trên (đĩa đầy, không có quyền ghi, một thư mục hay liên kết nằm ở chỗ của tệp), rồi chạy lại.",
    hintEn: "No file is left half-written: each is old or new, whole. Deal with the cause above (a full disk, no write access, a folder or a link where the file goes), then run again.",
  },
  "manifest/damaged": {
    vi: "Tệp ghi chép lần lập trước bị hỏng ({detailVi}): không còn biết tệp nào trong out/ do công cụ ghi và tệp nào đã được sửa tay",
    en: "The record of the last build is damaged ({detailEn}): which files in out/ the tool wrote and which were edited by hand is no longer known",
    hintVi: "Lần lập lập lại mọi văn bản; tệp đã có mà khác bản lập từ dữ liệu được giữ nguyên (có thể đã sửa tay) với cảnh báo build/unrecorded-output, và không tệp nào bị xóa dựa trên tệp hỏng. Để có lại trạng thái sạch: lấy lại bản đúng của tệp ghi chép (ví dụ từ git, hoặc giải quyết xung đột hợp nhất trong đó); nếu không có tệp nào sửa tay thì chạy npm run build-docs -- --replace-edited.",
    hintEn: "The build makes every document again; a file already there that differs from the copy made from the data is kept (it may have been edited by hand) with the warning build/unrecorded-output, and no file is removed on the word of the damaged record. To get a clean state: restore a good copy of the record (e.g. from git, or resolve the merge conflict in it); if no file was edited by hand, run npm run build-docs -- --replace-edited.",
  },
  "manifest/foreign-path": {
    vi: "Tệp ghi chép lần lập trước nêu “{path}”, không phải tệp do công cụ lập ra; bỏ qua mục này",
    en: "The record of the last build names “{path}”, which is not a file this tool makes; the entry is ignored",
    hintVi: "Công cụ chỉ ghi và xóa out/<năm>/<văn bản>.docx|.pdf. Đừng sửa tay out/.manifest.json.",
    hintEn: "The tool writes and removes only out/<year>/<document>.docx|.pdf. Do not edit out/.manifest.json by hand.",
  },
  "build/signed-output": {
    vi: "{path} đã được ký số; không ghi đè bằng bản lập lại",
    en: "{path} carries a digital signature; it is not replaced by a rebuilt copy",
    hintVi: "Chuyển bản đã ký ra khỏi out/ (ví dụ sang thư mục luu-tru/) rồi chạy lại; hoặc lập lại có chủ ý: npm run build-docs -- --only {only} --replace-signed.",
    hintEn: "Move the signed copy out of out/ (e.g. to an archive folder) and run again; or rebuild it on purpose: npm run build-docs -- --only {only} --replace-signed.",
  },
  "build/edited-output": {
    vi: "{path} đã được sửa tay sau lần lập trước: giữ nguyên, không ghi đè bằng bản lập lại từ dữ liệu{alsoVi}",
    en: "{path} was edited by hand after the last build: kept, not replaced by a copy rebuilt from the data{alsoEn}",
    hintVi: "Phần sửa tay không có trong dữ liệu nên sẽ mất khi lập lại. Đưa phần sửa vào data/ rồi lập lại có chủ ý: npm run build-docs -- --only {only} --replace-edited (chép bản sửa tay ra khỏi out/ trước nếu còn cần).",
    hintEn: "The edit is not in the data, so a rebuild loses it. Put the change into data/, then rebuild on purpose: npm run build-docs -- --only {only} --replace-edited (copy the edited file out of out/ first if you still need it).",
  },
  "build/unrecorded-output": {
    vi: "{path} khác với bản lập từ dữ liệu, và ghi chép lần lập trước đã mất (tệp ghi chép bị hỏng) nên không biết tệp này có được sửa tay không: giữ nguyên, không ghi đè{alsoVi}",
    en: "{path} differs from the copy made from the data, and the record of the last build was lost (it was damaged), so whether it was edited by hand is unknown: kept, not replaced{alsoEn}",
    hintVi: "Nếu tệp không được sửa tay: xóa nó rồi chạy lại npm run build-docs, hoặc lập lại có chủ ý: npm run build-docs -- --only {only} --replace-edited. Nếu có sửa tay: đưa phần sửa vào data/ trước (chép bản sửa ra khỏi out/ nếu còn cần).",
    hintEn: "If it was not edited by hand: delete it and run npm run build-docs again, or rebuild it on purpose: npm run build-docs -- --only {only} --replace-edited. If it was: put the change into data/ first (copy the edited file out of out/ if you still need it).",
  },
  "build/kept-file": {
    vi: "Văn bản không còn trong dữ liệu nhưng giữ lại {path}: {whyVi}",
    en: "The document no longer exists, but {path} is kept: {whyEn}",
    hintVi: "Xóa tay tệp này nếu không cần nữa.",
    hintEn: "Delete it by hand if it is no longer needed.",
  },
  "build/year-output-skipped": {
    vi: "Chưa lập lại {path} (tệp chung của năm): {whyVi}; tệp cũ (nếu có) giữ nguyên",
    en: "{path} (the year's combined file) was not rebuilt: {whyEn}; the old file, if any, is left as it was",
    hintVi: "Lập đủ văn bản của năm rồi chạy lại: npm run build-docs (không dùng --only).",
    hintEn: "Build every document of the year, then run again: npm run build-docs (without --only).",
  },
  // The award dossier (src/dossier).
  "files/record-damaged": {
    vi: "Tệp ghi nhận các tệp công cụ đã ghi ({path}) bị hỏng, không đọc được: lập lại từ các tệp trong thư mục giống hệt bản công cụ ghi bây giờ",
    en: "The record of the files the tool wrote ({path}) is damaged and cannot be read: rebuilt from the files there that are byte for byte what the tool writes now",
    hintVi: "Tệp khác với bản công cụ ghi bây giờ không còn được nhận là do công cụ ghi: được giữ nguyên và báo lỗi. Nếu không cần giữ, xóa hoặc chuyển nó ra khỏi {dir} rồi chạy lại npm run {command}.",
    hintEn: "A file that differs from what the tool writes now is no longer known as the tool's own: it is kept and reported. If it need not be kept, delete it or move it out of {dir} and run npm run {command} again.",
  },
  "dossier/missing-document": {
    vi: "Hồ sơ đề nghị thiếu {title}: chưa có {path}",
    en: "The award dossier lacks {title}: {path} is missing",
    hintVi: "Lập văn bản (npm run build-docs), ký số (npm run sign), rồi chạy lại npm run ho-so.",
    hintEn: "Build the document (npm run build-docs), sign it (npm run sign), then run npm run ho-so again.",
  },
  "dossier/missing-unit-report": {
    vi: "Hồ sơ đề nghị thiếu {title}: chưa có tệp {path}",
    en: "The award dossier lacks {title}: the file {path} is missing",
    hintVi: "Đơn vị gửi báo cáo thành tích (PDF, đã ký số); lưu vào {path} rồi chạy lại npm run ho-so.",
    hintEn: "The unit sends its achievement report (PDF, signed); save it as {path} and run npm run ho-so again.",
  },
  "dossier/unusable-file": {
    vi: "{path} đưa vào hồ sơ không dùng được như bản gốc: {whyVi}",
    en: "{path} cannot serve as an original in the dossier: {whyEn}",
    hintVi: "Thay bằng bản PDF đã ký số hợp lệ rồi chạy lại npm run ho-so.",
    hintEn: "Replace it with a validly signed PDF and run npm run ho-so again.",
  },
  "pdf/too-large": {
    vi: "{path} lớn hơn {max} MB: không đọc",
    en: "{path} is larger than {max} MB: not read",
    hintVi: "Đề nghị đơn vị gửi lại bản PDF nhỏ hơn (nén ảnh quét).",
    hintEn: "Ask the unit for a smaller PDF (compress the scans).",
  },
  "pdf/is-folder": {
    vi: "{path} là thư mục, không phải tệp PDF",
    en: "{path} is a folder, not a PDF file",
    hintVi: "Đặt đúng tệp PDF vào chỗ đó (chuyển thư mục đi nơi khác), rồi chạy lại lệnh.",
    hintEn: "Put the PDF file itself there (move the folder elsewhere), then run the command again.",
  },
  "dossier/no-year": {
    vi: "Không có dữ liệu năm {year} để lập hồ sơ đề nghị",
    en: "No data of year {year} to make the award dossier from",
    hintVi: "Ghi năm có trong data/ (ví dụ --year 2020).",
    hintEn: "Give a year that data/ has (e.g. --year 2020).",
  },
  "dossier/kept-file": {
    vi: "Đã có tệp {path} không phải do công cụ ghi lần trước: không ghi đè",
    en: "{path} exists and is not the file the tool wrote last: not replaced",
    hintVi: "Chuyển tệp đó ra chỗ khác rồi chạy lại npm run ho-so. Không có tệp nào được ghi.",
    hintEn: "Move that file elsewhere and run npm run ho-so again. No file was written.",
  },
  // Legal bases of the căn cứ lines (src/validate/legal-bases.ts).
  "basis/expired": {
    vi: "Dòng căn cứ dẫn {basis}, văn bản này hết hiệu lực từ ngày {end}, trước ngày của văn bản ({date})",
    en: "This căn cứ line cites {basis}, which no longer applies from {end}, before the document's date ({date})",
    hintVi: "Thay bằng văn bản thay thế đang có hiệu lực (hỏi Sở Nội vụ), hoặc sửa het_hieu_luc trong van_ban_phap_ly nếu ghi nhầm.",
    hintEn: "Cite the document that replaces it (the Department of Home Affairs knows), or correct het_hieu_luc in van_ban_phap_ly if it is wrong.",
  },
  "new-year/basis-ending": {
    vi: "Dòng căn cứ chép từ năm trước dẫn {basis}, văn bản này hết hiệu lực từ ngày {end}: cần xem lại cho năm {year}",
    en: "A căn cứ line copied from last year cites {basis}, which no longer applies from {end}: look at it for {year}",
    hintVi: "Thay bằng văn bản thay thế đang có hiệu lực trước khi ban hành Kế hoạch năm {year}.",
    hintEn: "Cite the document that replaces it before the plan of {year} is issued.",
  },
  "basis/not-yet": {
    vi: "Dòng căn cứ dẫn {basis}, văn bản này có hiệu lực từ ngày {start}, sau ngày của văn bản ({date})",
    en: "This căn cứ line cites {basis}, which applies only from {start}, after the document's date ({date})",
    hintVi: "Dẫn văn bản đang có hiệu lực vào ngày của văn bản, hoặc sửa hieu_luc trong van_ban_phap_ly nếu ghi nhầm.",
    hintEn: "Cite what applies on the document's date, or correct hieu_luc in van_ban_phap_ly if it is wrong.",
  },
  // The province's office (src/province).
  "tinh/results-too-large": {
    vi: "{path} lớn hơn {max} MB: không phải tệp kết quả năm của một khối, không đọc",
    en: "{path} is larger than {max} MB: not a bloc's results file, not read",
    hintVi: "Đề nghị khối gửi lại tệp ket-qua-<năm>.json do công cụ lập.",
    hintEn: "Ask the bloc for the ket-qua-<year>.json the tool made.",
  },
  "tinh/results-unreadable": {
    vi: "{path} không đọc được như tệp JSON (UTF-8)",
    en: "{path} cannot be read as JSON (UTF-8)",
    hintVi: "Đề nghị khối gửi lại tệp ket-qua-<năm>.json do công cụ lập, không sửa tay.",
    hintEn: "Ask the bloc for the ket-qua-<year>.json the tool made, unedited.",
  },
  "tinh/results-schema": {
    vi: "{path} không đúng cấu trúc tệp kết quả năm (docs/ket-qua-nam.schema.json) ở trường {field}",
    en: "{path} does not follow the results file's layout (docs/ket-qua-nam.schema.json) at the field {field}",
    hintVi: "Đề nghị khối lập lại bằng công cụ (npm run build-docs) và gửi lại tệp out/<năm>/ket-qua-<năm>.json.",
    hintEn: "Ask the bloc to build again (npm run build-docs) and send out/<year>/ket-qua-<year>.json again.",
  },
  "tinh/other-province": {
    vi: "{path} là kết quả của một khối tỉnh {province}, không phải tỉnh {expected}",
    en: "{path} holds the results of a bloc of {province}, not {expected}",
    hintVi: "Kiểm tra lại tệp nhận được, hoặc tinh trong tinh.yaml và trong data/khoi.yaml của khối.",
    hintEn: "Check the file received, or tinh in tinh.yaml and in the bloc's data/khoi.yaml.",
  },
  "tinh/other-year": {
    vi: "{path} là kết quả năm {year}, không phải năm {expected} đang tổng hợp",
    en: "{path} holds the results of {year}, not of {expected}, the year being gathered",
    hintVi: "Đề nghị khối gửi tệp của năm {expected}, hoặc sửa nam trong tinh.yaml.",
    hintEn: "Ask the bloc for its file of {expected}, or change nam in tinh.yaml.",
  },
  "tinh/two-results": {
    vi: "Khối {bloc} có hai tệp kết quả: {path} và {other}",
    en: "The bloc {bloc} has two results files: {path} and {other}",
    hintVi: "Giữ một tệp: khối lập trong khoi/{bloc}/ thì xóa tệp đã nhận {path}.",
    hintEn: "Keep one: for a bloc built in khoi/{bloc}/, delete the received {path}.",
  },
  "tinh/proposed-twice": {
    vi: "{unit} được đề nghị hai lần: {where}",
    en: "{unit} is proposed twice: {where}",
    hintVi: "Một đơn vị chỉ được đề nghị một hình thức ở một khối: đề nghị các khối thống nhất, lập lại biên bản và tờ trình.",
    hintEn: "A unit is proposed once, by one bloc: ask the blocs to settle it and issue their minutes and proposals again.",
  },
  "tinh/not-sent": {
    vi: "Khối {bloc} của tỉnh chưa có kết quả năm {year}",
    en: "The province's bloc {bloc} has no results of {year} yet",
    hintVi: "Khối lập trong khoi/{bloc}/: chạy tinh build; khối ở nơi khác: nhận tệp ket-qua-{year}.json rồi chạy tinh import-ket-qua <tệp>.",
    hintEn: "A bloc in khoi/{bloc}/: run tinh build; one kept elsewhere: get its ket-qua-{year}.json and run tinh import-ket-qua <file>.",
  },
  "tinh/unfinished": {
    vi: "Khối {bloc} chưa xong năm {year}: {missing}",
    en: "The bloc {bloc} has not finished {year}: {missing}",
    hintVi: "Khối bổ sung rồi gửi lại tệp kết quả năm.",
    hintEn: "The bloc completes it and sends its results file again.",
  },
  "tinh/kept-file": {
    vi: "Đã có tệp {path} không phải do công cụ ghi lần trước: không ghi đè",
    en: "{path} exists and is not the file the tool wrote last: not replaced",
    hintVi: "Chuyển tệp đó ra chỗ khác rồi chạy lại. Không có tệp nào được ghi.",
    hintEn: "Move that file elsewhere and run again. No file was written.",
  },
  // edXML packages for the document exchange (src/edxml).
  "edxml/no-number": {
    vi: "{document} chưa có số văn bản: không lập gói edXML cho văn bản chưa được cấp số",
    en: "{document} has no number yet: no edXML package for a document not yet numbered",
    hintVi: "Văn thư cấp số khi ban hành: ghi số vào so trong tệp dữ liệu (xem số tiếp theo: npm run so-van-ban -- --tiep-theo {code}), lập lại, rồi chạy lại lệnh edxml; hoặc, khi số đã đóng lên bản ký, ghi trên dòng lệnh: npm run edxml -- <văn bản> --so <số> --ngay <NNNN-TT-NN>.",
    hintEn: "The records office numbers it at issuance: write the number as so in the data file (next free number: npm run so-van-ban -- --tiep-theo {code}), build, then run edxml again; or, when the number is stamped on the signed copy, give it on the command line: npm run edxml -- <document> --so <n> --ngay <YYYY-MM-DD>.",
  },
  "edxml/no-date": {
    vi: "{document} chưa có ngày ban hành: không lập gói edXML cho văn bản chưa ghi ngày",
    en: "{document} has no date yet: no edXML package for an undated document",
    hintVi: "Ghi ngày ban hành vào ngay trong tệp dữ liệu (dạng NNNN-TT-NN), lập lại, rồi chạy lại lệnh edxml.",
    hintEn: "Write the date of issuance as ngay in the data file (YYYY-MM-DD), build, then run edxml again.",
  },
  "edxml/issued-conflict": {
    vi: "{document}: dữ liệu ghi {field}: {data}, dòng lệnh ghi {option} {given}; không lập gói edXML",
    en: "{document}: the data says {field}: {data}, the command line {option} {given}; not packed",
    hintVi: "Dữ liệu là bản ghi của văn bản: bỏ {option} nếu dữ liệu đúng, hoặc sửa {field} trong tệp dữ liệu, lập lại, ký lại rồi chạy lại lệnh edxml.",
    hintEn: "The data is the document's record: drop {option} if the data is right, or correct {field} in the data file, build, sign again and run edxml again.",
  },
  "edxml/issued-ambiguous": {
    vi: "Văn bản “{name}” có ở nhiều năm ({years}): --so và --ngay chỉ ghi cho một văn bản",
    en: "The document “{name}” is in several years ({years}): --so and --ngay are for one document",
    hintVi: "Thêm --year <năm> để chọn văn bản của một năm.",
    hintEn: "Add --year <year> to choose one year's document.",
  },
  "edxml/no-organ-id": {
    vi: "{organ} chưa có mã định danh điện tử (ma_dinh_danh): không lập được gói edXML của {document}",
    en: "{organ} has no electronic agency id (ma_dinh_danh): the edXML package of {document} cannot be made",
    hintVi: "Ghi ma_dinh_danh của cơ quan này trong data/khoi.yaml (mã hiện hành sau sắp xếp năm 2025, hỏi văn thư hoặc Sở Nội vụ).",
    hintEn: "Give this agency's ma_dinh_danh in data/khoi.yaml (the current id after the 2025 merger; the records office or the Department of Home Affairs has it).",
  },
  "edxml/unknown-recipient": {
    vi: "Chưa biết mã định danh điện tử của nơi nhận “{recipient}” ({document}): cơ quan này không có trong don_vi hay co_quan_nhan của data/khoi.yaml",
    en: "No electronic agency id known for the recipient “{recipient}” ({document}): it is neither a unit nor in co_quan_nhan of data/khoi.yaml",
    hintVi: "Thêm vào co_quan_nhan trong data/khoi.yaml: - ten: {recipient} / ma_dinh_danh: <mã>, ghi tên đúng như ở Kính gửi.",
    hintEn: "Add to co_quan_nhan in data/khoi.yaml: - ten: {recipient} / ma_dinh_danh: <id>, with the name exactly as under Kính gửi.",
  },
  "edxml/no-recipient": {
    vi: "{document} không có nơi nhận nào có mã định danh điện tử: không có nơi để gửi gói edXML",
    en: "{document} has no recipient with an electronic agency id: the edXML package would go nowhere",
    hintVi: "Ghi Kính gửi (kinh_gui) hoặc nơi nhận là cơ quan có ma_dinh_danh trong data/khoi.yaml.",
    hintEn: "Address it (kinh_gui) or list recipients that have a ma_dinh_danh in data/khoi.yaml.",
  },
  "edxml/unknown-document": {
    vi: "Không có văn bản “{name}” trong dữ liệu{yearVi}: các văn bản có thể gửi: {known}",
    en: "No document “{name}” in the data{yearEn}: the documents that can be sent: {known}",
    hintVi: "Ghi tên văn bản như tên tệp trong out/<năm>/ không có đuôi, ví dụ: npm run edxml -- {example}.",
    hintEn: "Name the document as its file in out/<year>/ without the extension, e.g. npm run edxml -- to-trinh.",
  },
  "edxml/no-pdf": {
    vi: "Chưa có {path}: lập văn bản trước khi đóng gói edXML",
    en: "{path} is missing: build the document before packing it",
    hintVi: "Chạy npm run build-docs, ký số nếu cần, rồi chạy lại lệnh edxml.",
    hintEn: "Run npm run build-docs, sign if needed, then run edxml again.",
  },
  "edxml/unreadable-pdf": {
    vi: "Không đọc được {path} như một tệp PDF: không đóng gói edXML",
    en: "{path} cannot be read as a PDF: not packed",
    hintVi: "Lập lại văn bản (npm run build-docs) hoặc ký lại bản PDF, rồi chạy lại lệnh edxml.",
    hintEn: "Build the document again (npm run build-docs) or sign the PDF again, then run edxml again.",
  },
  "edxml/stale-pdf": {
    vi: "{path} không mang “{line}” như dữ liệu hiện nay: bản PDF cũ hơn dữ liệu (lập hoặc ký trước khi sửa số, ngày), không đóng gói",
    en: "{path} does not show “{line}” as the data now does: the PDF is older than the data (built or signed before the number or date changed); not packed",
    hintVi: "Lập lại văn bản (npm run build-docs), ký lại bản mới, rồi chạy lại lệnh edxml.",
    hintEn: "Build the document again (npm run build-docs), sign the new PDF, then run edxml again.",
  },
  "edxml/unsigned": {
    vi: "Gói edXML của {document} mang bản PDF chưa ký số ({path})",
    en: "The edXML package of {document} carries an unsigned PDF ({path})",
    hintVi: "Văn bản gửi qua Trục liên thông phải là bản đã ký số: ký (npm run sign -- {path} ...) rồi chạy lại lệnh edxml; gói sẽ dùng bản .signed.pdf.",
    hintEn: "A document sent over the exchange must be signed: sign it (npm run sign -- {path} ...) and run edxml again; the package then uses the .signed.pdf.",
  },
  "edxml/not-packed": {
    vi: "{document} có gui_edxml: true nhưng lần lập này chưa lập được gói edXML của nó ({path}; xem các cảnh báo về văn bản này)",
    en: "{document} sets gui_edxml: true but this build could not make its edXML package ({path}; see the warnings about it)",
    hintVi: "Sửa theo các cảnh báo edxml của văn bản này rồi lập lại; gói lập trước đó (nếu có) được giữ nguyên.",
    hintEn: "Fix what the edxml warnings about this document say and build again; a package made before, if any, is left as it is.",
  },
  "edxml/kept-file": {
    vi: "Đã có tệp {path} không phải do công cụ ghi lần trước: không ghi đè",
    en: "{path} exists and is not the file the tool wrote last: not replaced",
    hintVi: "Chuyển tệp đó ra chỗ khác rồi chạy lại lệnh edxml. Không có gói nào được ghi.",
    hintEn: "Move that file elsewhere and run edxml again. No package was written.",
  },
  // Units' Excel forms (src/forms) and their import (src/import): a place in a workbook is "tệp.xlsx › Trang › Ô".
  "forms/kept-file": {
    vi: "Đã có tệp {path} không phải do công cụ ghi lần trước (có thể là biểu mẫu đơn vị đã điền): không ghi đè",
    en: "{path} exists and is not the file the tool wrote last (perhaps a form a unit filled in): not replaced",
    hintVi: "Chuyển tệp đó ra chỗ khác (ví dụ thư mục nhận biểu mẫu), rồi chạy lại npm run forms. Không có biểu mẫu nào được ghi.",
    hintEn: "Move that file elsewhere (e.g. a folder for returned forms) and run npm run forms again. No form was written.",
  },
  "forms/record-damaged": {
    vi: "Tệp ghi nhận các biểu mẫu công cụ đã ghi ({path}) bị hỏng, không đọc được: lập lại từ các biểu mẫu trong thư mục giống hệt bản công cụ ghi bây giờ",
    en: "The record of the forms the tool wrote ({path}) is damaged and cannot be read: rebuilt from the forms there that are byte for byte what the tool writes now",
    hintVi: "Biểu mẫu khác với bản công cụ ghi bây giờ (ví dụ vì dữ liệu đã đổi) không còn được nhận là do công cụ ghi: được giữ nguyên và báo lỗi forms/kept-file. Nếu chưa đơn vị nào điền tệp đó, xóa hoặc chuyển nó ra khỏi {dir} rồi chạy lại npm run forms; biểu mẫu đơn vị đã điền thì chuyển sang thư mục nhận biểu mẫu.",
    hintEn: "A form that differs from what the tool writes now (e.g. because the data changed) is no longer known as the tool's own: it is kept and reported as forms/kept-file. If no unit filled it, delete it or move it out of {dir} and run npm run forms again; move a form a unit filled to the folder for returned forms.",
  },
  "forms/none-selected": {
    vi: "Không có biểu mẫu nào ứng với lựa chọn (đơn vị {unit}, giai đoạn {stage}, năm {year})",
    en: "No form matches the selection (unit {unit}, stage {stage}, year {year})",
    hintVi: "Kiểm tra --unit (mã đơn vị thành viên trong khoi.yaml), --stage (dang-ky, so-ket, tong-ket) và --year.",
    hintEn: "Check --unit (a member unit's id in khoi.yaml), --stage (dang-ky, so-ket, tong-ket) and --year.",
  },
  "import/not-found": {
    vi: "Không tìm thấy tệp biểu mẫu {path}",
    en: "No form file at {path}",
    hintVi: "Kiểm tra tên tệp và thư mục (đường dẫn tính từ thư mục đang đứng); có thể kéo tệp từ thư mục vào cửa sổ lệnh để có đúng đường dẫn.",
    hintEn: "Check the file's name and folder (a path is taken from the current folder); dragging the file into the terminal gives its exact path.",
  },
  "import/is-folder": {
    vi: "{path} là thư mục, không phải tệp .xlsx",
    en: "{path} is a folder, not an .xlsx file",
    hintVi: "Ghi tên từng tệp biểu mẫu, ví dụ: nhan-ve/so-y-te-tong-ket.xlsx (hoặc nhan-ve/*.xlsx).",
    hintEn: "Name each form file, e.g. nhan-ve/so-y-te-tong-ket.xlsx (or nhan-ve/*.xlsx).",
  },
  "import/too-large": {
    vi: "{whatVi} lớn {size} MiB, vượt giới hạn {max} MiB của một biểu mẫu: không đọc",
    en: "{whatEn} is {size} MiB, above a form's limit of {max} MiB: not read",
    hintVi: "Biểu mẫu điền đúng chỉ vài chục KiB; mở tệp, xóa các dòng, cột hay trang thêm vào ngoài biểu mẫu rồi lưu lại, hoặc điền lại biểu mẫu gốc.",
    hintEn: "A filled form is a few tens of KiB; remove the rows, columns or sheets added outside the form and save again, or fill the original form again.",
  },
  "import/too-many-rows": {
    vi: "Trang có {count} dòng, vượt giới hạn {max} dòng của một biểu mẫu: không đọc",
    en: "The sheet has {count} rows, above a form's limit of {max}: not read",
    hintVi: "Biểu mẫu chỉ có vài chục dòng; xóa các dòng thêm vào bên dưới biểu mẫu (chọn các dòng, bấm chuột phải, chọn Xóa), lưu lại rồi nhập lại tệp.",
    hintEn: "A form has a few dozen rows; delete the rows added below it (select them, right-click, Delete), save and import the file again.",
  },
  "import/too-many-merges": {
    vi: "Trang có {count} vùng gộp ô, vượt giới hạn {max} vùng của một biểu mẫu: không đọc",
    en: "The sheet has {count} merged ranges, above a form's limit of {max}: not read",
    hintVi: "Biểu mẫu chỉ gộp ô ở các dòng tiêu đề; bỏ gộp các ô đã gộp thêm, lưu lại rồi nhập lại tệp, hoặc điền lại biểu mẫu gốc.",
    hintEn: "A form merges cells only in its title rows; unmerge the cells merged since, save and import the file again, or fill the original form again.",
  },
  "import/too-many-cells": {
    vi: "Bảng tính có {count} ô (mỗi ô của vùng gộp tính một ô; trang này có {here} ô), vượt giới hạn {max} ô của một biểu mẫu: không đọc",
    en: "The workbook has {count} cells (each cell of a merged range counted; this sheet has {here}), above a form's limit of {max}: not read",
    hintVi: "Biểu mẫu chỉ có vài trăm ô; xóa các dòng, cột hay trang thêm vào và bỏ các vùng gộp ô lớn, lưu lại rồi nhập lại tệp.",
    hintEn: "A form has a few hundred cells; delete the rows, columns or sheets added and unmerge large merged ranges, save and import the file again.",
  },
  "import/too-complex": {
    vi: "Phần {part} của bảng tính có {count} thành phần, vượt giới hạn {max} của một biểu mẫu: không đọc",
    en: "The workbook's part {part} has {count} elements, above a form's limit of {max}: not read",
    hintVi: "Mở tệp bằng Excel hoặc LibreOffice, xóa định dạng và nội dung thêm vào ngoài biểu mẫu rồi lưu lại, hoặc điền lại biểu mẫu gốc.",
    hintEn: "Open the file in Excel or LibreOffice, clear the formats and content added outside the form and save it, or fill the original form again.",
  },
  "import/date-out-of-range": {
    vi: "Ô ngày chứa {foundVi}, ngoài khoảng ngày của bảng tính (từ năm 1900 đến năm 9999): không đọc được",
    en: "The date cell holds {foundEn}, outside a workbook's dates (years 1900 to 9999): cannot be read",
    hintVi: "Gõ lại ngày theo dạng ngày/tháng/năm, ví dụ 05/02/2020.",
    hintEn: "Type the date again as day/month/year, e.g. 05/02/2020.",
  },
  "import/bloc-column-empty": {
    vi: "Cột Điểm Khối thẩm định ({range}) còn trống ở cả {count} tiêu chí: Khối điền cột Điểm Khối thẩm định trước khi nhập",
    en: "The bloc's review column ({range}) is empty for all {count} criteria: the bloc fills that column before importing",
    hintVi: "Đơn vị không điền cột này. Khối điền điểm thẩm định vào cột đó trong biểu mẫu đơn vị gửi về, lưu lại rồi nhập lại tệp với --khoi-cham.",
    hintEn: "Units leave this column empty. The bloc types its review scores in that column of the returned form, saves it and imports the file again with --khoi-cham.",
  },
  "import/missing-criterion": {
    vi: "Dòng tiêu chí {criterion} không có trong biểu mẫu gửi lại: giữ giá trị cũ",
    en: "The row of criterion {criterion} is not in the returned form: the old values are kept",
    hintVi: "Nếu đơn vị xóa nhầm dòng, điền lại dòng đó (mã {criterion} ở cột A) hoặc lập lại biểu mẫu bằng npm run forms.",
    hintEn: "If the unit deleted the row by mistake, fill it again (code {criterion} in column A) or make the form again with npm run forms.",
  },
  "import/missing-criterion-new": {
    vi: "Dòng tiêu chí {criterion} không có trong biểu mẫu gửi lại, và dữ liệu chưa có điểm của tiêu chí này",
    en: "The row of criterion {criterion} is not in the returned form, and the data has no value for it",
    hintVi: "Điền lại dòng tiêu chí {criterion} (mã ở cột A) hoặc lập lại biểu mẫu bằng npm run forms rồi cho đơn vị điền.",
    hintEn: "Fill the row of criterion {criterion} again (code in column A), or make the form again with npm run forms and have the unit fill it.",
  },
  "import/unreadable": {
    vi: "Tệp không phải bảng tính Excel (.xlsx) hoặc đã bị hỏng",
    en: "The file is not an Excel workbook (.xlsx) or is damaged: {detail}",
    hintVi: "Mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng Excel 2007-365 (.xlsx).",
    hintEn: "Open it in Excel or LibreOffice and save it as Excel 2007-365 (.xlsx).",
  },
  "import/not-a-form": {
    vi: "Bảng tính không phải biểu mẫu do khoi-thi-dua lập (không có trang ẩn “{sheet}” ghi đơn vị, giai đoạn, năm)",
    en: "The workbook is not a form made by khoi-thi-dua (it has no hidden sheet “{sheet}” naming unit, stage and year)",
    hintVi: "Cho đơn vị điền vào biểu mẫu lập bằng npm run forms; không chép dữ liệu sang bảng tính khác.",
    hintEn: "Have the unit fill a form made by npm run forms, not another workbook.",
  },
  "import/form-version": {
    vi: "Biểu mẫu phiên bản {version}; công cụ này đọc phiên bản {expected}",
    en: "The form is version {version}; this tool reads version {expected}",
    hintVi: "Lập lại biểu mẫu bằng npm run forms và gửi đơn vị điền bản mới.",
    hintEn: "Make the form again with npm run forms and have the unit fill the new one.",
  },
  "import/other-bloc": {
    vi: "Biểu mẫu của Khối “{bloc}”, không phải của Khối này ({expected}): không nhập",
    en: "The form belongs to bloc “{bloc}”, not this bloc ({expected}): not imported",
    hintVi: "Kiểm tra lại tệp nhận được; chỉ nhập biểu mẫu của Khối mình.",
    hintEn: "Check the file received; import only this bloc's forms.",
  },
  "import/unknown-year": {
    vi: "Biểu mẫu của năm {year}, nhưng dữ liệu không có năm này (có: {known}): không nhập",
    en: "The form is for {year}, but the data has no such year (it has: {known}): not imported",
    hintVi: "Kiểm tra lại tệp: có thể đơn vị gửi nhầm biểu mẫu năm khác.",
    hintEn: "Check the file: the unit may have sent another year's form.",
  },
  "import/other-year": {
    vi: "Biểu mẫu của năm {year}, không phải năm {expected} đã chọn bằng --year: không nhập",
    en: "The form is for {year}, not the year {expected} chosen with --year: not imported",
    hintVi: "Bỏ --year hoặc nhập biểu mẫu đúng năm.",
    hintEn: "Drop --year or import the form of that year.",
  },
  "import/confirm-unknown-unit": {
    vi: "--xac-nhan-don-vi {unit}: không có đơn vị nào mã “{unit}” trong Khối; không nhập gì",
    en: "--xac-nhan-don-vi {unit}: no unit of the bloc has the id “{unit}”; nothing imported",
    hintVi: "Mã đơn vị gần nhất trước: {known}.",
    hintEn: "The unit ids, nearest first: {known}.",
  },
  "import/unknown-unit": {
    vi: "Đơn vị “{unit}” của biểu mẫu không phải thành viên Khối năm {year}: không nhập",
    en: "The form's unit “{unit}” is not a member of the bloc in {year}: not imported",
    hintVi: "Các đơn vị thành viên: {known}.",
    hintEn: "The member units: {known}.",
  },
  "import/unknown-stage": {
    vi: "Giai đoạn “{stage}” của biểu mẫu không có; chỉ có dang-ky, so-ket, tong-ket",
    en: "The form's stage “{stage}” does not exist; the stages are dang-ky, so-ket, tong-ket",
    hintVi: "Lập lại biểu mẫu bằng npm run forms.",
    hintEn: "Make the form again with npm run forms.",
  },
  "import/file-name-unit": {
    vi: "Biểu mẫu là của đơn vị “{unit}”, nhưng tên tệp {name} là của đơn vị “{fileUnit}”: không nhập",
    en: "The form belongs to unit “{unit}”, but its file name {name} names unit “{fileUnit}”: not imported",
    hintVi: "Kiểm tra xem đơn vị nào đã điền tệp này; nếu đúng là của “{unit}”, đổi tên tệp thành {expectedName} hoặc nhập với --xac-nhan-don-vi {unit}.",
    hintEn: "Find out which unit filled it; if it really is “{unit}”'s, rename it {expectedName} or import it with --xac-nhan-don-vi {unit}.",
  },
  "import/unconfirmed-unit": {
    vi: "Tên tệp {name} không nêu đơn vị nào, còn trang ẩn của biểu mẫu ghi là của đơn vị “{unit}”: không sửa dữ liệu của “{unit}” ({path}) khi chưa được xác nhận",
    en: "The file name {name} names no unit, while the form's hidden sheet says it is unit “{unit}”'s: {path} is not changed without confirmation",
    hintVi: "Nếu đúng là biểu mẫu của “{unit}”, đổi tên tệp thành {expectedName} hoặc nhập lại với --xac-nhan-don-vi {unit}; nếu không, hỏi lại đơn vị đã gửi tệp.",
    hintEn: "If it really is “{unit}”'s form, rename it {expectedName} or import it again with --xac-nhan-don-vi {unit}; if not, ask the unit that sent the file.",
  },
  "import/bloc-cells-kept": {
    vi: "Các ô {cells} là phần của Khối (điểm Khối thẩm định, ghi chú của Khối) và khác dữ liệu hiện có: không nhập từ biểu mẫu của đơn vị, giữ giá trị cũ",
    en: "Cells {cells} are the bloc's (its review score, its notes) and differ from the data: not taken from a unit's form, the old values are kept",
    hintVi: "Đơn vị không sửa phần của Khối. Nếu đây là bản Khối đã chấm, nhập lại với --khoi-cham.",
    hintEn: "A unit does not change the bloc's part. If this is the bloc's own reviewed copy, import it again with --khoi-cham.",
  },
  "import/formula-no-value": {
    vi: "Ô có công thức {formula} nhưng công thức chưa có giá trị (tệp được lưu mà chưa tính)",
    en: "The cell holds the formula {formula} without a computed value (the file was saved without calculating it)",
    hintVi: "Mở tệp bằng Excel hoặc LibreOffice rồi lưu lại để công thức được tính, hoặc gõ thẳng giá trị vào ô; sau đó nhập lại.",
    hintEn: "Open the file in Excel or LibreOffice and save it so that the formula is calculated, or type the value in the cell; then import again.",
  },
  "import/cell-error": {
    vi: "Ô có giá trị lỗi {error}, không phải giá trị đơn vị điền",
    en: "The cell holds the error value {error}, not a value the unit filled in",
    hintVi: "Sửa công thức của ô hoặc gõ thẳng giá trị vào ô, lưu lại rồi nhập lại.",
    hintEn: "Fix the cell's formula or type the value in it, save and import again.",
  },
  "import/percent-not-expected": {
    vi: "Ô ghi {shown} (định dạng phần trăm), nhưng ở đây cần một số, không phải tỷ lệ phần trăm",
    en: "The cell shows {shown} (a percent format), but a number is needed here, not a percentage",
    hintVi: "Gõ số không kèm dấu %, ví dụ 9,5; nếu ô vẫn hiện %, đặt lại định dạng ô là Số.",
    hintEn: "Type the number without %, e.g. 9.5; if the cell still shows %, set its format back to Number.",
  },
  "import/hidden-row": {
    vi: "Hàng {row} (mã {key}) đang bị ẩn nhưng có nội dung ({cells}): vẫn được nhập dù người xem biểu mẫu không thấy",
    en: "Row {row} (code {key}) is hidden but holds values ({cells}): it is imported although nobody reading the form sees it",
    hintVi: "Bỏ ẩn hàng đó trong Excel để xem lại; nếu đơn vị không định gửi nội dung này, xóa nó rồi nhập lại.",
    hintEn: "Unhide the row in Excel to check it; if the unit did not mean to send it, clear it and import again.",
  },
  "import/hidden-column": {
    vi: "Cột {column} đang bị ẩn nhưng có nội dung ở {count} ô: vẫn được nhập dù người xem biểu mẫu không thấy",
    en: "Column {column} is hidden but holds values in {count} cells: they are imported although nobody reading the form sees them",
    hintVi: "Bỏ ẩn cột đó trong Excel để xem lại; nếu đơn vị không định gửi nội dung này, xóa nó rồi nhập lại.",
    hintEn: "Unhide the column in Excel to check it; if the unit did not mean to send it, clear it and import again.",
  },
  "import/duplicate-form": {
    vi: "Hai biểu mẫu cùng của đơn vị “{unit}”, giai đoạn {stage}: {first} và tệp này; không chọn tệp nào",
    en: "Two forms of unit “{unit}”, stage {stage}: {first} and this one; neither is chosen",
    hintVi: "Nhập một tệp (thường là tệp đơn vị gửi sau cùng).",
    hintEn: "Import one of them (usually the one the unit sent last).",
  },
  "import/missing-sheet": {
    vi: "Biểu mẫu thiếu trang “{sheet}”",
    en: "The form has no sheet “{sheet}”",
    hintVi: "Không đổi tên hay xóa trang; lập lại biểu mẫu bằng npm run forms nếu cần.",
    hintEn: "Do not rename or delete sheets; make the form again with npm run forms if needed.",
  },
  "import/unknown-row": {
    vi: "Dòng có mã “{key}” ở cột A không thuộc biểu mẫu này: không biết ghi vào đâu",
    en: "The row with code “{key}” in column A is not part of this form: nowhere to put it",
    hintVi: "Không sửa cột Mã; các mã có: {known}.",
    hintEn: "Do not edit the code column; the codes are: {known}.",
  },
  "import/duplicate-row": {
    vi: "Mã “{key}” có hai dòng (dòng đầu ở ô {first})",
    en: "Code “{key}” has two rows (the first at {first})",
    hintVi: "Giữ một dòng cho mỗi tiêu chí, xóa nội dung dòng kia.",
    hintEn: "Keep one row per criterion and clear the other.",
  },
  "build/only-no-match": {
    vi: "--only {only}: không có văn bản hay đơn vị nào như vậy",
    en: "--only {only}: no such document or unit",
    hintVi: "Chọn một trong: {known}.",
    hintEn: "Use one of (closest first): {known}.",
  },
  // Signing (src/sign): thrown as SignError before anything is written. vi: string; en: string }> = {
  "sign/usage": { vi: "{detail}", en: "{detail}" },
  "password/missing": {
    vi: "Chưa có mật khẩu của tệp PKCS#12: đặt biến môi trường SIGN_P12_PASSWORD hoặc chạy trong cửa sổ lệnh để được hỏi (không nhận mật khẩu trên dòng lệnh)",
    en: "No password for the PKCS#12 file: set SIGN_P12_PASSWORD or run on a terminal to be asked (a password on the command line is never accepted)",
  },
  "p12/unreadable": { vi: "Không đọc được tệp PKCS#12 {file} (không có tệp này, tệp hỏng hoặc không phải tệp .p12/.pfx)", en: "Cannot read the PKCS#12 file {file}: {detail}" },
  "p12/wrong-password": { vi: "Sai mật khẩu của tệp PKCS#12 {file}", en: "Wrong password for the PKCS#12 file {file}" },
  "p12/no-key": { vi: "Tệp PKCS#12 {file} không có khóa bí mật", en: "The PKCS#12 file {file} holds no private key" },
  "p12/no-certificate": { vi: "Tệp PKCS#12 {file} không có chứng thư số khớp với khóa bí mật", en: "The PKCS#12 file {file} holds no certificate matching its private key" },
  "p12/unsupported-key": { vi: "Khóa trong tệp {file} không phải RSA; công cụ này chỉ ký bằng khóa RSA", en: "The key in {file} is not an RSA key; this tool signs with RSA keys only" },
  "cert/expired": { vi: "Chứng thư số của {subject} đã hết hạn ngày {date}: không ký", en: "The certificate of {subject} expired on {date}: not signing" },
  "cert/not-yet-valid": { vi: "Chứng thư số của {subject} chỉ có hiệu lực từ {date}: không ký", en: "The certificate of {subject} is valid only from {date}: not signing" },
  "image/unreadable": { vi: "Không đọc được ảnh chữ ký {file}: chỉ nhận PNG hoặc JPEG", en: "Cannot read the signature image {file}: PNG or JPEG only" },
  "pdf/unreadable": { vi: "Không đọc được PDF (không có tệp này, tệp hỏng hoặc không phải PDF)", en: "Cannot read the PDF: {detail}" },
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
  // Signing: outputs that would lose a file (src/sign/targets.ts), checked for every target before anything is written.
  "sign/target-exists": {
    vi: "Đã có tệp {target}: không ghi đè",
    en: "{target} already exists: not writing over it",
    hintVi: "Dùng --overwrite để ghi đè, hoặc --out (hay --suffix) để đặt tên khác. Muốn ký thêm vào chính {target} thì ký tệp đó tại chỗ: npm run sign -- {target} --out {target}",
    hintEn: "Use --overwrite to replace it, or --out (or --suffix) for another name. To add a signature to {target} itself, sign it in place: npm run sign -- {target} --out {target}",
  },
  "sign/target-is-input": {
    vi: "Tệp kết quả {target} là tệp vào {other} của cùng lệnh: không ghi đè (kể cả với --overwrite)",
    en: "The output {target} is the input {other} of the same call: never written over (not even with --overwrite)",
    hintVi: "Đặt --suffix khác, hoặc ký từng tệp một lần. Ký tại chỗ chỉ khi ghi rõ --out <chính tệp đó>.",
    hintEn: "Choose another --suffix, or sign the files one call at a time. Signing in place only with --out <that same file>.",
  },
  "sign/target-is-key": {
    vi: "Tệp kết quả {target} là tệp khóa --p12 {key}: không bao giờ ghi đè khóa",
    en: "The output {target} is the key file --p12 {key}: the key is never written over",
    hintVi: "Chọn --out là một tệp .pdf khác.",
    hintEn: "Give --out another .pdf file.",
  },
  "sign/target-is-image": {
    vi: "Tệp kết quả {target} là ảnh chữ ký --image {image}: không bao giờ ghi đè ảnh",
    en: "The output {target} is the signature image --image {image}: the image is never written over",
    hintVi: "Chọn --out là một tệp .pdf khác.",
    hintEn: "Give --out another .pdf file.",
  },
  "sign/target-twice": {
    vi: "{input} và {other} cùng ghi ra {target}: tệp sau sẽ ghi đè tệp trước",
    en: "{input} and {other} would both be written to {target}: the second would replace the first",
    hintVi: "Mỗi tệp vào chỉ ghi một lần trong một lệnh: bỏ tên trùng (./a.pdf và a.pdf là một tệp).",
    hintEn: "Give each input once per call: drop the duplicate (./a.pdf and a.pdf are one file).",
  },
  "sign/target-is-folder": {
    vi: "Tệp kết quả {target} là một thư mục",
    en: "The output {target} is a folder",
    hintVi: "Dùng --out <tệp.pdf> hoặc --suffix khác.",
    hintEn: "Use --out <file.pdf> or another --suffix.",
  },
  "sign/write-failed": {
    vi: "Không ghi được {target}: {reasonVi}",
    en: "Cannot write {target}: {reason}",
    hintVi: "Tệp vào và các tệp đã có vẫn nguyên vẹn (ghi qua tệp tạm rồi đổi tên). Cấp quyền ghi hoặc giải phóng đĩa, rồi ký lại tệp này.",
    hintEn: "The input and the files already there are intact (written through a temporary file and a rename). Grant write access or free disk space, then sign this file again.",
  },
  // Signing: certificates not meant for signing (src/sign/certificate-checks.ts) and PDFs that must not be signed.
  "cert/key-usage": {
    vi: "Chứng thư số của {subject} không dùng để ký: Key Usage chỉ cho phép {usages}, không có digitalSignature (ký số) hay nonRepudiation (chống chối bỏ)",
    en: "The certificate of {subject} is not for signing: its key usage allows only {usages}, neither digitalSignature nor nonRepudiation",
    hintVi: "Dùng chứng thư ký số (của người ký hoặc của cơ quan) do tổ chức cung cấp dịch vụ chứng thực chữ ký số cấp.",
    hintEn: "Use a signing certificate (the signer's or the organisation's) issued by a certification service provider.",
  },
  "cert/ca": {
    vi: "Chứng thư số của {subject} là chứng thư của tổ chức chứng thực (CA: {why}), không phải chứng thư để ký văn bản",
    en: "The certificate of {subject} is a certification authority's (CA: {why}), not one for signing documents",
    hintVi: "Dùng tệp .p12 của người ký hoặc của cơ quan, không phải tệp của CA đã cấp nó.",
    hintEn: "Use the .p12 file of the signer or of the organisation, not that of the CA that issued it.",
  },
  "cert/weak-key": {
    vi: "Khóa RSA của {subject} chỉ dài {bits} bit; cần ít nhất {min} bit",
    en: "The RSA key of {subject} has only {bits} bits; at least {min} are needed",
    hintVi: "Xin cấp chứng thư số mới với khóa RSA {min} bit trở lên.",
    hintEn: "Have a new certificate issued with an RSA key of {min} bits or more.",
  },
  "pdf/damaged": {
    vi: "PDF bị hỏng hoặc không đầy đủ: {detailVi}",
    en: "The PDF is damaged or incomplete: {detail}",
    hintVi: "Tệp có thể bị cắt cụt khi tải về hoặc sao chép: lấy lại bản đầy đủ (hoặc lập lại bằng build-docs) rồi ký.",
    hintEn: "The file may have been cut short while downloading or copying: get the whole file again (or rebuild it with build-docs), then sign.",
  },
  "pdf/changed-after-signing": {
    vi: "PDF đã bị sửa sau chữ ký cuối cùng (ô {field}): {bytes} byte thêm vào sau phần đã ký, đổi đối tượng {objectsVi}; không ký tiếp lên thay đổi chưa ai ký",
    en: "The PDF was changed after its last signature (field {field}): {bytes} bytes added after the signed part, changing objects {objects}; not countersigning a change nobody signed",
    hintVi: "Ký lên bản PDF đúng như lúc người trước ký (xin lại bản đó), hoặc hỏi ai đã sửa tệp và vì sao.",
    hintEn: "Sign the PDF exactly as the previous signer left it (ask for that copy), or find out who changed the file and why.",
  },
  // Signing: what earlier signers fixed, and what the appearance can draw (src/sign/pdf-integrity.ts, certification.ts, appearance.ts, signature-image.ts).
  "pdf/signature-broken": {
    vi: "Chữ ký đã có ở ô {field} ({signer}) không còn hợp lệ: {reasonVi}; không ký tiếp lên văn bản mà chữ ký trước không còn xác nhận",
    en: "The signature already in field {field} ({signer}) no longer verifies: {reason}; not countersigning a document its earlier signature no longer vouches for",
    hintVi: "Tệp đã bị sửa trong phần người trước đã ký (hoặc bị hỏng khi sao chép): xin lại bản PDF đúng như lúc người trước ký rồi ký lên bản đó.",
    hintEn: "The file was changed inside the part the earlier signer signed (or damaged while copying): get the PDF exactly as that signer left it and sign that copy.",
  },
  "pdf/certified-no-changes": {
    vi: "PDF đã được chứng nhận ở ô {field} ({signer}) với quyền \"không cho phép thay đổi\" (DocMDP P=1): không được thêm chữ ký nào nữa",
    en: "The PDF was certified in field {field} ({signer}) with \"no changes allowed\" (DocMDP P=1): no further signature may be added",
    hintVi: "Người chứng nhận đã khóa văn bản. Nếu cần thêm chữ ký, xin người đó ký chứng nhận lại với quyền cho phép ký (P=2), hoặc ký trên bản chưa chứng nhận.",
    hintEn: "The certifying signer locked the document. To add a signature, ask them to certify it again allowing signatures (P=2), or sign a copy before certification.",
  },
  "sign/name-not-drawable": {
    vi: "Phông chữ {font} không vẽ đúng được ký tự {chars} trong chữ ký hiển thị ({name}): không ký, để tên không hiện thành dấu ?",
    en: "The font {font} cannot draw the characters {chars} of the visible signature ({name}) correctly: not signing, so the name does not show as question marks",
    hintVi: "Tên lấy từ chứng thư số. Chữ ký hiển thị chỉ vẽ được chữ Latinh và tiếng Việt; dùng chứng thư số ghi tên bằng chữ Latinh hoặc tiếng Việt.",
    hintEn: "The name comes from the certificate. The visible signature draws Latin and Vietnamese letters only; use a certificate whose name is written in them.",
  },
  "image/too-large": {
    vi: "Ảnh chữ ký {file} nặng {size} byte, quá giới hạn {max} byte",
    en: "The signature image {file} is {size} bytes, over the limit of {max} bytes",
    hintVi: "Thu nhỏ ảnh: ảnh chữ ký hay con dấu chỉ cần vài trăm điểm ảnh mỗi chiều (PNG nền trong suốt).",
    hintEn: "Make the image smaller: a signature or seal needs a few hundred points a side (PNG with a transparent background).",
  },
  "image/too-many-pixels": {
    vi: "Ảnh chữ ký {file} có {width} × {height} điểm ảnh ({megapixels} triệu), quá giới hạn {max} triệu điểm ảnh",
    en: "The signature image {file} has {width} × {height} points ({megapixels} million), over the limit of {max} million",
    hintVi: "Thu nhỏ ảnh: ảnh chữ ký hay con dấu chỉ cần vài trăm điểm ảnh mỗi chiều (PNG nền trong suốt).",
    hintEn: "Make the image smaller: a signature or seal needs a few hundred points a side (PNG with a transparent background).",
  },
  "image/seal-size": {
    vi: "Ảnh con dấu {file} cho con dấu cỡ {mm} mm, ngoài khoảng {min}–{max} mm của con dấu thật",
    en: "The seal image {file} gives a seal of {mm} mm, outside the {min}–{max} mm of a real seal",
    hintVi: "Ghi đường kính thật của con dấu bằng --seal-mm (ví dụ: --seal-mm 36), hoặc lưu lại ảnh với độ phân giải đúng (số điểm ảnh ÷ đường kính).",
    hintEn: "Give the seal's real diameter with --seal-mm (e.g. --seal-mm 36), or save the image again at its true resolution (points ÷ diameter).",
  },
  "image/invalid": {
    vi: "Không dùng được ảnh chữ ký {file}: {detailVi}",
    en: "Cannot use the signature image {file}: {detail}",
    hintVi: "Lưu lại ảnh thành PNG (nền trong suốt) hoặc JPEG bằng một chương trình sửa ảnh rồi ký lại.",
    hintEn: "Save the image again as PNG (transparent background) or JPEG with an image editor, then sign again.",
  },
} as const satisfies Record<string, Entry>;

/** A diagnostic's stable code: a key of the catalogue, so a code without a message does not compile. */
export type Code = keyof typeof CATALOGUE;

export function isCode(code: string): code is Code {
  return Object.hasOwn(CATALOGUE, code);
}

/** Fills {name} placeholders. */
function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

export function messageOf(code: string, params: Params, lang: Lang): { message: string; hint?: string } {
  const entry: Entry | undefined = isCode(code) ? CATALOGUE[code] : undefined;
  if (!entry) return { message: `${code} ${JSON.stringify(params)}` };
  const p: Params = { ...params };
  if (typeof params.kind === "string") {
    p.kindVi = FORMAT_VI[params.kind] ?? params.kind;
    p.kindEn = FORMAT_EN[params.kind] ?? params.kind;
  }
  for (const key of ["expected", "got"] as const) {
    const t = params[key];
    if (typeof t !== "string") continue;
    p[`${key}Vi`] = TYPE_VI[t] ?? t;
    p[`${key}En`] = TYPE_EN[t] ?? t;
  }
  const message = fill(lang === "vi" ? entry.vi : entry.en, p);
  const hintT = (params.inCell ? (lang === "vi" ? entry.cellHintVi : entry.cellHintEn) : undefined) ?? (lang === "vi" ? entry.hintVi : entry.hintEn);
  return hintT ? { message, hint: fill(hintT, p) } : { message };
}
