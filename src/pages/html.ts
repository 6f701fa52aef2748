/** HTML for the fact pages: every value escaped, one small stylesheet, readable on a phone, no JavaScript. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or an attribute value: nothing a user or a document wrote can become markup. */
export function esc(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** JSON inside a <script type="application/ld+json">: "</script>" and "<!--" cannot end or bend it. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

const STYLE = `
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:46rem;padding:1rem;color:#1d1d1f}
h1{font-size:1.35rem;line-height:1.3}h2{font-size:1.1rem}
a{color:#1d3557}header a{text-decoration:none;font-weight:600}
blockquote{margin:.5rem 0;padding:.25rem .75rem;border-left:4px solid #1d3557;background:#f5f7fa}
.cite{color:#555;font-size:.9rem}.context{font-size:.95rem;color:#333;background:#fafafa;padding:.5rem;border:1px solid #e5e5e5}
mark{background:#ffe066;padding:0 .1rem}.verdict{font-size:1.25rem;font-weight:700}
.supported{color:#2e7d32}.contradicted{color:#c62828}.disputed{color:#b26a00}.unknown{color:#555}
form{display:flex;gap:.5rem}input[type=search]{flex:1;font-size:1rem;padding:.4rem}
table{border-collapse:collapse}td,th{padding:.2rem .5rem;border-bottom:1px solid #eee;text-align:left}
`;

export function page(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style>${head}</head>
<body><header><a href="/">sco-factbot</a> · facts about the Shanghai Cooperation Organisation, each with its source</header>
<main>${body}</main></body></html>
`;
}
