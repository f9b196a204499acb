import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiProblem, whenSignedOut } from '../api/client.ts';
import type { SignedInUser } from '../api/types.ts';

export type SessionState =
  | { status: 'checking' }
  | { status: 'signed-out'; reason?: 'expired' | 'signed-out' }
  | { status: 'signed-in'; user: SignedInUser }
  | { status: 'unavailable'; message: string };

interface SessionApi {
  session: SessionState;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionApi | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: 'checking' });

  useEffect(() => {
    let current = true;
    api
      .get<{ user: SignedInUser }>('/api/session')
      .then(({ user }) => current && setSession({ status: 'signed-in', user }))
      .catch((problem: unknown) => {
        if (!current) return;
        if (problem instanceof ApiProblem && problem.status === 401) setSession({ status: 'signed-out' });
        else setSession({ status: 'unavailable', message: problem instanceof Error ? problem.message : 'Continuity is not available.' });
      });
    whenSignedOut(() => setSession((s) => (s.status === 'signed-in' ? { status: 'signed-out', reason: 'expired' } : s)));
    return () => {
      current = false;
      whenSignedOut(undefined);
    };
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const { user } = await api.post<{ user: SignedInUser }>('/api/session', { username, password });
    setSession({ status: 'signed-in', user });
  }, []);

  const signOut = useCallback(async () => {
    await api.delete('/api/session').catch(() => undefined);
    setSession({ status: 'signed-out', reason: 'signed-out' });
  }, []);

  const value = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a SessionProvider');
  return value;
}

/** The signed-in user; only for pages behind RequireSignIn. */
export function useSignedInUser(): SignedInUser {
  const { session } = useSession();
  if (session.status !== 'signed-in') throw new Error('useSignedInUser outside a signed-in page');
  return session.user;
}
