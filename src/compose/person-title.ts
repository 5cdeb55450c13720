/**
 * A person's title in the minutes' attendance list, as Vietnamese offices write
 * it: the data's `chuc_danh` verbatim when given; otherwise the title joined to
 * the unit's name, without the words they share: "Phó Trưởng ban" + "Ban Dân tộc
 * tỉnh" is "Phó Trưởng Ban Dân tộc tỉnh", "Chánh Văn phòng" + "Văn phòng Ủy ban
 * nhân dân tỉnh" is "Chánh Văn phòng Ủy ban nhân dân tỉnh" (the unit's own
 * spelling, capitals included, wins).
 */
export function personTitle(p: { chuc_vu?: string | undefined; chuc_danh?: string | undefined }, unitName: string): string {
  // The list adds its own ";" or "." after each entry.
  if (p.chuc_danh) return p.chuc_danh.trim().replace(/[\s;.,]+$/u, "");
  const title = (p.chuc_vu ?? "").trim().split(/\s+/).filter(Boolean);
  const unit = unitName.trim().split(/\s+/);
  const same = (a: string, b: string) => a.normalize("NFC").toLocaleLowerCase("vi") === b.normalize("NFC").toLocaleLowerCase("vi");
  // The longest run of words that ends the title and begins the unit's name.
  for (let k = Math.min(title.length - 1, unit.length); k > 0; k--) {
    const tail = title.slice(title.length - k);
    if (tail.every((w, i) => same(w, unit[i]!))) return [...title.slice(0, title.length - k), ...unit].join(" ");
  }
  return [...title, ...unit].join(" ");
}
