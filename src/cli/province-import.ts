/**
 * `tinh import-ket-qua <file…>`: results files received from blocs kept elsewhere, into the
 * workspace's ket-qua/<year>/<bloc>.json, where `tinh build` merges them. Each file is read within
 * a limit and checked against the published layout, the province and the year of tinh.yaml; a
 * bloc built in the workspace is not received again. Through the transaction: any error and
 * nothing is written; a file there is replaced only when it is the one the tool wrote last (a
 * bloc's corrected file replaces its first).
 */
import { Diagnostics } from "../diagnostics/diagnostic.ts";
import { formatDiagnostic, summaryLine } from "../diagnostics/format.ts";
import type { World } from "../io/world.ts";
import { RECEIVED_DIR, readResultsBytes, readResultsFile, receivedId } from "../province/received.ts";
import { readProvinceSettings } from "../province/settings.ts";
import { resolve } from "node:path";
import { nodeWorld } from "../io/node-world.ts";
import { findBlocs, type WorkspaceBloc } from "../province/workspace.ts";
import { stageRecorded, type PlannedFile, type RecordedFolder } from "../write/recorded-folder.ts";
import { inTransaction } from "../write/transaction.ts";
import type { CliOptions } from "./args.ts";

const RECEIVED: RecordedFolder = {
  dir: (base, y) => `${base}/${y}`,
  record: ".nhan.json",
  names: /^[a-z0-9][a-z0-9-]*\.json$/,
  kept: "tinh/kept-file",
  damaged: "files/record-damaged",
  command: "tinh import-ket-qua",
};

export async function importResults(world: World, opts: CliOptions, print: (s: string) => void): Promise<number> {
  const vi = opts.lang === "vi";
  const diags = new Diagnostics();
  const tx = await inTransaction(world, { command: "tinh import-ket-qua" }, diags, async (staging) => {
    const settings = await readProvinceSettings(world, diags);
    if (!settings) return undefined;
    const { blocs } = await findBlocs(world, settings.khoi_noi_khac);
    // The codes of the blocs the workspace builds, from their own results files of the year (a bloc named k9 may hold Khối 7).
    const ownCodes = await blocCodes(opts.root, blocs, settings);
    const planned: PlannedFile[] = [];
    const from = new Map<string, string>();
    for (const path of opts.files) {
      const read = await readResultsBytes(world, path, settings, diags);
      if (!read) continue;
      const r = read.results;
      const id = receivedId(r);
      // A code that names no file (signs only, too long) is refused, never guessed; one that shares its file name with another bloc's is said below.
      if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) {
        diags.error("tinh/bad-code", { file: path, line: 0, column: 0 }, { path, code: r.khoi.ma.slice(0, 80) });
        continue;
      }
      const target = `${RECEIVED_DIR}/${r.nam}/${id}.json`;
      const there = (await world.fileSize(target).catch(() => undefined)) !== undefined ? await readResultsFile(world, target, settings, new Diagnostics()) : undefined;
      if (there && there.khoi.ma !== r.khoi.ma) {
        diags.error("tinh/code-clash", { file: path, line: 0, column: 0 }, { path, code: r.khoi.ma, target, other: there.khoi.ma });
        continue;
      }
      // A bloc the workspace builds, under its folder's name or under another (khoi_noi_khac: { k9: ... } holding Khối 7).
      const here = blocs.find((b) => b.id === id) ?? ownCodes.get(id);
      const twice = from.get(id);
      if (here) diags.error("tinh/two-results", { file: path, line: 0, column: 0 }, { bloc: id, path, other: `${here.dir}/` });
      else if (twice) diags.error("tinh/two-results", { file: path, line: 0, column: 0 }, { bloc: id, path, other: twice });
      else {
        from.set(id, path);
        planned.push({ year: r.nam, name: `${id}.json`, bytes: read.bytes });
      }
    }
    if (diags.hasErrors) return undefined;
    return stageRecorded(world, RECEIVED_DIR, RECEIVED, planned, diags, staging);
  });
  const items = diags.sorted();
  for (const d of items) print(formatDiagnostic(d, opts.lang));
  const errors = items.filter((d) => d.severity === "error").length;
  print(summaryLine(errors, items.length - errors, opts.lang));
  if (errors) {
    print(vi ? "Không nhận tệp nào vì có lỗi." : "Nothing was taken because of the errors.");
    return 1;
  }
  const written = tx.written.filter((p) => !p.endsWith(`/${RECEIVED.record}`));
  for (const f of written) print(`${vi ? "đã ghi" : "wrote"} ${f}`);
  print(vi ? `Xong: nhận ${written.length} tệp kết quả, ${(tx.value?.unchanged.length ?? 0)} không đổi. Chạy tinh build để tổng hợp.` : `Done: ${written.length} results files taken, ${tx.value?.unchanged.length ?? 0} unchanged. Run tinh build to merge.`);
  return 0;
}

/** Each workspace bloc by the code (receivedId) its own results file of the year gives, read in the bloc's own folder and link rules. */
async function blocCodes(root: string, blocs: readonly WorkspaceBloc[], settings: { tinh: string; nam: number }): Promise<Map<string, WorkspaceBloc>> {
  const out = new Map<string, WorkspaceBloc>();
  for (const b of blocs) {
    const own = await readResultsFile(nodeWorld(resolve(root, b.dir), { folders: ["out"] }), `out/${settings.nam}/ket-qua-${settings.nam}.json`, settings, new Diagnostics()).catch(() => undefined);
    if (own) out.set(receivedId(own), b);
  }
  return out;
}
