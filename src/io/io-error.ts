/** Errors of the file system (errno codes) as words for diagnostics, in both languages. */
export interface IoReason {
  [key: string]: string;
  reason: string;
  reasonVi: string;
}

const REASONS: Record<string, [vi: string, en: string]> = {
  EACCES: ["không có quyền truy cập (EACCES)", "permission denied (EACCES)"],
  EPERM: ["không được phép (EPERM)", "operation not permitted (EPERM)"],
  EROFS: ["ổ đĩa chỉ cho đọc (EROFS)", "read-only file system (EROFS)"],
  ENOSPC: ["đĩa đầy (ENOSPC)", "no space left on device (ENOSPC)"],
  EDQUOT: ["vượt hạn mức dung lượng (EDQUOT)", "disk quota exceeded (EDQUOT)"],
  EIO: ["lỗi vào/ra của đĩa (EIO)", "input/output error (EIO)"],
  EISDIR: ["là một thư mục, không phải tệp (EISDIR)", "is a folder, not a file (EISDIR)"],
  ENOTDIR: ["một phần của đường dẫn không phải thư mục (ENOTDIR)", "a part of the path is not a folder (ENOTDIR)"],
  EMFILE: ["mở quá nhiều tệp cùng lúc (EMFILE)", "too many open files (EMFILE)"],
  EBUSY: ["tệp đang bị chương trình khác dùng (EBUSY)", "the file is in use (EBUSY)"],
  ENOTREG: ["không phải tệp thường (FIFO, thiết bị…)", "not a regular file (a FIFO, a device…)"],
  ELINKOUT: ["là liên kết (symlink) trỏ ra ngoài thư mục dự án (hoặc ngoài thư mục --out, --data đã chọn); công cụ không đi theo", "is a symbolic link that leads out of the project (or out of the folder chosen with --out or --data); the tool does not follow it"],
  ELINKBROKEN: ["là liên kết (symlink) trỏ tới tệp không tồn tại", "is a symbolic link to nothing"],
  ELINKWRITE: ["là liên kết (symlink); công cụ không ghi hay xóa qua liên kết", "is a symbolic link; the tool never writes or removes through one"],
};

/** An error from the file system: it has an errno code such as "EACCES". */
export function isIoError(err: unknown): err is NodeJS.ErrnoException & { code: string } {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === "string" && /^E[A-Z0-9]+$/.test((err as NodeJS.ErrnoException).code!);
}

export function ioReason(err: unknown): IoReason {
  const code = isIoError(err) ? err.code : undefined;
  const known = code ? REASONS[code] : undefined;
  if (known) return { reasonVi: known[0], reason: known[1] };
  const msg = (err instanceof Error ? err.message : String(err)).split("\n")[0] ?? "";
  return { reasonVi: msg, reason: msg };
}

/** A path that leads out of the project, or to nothing, through a symbolic link (see nodeWorld). */
export function isLinkError(err: unknown): err is NodeJS.ErrnoException & { code: "ELINKOUT" | "ELINKBROKEN" | "ELINKWRITE"; target: string } {
  return isIoError(err) && (err.code === "ELINKOUT" || err.code === "ELINKBROKEN" || err.code === "ELINKWRITE");
}
