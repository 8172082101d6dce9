/** This process's live JS heap after forced GCs: the soaks run the app core in their own process. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// `gc` exists only with --expose-gc; set now, a new context gets it.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Bytes of live JS heap of this process after two full GCs (the second clears what the first left to finalizers). */
export function nodeHeapAfterGc(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}
