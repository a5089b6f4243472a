export { startAuthSession, isAuthServerReachable } from './auth-session';
export type { AuthConfig, AuthSession } from './auth-session';
export { AuthProvider, useAuth } from './AuthProvider';
export type { Auth, AuthProviderProps } from './AuthProvider';
