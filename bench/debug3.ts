import { Knowledge } from '../src/knowledge.js';
import { generateFactBase } from './generate.js';
const k = new Knowledge(generateFactBase(Number(process.argv[2]), 7));
for (const q of process.argv.slice(3)) console.log(q, k.entities.mentions(q).map((m) => [m.entity.name, m.entity.type, m.text, m.exact, m.score]), (k.entities as any).suggested(q.split(' ')[1]!.toLowerCase()).length);
