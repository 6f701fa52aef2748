/**
 * Building the postings on a worker thread while this one builds the other indexes: at a million
 * facts the postings are over half of the build, and the worker's own small heap is collected in
 * milliseconds where this thread's, holding the fact base, takes most of a second each time.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FactBase } from '../facts/model.js';
import { postingsInput, type Postings } from './postings.js';

/** Below this many facts the index builds in well under a second: starting a thread (tens of milliseconds) saves nothing. */
export const POSTINGS_THREAD_MIN_FACTS = 50_000;

/** The compiled entry; absent when the code runs from TypeScript sources (the test runner), where no thread is used. */
const ENTRY = new URL('./postings-worker.js', import.meta.url);

/**
 * Starts building the base's postings on a worker thread, or undefined when it is too small to
 * gain or no compiled entry exists. The promise rejects if the thread fails; callers build here then.
 */
export function postingsOnThread(base: FactBase, minFacts = POSTINGS_THREAD_MIN_FACTS): Promise<Postings> | undefined {
  if (base.facts.length < minFacts || !existsSync(fileURLToPath(ENTRY))) return undefined;
  const input = postingsInput(base);
  const worker = new Worker(ENTRY);
  return new Promise<Postings>((resolve, reject) => {
    let built: Postings | undefined;
    worker.once('message', (p: Postings) => {
      built = p;
      void worker.terminate();
    });
    worker.once('error', reject);
    // Settled once the thread is gone, so what it held is let go before the caller goes on.
    worker.once('exit', (code) => (built ? resolve(built) : reject(new Error(`postings thread exited with code ${code}`))));
    // Handed over, not copied: these arrays are the thread's from now on.
    const arrays = [input.bytes, input.textStart, input.nameStart, input.names, input.labelStart, input.labels];
    worker.postMessage(input, arrays.map((a) => a.buffer as ArrayBuffer));
  });
}
