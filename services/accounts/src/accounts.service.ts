/** The accounts service: units over the years, accounts and roles in Keycloak, account requests and the audit trail. */
import type { ActionSchema, Context, ServiceSchema } from 'moleculer';
import type { Connection } from 'mongoose';
import {
  accountAuditActions,
  accountJobActions,
  accountRequestActions,
  accountsActions,
  accountsEvents,
  accountsPublicActions,
  accountUserActions,
} from '@par/contracts';
import { contractAction, type PortalMeta } from '@par/service-kit';
import { unitModel } from './models/unit.model';
import { tokenRevocationModel } from './models/token-revocation.model';
import {
  createUnit,
  deactivateUnit,
  getOwnUnit,
  getUnit,
  listPublicUnits,
  listUnits,
  renameUnit,
  updateUnit,
} from './units/units';
import { mergeUnits, splitUnit } from './units/unit-restructure';
import { commitUnitImport, exportUnits, previewUnitImport } from './units/unit-import';
import * as accounts from './accounts/accounts';
import { KeycloakDirectory, keycloakSettingsFromEnv } from './keycloak/keycloak-directory';
import { listAuditEntries } from './audit/audit';
import * as totp from './accounts/totp';
import * as revocations from './accounts/token-revocations';
import * as requests from './requests/account-requests';
import { AccountJobs } from './jobs/account-jobs';
import { accountJobSettingsFromEnv } from './jobs/account-job-rules';
import { vaultFromEnv } from './jobs/password-vault';
import { accountJobItemModel, accountJobModel } from './models/account-job.model';

/**
 * Actions that call Keycloak several times per account, for as many accounts as a unit group
 * has (DESIGN.md: up to 170 communes). The bus's 10 s gave up while they still ran on a loaded
 * machine: the admin saw an error for accounts that were in fact created, their temporary
 * passwords never shown. The gateway's call waits this long for them instead.
 */
const perAccountActionTimeoutMs = 180_000;

/** Gives an action its own bus timeout, which Moleculer reads though its types omit it. */
const withTimeout = (action: ActionSchema, timeout: number): ActionSchema =>
  Object.assign(action, { timeout });

/**
 * Tells every gateway node of a change's revocation, then answers with the account. Broadcast,
 * not emit: every gateway node must hear it, not one per service.
 */
async function revokedWith(
  ctx: Context<unknown, PortalMeta>,
  { account, revocation }: accounts.AccountChange,
): Promise<accounts.AccountChange['account']> {
  if (revocation) await ctx.broadcast(accountsEvents.tokensRevoked.name, revocation);
  return account;
}

export function accountsService(
  db: Connection,
  directory = new KeycloakDirectory(keycloakSettingsFromEnv()),
): ServiceSchema {
  const users = accountUserActions;
  /** Made in `created`, with the service's logger; runs from `started` to `stopped`. */
  let jobs: AccountJobs;
  return {
    name: 'accounts',

    actions: {
      // Unit changes carry their durable events and audit entries in their outbox.
      createUnit: contractAction(accountsActions.createUnit, (params, user) =>
        createUnit(db, params, user),
      ),
      listUnits: contractAction(accountsActions.listUnits, (params) => listUnits(db, params)),
      // Public through the gateway; the survey checks a question's unit with it.
      listPublicUnits: contractAction(accountsPublicActions.listPublicUnits, () =>
        listPublicUnits(db),
      ),
      getUnit: contractAction(accountsActions.getUnit, (params) => getUnit(db, params.id)),
      getOwnUnit: contractAction(accountsActions.getOwnUnit, (_params, user) =>
        getOwnUnit(db, user),
      ),
      updateUnit: contractAction(accountsActions.updateUnit, (params, user) =>
        updateUnit(db, params, user),
      ),
      renameUnit: contractAction(accountsActions.renameUnit, (params, user) =>
        renameUnit(db, params, user),
      ),
      mergeUnits: contractAction(accountsActions.mergeUnits, (params, user, ctx) =>
        mergeUnits(db, params, user, ctx.meta.locale ?? 'vi'),
      ),
      splitUnit: contractAction(accountsActions.splitUnit, (params, user, ctx) =>
        splitUnit(db, params, user, ctx.meta.locale ?? 'vi'),
      ),
      deactivateUnit: contractAction(accountsActions.deactivateUnit, (params, user) =>
        deactivateUnit(db, params, user),
      ),
      previewUnitImport: contractAction(accountsActions.previewUnitImport, (params, _user, ctx) =>
        previewUnitImport(db, params, ctx.meta.locale ?? 'vi'),
      ),
      commitUnitImport: contractAction(accountsActions.commitUnitImport, (params, user, ctx) =>
        commitUnitImport(db, params, user, ctx.meta.locale ?? 'vi'),
      ),
      exportUnits: contractAction(accountsActions.exportUnits, (params) =>
        exportUnits(db, params.format),
      ),
      listAccounts: contractAction(users.listAccounts, (params) =>
        accounts.listAccounts(directory, params),
      ),
      createAccounts: withTimeout(
        contractAction(users.createAccounts, (params, user) =>
          accounts.createAccounts(db, directory, params, user),
        ),
        perAccountActionTimeoutMs,
      ),
      setAccountRoles: contractAction(users.setAccountRoles, async (params, user, ctx) =>
        revokedWith(ctx, await accounts.setAccountRoles(db, directory, params, user)),
      ),
      moveAccount: contractAction(users.moveAccount, async (params, user, ctx) =>
        revokedWith(ctx, await accounts.moveAccount(db, directory, params, user)),
      ),
      setAccountEnabled: contractAction(users.setAccountEnabled, async (params, user, ctx) =>
        revokedWith(ctx, await accounts.setAccountEnabled(db, directory, params, user)),
      ),
      resetAccountPassword: contractAction(users.resetAccountPassword, (params, user) =>
        accounts.resetAccountPassword(db, directory, params, user),
      ),
      // Many units: a job of this service, answered at once and polled (no bus timeout cuts it).
      startAccountJob: contractAction(accountJobActions.startAccountJob, (params, user, ctx) =>
        jobs.start(params, user, ctx.meta.locale ?? 'vi'),
      ),
      getAccountJob: contractAction(accountJobActions.getAccountJob, (params, _user, ctx) =>
        jobs.get(params.id, ctx.meta.locale ?? 'vi'),
      ),
      takeAccountJobPasswords: contractAction(
        accountJobActions.takeAccountJobPasswords,
        (params, user) => jobs.takePasswords(params.id, user),
      ),
      // Bus only, for the gateway's service principal: any other caller gets 401 or 403.
      listTokenRevocations: contractAction(users.listTokenRevocations, () =>
        revocations.listTokenRevocations(db),
      ),
      listAuditEntries: contractAction(accountAuditActions.listAuditEntries, (params) =>
        listAuditEntries(db, directory, params),
      ),
      listAccountTotp: contractAction(accountAuditActions.listAccountTotp, () =>
        totp.listAccountTotp(directory),
      ),
      requireAccountTotp: contractAction(accountAuditActions.requireAccountTotp, (params, user) =>
        totp.requireAccountTotp(db, directory, params.id, user),
      ),
      requireTotpForPrivileged: withTimeout(
        contractAction(accountAuditActions.requireTotpForPrivileged, (_params, user) =>
          totp.requireTotpForPrivileged(db, directory, user),
        ),
        perAccountActionTimeoutMs,
      ),
      listRequestableUnits: contractAction(
        accountRequestActions.listRequestableUnits,
        (_params, user) => requests.listRequestableUnits(db, user),
      ),
      createAccountRequest: contractAction(
        accountRequestActions.createAccountRequest,
        (params, user) => requests.createAccountRequest(db, params, user),
      ),
      listAccountRequests: contractAction(
        accountRequestActions.listAccountRequests,
        (params, user) => requests.listAccountRequests(db, params, user),
      ),
      approveAccountRequest: withTimeout(
        contractAction(accountRequestActions.approveAccountRequest, (params, user) =>
          requests.approveAccountRequest(db, directory, params, user),
        ),
        perAccountActionTimeoutMs,
      ),
      rejectAccountRequest: contractAction(
        accountRequestActions.rejectAccountRequest,
        (params, user) => requests.rejectAccountRequest(db, params, user),
      ),
    },

    created() {
      jobs = new AccountJobs(
        db,
        directory,
        vaultFromEnv(process.env, (message) => this.logger.warn(message)),
        accountJobSettingsFromEnv(),
        this.logger,
      );
    },

    async started() {
      // Unique code index must exist before the first create, or duplicates slip through.
      await unitModel(db).init();
      // One revocation per user relies on the unique index.
      await tokenRevocationModel(db).init();
      // One job per admin and idempotency key relies on the unique index.
      await accountJobModel(db).init();
      await accountJobItemModel(db).init();
      jobs.startRunning();
    },

    async stopped() {
      await jobs.stop();
    },
  };
}
