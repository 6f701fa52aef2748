import { describe, expect, it } from 'vitest';
import { loadFactBase } from '../../src/facts/load.js';
import { FactBase, type Fact } from '../../src/facts/model.js';
import { SourceText, verifyQuotes } from '../../src/facts/quotes.js';
import { HAVE_SHARED_SOURCES, MINI_FACTS, MINI_SOURCES, REAL_FACTS, SHARED_SOURCES } from '../helpers.js';

/** The same fact base with one quote changed. */
function withQuote(base: FactBase, factId: string, quote: string): FactBase {
  const facts = base.facts.map((f): Fact => (f.id === factId ? { ...f, sources: f.sources.map((s, i) => (i === 0 ? { ...s, quote } : s)) } : f));
  return new FactBase([...base.documents.values()], [...base.entities.values()], facts);
}

describe('quote verification', () => {
  const doc = new SourceText('The Regional Anti-Terro-\nrist Structure has its seat in\n   Tashkent.  In 2017 India');

  it('folds whitespace and line breaks', () => {
    expect(doc.contains('has its seat in Tashkent.')).toBe(true);
  });

  it('allows for a word hyphenated at a line end, either way it is quoted', () => {
    expect(doc.contains('Regional Anti-Terrorist Structure')).toBe(true);
    expect(doc.contains('Regional Anti-Terro- rist Structure')).toBe(true);
  });

  it('forgives nothing else: a changed word, letter or punctuation fails', () => {
    expect(doc.contains('has its seat in Bishkek.')).toBe(false);
    expect(doc.contains('has its Seat in Tashkent.')).toBe(false);
    expect(doc.contains('has its seat in Tashkent!')).toBe(false);
  });

  it('passes the fixture base and fails a changed word, saying where the quote stops matching', () => {
    const { base } = loadFactBase(MINI_FACTS);
    expect(verifyQuotes(base, MINI_SOURCES)).toEqual({ checked: 4, failures: [] });
    const changed = withQuote(base, 'charter-signed', 'The Charter of the Shanghai Cooperation Organisation was signed in Moscow on 7 June 2002');
    const report = verifyQuotes(changed, MINI_SOURCES);
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]).toMatchObject({ fact: 'charter-signed', doc: 'mini-2020', origin: { file: 'facts.yaml', line: 11 } });
    expect(report.failures[0]!.problem).toContain('and then differs at "Moscow on 7 June 2002"');
  });

  it('says plainly that it skipped the check when the documents folder is absent', () => {
    const { base } = loadFactBase(MINI_FACTS);
    const report = verifyQuotes(base, '/nonexistent/sources');
    expect(report.checked).toBe(0);
    expect(report.skipped).toMatch(/not here, so quotes were not checked/);
  });
});

describe('the bundled fact base', () => {
  const { base, issues } = loadFactBase(REAL_FACTS);

  it('loads without a single problem', () => {
    expect(issues).toEqual([]);
  });

  it.runIf(HAVE_SHARED_SOURCES)('has every quote word for word in its document', () => {
    const report = verifyQuotes(base, SHARED_SOURCES);
    expect(report.failures).toEqual([]);
    expect(report.checked).toBeGreaterThan(base.facts.length);
  });

  it.runIf(HAVE_SHARED_SOURCES)('fails when one word of one real quote is changed', () => {
    const fact = base.facts.find((f) => f.sources[0]!.quote.split(' ').length > 6)!;
    const words = fact.sources[0]!.quote.split(' ');
    words[3] = `${words[3]}x`;
    const report = verifyQuotes(withQuote(base, fact.id, words.join(' ')), SHARED_SOURCES);
    expect(report.failures.map((f) => f.fact)).toEqual([fact.id]);
  });

  it.skipIf(HAVE_SHARED_SOURCES)('reports the quote check as skipped without shared/sources', () => {
    expect(verifyQuotes(base, SHARED_SOURCES).skipped).toBeDefined();
  });
});
