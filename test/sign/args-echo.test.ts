/**
 * The sign parser's messages never repeat an option's value (a password or
 * token typed as `--pw=…`) and never carry raw control characters (an ESC
 * that would drive the terminal), in both languages.
 */
import { describe, expect, it } from "vitest";
import { parseSignArgs } from "../../src/sign/args.ts";

const base = ["a.pdf", "--p12", "k.p12"];
const errs = (...extra: string[]) => [...parseSignArgs([...base, ...extra]).errors, ...parseSignArgs([...base, ...extra, "--lang", "en"]).errors];

describe("sign: what the usage errors echo", () => {
  it("names an unknown option without its value", () => {
    expect(parseSignArgs([...base, "--pw=secret1"]).errors).toEqual(["tùy chọn không rõ: --pw"]);
    expect(parseSignArgs([...base, "--token=s4", "--lang", "en"]).errors).toEqual(["unknown option: --token"]);
    expect(parseSignArgs([...base, "-k=s5"]).errors).toEqual(["tùy chọn không rõ: -k"]);
    for (const m of errs("--pw=secret1", "--token=s4", "-k=s5")) expect(m).not.toMatch(/secret1|s4|s5/);
  });

  it("escapes control characters in everything it echoes", () => {
    const messages = [...errs("--x=\u001b[31mRED"), ...errs("--\u001b[2Jy"), ...errs("--lang=\u001b[2J"), ...parseSignArgs([...base, "--lang", "\u001b[2J"]).errors];
    expect(messages.length).toBeGreaterThanOrEqual(7);
    for (const m of messages) expect(m).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(parseSignArgs([...base, "--\u001b[2Jy"]).errors).toEqual(["tùy chọn không rõ: --\\u001b[2Jy"]);
    expect(parseSignArgs([...base, "--lang", "\u001b[2J"]).errors).toEqual(['--lang: vi hoặc en, không phải "\\u001b[2J"']);
    expect(parseSignArgs([...base, "--lang=\u001b[2J", "--lang=en"]).errors).toEqual(['--lang: vi or en, not "\\u001b[2J"']);
  });

  it("keeps the messages it gave before for plain input", () => {
    expect(parseSignArgs([...base, "--bogus"]).errors).toEqual(["tùy chọn không rõ: --bogus"]);
    expect(parseSignArgs([...base, "--lang", "fr"]).errors).toEqual(['--lang: vi hoặc en, không phải "fr"']);
    expect(parseSignArgs([...base, "--password=x"]).errors[0]).toMatch(/^--password: không nhận mật khẩu/);
  });
});
