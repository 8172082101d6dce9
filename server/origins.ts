/**
 * The server's own origins (https://name[:port] for every certificate name). Known before
 * listening when the port is fixed; with port 0 (tests) they are filled in once listening.
 * The same array is the core's `allowedOrigins`, so the core's sender check and the server's
 * CSRF check always agree.
 */
import { originsFor } from './config.ts';

export interface OriginList {
  /** Live view: the core's allowedOrigins and the CSRF check read it. */
  readonly list: readonly string[];
  set(names: readonly string[], publicPort: number): void;
}

export function createOriginList(): OriginList {
  const list: string[] = [];
  return {
    list,
    set(names, publicPort) {
      list.splice(0, list.length, ...originsFor(names, publicPort));
    },
  };
}
