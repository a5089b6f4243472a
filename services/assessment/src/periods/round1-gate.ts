/**
 * Whether a period may enter appraisal round 1, asked of the appraisal service
 * (`appraisal.checkRound1Start`, bus only) as the assessment service's own principal: it owns the
 * assignments and the late units' decisions, this service never reads its database.
 */
import type { ServiceBroker } from 'moleculer';
import {
  appraisalAssignmentActions,
  formatMessage,
  type Locale,
  type Round1Readiness,
} from '@par/contracts';
import { PortalError, type ServicePrincipal } from '@par/service-kit';

/** Resolves when round 1 may open; throws the refusal (409, or 503 when it could not ask). */
export type Round1Gate = (periodId: string, locale: Locale) => Promise<void>;

/** The 409 naming every blocker with its count, and where the admin resolves them. */
export function round1Refusal(readiness: Round1Readiness, locale: Locale): PortalError | null {
  if (readiness.ready) return null;
  const blockers: string[] = [];
  if (readiness.gaps > 0)
    blockers.push(formatMessage('period.round1.gaps', { count: readiness.gaps }, locale));
  if (readiness.overlaps > 0)
    blockers.push(formatMessage('period.round1.overlaps', { count: readiness.overlaps }, locale));
  const late = readiness.undecidedLateUnits;
  if (late.length > 0)
    blockers.push(
      formatMessage(
        'period.round1.lateUnits',
        { count: late.length, codes: late.join(', ') },
        locale,
      ),
    );
  return new PortalError('E_CONFLICT', {
    key: 'period.round1.notReady',
    params: { blockers: blockers.join('; ') },
    // The figures too, for a page that lists them.
    current: readiness,
  });
}

/** The gate as the service runs it: any failure to ask refuses, retryably, never opens unchecked. */
export function round1Gate(
  broker: ServiceBroker,
  principal: ServicePrincipal,
  logger: { warn(...args: unknown[]): void },
): Round1Gate {
  return async (periodId, locale) => {
    let readiness: Round1Readiness;
    try {
      readiness = await broker.call<Round1Readiness, { periodId: string }>(
        appraisalAssignmentActions.checkRound1Start.name,
        { periodId },
        { meta: await principal.meta() },
      );
    } catch (err) {
      logger.warn(`round 1 readiness of ${periodId}: ${(err as Error).message}`);
      throw new PortalError('E_UNAVAILABLE', { key: 'period.round1.unavailable' });
    }
    const refusal = round1Refusal(readiness, locale);
    if (refusal) throw refusal;
  };
}
