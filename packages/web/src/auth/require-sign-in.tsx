import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Loading, ProblemPage } from '../layout/status-pages.tsx';
import { useSession } from './session-context.tsx';

/** Pages behind sign-in: anyone not signed in goes to the sign-in page and comes back after. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (session.status === 'checking') return <Loading what="your session" />;
  if (session.status === 'unavailable') return <ProblemPage problem={new Error(session.message)} title="Continuity is not available" />;
  if (session.status === 'signed-out') {
    // After signing out on purpose, the next person to sign in starts afresh rather than on this page.
    const from = session.reason === 'signed-out' ? undefined : `${location.pathname}${location.search}`;
    return <Navigate to="/sign-in" replace state={from ? { from } : null} />;
  }
  return <>{children}</>;
}
