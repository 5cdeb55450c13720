/** Limits on a returned workbook, checked before exceljs parses it (a form is a few tens of KiB). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_UNZIPPED_BYTES = 20 * 1024 * 1024;

export const mib = (n: number): string => (n / 1024 / 1024).toFixed(1);

/**
 * The total uncompressed size the zip's central directory declares for its
 * entries, read without inflating anything; undefined when there is no
 * central directory (not a zip: exceljs then says so). A ZIP64 archive or
 * size (0xFFFFFFFF) counts as above any limit.
 */
export function declaredUnzippedSize(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const minEnd = Math.max(0, bytes.byteLength - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.byteLength - 22; i >= minEnd; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) return Number.MAX_SAFE_INTEGER; // ZIP64: no form needs it
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== 0x02014b50) break;
    total += view.getUint32(at + 24, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}
