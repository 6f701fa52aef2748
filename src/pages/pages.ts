/**
 * Pages anyone can open to see a citation for themselves: a page per fact (the statement, its
 * dates and place, where the sources differ, each quote with its citation and the document's
 * details, and the quote in its context when the documents are on this server), a page per
 * verdict (with schema.org ClaimReview), and an index with a search box, the documents and the
 * on-this-day calendar. Plain HTML, rendered here; the HTTP side is adapters/ops/pages.ts.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ask } from '../ask.js';
import { answerFact } from '../answer/cite.js';
import type { Answer, AnswerFact, Verdict } from '../answer/model.js';
import { VERDICT_LABEL } from '../answer/text.js';
import type { Today } from '../commands/context.js';
import { MONTHS } from '../facts/dates.js';
import { SourceText } from '../facts/quotes.js';
import type { Fact, SourceDocument } from '../facts/model.js';
import type { Knowledge } from '../knowledge.js';
import { esc, jsonForScript, page } from './html.js';

export interface PageOptions {
  /** The documents folder, for the quote in its context; without it the page says it is not here. */
  sourcesDir?: string;
  /** The address the pages are published at ("https://factbot.example.org"), for links and JSON-LD. */
  publicUrl?: string;
  today: Today;
}

/** ClaimReview's rating: the verdict's label, and a 1–5 value where the verdict is a judgement. */
const RATING: Record<Verdict, number | undefined> = { supported: 5, disputed: 3, contradicted: 1, unknown: undefined };

const texts = new WeakMap<Knowledge, Map<string, SourceText | null>>();
function documentText(k: Knowledge, doc: SourceDocument, sourcesDir: string | undefined): SourceText | undefined {
  if (!sourcesDir) return undefined;
  let byDoc = texts.get(k);
  if (!byDoc) texts.set(k, (byDoc = new Map()));
  if (!byDoc.has(doc.id)) {
    const path = join(sourcesDir, doc.file);
    byDoc.set(doc.id, existsSync(path) ? new SourceText(readFileSync(path, 'utf8')) : null);
  }
  return byDoc.get(doc.id) ?? undefined;
}

function documentLine(doc: SourceDocument | undefined): string {
  if (!doc) return '';
  const link = doc.doi ? `https://doi.org/${doc.doi}` : doc.link;
  const title = link ? `<a href="${esc(link)}">${esc(doc.title)}</a>` : esc(doc.title);
  return `${esc(doc.authors.join(', '))} (${esc(doc.year)}). <i>${title}</i>. ${esc(doc.kind)}, ${esc(doc.venue)}${doc.doi ? `, doi:${esc(doc.doi)}` : ''}.`;
}

function quoteBlock(k: Knowledge, fact: Fact, index: number, shown: AnswerFact, options: PageOptions): string {
  const source = fact.sources[index]!;
  const q = shown.quotes[index]!;
  const doc = k.base.documents.get(source.doc);
  const text = doc ? documentText(k, doc, options.sourcesDir) : undefined;
  const passage = text?.passage(source.quote);
  const context = passage
    ? `<p class="context" data-context>${esc(passage.before)}<mark>${esc(passage.match)}</mark>${esc(passage.after)}</p>`
    : `<p class="cite">The document is not available on this server${options.sourcesDir ? ` (not found in it)` : ''}: the quote is as the fact base checks it against the document.</p>`;
  return `<section><blockquote>${esc(q.quote)}</blockquote>
<p class="cite">— ${esc(q.citation)}${q.version ? ` (gives: ${esc(q.version)})` : ''}<br>${documentLine(doc)}</p>
${context}</section>`;
}

export function factUrl(id: string, options: Pick<PageOptions, 'publicUrl'>): string {
  return `${options.publicUrl ?? ''}/facts/${encodeURIComponent(id)}`;
}

export function checkUrl(claim: string, options: Pick<PageOptions, 'publicUrl'>): string {
  return `${options.publicUrl ?? ''}/check?claim=${encodeURIComponent(claim)}`;
}

/** The page of one fact, or undefined for an id the fact base does not have. */
export function factPage(k: Knowledge, id: string, options: PageOptions): string | undefined {
  const fact = k.base.fact(id);
  if (!fact) return undefined;
  const shown = answerFact(k.base, fact);
  const about = fact.about.map((e) => esc(k.base.entityName(e))).join(', ');
  const details = [
    shown.dateText ? `<tr><th>Date</th><td>${esc(shown.dateText)}</td></tr>` : '',
    shown.place ? `<tr><th>Place</th><td>${esc(shown.place)}</td></tr>` : '',
    fact.value !== undefined ? `<tr><th>Value</th><td>${esc(fact.value)}</td></tr>` : '',
    `<tr><th>About</th><td>${about}</td></tr>`,
  ].join('');
  const body = `<h1>${esc(fact.statement)}</h1>
<table>${details}</table>
${shown.differ ? `<p><strong>⚠ ${esc(shown.differ)}</strong></p>` : ''}
${fact.note ? `<p class="cite">Note: ${esc(fact.note)}</p>` : ''}
<h2>Sources (${fact.sources.length})</h2>
${fact.sources.map((_, i) => quoteBlock(k, fact, i, shown, options)).join('\n')}
<p class="cite">Fact <code>${esc(fact.id)}</code> · <a href="${esc(factUrl(fact.id, options))}">permanent link</a></p>`;
  return page(fact.statement, body);
}

/** The page of a verdict on a claim, with its ClaimReview. */
export function checkPage(k: Knowledge, claim: string, options: PageOptions): { html: string; answer: Answer } {
  const answer = ask(k, { command: 'check', args: claim }, { today: options.today });
  const verdict = answer.verdict ?? 'unknown';
  const url = checkUrl(claim, options);
  const rating = RATING[verdict];
  const review = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url,
    claimReviewed: claim,
    datePublished: `${options.today.year}-${String(options.today.month).padStart(2, '0')}-${String(options.today.day).padStart(2, '0')}`,
    author: { '@type': 'Organization', name: 'sco-factbot', ...(options.publicUrl ? { url: options.publicUrl } : {}) },
    reviewRating: { '@type': 'Rating', alternateName: VERDICT_LABEL[verdict], ...(rating ? { ratingValue: rating, bestRating: 5, worstRating: 1 } : {}) },
    itemReviewed: { '@type': 'Claim', text: claim },
  };
  const facts = answer.facts
    .map((f) => {
      const quote = f.quotes[0];
      return `<li><a href="${esc(factUrl(f.id, options))}">${esc(f.statement)}</a>${quote ? `<blockquote>${esc(quote.quote)}</blockquote><p class="cite">— ${esc(quote.citation)}</p>` : ''}</li>`;
    })
    .join('\n');
  const body = `<p class="cite">Claim</p><h1>“${esc(claim)}”</h1>
<p class="verdict ${esc(verdict)}">${esc(VERDICT_LABEL[verdict])}</p>
${answer.summary ? `<p>${esc(answer.summary)}</p>` : ''}
${answer.facts.length ? `<h2>${esc(answer.factsLabel ?? 'The deciding quotes')}</h2><ol>${facts}</ol>` : ''}`;
  const head = `<script type="application/ld+json">${jsonForScript(review)}</script>`;
  return { html: page(`${VERDICT_LABEL[verdict]}: ${claim}`, body, head), answer };
}

/** The index: a search box (the chat's own lookup), the documents, and the on-this-day calendar. */
export function indexPage(k: Knowledge, query: string | undefined, options: PageOptions): string {
  let results = '';
  if (query?.trim()) {
    const answer = ask(k, query, { today: options.today });
    const items = answer.facts.map((f) => `<li><a href="${esc(factUrl(f.id, options))}">${esc(f.statement)}</a></li>`).join('');
    results = `<h2>${esc(answer.title)}</h2>${answer.summary ? `<p>${esc(answer.summary)}</p>` : ''}${items ? `<ol>${items}</ol>` : ''}`;
  }
  const docs = [...k.base.documents.values()].map((d) => `<li>${documentLine(d)}</li>`).join('');
  const days = k.dates.monthDays();
  const byMonth = MONTHS.map((name, m) => {
    const list = days.filter((md) => Number(md.split('-')[0]) === m + 1).map((md) => Number(md.split('-')[1]));
    return `<tr><th>${esc(name)}</th><td>${list.map((d) => esc(d)).join(', ')}</td></tr>`;
  }).join('');
  const body = `<h1>Ask the sources</h1>
<form method="get" action="/"><input type="search" name="q" value="${esc(query ?? '')}" placeholder="when did india join?" aria-label="Question"><button>Ask</button></form>
${results}
<h2>Documents</h2><ul>${docs}</ul>
<h2>On this day: the days with events</h2><table>${byMonth}</table>`;
  return page('sco-factbot', body);
}
