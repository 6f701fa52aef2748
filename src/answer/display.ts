/**
 * Quotes as users see them. Stored quotes stay verbatim (validate checks them against the
 * documents); what is shown drops what the PDF-to-text conversion added, without changing a
 * word: HTML tags, footnote markers, Markdown emphasis and escape backslashes.
 */
const DEBRIS: readonly { re: RegExp; to: string; reason: string }[] = [
  { re: /<sup>[^<]{0,12}<\/sup>/gi, to: '', reason: 'a footnote marker is not part of the sentence' },
  { re: /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi, to: ' ', reason: 'list items and line breaks of the conversion (<li>, <br>)' },
  { re: /\*\*|__/g, to: '', reason: 'Markdown bold markers around a phrase' },
  { re: /\\([$*_#[\]()\\`~>|-])/g, to: '$1', reason: 'escape backslashes before punctuation' },
  { re: /\s+/g, to: ' ', reason: 'line breaks of the page' },
  { re: / ([,.;:!?)])/g, to: '$1', reason: 'a space left before punctuation where a tag was' },
];

/** Quotes come from a fixed fact base: each is cleaned once (bounded, for a base of any size). */
const cleaned = new Map<string, string>();
const MEMO_SIZE = 50_000;

export function displayQuote(quote: string): string {
  let out = cleaned.get(quote);
  if (out !== undefined) return out;
  out = quote;
  for (const d of DEBRIS) out = out.replace(d.re, d.to);
  out = out.trim();
  if (cleaned.size >= MEMO_SIZE) cleaned.clear();
  cleaned.set(quote, out);
  return out;
}
