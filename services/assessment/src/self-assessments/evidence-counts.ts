/**
 * Attached evidence files per unit and criterion, asked of the evidence service
 * (`evidence.countFiles`, bus only) as the assessment service's own principal: the evidence
 * service owns its files, this service never reads its database.
 */
import type { ServiceBroker } from 'moleculer';
import { evidenceActions, type EvidenceCounts } from '@par/contracts';
import { PortalError, type ServicePrincipal } from '@par/service-kit';

/** unit code → criterion code → attached files. */
export type CountsByUnit = Map<string, Map<string, number>>;

export interface EvidenceCounter {
  /**
   * The counts of one unit (or every unit of the period); throws `E_UNAVAILABLE` when the
   * evidence service does not answer: a submission must not pass on counts it could not read.
   */
  counts(periodId: string, unitCode?: string): Promise<CountsByUnit>;
  /**
   * As `counts`, but an unanswered call gives no files (logged): what pages read, so the unit
   * can keep working while the evidence service restarts; its completeness shows files missing.
   */
  countsOrNone(periodId: string, unitCode?: string): Promise<CountsByUnit>;
}

export function evidenceCounter(
  broker: ServiceBroker,
  principal: ServicePrincipal,
  logger: { warn(...args: unknown[]): void },
): EvidenceCounter {
  const counts = async (periodId: string, unitCode?: string): Promise<CountsByUnit> => {
    let result: EvidenceCounts;
    try {
      result = await broker.call<EvidenceCounts, object>(
        evidenceActions.countFiles.name,
        { periodId, ...(unitCode ? { unitCode } : {}) },
        { meta: await principal.meta() },
      );
    } catch (err) {
      logger.warn(`evidence counts of ${periodId}/${unitCode ?? '*'}: ${(err as Error).message}`);
      throw new PortalError('E_UNAVAILABLE', { key: 'selfAssessment.evidence.unavailable' });
    }
    const byUnit: CountsByUnit = new Map();
    for (const item of result.items) {
      const unit = byUnit.get(item.unitCode) ?? new Map<string, number>();
      unit.set(item.criterionCode, item.count);
      byUnit.set(item.unitCode, unit);
    }
    return byUnit;
  };
  return {
    counts,
    countsOrNone: (periodId, unitCode) =>
      counts(periodId, unitCode).catch(() => new Map() as CountsByUnit),
  };
}
