import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { MAIN_CONTENT_ID } from '../components/skip-link';

/**
 * After a move to another screen, the focus goes to the screen's content, so a keyboard or screen
 * reader user starts reading the new screen rather than from the top of the page or from nowhere
 * (the link they pressed may be gone). Unless the new screen has already put the focus in its
 * content (a form's first field), or it stayed on a control inside it (the JIT's section links).
 */
export function useFocusOnRouteChange(): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById(MAIN_CONTENT_ID);
    const active = document.activeElement;
    if (!main || (active && active !== document.body && main.contains(active))) return;
    main.focus();
  }, [pathname]);
}
