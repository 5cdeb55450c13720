/**
 * The import graph of src/: each module's imports of other modules of src/, read with
 * TypeScript's own parser, split into what is loaded at run time and what is only a type.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

export interface Edge {
  to: string;
  /** Only types are imported: the module is not loaded at run time through this edge. */
  typeOnly: boolean;
}

/** Every .ts file under dir, by its path relative to root, with its edges to other files under root. */
export function importGraph(root: string, dir = "src"): Map<string, Edge[]> {
  const graph = new Map<string, Edge[]>();
  for (const file of tsFiles(join(root, dir))) {
    const from = relative(root, file);
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
    const edges: Edge[] = [];
    const add = (spec: string, typeOnly: boolean) => {
      if (spec.startsWith(".")) edges.push({ to: relative(root, resolve(dirname(file), spec)), typeOnly });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const c = node.importClause;
        const typeOnly = !!c && (c.isTypeOnly || (!c.name && !!c.namedBindings && ts.isNamedImports(c.namedBindings) && c.namedBindings.elements.length > 0 && c.namedBindings.elements.every((e) => e.isTypeOnly)));
        add(node.moduleSpecifier.text, typeOnly);
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        const typeOnly = node.isTypeOnly || (!!node.exportClause && ts.isNamedExports(node.exportClause) && node.exportClause.elements.every((e) => e.isTypeOnly));
        add(node.moduleSpecifier.text, typeOnly);
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
        add(node.arguments[0].text, false);
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        add(node.argument.literal.text, true);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    graph.set(from, edges);
  }
  return graph;
}

/** The import circles of a graph (each once, as a path that returns to its first module), following the edges kept. */
export function circles(graph: ReadonlyMap<string, Edge[]>, keep: (e: Edge) => boolean): string[][] {
  const found: string[][] = [];
  const seen = new Set<string>();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let next = 0;
  // Tarjan's strongly connected components: a component of more than one module is a circle.
  const connect = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const e of graph.get(v) ?? []) {
      if (!keep(e) || !graph.has(e.to)) continue;
      if (!index.has(e.to)) {
        connect(e.to);
        low.set(v, Math.min(low.get(v)!, low.get(e.to)!));
      } else if (onStack.has(e.to)) low.set(v, Math.min(low.get(v)!, index.get(e.to)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      onStack.delete(w);
      component.push(w);
      if (w === v) break;
    }
    const self = (graph.get(v) ?? []).some((e) => keep(e) && e.to === v);
    if (component.length > 1 || self) found.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!seen.has(v) && !index.has(v)) connect(v);
  return found;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}
