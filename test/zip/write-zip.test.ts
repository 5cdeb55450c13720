import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { readZipEntries } from "../../src/import/zip-entries.ts";
import { crc32, crc32Table } from "../../src/zip/crc32.ts";
import { deflatePart, writeZip } from "../../src/zip/write-zip.ts";

const enc = new TextEncoder();
const LIMITS = { maxInflated: 1 << 24, maxEntries: 100 };

function sample(): { name: string; data: Uint8Array }[] {
  const big = enc.encode("<w:p><w:r><w:t>Khối thi đua</w:t></w:r></w:p>".repeat(2000));
  const noise = new Uint8Array(5000).map((_, i) => (i * 2654435761) >>> 24);
  return [
    { name: "[Content_Types].xml", data: enc.encode('<?xml version="1.0"?><Types/>') },
    { name: "word/document.xml", data: big },
    { name: "empty.txt", data: new Uint8Array(0) },
    { name: "media/noise.bin", data: noise },
    { name: "tên tệp/Đơn vị.xml", data: enc.encode("<x>đ</x>") },
  ];
}
const zipOf = (entries: { name: string; data: Uint8Array }[]) => writeZip(entries.map((e) => ({ name: e.name, part: deflatePart(e.data) })));

describe("writeZip", () => {
  it("round-trips through the import's zip reader, entries in the order given", () => {
    const read = readZipEntries(zipOf(sample()), () => true, LIMITS);
    expect("entries" in read).toBe(true);
    const entries = (read as { entries: Map<string, Uint8Array> }).entries;
    expect([...entries.keys()]).toEqual(sample().map((e) => e.name));
    for (const e of sample()) expect(Buffer.from(entries.get(e.name)!).equals(Buffer.from(e.data)), e.name).toBe(true);
  });

  it("is deterministic: the same entries give the same bytes", () => {
    expect(Buffer.from(zipOf(sample())).equals(Buffer.from(zipOf(sample())))).toBe(true);
  });

  it("headers carry the CRC-32 of each part, 1980-01-01 00:00, deflate, and the UTF-8 flag only for non-ASCII names", () => {
    const bytes = zipOf(sample());
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let at = 0;
    for (const e of sample()) {
      expect(view.getUint32(at, true)).toBe(0x04034b50);
      expect(view.getUint16(at + 6, true)).toBe(/^[\x00-\x7f]*$/.test(e.name) ? 0 : 0x0800);
      expect(view.getUint16(at + 8, true)).toBe(8);
      expect([view.getUint16(at + 10, true), view.getUint16(at + 12, true)]).toEqual([0, 0x21]);
      expect(view.getUint32(at + 14, true)).toBe(zlib.crc32(e.data));
      expect(view.getUint32(at + 22, true)).toBe(e.data.byteLength);
      at += 30 + view.getUint16(at + 26, true) + view.getUint32(at + 18, true);
    }
    expect(view.getUint32(at, true)).toBe(0x02014b50);
  });

  it("the table CRC-32 (for a Node without zlib.crc32) agrees with node:zlib's and the standard check value", () => {
    expect(crc32Table(enc.encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(enc.encode("123456789"))).toBe(0xcbf43926);
    for (const e of sample()) expect(crc32Table(e.data), e.name).toBe(zlib.crc32(e.data));
  });

  it("unzip -t and Python's zipfile accept it and read the same parts", () => {
    const dir = mkdtempSync(join(tmpdir(), "ktd-zip-"));
    try {
      const file = join(dir, "a.zip");
      writeFileSync(file, zipOf(sample()));
      const unzip = spawnSync("unzip", ["-t", file], { encoding: "utf8" });
      if (unzip.error === undefined) expect(unzip.status, unzip.stdout + unzip.stderr).toBe(0);
      const py = spawnSync(
        "python3",
        ["-c", "import sys,zipfile,hashlib;z=zipfile.ZipFile(sys.argv[1]);assert z.testzip() is None;[print(i.filename, i.date_time, hashlib.sha256(z.read(i)).hexdigest()) for i in z.infolist()]", file],
        { encoding: "utf8" },
      );
      if (py.error === undefined) {
        expect(py.status, py.stderr).toBe(0);
        const sha = (d: Uint8Array) => createHash("sha256").update(d).digest("hex");
        expect(py.stdout.trim().split("\n")).toEqual(sample().map((e) => `${e.name} (1980, 1, 1, 0, 0, 0) ${sha(e.data)}`));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
