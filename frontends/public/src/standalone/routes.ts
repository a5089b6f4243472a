/** The public site's paths: which page a path opens, and the link of a unit's campaign. */

/**
 * Every public page lives under this prefix (webpack.config.js writes the page's files there
 * too), so that an ingress sends `/cong-khai` to this frontend and `/` to the shell.
 */
export const publicBase = '/cong-khai';

export type PublicRoute =
  | { page: 'survey'; campaignId: string; unitCode: string }
  | { page: 'results' }
  | { page: 'resultUnit'; periodId: string; unitCode: string }
  | { page: 'consultations' }
  | { page: 'consultation'; id: string }
  | { page: 'questions' }
  | { page: 'question'; id: string }
  | { page: 'home' };

/**
 * `/cong-khai/khao-sat/:campaignId/:unitCode` is a unit's survey, `/cong-khai/ket-qua` the
 * published results and `/cong-khai/ket-qua/:periodId/:unitCode` a unit's result,
 * `/cong-khai/gop-y[/:id]` the draft policies put out for comment (one of them),
 * `/cong-khai/hoi-dap[/:id]` the published questions and answers (one of them); anything else
 * is home.
 */
export function pageFor(pathname: string): PublicRoute {
  if (/^\/cong-khai\/ket-qua\/?$/.test(pathname)) return { page: 'results' };
  const result = /^\/cong-khai\/ket-qua\/([^/]+)\/([^/]+)\/?$/.exec(pathname);
  if (result)
    return {
      page: 'resultUnit',
      periodId: decodeURIComponent(result[1]!),
      unitCode: decodeURIComponent(result[2]!),
    };
  const consultation = /^\/cong-khai\/gop-y(?:\/([^/]+))?\/?$/.exec(pathname);
  if (consultation)
    return consultation[1]
      ? { page: 'consultation', id: decodeURIComponent(consultation[1]) }
      : { page: 'consultations' };
  const question = /^\/cong-khai\/hoi-dap(?:\/([^/]+))?\/?$/.exec(pathname);
  if (question)
    return question[1]
      ? { page: 'question', id: decodeURIComponent(question[1]) }
      : { page: 'questions' };
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

/** The public list of draft policies put out for comment. */
export const consultationsPath = `${publicBase}/gop-y`;

/** The public page of a draft policy put out for comment. */
export function consultationPath(id: string): string {
  return `${consultationsPath}/${encodeURIComponent(id)}`;
}

/** The published results, with the period and group chosen (kept in the query, to share). */
export function resultsPath(choice: { periodId?: string; unitGroup?: string } = {}): string {
  const query = new URLSearchParams();
  if (choice.periodId) query.set('dot', choice.periodId);
  if (choice.unitGroup) query.set('nhom', choice.unitGroup);
  const search = query.toString();
  return `${publicBase}/ket-qua${search ? `?${search}` : ''}`;
}

/** The choice `resultsPath` wrote into the query. */
export function resultsChoice(search: string): { periodId?: string; unitGroup?: string } {
  const query = new URLSearchParams(search);
  return {
    periodId: query.get('dot') ?? undefined,
    unitGroup: query.get('nhom') ?? undefined,
  };
}

/** A unit's page in a published period. */
export function resultUnitPath(periodId: string, unitCode: string): string {
  return `${publicBase}/ket-qua/${encodeURIComponent(periodId)}/${encodeURIComponent(unitCode)}`;
}

/**
 * The public questions and answers, narrowed to one unit (kept in the query: a unit's website
 * links to `?don-vi=<code>`, and its citizens' questions go to it).
 */
export function questionsPath(unitCode?: string): string {
  const query = unitCode ? `?${new URLSearchParams({ 'don-vi': unitCode }).toString()}` : '';
  return `${publicBase}/hoi-dap${query}`;
}

/** The unit `questionsPath` wrote into the query, if any. */
export function questionsUnit(search: string): string | undefined {
  return new URLSearchParams(search).get('don-vi')?.trim().toUpperCase() || undefined;
}

/** One published question and its answer. */
export function questionPath(id: string): string {
  return `${publicBase}/hoi-dap/${encodeURIComponent(id)}`;
}
