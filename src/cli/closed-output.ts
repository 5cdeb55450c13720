import { perProcess } from "./per-process.ts";

/**
 * A reader that stops reading (`| head`, `| less` quit early) closes the pipe, and the next
 * write to it fails with EPIPE, which Node throws as a stack trace. Installed once at the
 * entry: from then on what is written to that stream is dropped, the command finishes the
 * work it started (so no change is left half done and the project lock is released), and
 * the exit status is 141 (128 + SIGPIPE, what a shell reports for any tool whose reader
 * went away) unless the command itself failed, whose own status says more.
 */
export const CLOSED_PIPE_STATUS = 141;

/** Once per process: the entry's bundle installs the handler, the watch (a module of dist/) listens. */
const state = perProcess("closed-output", () => ({ closed: false, listeners: [] as (() => void)[] }));

export function endQuietlyOnClosedOutput(streams: NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    stream.on("error", () => {
      // EPIPE, or any other failure to write to the terminal or pipe: there is no one left
      // to tell, so nothing is printed about it either.
      if (state.closed) return;
      state.closed = true;
      if (process.exitCode === 0) process.exitCode = CLOSED_PIPE_STATUS; // the command has already ended
      for (const l of state.listeners.splice(0)) l();
    });
  }
}

/** Whether a reader closed the output. */
export function outputClosed(): boolean {
  return state.closed;
}

/** Calls `f` once when a reader closes the output (a watch then ends, as on Ctrl+C). */
export function onOutputClosed(f: () => void): void {
  if (state.closed) f();
  else state.listeners.push(f);
}

/** The exit status of a command that returned `code`. */
export function exitStatus(code: number): number {
  return code === 0 && state.closed ? CLOSED_PIPE_STATUS : code;
}
