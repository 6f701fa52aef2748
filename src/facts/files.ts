/** Reading the fact files: every *.yaml under a folder, by path relative to it, in a stable order. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function readFactFiles(dir: string): Map<string, string> {
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((n) => n.split('\\').join('/'))
    .filter((n) => /\.ya?ml$/.test(n))
    .sort();
  return new Map(names.map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
}
