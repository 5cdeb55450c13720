import { describe, expect, it } from "vitest";
import { convertLegacy, detectLegacyVietnamese } from "../../src/load/legacy-encoding.ts";

const SHY = "\u00AD"; // TCVN3 "ư" is byte 0xAD, the soft hyphen in Latin-1

/** [legacy text as pasted, what was meant, index of the first legacy character] */
const TCVN3_CASES: [string, string, number][] = [
  ["Céng hßa x· héi chñ nghÜa ViÖt Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam", 1],
  ["Së V¨n hãa", "Sở Văn hóa", 1],
  ["Së Y tÕ", "Sở Y tế", 1],
  ["§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc", 0],
  ["Uû ban nh©n d©n tØnh Trµ Vinh", "Uỷ ban nhân dân tỉnh Trà Vinh", 1],
  ["Trµ Vinh, ngµy 05 th¸ng 02 n¨m 2020", "Trà Vinh, ngày 05 tháng 02 năm 2020", 2],
  ["NguyÔn ThÞ Ngäc H©n", "Nguyễn Thị Ngọc Hân", 4],
  ["Khèi thi ®ua c¸c c¬ quan V¨n hãa - X· héi", "Khối thi đua các cơ quan Văn hóa - Xã hội", 2],
  [
    `C¨n cø LuËt Thi ®ua, Khen th${SHY}ëng ngµy 26 th¸ng 11 n¨m 2003; C¨n cø NghÞ ®Þnh sè 30/2020/N§-CP ` +
      `ngµy 05 th¸ng 3 n¨m 2020 cña ChÝnh phñ vÒ c«ng t¸c v¨n th${SHY}; XÐt ®Ò nghÞ cña Tr${SHY}ëng khèi thi ®ua.`,
    "Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Căn cứ Nghị định số 30/2020/NĐ-CP " +
      "ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư; Xét đề nghị của Trưởng khối thi đua.",
    1,
  ],
];

const VNI_CASES: [string, string, number][] = [
  ["Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam", 2],
  ["Sôû Vaên hoùa", "Sở Văn hóa", 1],
  ["Sôû Y teá", "Sở Y tế", 1],
  ["Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc", 0],
  ["UÛy ban nhaân daân tænh Traø Vinh", "Ủy ban nhân dân tỉnh Trà Vinh", 1],
  ["Traø Vinh, ngaøy 05 thaùng 02 naêm 2020", "Trà Vinh, ngày 05 tháng 02 năm 2020", 3],
  ["Nguyeãn Thò Ngoïc Haân", "Nguyễn Thị Ngọc Hân", 5],
  ["Khoái thi ñua caùc cô quan Vaên hoùa - Xaõ hoäi", "Khối thi đua các cơ quan Văn hóa - Xã hội", 10],
  ["COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 2],
  [
    "Caên cöù Luaät Thi ñua, Khen thöôûng ngaøy 26 thaùng 11 naêm 2003; Caên cöù Nghò ñònh soá 30/2020/NÑ-CP " +
      "ngaøy 05 thaùng 3 naêm 2020 cuûa Chính phuû veà coâng taùc vaên thö; Xeùt ñeà nghò cuûa Tröôûng khoái thi ñua.",
    "Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Căn cứ Nghị định số 30/2020/NĐ-CP " +
      "ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư; Xét đề nghị của Trưởng khối thi đua.",
    2,
  ],
];

describe("convertLegacy", () => {
  it.each(TCVN3_CASES)("TCVN3 %j", (legacy, meant) => {
    expect(convertLegacy(legacy, "TCVN3")).toBe(meant);
  });
  it.each(VNI_CASES)("VNI %j", (legacy, meant) => {
    expect(convertLegacy(legacy, "VNI")).toBe(meant);
  });

  it("maps the TCVN3 letters without tone (upper and lower case)", () => {
    expect(convertLegacy("¡¢£¤¥¦§ ¨©ª«¬" + SHY + "®", "TCVN3")).toBe("ĂÂÊÔƠƯĐ ăâêôơưđ");
  });

  it("maps every TCVN3 toned vowel", () => {
    const legacy = "µ¸¶·¹ »¾¼½Æ ÇÊÈÉË ÌÐÎÏÑ ÒÕÓÔÖ ×ÝØÜÞ ßãáâä åèæçé êíëìî ïóñòô õøö÷ù úýûüþ";
    expect(convertLegacy(legacy, "TCVN3")).toBe("àáảãạ ằắẳẵặ ầấẩẫậ èéẻẽẹ ềếểễệ ìíỉĩị òóỏõọ ồốổỗộ ờớởỡợ ùúủũụ ừứửữự ỳýỷỹỵ");
  });

  it("maps every VNI mark, i and y", () => {
    const legacy = "aø aù aû aõ aï aâ aà aá aå aã aä aê aè aé aú aü aë oâ oà ô ôø ö öï ì í æ ó ò yø yù yû yõ î ñ Ñ";
    expect(convertLegacy(legacy, "VNI")).toBe(
      "à á ả ã ạ â ầ ấ ẩ ẫ ậ ă ằ ắ ẳ ẵ ặ ô ồ ơ ờ ư ự ì í ỉ ĩ ị ỳ ý ỷ ỹ ỵ đ Đ",
    );
    expect(convertLegacy("Ñaék Laék, Nguyeãn Thò Thuî, Myõ Tho, khuyûu", "VNI")).toBe("Đắk Lắk, Nguyễn Thị Thuỵ, Mỹ Tho, khuỷu");
  });

  it("leaves VNI mark characters alone where no vowel precedes them", () => {
    expect(convertLegacy("café über", "VNI")).toBe("café über");
  });

  it("returns NFC", () => {
    const out = convertLegacy("Vieät", "VNI");
    expect(out).toBe("Việt");
    expect(out.normalize("NFC")).toBe(out);
  });
});

describe("detectLegacyVietnamese: legacy text", () => {
  it.each(TCVN3_CASES)("TCVN3 %j", (legacy, meant, index) => {
    expect(detectLegacyVietnamese(legacy)).toEqual({ encoding: "TCVN3", index, suggestion: meant });
  });
  it.each(VNI_CASES)("VNI %j", (legacy, meant, index) => {
    expect(detectLegacyVietnamese(legacy)).toEqual({ encoding: "VNI", index, suggestion: meant });
  });

  it("points at the first legacy character even after proper text", () => {
    const text = "Kính gửi: Së Y tÕ tØnh Trµ Vinh";
    const finding = detectLegacyVietnamese(text);
    expect(finding?.encoding).toBe("TCVN3");
    expect(finding?.index).toBe(text.indexOf("ë"));
    const vni = "Kính gửi: Sôû Y teá tænh Traø Vinh";
    expect(detectLegacyVietnamese(vni)?.index).toBe(vni.indexOf("ô"));
  });

  it("finds legacy text inside a YAML-like line with numbers and punctuation", () => {
    expect(detectLegacyVietnamese("ten_don_vi: \"Së Y tÕ\" # 2020")?.encoding).toBe("TCVN3");
    expect(detectLegacyVietnamese("ten_don_vi: \"Sôû Y teá\" # 2020")?.encoding).toBe("VNI");
  });
});

const VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
const TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
/** Every vowel with every tone, in syllables "tVn" (all tones allowed before n) and "bV". */
const ALL_TONED = VOWELS.flatMap((v) =>
  TONES.flatMap((t) => [`t${v}${t}n`, ...(v === "ă" || v === "â" ? [] : [`b${v}${t}`])]),
).map((s) => s.normalize("NFC"));

const PROPER: string[] = [
  "Độc lập - Tự do - Hạnh phúc",
  "Trà Vinh, ngày 05 tháng 02 năm 2020",
  "Nguyễn Thị Ngọc Hân",
  "UBND TỈNH TRÀ VINH",
  "Khối thi đua các cơ quan Văn hóa – Xã hội",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "Sở Y tế",
  "Sở Văn hóa, Thể thao và Du lịch",
  "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư",
  "Đắk Lắk, Kon Tum, Pleiku, Thừa Thiên Huế, Bà Rịa – Vũng Tàu",
  "Thuỵ, thủy, hoà, hòa, khoẻ, khỏe, quý, quốc, giữa, giường, khuỷu, người, rượu, yêu, ấy, ở, ý",
  "The committee met on 5 February 2020 to review the annual report.",
  "café", "Müller", "naïve",
  "Un café au lait, s'il vous plaît; Noël à Zürich; déjà vu; très naïve",
  "Herr Müller aus München: Grüße über die Straße, schön!",
  "Où est Loïc? Déjà vu",
  "Señor Muñoz, España, año 2020",
  "12.345.678 đồng; 3,5%; 2020-02-05",
  "–", "“”", "…", "§", "©", "°", "±", "×",
  "– “Điều 1” … § 3 © 2020 25 °C ± 2 °C 3 × 4 × 5",
  "§ 1. © 2020 Sở Thông tin và Truyền thông",
  "Kích thước 10 µm × 20 µm",
  ALL_TONED.join(" "),
  ALL_TONED.join(" ").toUpperCase(),
  "",
];

describe("detectLegacyVietnamese: proper text is not flagged", () => {
  it.each(PROPER)("NFC %j", (text) => {
    expect(detectLegacyVietnamese(text.normalize("NFC"))).toBeUndefined();
  });
  it.each(PROPER)("NFD %j", (text) => {
    expect(detectLegacyVietnamese(text.normalize("NFD"))).toBeUndefined();
  });
  it.each(ALL_TONED)("syllable %s next to a legacy word is no evidence", (syllable) => {
    // One legacy word alone is below the threshold: a proper syllable must not add a second.
    for (const s of [syllable, syllable.toUpperCase(), syllable.normalize("NFD")]) {
      expect(detectLegacyVietnamese(`${s} Së`)).toBeUndefined();
      expect(detectLegacyVietnamese(`${s} Sôû`)).toBeUndefined();
    }
  });
  it("needs more than one distinct legacy word", () => {
    expect(detectLegacyVietnamese("Së")).toBeUndefined();
    expect(detectLegacyVietnamese("Sôû")).toBeUndefined();
    expect(detectLegacyVietnamese("Së Së Së")).toBeUndefined();
  });
  it("ignores two odd words in a long proper document", () => {
    const doc = `${"Ủy ban nhân dân tỉnh Trà Vinh quyết định khen thưởng tập thể và cá nhân. ".repeat(3)} Së tÕ`;
    expect(detectLegacyVietnamese(doc)).toBeUndefined();
  });
});
