import { createContext, useContext } from 'react';
import type { KioskApi } from '../../../api/contract.ts';

/** What every staff and admin screen's data calls share: the bridge, and what to do when the session has ended. */
export interface StaffData {
  readonly api: KioskApi;
  /** A call inside a staff session was answered `unauthenticated`: the session has ended. */
  readonly onSessionEnded: () => void;
}

export const StaffDataContext = createContext<StaffData | null>(null);

export function useStaffData(): StaffData {
  const data = useContext(StaffDataContext);
  if (!data) throw new Error('Staff data hooks need a <StaffDataProvider> above them.');
  return data;
}
