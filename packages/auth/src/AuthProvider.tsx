/** The React side of the session: `useAuth()` tells any component (shell or remote) who is there. */
import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import type { AuthUser } from '@par/contracts';
import type { AuthSession } from './auth-session';

export interface Auth {
  user: AuthUser;
  /** A valid access token (refreshed when near expiry). */
  token(): Promise<string>;
  hasRole(role: string): boolean;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthSession | null>(null);

export interface AuthProviderProps {
  session: AuthSession;
  children: ReactNode;
}

export function AuthProvider({ session, children }: AuthProviderProps) {
  return <AuthContext.Provider value={session}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const session = useContext(AuthContext);
  if (!session) throw new Error('useAuth() needs an <AuthProvider> (the shell provides one)');
  const user = useSyncExternalStore(session.subscribe, () => session.user);
  return useMemo(
    () => ({
      user,
      token: session.token,
      hasRole: (role: string) => user.roles.includes(role),
      logout: session.logout,
    }),
    [session, user],
  );
}
