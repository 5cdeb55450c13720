/**
 * A reader that stops reading (`| head`, `| less` quit early) closes the pipe, and the next
 * write to it fails with EPIPE, which Node throws as a stack trace. Installed once at the
 * entry: from then on what is written to that stream is dropped, the command finishes the
 * work it started (so no change is left half done and the project lock is released), and
 * the exit status is 141 (128 + SIGPIPE, what a shell reports for any tool whose reader
 * went away) unless the command itself failed, whose own status says more.
 */
export const CLOSED_PIPE_STATUS = 141;

let closed = false;
const listeners: (() => void)[] = [];

export function endQuietlyOnClosedOutput(streams: NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    stream.on("error", () => {
      // EPIPE, or any other failure to write to the terminal or pipe: there is no one left
      // to tell, so nothing is printed about it either.
      if (closed) return;
      closed = true;
      if (process.exitCode === 0) process.exitCode = CLOSED_PIPE_STATUS; // the command has already ended
      for (const l of listeners.splice(0)) l();
    });
  }
}

/** Whether a reader closed the output. */
export function outputClosed(): boolean {
  return closed;
}

/** Calls `f` once when a reader closes the output (a watch then ends, as on Ctrl+C). */
export function onOutputClosed(f: () => void): void {
  if (closed) f();
  else listeners.push(f);
}

/** The exit status of a command that returned `code`. */
export function exitStatus(code: number): number {
  return code === 0 && closed ? CLOSED_PIPE_STATUS : code;
}
