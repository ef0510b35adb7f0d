import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// What a production build depends on. Content and data are read at request time, so
// editing them never needs a rebuild.
const INPUTS = ["app", "components", "lib", "public", "generated", "next.config.ts", "proxy.ts", "instrumentation.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];

function walk(p: string, out: string[]): void {
  if (!existsSync(p)) return;
  if (statSync(p).isDirectory()) {
    for (const name of readdirSync(p).sort()) walk(path.join(p, name), out);
  } else out.push(p);
}

export function sourceHash(root = process.cwd()): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(path.join(root, input), files);
  const h = createHash("sha256");
  for (const f of files) {
    h.update(path.relative(root, f));
    h.update(readFileSync(f));
  }
  return h.digest("hex");
}

export const BUILD_HASH_FILE = ".next/source-hash";

export function buildIsCurrent(root = process.cwd()): boolean {
  const file = path.join(root, BUILD_HASH_FILE);
  if (!existsSync(path.join(root, ".next/BUILD_ID")) || !existsSync(file)) return false;
  return readFileSync(file, "utf8").trim() === sourceHash(root);
}
