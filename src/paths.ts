/** Where the bundled fact base and the source documents are, wherever the code runs from. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'sco-factbot') return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(start, '..');
    dir = parent;
  }
}

/** The project folder (with package.json): the same from src/ under vitest and from dist/. */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** The fact base: FACTBOT_FACTS, or the facts/ folder shipped with the bot. */
export function defaultFactsDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.FACTBOT_FACTS || join(PACKAGE_ROOT, 'facts'));
}

/** The source documents for quote checks: FACTBOT_SOURCES, or ../shared/sources beside the clone. */
export function defaultSourcesDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.FACTBOT_SOURCES || join(PACKAGE_ROOT, '..', 'shared', 'sources'));
}
