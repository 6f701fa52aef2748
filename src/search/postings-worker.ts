/** A worker thread's entry: builds the postings it is handed the input for, and hands them back (postings-thread.ts). */
import { parentPort } from 'node:worker_threads';
import { postingsFrom, type PostingsInput } from './postings.js';

parentPort?.once('message', (input: PostingsInput) => {
  const p = postingsFrom(input);
  parentPort!.postMessage(p, [p.offsets, p.docs, p.tfs, p.lengths].map((a) => a.buffer as ArrayBuffer));
});
