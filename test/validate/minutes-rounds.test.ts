/**
 * Issue 14 items 2 and 3 in the minutes: written opinions of absent units
 * (vang_mat[].y_kien_van_ban, binh_bau.tinh_y_kien_van_ban) bound the ballots
 * received; a second round (phieu[].vong) only among the units tied in round 1.
 */
import { describe, expect, it } from "vitest";
import { checkEdited } from "./edit-helper.ts";

const BB = "data/2020/bien-ban.md";
const NAM = "data/2020/nam.yaml";
const C_PRESENT = "  - { ho_ten: Lê Văn C, chuc_vu: Giám đốc, don_vi: don-vi-c }\n";
// Sở C is absent and sends a written opinion.
const cAbsent: [string, string][] = [[C_PRESENT, ""], ["ban_kiem_phieu:", "vang_mat:\n  - { don_vi: don-vi-c, ly_do: đi công tác, y_kien_van_ban: true }\nban_kiem_phieu:"]];
const counted: [string, string][] = [["  co_so: thanh_vien", "  co_so: co_mat\n  tinh_y_kien_van_ban: true"]];

describe("written opinions and the ballots received", () => {
  it("not counted (the default): more ballots received than units present is an error at thu_vao", async () => {
    const { lines, texts } = await checkEdited({ [BB]: cAbsent });
    expect(lines).toEqual([`warning ${BB}:18:14 vote/issued-over-present`, `error ${BB}:19:14 vote/received-over-present`]);
    expect(texts[2]).toContain("Số phiếu thu vào (3) lớn hơn số đơn vị có mặt (2)");
    expect(texts[2]).toContain("binh_bau.tinh_y_kien_van_ban");
    expect(texts[3]).toContain("Ballots received (3) exceed the units present (2)");
  });

  it("counted: one ballot per written opinion is allowed, one more is an error", async () => {
    expect((await checkEdited({ [BB]: cAbsent, [NAM]: counted })).lines).toEqual([]);
    const { lines, texts } = await checkEdited({ [BB]: [...cAbsent, ["phat_ra: 3\n    thu_vao: 3\n    hop_le: 3", "phat_ra: 4\n    thu_vao: 4\n    hop_le: 4"]], [NAM]: counted });
    expect(lines).toEqual([`warning ${BB}:18:14 vote/issued-over-possible`, `error ${BB}:19:14 vote/received-over-possible`]);
    expect(texts[2]).toContain("Số phiếu thu vào (4) lớn hơn số đơn vị có mặt (2) cộng số ý kiến bằng văn bản được tính như phiếu bầu (1)");
    expect(texts[3]).toContain("Ballots received (4) exceed the units present (2) plus the written opinions counted as votes (1)");
  });
});

// Round 1: Sở A and Sở B tie with 2 of 3 votes for the one place.
const tie: [string, string][] = [["{ don_vi: don-vi-a, dong_y: 3 }", "{ don_vi: don-vi-a, dong_y: 2 }"], ["{ don_vi: don-vi-b, dong_y: 1 }", "{ don_vi: don-vi-b, dong_y: 2 }"]];
const round2 = (rows: string, vong = 2) => `  - danh_hieu: co-thi-dua
    vong: ${vong}
    phat_ra: 3
    thu_vao: 3
    hop_le: 3
    khong_hop_le: 0
    ket_qua:
${rows}
---`;
const addRound = (rows: string, vong = 2): [RegExp, string] => [/\n---(?=\nCuộc họp)/, `\n${round2(rows, vong)}`];
const AB = "      - { don_vi: don-vi-a, dong_y: 3 }\n      - { don_vi: don-vi-b, dong_y: 0 }";

describe("a second round among the tied units", () => {
  it("a tie says the round, the places being decided and the entry that settles it", async () => {
    const { texts } = await checkEdited({ [BB]: tie });
    expect(texts[0]).toContain("Cờ thi đua của Ủy ban nhân dân tỉnh: ở lần bỏ phiếu 1, các đơn vị don-vi-a, don-vi-b bằng phiếu ở vị trí cuối của 1 chỗ còn xét (chỉ tiêu 1)");
    expect(texts[0]).toContain("vong: 2");
  });

  it("is accepted after a tie (no duplicate error, the tie warning gone)", async () => {
    expect((await checkEdited({ [BB]: tie })).lines).toEqual([`warning ${BB}:21:5 vote/tie-at-quota`]);
    expect((await checkEdited({ [BB]: [...tie, addRound(AB)] })).lines).toEqual([]);
  });

  it("without a tie in round 1 is an error at vong", async () => {
    const { lines, texts } = await checkEdited({ [BB]: [addRound(AB)] });
    expect(lines).toEqual([`error ${BB}:25:11 vote/round-without-tie`]);
    expect(texts[0]).toContain("Cờ thi đua của Ủy ban nhân dân tỉnh: lần bỏ phiếu 1 không có đơn vị bằng phiếu ở vị trí cuối của chỉ tiêu, nên không bỏ phiếu lần 2");
    expect(texts[1]).toContain("round 1 left no tie at the last place of the quota, so there is no round 2");
  });

  it("with other units than the tied ones is an error naming the extra and the missing", async () => {
    const { lines, texts } = await checkEdited({ [BB]: [...tie, addRound("      - { don_vi: don-vi-a, dong_y: 3 }\n      - { don_vi: don-vi-c, dong_y: 0 }")] });
    expect(lines).toEqual([`error ${BB}:30:5 vote/round-candidates`]);
    expect(texts[0]).toContain("lần 2 phải gồm đúng các đơn vị bằng phiếu ở lần 1 (don-vi-a, don-vi-b); thừa: don-vi-c; thiếu: don-vi-b");
    expect(texts[1]).toContain("extra: don-vi-c; missing: don-vi-b");
  });

  it("a round without the round before it is an error; the same round twice a duplicate", async () => {
    const { lines, texts } = await checkEdited({ [BB]: [...tie, addRound(AB, 3)] });
    expect(lines).toEqual([`error ${BB}:25:11 vote/round-without-previous`]);
    expect(texts[0]).toContain("Cờ thi đua của Ủy ban nhân dân tỉnh: có kết quả bỏ phiếu lần 3 nhưng không có lần 2");
    const dup = await checkEdited({ [BB]: [...tie, addRound(AB), [/\n---(?=\nCuộc họp)/, `\n${round2(AB)}`]] });
    expect(dup.lines).toEqual([`error ${BB}:33:16 dup/entry`]);
    expect(dup.texts[0]).toContain("co-thi-dua, lần 2");
  });
});
