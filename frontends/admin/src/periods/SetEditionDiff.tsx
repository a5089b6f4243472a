/** What changed between the set a period group had (or the edition before) and the one chosen. */
import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { criteriaSetActions } from '@par/contracts';
import { useActionQuery } from '@par/client';
import { CriteriaDiffView } from '../criteria-sets/CriteriaDiffView';
import { ns } from '../i18n';

export interface SetEditionDiffProps {
  baseId: string;
  chosenId: string;
}

export function SetEditionDiff({ baseId, chosenId }: SetEditionDiffProps) {
  const { t } = useTranslation(ns);
  // The view compares whole nodes (rules, guidance), which the server's diff gives only for
  // changed ones, so both sets are read as they are.
  const base = useActionQuery(criteriaSetActions.getCriteriaSet, { id: baseId });
  const chosen = useActionQuery(criteriaSetActions.getCriteriaSet, { id: chosenId });
  const error = base.error ?? chosen.error;
  if (error) {
    return (
      <Alert type="error" showIcon title={t('periods.diff.failed')} description={error.message} />
    );
  }
  if (!base.data || !chosen.data) return <Spin />;
  const label = (set: { edition: number; year: number }) =>
    t('criteriaSets.editionLabel', { edition: set.edition, year: set.year });
  return (
    <CriteriaDiffView
      before={base.data.nodes}
      after={chosen.data.nodes}
      beforeLabel={label(base.data)}
      afterLabel={label(chosen.data)}
    />
  );
}
