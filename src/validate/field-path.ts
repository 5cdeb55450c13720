import type { Path } from "../load/yaml-source.ts";

/**
 * A field's path as a secretary reads it: an entry of a list of criteria by its criterion
 * (tong_ket.diem[tc05].khoi_cham, tieu_chi[tc05].diem_toi_da), any other list item counted
 * from 1 (tong_ket.diem_cong[1] is the first). The same notation in Vietnamese and English.
 */
export function fieldPath(path: Path, root: unknown): string {
  let out = "";
  let node: unknown = root;
  let parentKey: string | number | undefined;
  for (const seg of path) {
    if (typeof seg === "number" && Array.isArray(node)) {
      out += `[${itemName(node, seg, parentKey) ?? seg + 1}]`;
      node = node[seg];
    } else {
      out += (out ? "." : "") + String(seg);
      node = isRecord(node) ? node[String(seg)] : undefined;
    }
    parentKey = seg;
  }
  return out || "(gốc)";
}

/** The criterion an entry stands for (its tieu_chi, or its ma in the list tieu_chi of nam.yaml), when it names one entry only. */
function itemName(list: unknown[], i: number, listKey: string | number | undefined): string | undefined {
  const key = listKey === "tieu_chi" ? "ma" : "tieu_chi";
  const name = (item: unknown) => (isRecord(item) && typeof item[key] === "string" ? (item[key] as string) : undefined);
  const mine = name(list[i]);
  if (mine === undefined || !/^[a-z0-9][a-z0-9-]*$/.test(mine)) return undefined;
  return list.filter((item) => name(item) === mine).length === 1 ? mine : undefined;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}
