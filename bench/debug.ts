import { ask } from '../src/ask.js';
import { Knowledge } from '../src/knowledge.js';
import { renderText } from '../src/answer/text.js';
import { routeOf } from '../src/ask.js';
import { generateFactBase } from './generate.js';
const k = new Knowledge(generateFactBase(Number(process.argv[2]), 7));
for (const q of process.argv.slice(3)) { console.log('>>', q, JSON.stringify(routeOf(k, q))); console.log(k.entities.mentions(q).map(m=>[m.entity.name,m.text,m.exact])); console.log(renderText(ask(k, q, {today:{year:2026,month:6,day:15}})).slice(0,400)); }
