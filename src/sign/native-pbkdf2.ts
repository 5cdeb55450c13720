/**
 * node-forge's PBKDF2 (PKCS#5), which opens the PBES2-encrypted key of a PKCS#12 file, run on
 * Node's crypto with the password as UTF-8 bytes.
 *
 * forge runs it in JavaScript whenever it is given a hash object, as its PBES2 code always gives
 * it: 16 ms per 2,048 iterations once warm, several times that in a new process. And forge takes
 * the password's characters as bytes, so a password with a letter outside ASCII ("café", any
 * Vietnamese one: "mật khẩu") was derived from bytes no other program uses: a file OpenSSL wrote
 * with it could not be opened (test/sign/command.test.ts). RFC 8018 leaves the password's
 * encoding to the application; OpenSSL takes UTF-8, and so does this. forge's callers in this
 * tool hand it a password, never raw bytes (src/sign/p12.ts; the tests' PKCS#12 writer).
 *
 * Installed once on the forge module every importer shares; a hash Node does not know, and the
 * asynchronous form, stay forge's own.
 */
import { pbkdf2Sync } from "node:crypto";
import forge from "node-forge";

// Not SHA-224: forge names its hash "sha512/224" (and so leaves hmacWithSHA224 to its own code).
const NODE_DIGESTS = new Set(["sha1", "sha256", "sha384", "sha512"]);
const INSTALLED = Symbol.for("khoi-thi-dua/native-pbkdf2");

type Pbkdf2 = (password: string, salt: string, iterations: number, keySize: number, md?: unknown, callback?: unknown) => string;

/** The hash forge's `md` argument names (a hash object, its name, or SHA-1 when absent), if Node's crypto has it. */
function nodeDigest(md: unknown): string | undefined {
  const name = md === undefined || md === null ? "sha1" : typeof md === "string" ? md : (md as { algorithm?: unknown }).algorithm;
  return typeof name === "string" && NODE_DIGESTS.has(name) ? name : undefined;
}

/** The PBKDF2 of `password` (UTF-8) and `salt` (forge's binary string), as forge's binary string. */
function pbkdf2Utf8(password: string, salt: string, iterations: number, keySize: number, digest: string): string {
  return pbkdf2Sync(Buffer.from(password, "utf8"), Buffer.from(salt, "binary"), iterations, keySize, digest).toString("binary");
}

export function installNativePbkdf2(): void {
  const pkcs5 = forge.pkcs5 as unknown as { pbkdf2: Pbkdf2 } & Record<symbol, boolean>;
  if (pkcs5[INSTALLED]) return;
  const own = pkcs5.pbkdf2;
  pkcs5.pbkdf2 = (password, salt, iterations, keySize, md, callback) => {
    const digest = typeof md === "function" || callback !== undefined ? undefined : nodeDigest(md);
    return digest ? pbkdf2Utf8(password, salt, iterations, keySize, digest) : own(password, salt, iterations, keySize, md, callback);
  };
  pkcs5[INSTALLED] = true;
}
