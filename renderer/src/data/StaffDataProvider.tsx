import { useMemo, type ReactNode } from 'react';
import type { KioskApi } from '../../../api/contract.ts';
import { StaffDataContext } from './staff-data-context.ts';

interface StaffDataProviderProps {
  readonly onSessionEnded: () => void;
  /** The bridge; tests pass a fake. This default is the one place staff and admin code reads window.kiosk. */
  readonly api?: KioskApi;
  readonly children: ReactNode;
}

export function StaffDataProvider({ onSessionEnded, api = window.kiosk, children }: StaffDataProviderProps) {
  const value = useMemo(() => ({ api, onSessionEnded }), [api, onSessionEnded]);
  return <StaffDataContext value={value}>{children}</StaffDataContext>;
}
