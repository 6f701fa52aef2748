/**
 * Making any text safe to put in a Slack message. Slack reads `<…>` as links and mentions
 * (`<!channel>`, `<@U123>`, `<#C123>`), so `&`, `<` and `>` are escaped as Slack asks; and a
 * plain "@channel", "@here" or "@everyone" gets a zero-width space so no client turns it into one.
 */
export function escapeSlackText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)\b/gi, '@\u200b$1');
}

/**
 * Text for plain_text fields (headers, buttons), which show entities literally: angle brackets
 * become look-alike quotes and special mentions are broken, so nothing there can ping either.
 */
export function plainSlackText(text: string): string {
  return text.replace(/</g, '‹').replace(/>/g, '›').replace(/@(channel|here|everyone)\b/gi, '@\u200b$1');
}

/**
 * Slack's markup in a message someone wrote, back to plain words for the core:
 * mentions and channel links dropped or named, links to their label, entities decoded.
 */
export function slackToPlain(text: string): string {
  return text
    .replace(/<[@#!][^>|]*\|([^>]*)>/g, '$1')
    .replace(/<[@#!][^>]*>/g, ' ')
    .replace(/<(?:https?|mailto):[^>|]*\|([^>]*)>/g, '$1')
    .replace(/<((?:https?|mailto):[^>]*)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/@(channel|here|everyone)\b/gi, '@\u200b$1')
    .replace(/\s+/g, ' ')
    .trim();
}
