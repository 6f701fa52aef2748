import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFactBaseStrict } from '../../src/facts/load.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { REAL_FACTS } from '../helpers.js';

// A worker thread runs compiled code: these tests load the build `npm test` makes before it runs them.
const DIST = join(PACKAGE_ROOT, 'dist', 'src');
const built = existsSync(join(DIST, 'search', 'postings-worker.js'));
const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(DIST, path)).href)) as T;
type KnowledgeModule = typeof import('../../src/knowledge.js');
type PostingsModule = typeof import('../../src/search/postings.js');
type ThreadModule = typeof import('../../src/search/postings-thread.js');

describe.skipIf(!built)('postings built on a worker thread', () => {
  it('are the postings built on this thread, term for term', async () => {
    const { buildPostings } = await load<PostingsModule>('search/postings.js');
    const { postingsOnThread } = await load<ThreadModule>('search/postings-thread.js');
    const base = loadFactBaseStrict(REAL_FACTS);
    const here = buildPostings(base);
    const pending = postingsOnThread(base, 0);
    expect(pending).toBeDefined();
    const there = await pending!;
    expect(there.vocab).toEqual(here.vocab);
    expect(there.offsets).toEqual(here.offsets);
    expect(there.docs).toEqual(here.docs);
    expect(there.tfs).toEqual(here.tfs);
    expect(there.lengths).toEqual(here.lengths);
  });

  it('answer every question as the knowledge built on one thread does', async () => {
    const { Knowledge } = await load<KnowledgeModule>('knowledge.js');
    const base = loadFactBaseStrict(REAL_FACTS);
    const one = new Knowledge(base);
    const two = await Knowledge.build(base, 0);
    // Each fact's statement as a question, and a name with a typo: the same facts in the same order.
    for (const f of base.facts) {
      const ids = (k: typeof one) => k.facts.search(f.statement, { limit: 5 }).map((h) => `${h.fact.id} ${h.score.toFixed(6)}`);
      expect(ids(two), f.statement).toEqual(ids(one));
    }
    expect(two.lexicon.names('kazakstan and uzbekistn').map((m) => m.id)).toEqual(one.lexicon.names('kazakstan and uzbekistn').map((m) => m.id));
  });

  it('is not started for a base too small to gain from it', async () => {
    const { postingsOnThread, POSTINGS_THREAD_MIN_FACTS } = await load<ThreadModule>('search/postings-thread.js');
    const base = loadFactBaseStrict(REAL_FACTS);
    expect(base.facts.length).toBeLessThan(POSTINGS_THREAD_MIN_FACTS);
    expect(postingsOnThread(base)).toBeUndefined();
  });
});
