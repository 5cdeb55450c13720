import type { Lang } from "../diagnostics/diagnostic.ts";
import type { Reason } from "../write/plan.ts";

/** How the build talks to people: a progress bar on a terminal, plain lines in CI or a pipe; colour unless NO_COLOR. */
export interface Reporter {
  progress(done: number, total: number, key: string): void;
  line(s: string): void;
  finish(): void;
}

export function makeReporter(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): Reporter {
  const tty = !!stream.isTTY && !env["CI"];
  let drawn = false;
  return {
    progress(done, total, key) {
      if (!tty) {
        stream.write(`[${done}/${total}] ${key}\n`);
        return;
      }
      const width = 24;
      const filled = Math.round((width * done) / Math.max(1, total));
      stream.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${key}`.padEnd(72).slice(0, 100));
      drawn = true;
    },
    line(s) {
      if (drawn) stream.write("\r\x1b[K");
      drawn = false;
      stream.write(s + "\n");
    },
    finish() {
      if (drawn) stream.write("\n");
      drawn = false;
    },
  };
}

export function colour(env: NodeJS.ProcessEnv, stream: NodeJS.WriteStream): (code: number, s: string) => string {
  const on = !!stream.isTTY && env["NO_COLOR"] === undefined && !env["CI"];
  return (code, s) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);
}

export function describeReason(r: Reason, lang: Lang): string {
  const vi = lang === "vi";
  switch (r.code) {
    case "new":
      return vi ? "văn bản mới" : "new document";
    case "input":
      return vi ? `dữ liệu thay đổi: ${r.file}` : `input changed: ${r.file}`;
    case "content":
      return vi ? "nội dung thay đổi (mẫu hoặc dữ liệu liên quan)" : "content changed (template or related data)";
    case "output-missing":
      return vi ? `thiếu tệp ${r.file}` : `missing ${r.file}`;
    case "output-changed":
      return vi ? `tệp ${r.file} đã bị sửa tay` : `${r.file} was edited by hand`;
    case "tool":
      return vi ? "phiên bản công cụ thay đổi" : "tool version changed";
    case "fonts":
      return vi ? "phông chữ thay đổi" : "fonts changed";
    case "shell":
      return vi ? "khuôn DOCX (templates/shell.docx) thay đổi" : "DOCX shell (templates/shell.docx) changed";
  }
}
