import { useCallback, useEffect, useState } from 'react';
import type { FormDefinition } from '../../../forms/engine/index.ts';
import type { KioskConfig } from '../../../api/contract.ts';

export type BootState =
  | { readonly status: 'loading' }
  | { readonly status: 'error' }
  | { readonly status: 'ready'; readonly config: KioskConfig; readonly form: FormDefinition };

/**
 * Loads the kiosk settings and the live form. `generation` changes at every client
 * reset, so a form the admin published meanwhile is used from the next client on.
 */
export function useKioskBoot(generation: number): { readonly state: BootState; readonly retry: () => void } {
  const [state, setState] = useState<BootState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const [config, active] = await Promise.all([window.kiosk.getConfig({}), window.kiosk.getActiveForm({})]);
        if (!live) return;
        if (config.ok && active.ok) {
          setState({ status: 'ready', config: config.value, form: active.value.form });
        } else {
          setState((s) => (s.status === 'ready' ? s : { status: 'error' }));
        }
      } catch {
        if (live) setState((s) => (s.status === 'ready' ? s : { status: 'error' }));
      }
    })();
    return () => {
      live = false;
    };
  }, [generation, attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { state, retry };
}
