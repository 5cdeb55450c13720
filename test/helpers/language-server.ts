/**
 * The YAML language server (the one VS Code's YAML extension runs), driven over stdio as an
 * editor drives it: initialize with a workspace folder, answer its configuration requests with
 * the project's .vscode/settings.json, open documents, collect the diagnostics it publishes and
 * ask for hovers. Only what the tests need of the protocol.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
}

export class LanguageServer {
  private proc: ChildProcess;
  private buf = Buffer.alloc(0);
  private id = 0;
  private replies = new Map<number, (r: unknown) => void>();
  private published = new Map<string, (d: Diagnostic[]) => void>();

  constructor(
    private root: string,
    private settings: Record<string, unknown>,
  ) {
    const pkg = createRequire(import.meta.url).resolve("yaml-language-server/package.json");
    this.proc = spawn(process.execPath, [join(dirname(pkg), "bin", "yaml-language-server"), "--stdio"], { stdio: ["pipe", "pipe", "ignore"] });
    this.proc.stdout!.on("data", (d: Buffer) => this.read(d));
  }

  async start(): Promise<void> {
    const uri = pathToFileURL(this.root).href;
    await this.request("initialize", { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: "project" }], capabilities: { workspace: { configuration: true } } });
    this.send({ method: "initialized", params: {} });
    this.send({ method: "workspace/didChangeConfiguration", params: { settings: this.settings } });
  }

  /** Opens a document and resolves with the first diagnostics the server publishes for it. */
  open(path: string, text: string): Promise<Diagnostic[]> {
    const uri = pathToFileURL(path).href;
    const done = new Promise<Diagnostic[]>((resolve) => this.published.set(uri, resolve));
    this.send({ method: "textDocument/didOpen", params: { textDocument: { uri, languageId: "yaml", version: 1, text } } });
    return done;
  }

  /** The hover's text at a position of an open document ("" when there is none). */
  async hover(path: string, line: number, character: number): Promise<string> {
    const r = (await this.request("textDocument/hover", { textDocument: { uri: pathToFileURL(path).href }, position: { line, character } })) as { contents?: { value?: string } | string } | null;
    const c = r?.contents;
    return typeof c === "string" ? c : (c?.value ?? "");
  }

  /** The completion items at a position of an open document: label and text inserted. */
  async complete(path: string, line: number, character: number): Promise<{ label: string; insertText?: string }[]> {
    const r = (await this.request("textDocument/completion", { textDocument: { uri: pathToFileURL(path).href }, position: { line, character } })) as { items?: { label: string; insertText?: string }[] } | { label: string; insertText?: string }[] | null;
    return (Array.isArray(r) ? r : (r?.items ?? [])).map((i) => ({ label: i.label, insertText: i.insertText }));
  }

  stop(): void {
    this.proc.kill();
  }

  private request(method: string, params: unknown): Promise<unknown> {
    const id = ++this.id;
    const reply = new Promise((resolve) => this.replies.set(id, resolve));
    this.send({ id, method, params });
    return reply;
  }

  private send(message: object): void {
    const s = JSON.stringify({ jsonrpc: "2.0", ...message });
    this.proc.stdin!.write(`Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`);
  }

  private read(chunk: Buffer): void {
    this.buf = Buffer.concat([this.buf, chunk]);
    for (;;) {
      const end = this.buf.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buf.subarray(0, end).toString())?.[1]);
      if (this.buf.length < end + 4 + length) return;
      const m = JSON.parse(this.buf.subarray(end + 4, end + 4 + length).toString()) as { id?: number; method?: string; params?: any; result?: unknown };
      this.buf = this.buf.subarray(end + 4 + length);
      if (m.method === undefined && m.id !== undefined) {
        this.replies.get(m.id)?.(m.result);
        this.replies.delete(m.id);
      } else if (m.method === "textDocument/publishDiagnostics") {
        this.published.get(m.params.uri)?.(m.params.diagnostics);
        this.published.delete(m.params.uri);
      } else if (m.method === "workspace/configuration") {
        this.send({ id: m.id, result: m.params.items.map((i: { section?: string }) => (i.section ? (this.settings[i.section] ?? null) : this.settings)) });
      } else if (m.id !== undefined) this.send({ id: m.id, result: null });
    }
  }
}
