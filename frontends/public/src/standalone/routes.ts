/** The public site's paths: which page a path opens, and the link of a unit's campaign. */

/**
 * Every public page lives under this prefix (webpack.config.js writes the page's files there
 * too), so that an ingress sends `/cong-khai` to this frontend and `/` to the shell.
 */
export const publicBase = '/cong-khai';

export type PublicRoute =
  { page: 'survey'; campaignId: string; unitCode: string } | { page: 'home' };

/** `/cong-khai/khao-sat/:campaignId/:unitCode` is a unit's survey; anything else is home. */
export function pageFor(pathname: string): PublicRoute {
  const match = /^\/cong-khai\/khao-sat\/([^/]+)\/([^/]+)\/?$/.exec(pathname);
  if (!match) return { page: 'home' };
  return {
    page: 'survey',
    campaignId: decodeURIComponent(match[1]!),
    unitCode: decodeURIComponent(match[2]!),
  };
}

/** The path of a unit's survey in a campaign: what its link and QR code open. */
export function surveyPath(campaignId: string, unitCode: string): string {
  return `${publicBase}/khao-sat/${encodeURIComponent(campaignId)}/${encodeURIComponent(unitCode)}`;
}
