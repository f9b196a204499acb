import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';

const SERVICE = 'Continuity';

/**
 * The page's h1, which also sets the document title. After any navigation inside the app it takes
 * focus, so that keyboard and screen reader users start reading at the new page's heading.
 * (On the first page load focus stays at the top, where the skip link is.)
 */
export function PageHeading({ children, title, caption }: { children: ReactNode; title: string; caption?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  useEffect(() => {
    document.title = `${title} – ${SERVICE}`;
  }, [title]);
  useEffect(() => {
    if (location.key !== 'default') ref.current?.focus({ preventScroll: false });
  }, [location.key]);
  return (
    <h1 ref={ref} tabIndex={-1} className="app-page-heading">
      {caption ? <span className="nhsuk-caption-l">{caption}<span className="nhsuk-u-visually-hidden"> – </span></span> : null}
      {children}
    </h1>
  );
}
