/**
 * khoi.yaml's ma_loai_van_ban is made of the codes of the document types handed down: a type
 * added to the registry brings its key and default code with it, and a key no type uses is refused.
 */
import { describe, expect, it } from "vitest";
import { DOC_TYPES } from "../../src/documents/registry.ts";
import { blocSchema, docTypeCodes } from "../../src/schema/bloc.ts";

describe("the bloc's type codes", () => {
  it("has one key per code of the registry's types, each with its default", () => {
    const codes = docTypeCodes(DOC_TYPES).parse(undefined);
    expect(Object.keys(codes).sort()).toEqual([...new Set(DOC_TYPES.map((t) => t.typeCode))].sort());
    for (const t of DOC_TYPES) expect(codes[t.typeCode], t.id).toBe(t.defaultCode);
    expect(codes).toMatchObject({ ke_hoach: "KH", bao_cao: "BC", bien_ban: "BB", to_trinh: "TTr", giay_moi: "GM", dang_ky: "" });
  });

  it("follows a type added to the list: its default, or the bloc's own code for it", () => {
    const types = [...DOC_TYPES, { typeCode: "thong_bao", defaultCode: "TB" }];
    expect(docTypeCodes(types).parse({})).toMatchObject({ thong_bao: "TB", ke_hoach: "KH" });
    expect(docTypeCodes(types).parse({ thong_bao: "TBáo" }).thong_bao).toBe("TBáo");
  });

  it("refuses a key no type uses", () => {
    const r = docTypeCodes(DOC_TYPES).safeParse({ khong_co_loai_nay: "X" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.code).toBe("unrecognized_keys");
  });

  it("keeps ma_loai_van_ban in its place among the bloc's keys", () => {
    const keys = Object.keys(blocSchema(DOC_TYPES).shape);
    expect(keys.indexOf("ma_loai_van_ban")).toBe(keys.indexOf("co_quan_ban_hanh") + 1);
  });
});
