/**
 * The headers every gateway response carries. The API serves JSON only: nothing may run, load
 * or frame it, and with HSTS a browser never talks to it over plain HTTP again.
 */
export function apiSecurityHeaders(options: { hsts: boolean }): Record<string, string> {
  return {
    'Content-Security-Policy':
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    ...(options.hsts ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
