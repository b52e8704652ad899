import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";

/**
 * The static half of issue 13 item 1: finds code in src that reads a URL's origin, names a Host header or resolves a
 * URL against the request's. It builds a type-checked program, which takes 5–20 s, so the test runs this file in a
 * child process instead of blocking its own worker (a blocked worker misses Vitest's heartbeats under load).
 */
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });

export function findRequestOrigins(root: string): string[] {
  // The type checker finds every read of a URL's origin (a `URL` built from c.req.url, or PageContext.url) however
  // it is named. Only these files may read one, and none of them looks at a request.
  const allowed = new Set([
    "src/config/env.ts", // makes PUBLIC_BASE_URL into an origin
    "src/web/links.ts", // checks that origin once more
    "src/web/return-path.ts", // compares a return path's origin with a fixed probe origin
    "src/ops/service-process.ts", // points a database URL at another database
  ]);
  const files = sourceFiles(join(root, "src"));
  const program = ts.createProgram(files, {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    jsx: ts.JsxEmit.ReactJSX,
    jsxImportSource: "hono/jsx",
    skipLibCheck: true,
    noEmit: true,
    // Only src and Node's types: a URL is a URL without hono's or drizzle's types (three times faster).
    noResolve: true,
    types: ["node"],
  });
  const checker = program.getTypeChecker();
  const originParts = new Set([
    "origin",
    "host",
    "hostname",
    "href",
    "protocol",
    "port",
    "toString",
    "toJSON",
  ]);
  const findings: string[] = [];
  for (const file of program.getSourceFiles()) {
    const path = relative(root, file.fileName);
    if (!path.startsWith("src/") || allowed.has(path)) continue;
    const at = (node: ts.Node) => `${path}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAccessExpression(node) && originParts.has(node.name.text)) {
        const type = checker.getTypeAtLocation(node.expression);
        if (type.getSymbol()?.getName() === "URL") findings.push(`${at(node)} reads URL.${node.name.text}`);
      }
      if (ts.isStringLiteral(node) && /^(host|x-forwarded-host|forwarded)$/i.test(node.text))
        findings.push(`${at(node)} names the "${node.text}" header`);
      if (
        ts.isNewExpression(node) &&
        node.expression.getText(file) === "URL" &&
        (node.arguments?.length ?? 0) > 1 &&
        /\b(req|request)\.url\b/.test(node.arguments![1]!.getText(file))
      )
        findings.push(`${at(node)} resolves a URL against the request's URL`);
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return findings;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.stdout.write(JSON.stringify(findRequestOrigins(join(import.meta.dirname, "../../.."))));
}
