/**
 * The fact pages over a real HTTP server: a fact's statement and every quote, the quote in its
 * context when the documents are there (and a plain "not available" when not), a verdict page
 * with ClaimReview JSON-LD that parses and carries the verdict, the index's search, HTML escaping
 * of every field, and 404 for an unknown id.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opsServer } from '../../adapters/ops/http.js';
import { pageRoutes } from '../../adapters/ops/pages.js';
import { loadFactBase } from '../../src/facts/load.js';
import { Knowledge } from '../../src/knowledge.js';
import { MINI_SOURCES, miniFiles, realKnowledge } from '../helpers.js';

async function serve(k: Knowledge, sourcesDir?: string): Promise<{ url: string; server: Server }> {
  const server = opsServer(pageRoutes(() => k, { ...(sourcesDir ? { sourcesDir } : {}), publicUrl: 'https://facts.example.org', today: () => ({ year: 2026, month: 12, day: 2 }) }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const mini = () => new Knowledge(loadFactBase('', miniFiles()).base);
const get = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, html: await res.text(), type: res.headers.get('content-type') };
};

describe('fact pages', () => {
  let withDocs: { url: string; server: Server };
  let without: { url: string; server: Server };
  beforeAll(async () => {
    withDocs = await serve(mini(), MINI_SOURCES);
    without = await serve(mini());
  });
  afterAll(() => {
    withDocs.server.close();
    without.server.close();
  });

  it('a fact page shows the statement, its date and place, every quote with its citation and the document', async () => {
    const k = mini();
    const fact = k.base.facts.find((f) => f.date && f.place)!;
    const { status, html, type } = await get(`${withDocs.url}/facts/${fact.id}`);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/html/);
    expect(html).toContain(`<h1>${fact.statement}</h1>`);
    for (const s of fact.sources) expect(html).toContain(`<blockquote>${s.quote.replace(/\s+/g, ' ').trim()}</blockquote>`);
    expect(html).toContain('A small test document');
    expect(html).toContain(k.base.entityName(fact.place!));
  });

  it('shows the quote in its context, highlighted, found as validate finds it (across a hyphenated line end too)', async () => {
    const k = mini();
    const rats = k.base.facts.find((f) => f.sources.some((s) => s.quote.includes('Regional Anti-Terrorist Structure has its seat')))!;
    const { html } = await get(`${withDocs.url}/facts/${rats.id}`);
    expect(html).toMatch(/<p class="context" data-context>.*<mark>The Regional Anti-Terrorist Structure has its seat in Tashkent\.<\/mark>/s);
    expect(html).toContain('by the heads of the six member states.'); // the sentence before it in the document
  });

  it('says the document is not available when the documents folder is not configured', async () => {
    const fact = mini().base.facts[0]!;
    const { html } = await get(`${without.url}/facts/${fact.id}`);
    expect(html).toContain('The document is not available on this server');
    expect(html).not.toContain('<mark>');
  });

  it('answers 404 for an unknown fact id, with a way back', async () => {
    const { status, html } = await get(`${withDocs.url}/facts/no-such-fact`);
    expect(status).toBe(404);
    expect(html).toContain('href="/"');
  });

  it('a verdict page carries the verdict, the reason, the deciding quotes and a ClaimReview that parses', async () => {
    const { url, server } = await serve(realKnowledge());
    try {
      const claim = 'India joined the SCO in 2015';
      const { status, html } = await get(`${url}/check?claim=${encodeURIComponent(claim)}`);
      expect(status).toBe(200);
      expect(html).toContain('class="verdict contradicted">Contradicted<');
      expect(html).toMatch(/2017/);
      const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!) as Record<string, any>;
      expect(ld).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        claimReviewed: claim,
        datePublished: '2026-12-02',
        url: `https://facts.example.org/check?claim=${encodeURIComponent(claim)}`,
        author: { '@type': 'Organization', name: 'sco-factbot' },
        reviewRating: { '@type': 'Rating', alternateName: 'Contradicted', ratingValue: 1 },
      });
      expect(html).toMatch(/<a href="https:\/\/facts\.example\.org\/facts\/[a-z0-9-]+">/);
      const unknown = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec((await get(`${url}/check?claim=${encodeURIComponent('the 2023 summit was held online')}`)).html)![1]!);
      expect(unknown.reviewRating.alternateName).toBe('Not in the sources');
    } finally {
      server.close();
    }
  });

  it('the index searches with the chat\'s own lookup and lists the documents and the calendar', async () => {
    const { html } = await get(`${withDocs.url}/?q=${encodeURIComponent('what is RATS?')}`);
    expect(html).toContain('<form method="get" action="/">');
    expect(html).toMatch(/<a href="https:\/\/facts\.example\.org\/facts\/[^"]+">[^<]*RATS/);
    expect(html).toContain('A small test document');
    expect(html).toContain('<th>June</th>');
  });

  it('escapes every field: a statement, a quote, a claim or a query cannot become markup', async () => {
    const files = miniFiles();
    const facts = files.get('facts.yaml')!.replace('RATS has its seat in Tashkent.', 'RATS <script>alert(1)</script> & "co" has its seat in Tashkent.');
    files.set('facts.yaml', facts);
    const k = new Knowledge(loadFactBase('', files).base);
    const { url, server } = await serve(k);
    try {
      const fact = k.base.facts.find((f) => f.statement.includes('<script>'))!;
      const page = (await get(`${url}/facts/${fact.id}`)).html;
      expect(page).not.toContain('<script>alert(1)</script>');
      expect(page).toContain('RATS &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;');
      const claim = '</script><script>alert(2)</script> RATS is in Tashkent';
      const check = (await get(`${url}/check?claim=${encodeURIComponent(claim)}`)).html;
      expect(check).not.toContain('<script>alert(2)');
      expect(check.match(/<script/g)).toHaveLength(1); // the JSON-LD alone
      expect(JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(check)![1]!).claimReviewed).toBe(claim);
      const index = (await get(`${url}/?q=${encodeURIComponent('"><img src=x onerror=alert(3)>')}`)).html;
      expect(index).not.toContain('<img src=x');
    } finally {
      server.close();
    }
  });
});
