/**
 * The PKCS#12 password: from SIGN_P12_PASSWORD (CI keeps it as a secret), or
 * asked on the terminal without echo. Never from the command line.
 */
import { SignError } from "./errors.ts";

export const PASSWORD_ENV = "SIGN_P12_PASSWORD";

export interface PasswordSource {
  env: Record<string, string | undefined>;
  /** Asks on a terminal; undefined when there is none (CI, a pipe). */
  ask?: (prompt: string) => Promise<string>;
}

export async function readPassword(src: PasswordSource, prompt: string): Promise<string> {
  const fromEnv = src.env[PASSWORD_ENV];
  if (fromEnv !== undefined) return fromEnv;
  if (src.ask) return src.ask(prompt);
  throw new SignError("password/missing");
}

/** Reads a line from a TTY stdin with echo off; undefined when stdin is not a terminal. */
export function terminalAsker(stdin: NodeJS.ReadStream = process.stdin, out: NodeJS.WriteStream = process.stderr): ((prompt: string) => Promise<string>) | undefined {
  if (!stdin.isTTY || typeof stdin.setRawMode !== "function") return undefined;
  return (prompt) =>
    new Promise<string>((resolve, reject) => {
      out.write(prompt);
      let value = "";
      const wasRaw = stdin.isRaw;
      stdin.setRawMode(true);
      stdin.resume();
      stdin.setEncoding("utf8");
      const done = (err?: Error) => {
        stdin.removeListener("data", onData);
        stdin.setRawMode(wasRaw);
        stdin.pause();
        out.write("\n");
        if (err) reject(err);
        else resolve(value);
      };
      const onData = (chunk: string) => {
        for (const ch of chunk) {
          if (ch === "\r" || ch === "\n" || ch === "\u0004") return done();
          if (ch === "\u0003") return done(new SignError("password/missing"));
          if (ch === "\u007f" || ch === "\b") value = [...value].slice(0, -1).join("");
          else value += ch;
        }
      };
      stdin.on("data", onData);
    });
}
