import { useEffect, type RefObject } from 'react';

/**
 * Publishes the sticky bottom bar's height as --flow-nav-height on the root element, where
 * layout.css turns it into scroll-padding: whatever is scrolled into view (a field focused
 * with Tab, an opened keyboard) stops above the bar instead of under it (WCAG 2.2 2.4.11).
 * Measured, not a constant: the bar wraps to two rows on a narrow screen or at large text.
 */
export function useStickyBarInset(bar: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = bar.current;
    if (!el) return;
    const root = document.documentElement;
    const publish = () => root.style.setProperty('--flow-nav-height', `${Math.ceil(el.getBoundingClientRect().height)}px`);
    publish();
    const observer = new ResizeObserver(publish);
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--flow-nav-height');
    };
  }, [bar]);
}
