/**
 * The sign command: checks every output first (src/sign/targets.ts: no
 * existing file, input, key or image is written over; one refused and
 * nothing is written), reads the PKCS#12 once (one password), then signs
 * each PDF in turn. A PDF that cannot be signed is reported and skipped; its
 * input is never written (outputs are written whole, atomically, and only
 * after signing succeeded). All outside access goes through the deps, so
 * tests run it on a memory world with a fixed clock.
 */
import { Diagnostics } from "../diagnostics/diagnostic.ts";
import { formatDiagnostic } from "../diagnostics/format.ts";
import { ioReason, isIoError } from "../io/io-error.ts";
import { inTransaction } from "../write/transaction.ts";
import type { World } from "../io/world.ts";
import type { FontSet } from "../pdf/fonts/font-set.ts";
import { parseSignArgs, SIGN_HELP_EN, SIGN_HELP_VI } from "./args.ts";
import { SignError } from "./errors.ts";
import { readPkcs12, type SigningIdentity } from "./p12.ts";
import { readPassword } from "./password.ts";
import { signPdf } from "./sign-pdf.ts";
import { checkImageSize } from "./signature-image.ts";
import { planTargets } from "./targets.ts";
import type { Clock } from "./time.ts";

export interface SignDeps {
  world: World;
  clock: Clock;
  fonts: () => Promise<FontSet>;
  /** Asks for the password on a terminal; absent when there is none. */
  ask?: (prompt: string) => Promise<string>;
  print: (line: string) => void;
  printErr: (line: string) => void;
  /** The folder of the project's lock and journal (default out/ of the World's root; "." outside any project). */
  stateDir?: string;
}

/** Runs `sign` with its arguments; returns the exit status (0 all signed, 1 some not, 2 usage). */
export async function runSign(argv: readonly string[], deps: SignDeps): Promise<number> {
  const args = parseSignArgs(argv);
  const en = args.lang === "en";
  const help = en ? SIGN_HELP_EN : SIGN_HELP_VI;
  if (args.help) {
    deps.print(help);
    return 0;
  }
  if (args.errors.length) {
    deps.printErr(args.errors.join("\n") + "\n\n" + help);
    return 2;
  }
  const fail = (what: string, e: SignError) => {
    deps.printErr(`${what}: ${en ? "error" : "lỗi"} [${e.code}] ${e.format(args.lang)}`);
    const hint = e.hint(args.lang);
    if (hint) deps.printErr(`  ${en ? "hint" : "gợi ý"}: ${hint}`);
  };

  const plan = await planTargets(deps.world, args);
  if (plan.problems.length) {
    for (const p of plan.problems) fail(p.input, p.error);
    return 1;
  }

  const p12Path = args.p12!;
  let identity: SigningIdentity;
  let image: Uint8Array | undefined;
  try {
    const p12 = await readOr(deps.world, p12Path, (detail) => new SignError("p12/unreadable", { file: p12Path, detail }), en);
    if (!p12) throw new SignError("p12/unreadable", { file: p12Path, detail: en ? "no such file" : "không có tệp này" });
    const password = await readPassword({ env: { SIGN_P12_PASSWORD: deps.world.env("SIGN_P12_PASSWORD") }, ...(deps.ask ? { ask: deps.ask } : {}) }, en ? `Password of ${p12Path}: ` : `Mật khẩu của ${p12Path}: `);
    identity = readPkcs12(p12, password, p12Path);
    if (args.image !== undefined) {
      // A file over the limit is refused before it is read (signPdf checks the bytes again, and the picture's size).
      const size = await deps.world.fileSize(args.image).catch((e: unknown) => {
        if (isIoError(e)) return undefined; // reading it says why
        throw e;
      });
      if (size !== undefined) checkImageSize(size, args.image);
      image = await readOr(deps.world, args.image, () => new SignError("image/unreadable", { file: args.image! }), en);
      if (!image) throw new SignError("image/unreadable", { file: args.image });
    }
  } catch (e) {
    if (!(e instanceof SignError)) throw e;
    fail(p12Path, e);
    return 1;
  }

  const fonts = await deps.fonts();
  // Under the project lock: the targets checked again (another command may have written meanwhile),
  // each PDF read, signed and staged; the signed PDFs are committed together at the end.
  let failed = 0;
  const signed: string[] = [];
  const diags = new Diagnostics();
  const tx = await inTransaction(deps.world, { command: "sign", ...(deps.stateDir !== undefined ? { stateDir: deps.stateDir } : {}) }, diags, async (staging) => {
    const now = await planTargets(deps.world, args);
    for (const p of now.problems) fail(p.input, p.error);
    failed += now.problems.length;
    if (now.problems.length) return;
    for (const { input, read, target } of now.targets) {
      try {
        const bytes = await readOr(deps.world, read, (detail) => new SignError("pdf/unreadable", { detail }), en);
        if (!bytes) throw new SignError("pdf/unreadable", { detail: en ? "no such file" : "không có tệp này" });
        const r = await signPdf(bytes, {
          identity,
          fonts,
          clock: deps.clock,
          ...(args.field !== undefined ? { field: args.field } : {}),
          ...(image ? { image, imageName: args.image! } : {}),
          ...(args.sealMm !== undefined ? { sealMm: args.sealMm } : {}),
          ...(args.reason !== undefined ? { reason: args.reason } : {}),
          ...(args.location !== undefined ? { location: args.location } : {}),
        });
        staging.write(target, r.bytes);
        signed.push(en ? `${input} → ${target}: signed field ${r.field} (${r.signer}, ${r.signingTime}, ${r.subFilter})` : `${input} → ${target}: đã ký ô ${r.field} (${r.signer}, ${r.signingTime}, ${r.subFilter})`);
      } catch (e) {
        if (!(e instanceof SignError)) throw e;
        fail(input, e);
        failed++;
      }
    }
  });
  for (const d of diags.sorted()) deps.printErr(formatDiagnostic(d, args.lang));
  // Said signed only once the signed PDFs are on disk.
  if (!tx.committed) return 1;
  for (const line of signed) deps.print(line);
  return failed ? 1 : 0;
}

/** A file's bytes; a file-system error (no permission, a link out of the folder) becomes the SignError given. */
async function readOr(world: World, path: string, error: (detail: string) => SignError, en: boolean): Promise<Uint8Array | undefined> {
  try {
    return await world.readFile(path);
  } catch (e) {
    if (!isIoError(e)) throw e;
    const r = ioReason(e);
    throw error(en ? r.reason : r.reasonVi);
  }
}
