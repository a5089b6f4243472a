/**
 * Who may call each REST route, and who may not, through the real gateway and services with real
 * Keycloak tokens. The expectations are the table below, written by hand from DESIGN.md's roles
 * and each route's purpose, never from the contracts' `roles` (a wrong role in a contract must
 * fail here). A route the contracts have and the table lacks fails the test: add it by hand.
 * Behind the gateway, every contract action of every service started refuses a caller who
 * reaches NATS with a forged admin and no token.
 */
import { randomUUID } from 'node:crypto';
import { ServiceBroker } from 'moleculer';
import { allActions, restActions, type ActionContract } from '@par/contracts';
import { natsCredentials, serviceApps, type AppName } from '../../../../deploy/local/apps/apps.ts';
import { adminApi } from '../../../../deploy/local/apps/keycloak-admin.ts';
import { eventually } from '../../../../test/support/eventually';
import { openPortal, type Portal } from '../../../../test/support/portal-fixture';
import { callApi as call } from '../../../../test/support/api';

/** The kinds of caller; each but the first is a Keycloak account of its own. */
const callerKinds = [
  'no token',
  'admin',
  'data-entry',
  'appraisal',
  'data-entry + unit-approver',
  // A valid Keycloak account that the portal never gave anything: no role, no unit.
  'admin of nothing',
] as const;
type CallerKind = (typeof callerKinds)[number];

const accounts: Record<
  Exclude<CallerKind, 'no token'>,
  {
    realmRoles: string[];
    clientRoles?: string[];
    unit?: string;
  }
> = {
  admin: { realmRoles: ['admin'] },
  'data-entry': { realmRoles: ['data-entry'], unit: 'SNV' },
  appraisal: { realmRoles: ['appraisal'], unit: 'STP' },
  'data-entry + unit-approver': {
    realmRoles: ['data-entry'],
    clientRoles: ['unit-approver'],
    unit: 'SNV',
  },
  'admin of nothing': { realmRoles: [] },
};

const admin: readonly CallerKind[] = ['admin'];
/** Public routes (no login): every caller, a token or not, gets past authorization. */
const everyone: readonly CallerKind[] = callerKinds;
const unitOfficers: readonly CallerKind[] = ['data-entry', 'data-entry + unit-approver'];
const unitOrAdmin: readonly CallerKind[] = ['admin', ...unitOfficers];
const everyoneLoggedIn: readonly CallerKind[] = [
  'admin',
  'data-entry',
  'appraisal',
  'data-entry + unit-approver',
  'admin of nothing',
];

/**
 * Route → the callers allowed past authorization; every other caller is refused (401 without a
 * token, 403 with one). DESIGN.md: the Department of Home Affairs (`admin`) manages units,
 * accounts, roles, criteria sets, periods and deadlines and watches progress; unit leaders
 * (`data-entry` + `unit-approver`) ask for accounts for their unit; officers and appraisers have
 * no set-up rights; anyone logged in may read who they are and which unit they belong to.
 */
const allowed: Record<string, readonly CallerKind[]> = {
  // Who am I.
  'GET /me': everyoneLoggedIn,
  'GET /me/unit': everyoneLoggedIn,
  // Units: managed by the admin only.
  'POST /units': admin,
  'GET /units': admin,
  'PUT /units/:id': admin,
  'POST /units/:id/rename': admin,
  'POST /units/merge': admin,
  'POST /units/:id/split': admin,
  'POST /units/:id/deactivation': admin,
  'POST /units/import/preview': admin,
  'POST /units/import': admin,
  'GET /units/export': admin,
  'GET /units/:id': admin,
  // Accounts, roles, second factor and the audit trail: the admin's.
  'GET /audit': admin,
  'GET /accounts/totp': admin,
  'PUT /accounts/:id/totp-required': admin,
  'POST /accounts/totp-required': admin,
  'GET /accounts': admin,
  'POST /accounts': admin,
  'PUT /accounts/:id/roles': admin,
  'PUT /accounts/:id/unit': admin,
  'PUT /accounts/:id/enabled': admin,
  'POST /accounts/:id/password-reset': admin,
  // Account jobs (many units at once) and their one-time passwords: the admin's.
  'POST /account-jobs': admin,
  'GET /account-jobs/:id': admin,
  'POST /account-jobs/:id/passwords': admin,
  // Account requests: a unit leader asks, the admin decides; both see the requests.
  'GET /account-requests/units': ['data-entry + unit-approver'],
  'POST /account-requests': ['data-entry + unit-approver'],
  'GET /account-requests': ['admin', 'data-entry + unit-approver'],
  'POST /account-requests/:id/approval': admin,
  'POST /account-requests/:id/rejection': admin,
  // Indices and criteria sets: set up by the admin.
  'GET /assessment-audit': admin,
  'GET /indices': admin,
  'POST /indices': admin,
  'GET /criteria-sets': admin,
  'GET /criteria-sets/:id': admin,
  'POST /criteria-sets': admin,
  'PUT /criteria-sets/:id': admin,
  'DELETE /criteria-sets/:id': admin,
  'POST /criteria-sets/validation': admin,
  'POST /criteria-sets/:id/clones': admin,
  'POST /criteria-sets/:id/versions': admin,
  'POST /criteria-sets/import/preview': admin,
  'POST /criteria-sets/import': admin,
  'GET /criteria-sets/:id/export': admin,
  'GET /criteria-sets/:id/diff': admin,
  'GET /criteria-set-templates': admin,
  'POST /criteria-set-templates/:key/sets': admin,
  // Evidence: a unit's officers (and its leader, an officer too) upload and attach their files;
  // the admin reads every unit's.
  'POST /evidence/uploads': unitOfficers,
  'POST /evidence/files/:id/confirm': unitOfficers,
  // Appraisers read the files of their assigned entries only (checked with the appraisal service).
  'GET /evidence/files': ['admin', 'appraisal', ...unitOfficers],
  'GET /evidence/files/:id/download': ['admin', 'appraisal', ...unitOfficers],
  'POST /evidence/files/:id/attach': unitOfficers,
  'POST /evidence/files/:id/detach': unitOfficers,
  'DELETE /evidence/files/:id': unitOfficers,
  // A unit's self-assessment: its officers read and fill it (the unit is the token's); only its
  // leader submits and withdraws; the admin reads any unit's. Appraisers read it through the
  // appraisal service (issue 11), not here. Bus only, so not in this table:
  // assessment.getWriteWindow (for the evidence service) and evidence.countFiles (for the
  // assessment service).
  'GET /self-assessment/periods': ['admin', ...unitOfficers],
  'GET /self-assessment/periods/:periodId': ['admin', ...unitOfficers],
  'GET /self-assessment/periods/:periodId/entries': ['admin', ...unitOfficers],
  'PUT /self-assessment/periods/:periodId/entries/:criterionCode': unitOfficers,
  'POST /self-assessment/periods/:periodId/submit': ['data-entry + unit-approver'],
  'POST /self-assessment/periods/:periodId/withdraw': ['data-entry + unit-approver'],
  'GET /self-assessment/periods/:periodId/export': ['admin', ...unitOfficers],
  // Periods, their phases and deadlines, and the progress board: the admin's.
  'GET /periods': admin,
  'GET /periods/:id': admin,
  'POST /periods': admin,
  'PUT /periods/:id': admin,
  'POST /periods/:id/advance': admin,
  'POST /periods/:id/extensions': admin,
  'GET /periods/:id/progress': admin,
  'GET /periods/:id/progress/export': admin,
  // Appraiser assignments, coverage, late-unit decisions and their audit trail: set up by the
  // admin; appraisers see their own share through the worklist (issue 11), not here. Bus only,
  // so not in this table: assessment.getAppraisalScope and appraisal.checkRound1Start.
  'GET /appraisal/periods/:periodId/assignments': admin,
  'POST /appraisal/periods/:periodId/assignments': admin,
  'PUT /appraisal/assignments/:id': admin,
  'DELETE /appraisal/assignments/:id': admin,
  'GET /appraisal/periods/:periodId/assignments/suggestions': admin,
  'GET /appraisal/periods/:periodId/coverage': admin,
  'GET /appraisal/periods/:periodId/late-units': admin,
  'PUT /appraisal/periods/:periodId/late-units/:unitCode': admin,
  'POST /appraisal/periods/:periodId/assignments/import/preview': admin,
  'POST /appraisal/periods/:periodId/assignments/import': admin,
  'GET /appraisal/periods/:periodId/assignments/export': admin,
  'GET /appraisal/periods/:periodId/audit': admin,
  // The rounds: appraisers work on their own assignments (scope checked inside, from the
  // token); the admin reopens a sent round and watches progress; a unit's officers read and
  // answer the questions put to their unit (the admin reads any unit's). Bus only, so not in
  // this table: appraisal.listAssignedLeaves (for the evidence service),
  // assessment.getUnitForAppraisal and assessment.markAppraisalOpened (for the appraisal service).
  'GET /appraisal/my/periods': ['appraisal'],
  'GET /appraisal/periods/:periodId/my/units': ['appraisal'],
  'GET /appraisal/periods/:periodId/units/:unitCode': ['appraisal'],
  'PUT /appraisal/periods/:periodId/units/:unitCode/entries/:criterionCode/rounds/:round': [
    'appraisal',
  ],
  'PUT /appraisal/periods/:periodId/units/:unitCode/entries/:criterionCode/question': ['appraisal'],
  'POST /appraisal/periods/:periodId/rounds/:round/send': ['appraisal'],
  'POST /appraisal/periods/:periodId/rounds/:round/reopen': admin,
  'GET /appraisal/periods/:periodId/progress': admin,
  'GET /appraisal/periods/:periodId/progress/export': admin,
  'GET /appraisal/unit/periods/:periodId/questions': ['admin', ...unitOfficers],
  'PUT /appraisal/unit/periods/:periodId/questions/:criterionCode': unitOfficers,
  // Citizen surveys (issue 13): the admin builds questionnaires, runs campaigns, types in
  // paper forms and reads the results; citizens answer without any account.
  'GET /survey/questionnaires': admin,
  'GET /survey/questionnaires/:id': admin,
  'POST /survey/questionnaires': admin,
  'PUT /survey/questionnaires/:id/draft': admin,
  'POST /survey/questionnaires/:id/versions': admin,
  'GET /survey/questionnaires/:id/versions/:number': admin,
  'GET /survey/campaigns': admin,
  'GET /survey/campaigns/:id': admin,
  'POST /survey/campaigns': admin,
  'PUT /survey/campaigns/:id': admin,
  'POST /survey/campaigns/:id/open': admin,
  'POST /survey/campaigns/:id/close': admin,
  'POST /survey/campaigns/:campaignId/units/:unitCode/paper-responses': admin,
  'GET /survey/campaigns/:id/results': admin,
  'GET /survey/campaigns/:id/export': admin,
  'GET /public/surveys': everyone,
  'GET /public/surveys/:campaignId/units/:unitCode': everyone,
  'POST /public/surveys/:campaignId/units/:unitCode/responses': everyone,
  // Consultations (issue 13): a unit's officers (their own unit) or the admin post drafts and
  // moderate; citizens read and comment without login.
  'GET /survey/consultations': unitOrAdmin,
  'POST /survey/consultations': unitOrAdmin,
  'GET /survey/consultations/:id': unitOrAdmin,
  'POST /survey/consultations/:id/comments/:commentId/moderation': unitOrAdmin,
  'PUT /survey/consultations/:id/summary': unitOrAdmin,
  'GET /public/consultations': everyone,
  'GET /public/consultations/:id': everyone,
  'POST /public/consultations/:id/comments': everyone,
  // Attachments of a draft: the same writers; citizens download without login.
  'GET /survey/consultations/:id/attachments': unitOrAdmin,
  'POST /survey/consultations/:id/attachments': unitOrAdmin,
  'POST /survey/consultations/:id/attachments/:attachmentId/confirm': unitOrAdmin,
  'DELETE /survey/consultations/:id/attachments/:attachmentId': unitOrAdmin,
  'GET /public/consultations/:id/attachments/:attachmentId': everyone,
  // Questions and answers (issue 13): the unit's officers (their own unit) or the admin answer,
  // publish and reject; only the admin routes a question to another unit and reads the
  // statistics of every unit; citizens ask and read the published answers without login.
  'GET /survey/questions': unitOrAdmin,
  'GET /survey/questions/statistics': admin,
  'GET /survey/questions/:id': unitOrAdmin,
  'POST /survey/questions/:id/routing': admin,
  'PUT /survey/questions/:id/answer': unitOrAdmin,
  'POST /survey/questions/:id/publication': unitOrAdmin,
  'POST /survey/questions/:id/rejection': unitOrAdmin,
  'POST /public/questions': everyone,
  // The active units' codes and names, for the citizen choosing where a question goes.
  'GET /public/units': everyone,
  'GET /public/questions': everyone,
  'GET /public/questions/:id': everyone,
  // Ranking (issue 12): band tables, draft consolidations and the survey results import are the
  // admin's; units see their result only once published (not yet).
  'GET /ranking/indices/:indexCode/bands': admin,
  'PUT /ranking/indices/:indexCode/bands': admin,
  'POST /ranking/periods/:periodId/consolidations': admin,
  'GET /ranking/periods/:periodId/consolidation': admin,
  'POST /ranking/periods/:periodId/survey-results/import/preview': admin,
  'POST /ranking/periods/:periodId/survey-results/import': admin,
  'POST /ranking/periods/:periodId/past-results/import/preview': admin,
  'POST /ranking/periods/:periodId/past-results/import': admin,
  'GET /ranking/periods/:periodId/blocker-decisions': admin,
  'PUT /ranking/periods/:periodId/blocker-decisions/:unitCode/:kind': admin,
  'POST /ranking/periods/:periodId/publications': admin,
  'GET /ranking/periods/:periodId/publications': admin,
  'GET /ranking/periods/:periodId/publications/:number': admin,
  'GET /ranking/periods/:periodId/publications/:number/diff': admin,
  'GET /ranking/periods/:periodId/audit': admin,
  'GET /ranking/periods/:periodId/consolidation/export': admin,
  'GET /ranking/periods/:periodId/publications/:number/export': admin,
  // Published results are public (issue 12): anyone reads them, with a token or without.
  'GET /public/results': everyone,
  'GET /public/results/:periodId': everyone,
  'GET /public/results/:periodId/units/:unitCode': everyone,
};

const routeOf = (action: ActionContract) => `${action.rest!.method} ${action.rest!.path}`;

/** The route with dummy path parameters; a body only where the method carries one. */
function requestOf(action: ActionContract): { method: string; path: string; body?: unknown } {
  const { method, path } = action.rest!;
  return {
    method,
    path: path.replace(/:(\w+)/g, (_whole, name: string) => `dummy-${name}-0000`),
    body: method === 'GET' || method === 'DELETE' ? undefined : {},
  };
}

/** The node that answers an action: the gateway itself or the service named before the dot. */
const appsFor = (actions: readonly ActionContract[]): AppName[] => {
  const services = new Set(actions.map((action) => action.name.split('.')[0]!));
  return serviceApps.filter((app) => app === 'gateway' || services.has(app));
};

/**
 * Actions that an allowed caller really performs even with an empty body, and how to undo them so
 * the realm other suites use is left as it was. Add one here when a new action has such effects.
 */
const undoers: Record<string, (adminToken: string) => Promise<() => Promise<void>>> = {
  'accounts.requireTotpForPrivileged': async (adminToken) => {
    const before = await call('/accounts/totp', { token: adminToken });
    const notRequired = (before.body.items as Array<{ id: string; totp: string }>)
      .filter((item) => item.totp === 'notRequired')
      .map((item) => item.id);
    return async () => {
      await Promise.allSettled(
        notRequired.map(async (id) => {
          const user = await adminApi<{ requiredActions?: string[] }>('GET', `/users/${id}`);
          await adminApi('PUT', `/users/${id}`, {
            ...user,
            requiredActions: (user.requiredActions ?? []).filter((a) => a !== 'CONFIGURE_TOTP'),
          });
        }),
      );
    };
  },
};

const actions = restActions;
const table = actions.map((action) => [routeOf(action), action] as const);

describe('who may call each REST route', () => {
  let portal: Portal<string> | undefined;
  const tokens = new Map<CallerKind, string | undefined>([['no token', undefined]]);

  beforeAll(async () => {
    portal = await openPortal({
      apps: appsFor(actions),
      users: Object.fromEntries(
        Object.entries(accounts).map(([name, account]) => [
          name,
          { roles: account.realmRoles, clientRoles: account.clientRoles, unit: account.unit },
        ]),
      ),
    });
    for (const [name, token] of Object.entries(portal.tokens))
      tokens.set(name as CallerKind, token);
    // Every node is on the bus once the gateway routes to all of them (no 503 left).
    await eventually(
      async () => {
        const answers = await Promise.all(
          actions.map((action) => {
            const { method, path, body } = requestOf(action);
            return call(path, { method, body, token: tokens.get('admin of nothing') });
          }),
        );
        return answers.every((res) => res.status !== 503);
      },
      30_000,
      'the gateway routing to every service',
    );
  });

  afterAll(async () => {
    await portal?.close();
  });

  it('has an expectation for every REST route of the contracts, and for no other', () => {
    expect(Object.keys(allowed).sort()).toEqual(actions.map(routeOf).sort());
    expect(actions.length).toBeGreaterThan(40);
  });

  it('refuses with 401 every contract action called straight on the bus with a forged admin', async () => {
    const started = new Set(appsFor(actions));
    const onBus = allActions.filter((action) => started.has(action.name.split('.')[0] as AppName));
    const bus = new ServiceBroker({
      namespace: process.env.PAR_NAMESPACE ?? 'par',
      nodeID: `matrix-bus-${randomUUID().slice(0, 8)}`,
      transporter: { type: 'NATS', options: natsCredentials('tests') },
      logger: false,
    });
    await bus.start();
    try {
      await bus.waitForServices([...started], 30_000);
      const forged = { id: randomUUID(), username: 'mallory', roles: ['admin'], unit: null };
      for (const action of onBus) {
        const err = (await bus.call(action.name, {}, { meta: { user: forged } }).then(
          () => undefined,
          (e: unknown) => e,
        )) as { type?: string } | undefined;
        expect({ action: action.name, type: err?.type }).toEqual({
          action: action.name,
          type: 'E_UNAUTHENTICATED',
        });
      }
      expect(onBus.length).toBeGreaterThan(actions.length / 2);
    } finally {
      await bus.stop();
    }
  });

  it.each(table)('%s: refuses every caller the table does not allow', async (route, action) => {
    const { method, path, body } = requestOf(action);
    const refused = callerKinds.filter((caller) => !(allowed[route] ?? []).includes(caller));
    for (const caller of refused) {
      const res = await call(path, { method, body, token: tokens.get(caller) });
      const expected =
        caller === 'no token'
          ? { status: 401, code: 'E_UNAUTHENTICATED' }
          : { status: 403, code: 'E_FORBIDDEN' };
      expect({ caller, status: res.status, code: res.body?.error?.code }).toEqual({
        caller,
        ...expected,
      });
    }
  });

  it.each(table)(
    '%s: lets every caller the table allows past authorization',
    async (route, action) => {
      const { method, path, body } = requestOf(action);
      const callers = allowed[route] ?? [];
      expect(callers.length).toBeGreaterThan(0);
      for (const caller of callers) {
        const undo = await undoers[action.name]?.(tokens.get('admin')!);
        try {
          const res = await call(path, { method, body, token: tokens.get(caller) });
          // Dummy ids and empty bodies may be refused as invalid or not found, never as the
          // caller's fault, and never by a service that is not there (5xx).
          expect({
            caller,
            status: res.status,
            passed: [200, 201, 204, 404, 409, 422].includes(res.status),
          }).toMatchObject({ caller, passed: true });
        } finally {
          await undo?.();
        }
      }
    },
  );
});
