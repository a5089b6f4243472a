/** The public page's paths: which page a path opens, and the link of a unit's campaign. */

/**
 * Every public page lives under this prefix (webpack.config.js writes the page's files there
 * too), so that an ingress sends `/cong-khai` to this frontend and `/` to the shell.
 */
export const publicBase = '/cong-khai';

/** `…/khao-sat/:linkId` (citizens), `…/truc-tiep/:linkId` (surveyors); anything else is home. */
export function pageFor(pathname: string): { page: 'online' | 'direct' | 'home'; linkId?: string } {
  const match = /^\/cong-khai\/(khao-sat|truc-tiep)\/([^/]+)\/?$/.exec(pathname);
  if (!match) return { page: 'home' };
  return {
    page: match[1] === 'khao-sat' ? 'online' : 'direct',
    linkId: decodeURIComponent(match[2]!),
  };
}

export function onlineSurveyPath(linkId: string): string {
  return `${publicBase}/khao-sat/${encodeURIComponent(linkId)}`;
}

export function directSurveyPath(linkId: string): string {
  return `${publicBase}/truc-tiep/${encodeURIComponent(linkId)}`;
}
