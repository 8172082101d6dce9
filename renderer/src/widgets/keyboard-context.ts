import { createContext, useContext } from 'react';

/** Which text field owns the on-screen keyboard: at most one is open at a time. */
export interface KeyboardOwner {
  readonly activeId: string | null;
  readonly setActiveId: (id: string | null) => void;
}

export const KeyboardOwnerContext = createContext<KeyboardOwner>({ activeId: null, setActiveId: () => {} });

export const useKeyboardOwner = (): KeyboardOwner => useContext(KeyboardOwnerContext);
