/**
 * User text the bot repeats back (a claim in a verdict's title, a question as a heading), made
 * inert on every platform: a link the user typed is defanged the way security writers do
 * ("hxxps[:]//evil[.]example"), so neither Slack nor Discord turns it into a live or masked link,
 * and a bare domain ("evil.example") loses its dots too. Mentions and invisible characters are
 * handled elsewhere (adapters' escaping, and cleanQuery).
 */
const URL = /\b([a-z][a-z0-9+.-]{1,15}):\/\/([^\s<>"'()\]]+)/gi;
/** A host name: labels of two or more characters, ending in letters (so "2.2 tonnes", "e.g." and "U.S." stay). */
const DOMAIN = /\b(?:[a-z0-9-]{2,}\.)+[a-z]{2,24}\b/gi;

export function echo(text: string): string {
  return text
    .replace(URL, (_m, scheme: string, rest: string) => `${scheme.replace(/^http/i, 'hxxp')}[:]//${rest.replace(/\./g, '[.]')}`)
    .replace(DOMAIN, (d) => d.replace(/\./g, '[.]'));
}
