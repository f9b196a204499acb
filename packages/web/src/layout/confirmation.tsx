import { useLocation } from 'react-router-dom';

/**
 * What the page before this one just saved, passed in the navigation's state as `confirmation`
 * (a form returns the user to where they came from and says what it recorded). A status region, so
 * screen readers announce it after the new page's heading.
 */
export function Confirmation() {
  const confirmation = (useLocation().state as { confirmation?: unknown } | null)?.confirmation;
  return <div role="status">{typeof confirmation === 'string' ? <p className="nhsuk-inset-text app-confirmation">{confirmation}</p> : null}</div>;
}
