/** Every action with a REST route; the gateway builds its aliases and OpenAPI from this list. */
import type { ActionContract } from './action';
import { accountsActions } from './accounts.actions';
import { accountUserActions } from './accounts.users.actions';
import { accountRequestActions } from './accounts.requests.actions';
import { accountAuditActions } from './accounts.audit.actions';
import { gatewayActions } from './gateway.actions';
import { criteriaSetActions } from './assessment.criteria-sets.actions';
import { periodActions } from './assessment.periods.actions';
import { assessmentAuditActions } from './assessment.audit.actions';
import { evidenceActions } from './evidence.actions';

export const restActions: ActionContract[] = [
  ...Object.values(gatewayActions),
  ...Object.values(accountsActions),
  ...Object.values(accountUserActions),
  ...Object.values(accountRequestActions),
  ...Object.values(accountAuditActions),
  ...Object.values<ActionContract>(criteriaSetActions),
  ...Object.values<ActionContract>(periodActions),
  ...Object.values<ActionContract>(assessmentAuditActions),
  ...Object.values<ActionContract>(evidenceActions),
].filter((action) => action.rest !== undefined);
