/**
 * The modules a source file reaches by static, value (not type-only) imports: what a bundler puts
 * in its chunk (a dynamic import() starts a chunk of its own and is not followed). Relative
 * imports as absolute paths (.ts, .tsx, index.ts, and .json files), packages by their name.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';

function exists(file: string): boolean {
  try {
    readFileSync(file);
    return true;
  } catch {
    return false;
  }
}

export function staticImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  if (file.endsWith('.json')) return seen;
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
    const specifier = match[1]!;
    if (!specifier.startsWith('.')) {
      seen.add(specifier);
      continue;
    }
    const base = path.resolve(path.dirname(file), specifier);
    const resolved = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((candidate) => /\.(?:tsx?|json)$/.test(candidate) && exists(candidate));
    if (resolved && !resolved.endsWith('.tsx')) staticImports(resolved, seen);
  }
  return seen;
}
