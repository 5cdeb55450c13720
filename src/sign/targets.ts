/**
 * Where each signed PDF goes, and the check that no file is lost on the way.
 * Runs for every input of the call before anything is read or written (and
 * before the password is asked): one bad target and the call writes nothing.
 *
 * Refused always, --overwrite or not:
 *   - the key (--p12) or the signature image (--image) as a target;
 *   - another input of the same call as a target (`sign b.pdf b.signed.pdf`);
 *     an input's own name only when asked with --out (signing in place: the
 *     update is appended, so the earlier bytes and signatures stay);
 *   - two inputs with one target (`sign a.pdf ./a.pdf`);
 *   - a folder as a target.
 * Refused unless --overwrite: a target that exists.
 *
 * Paths are compared by their canonical names (World.realPath: symlinks,
 * "." and ".." resolved); a file that does not exist yet is named by its
 * folder's canonical name and its own.
 */
import { posix } from "node:path";
import type { World } from "../io/world.ts";
import type { SignArgs } from "./args.ts";
import { outputPath } from "./args.ts";
import { SignError } from "./errors.ts";

export interface Target {
  /** The input as given (for messages) and as read. */
  input: string;
  read: string;
  /** Where the signed PDF is written. */
  target: string;
}

export interface TargetPlan {
  targets: Target[];
  /** One per refused target, named by its input; empty when every target is fine. */
  problems: { input: string; error: SignError }[];
}

/** The canonical name of `path`, whether it exists or not. */
export async function canonicalPath(world: World, path: string): Promise<string> {
  const real = await world.realPath(path);
  if (real !== undefined) return real;
  const norm = posix.normalize(path);
  const dir = posix.dirname(norm);
  const base = posix.basename(norm);
  if (dir === norm || base === ".." || base === ".") return norm;
  return posix.join(await canonicalPath(world, dir), base);
}

export async function planTargets(world: World, args: SignArgs): Promise<TargetPlan> {
  const canon = (p: string) => canonicalPath(world, p);
  const key = args.p12 !== undefined ? await canon(args.p12) : undefined;
  const image = args.image !== undefined ? await canon(args.image) : undefined;
  const inputs = await Promise.all(args.pdfs.map(canon));
  const targets: Target[] = [];
  const problems: TargetPlan["problems"] = [];
  const seen = new Map<string, string>();

  for (const [i, input] of args.pdfs.entries()) {
    const target = posix.normalize(args.out ?? outputPath(input, args.suffix));
    const t = await canon(target);
    const refuse = (code: ConstructorParameters<typeof SignError>[0], params: Record<string, string> = {}) =>
      problems.push({ input, error: new SignError(code, { target, input, ...params }) });
    const otherInput = inputs.findIndex((c, j) => j !== i && c === t);
    if (t === key) refuse("sign/target-is-key", { key: args.p12! });
    else if (t === image) refuse("sign/target-is-image", { image: args.image! });
    else if (otherInput >= 0) refuse("sign/target-is-input", { other: args.pdfs[otherInput]! });
    else if (t === inputs[i] && args.out === undefined) refuse("sign/target-is-input", { other: input });
    else if (seen.has(t)) refuse("sign/target-twice", { other: seen.get(t)! });
    else if (t !== inputs[i] && (await world.realPath(target)) !== undefined) {
      if ((await world.fileSize(target)) === undefined) refuse("sign/target-is-folder");
      else if (!args.overwrite) refuse("sign/target-exists");
    }
    seen.set(t, input);
    targets.push({ input, read: posix.normalize(input), target });
  }
  return { targets, problems };
}
