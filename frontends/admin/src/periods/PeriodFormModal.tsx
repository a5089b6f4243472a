/**
 * The create/edit period form in a modal: index, year, name, a set per unit group (a later
 * edition shown against the one before it, and confirmed when an edit moves to it), the
 * participating units (all of the groups by default) and the phases in Vietnam time.
 */
import { useMemo, useState } from 'react';
import { Checkbox, Col, Collapse, Modal, Row, Typography } from 'antd';
import Select from 'antd/es/select';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { accountsActions, criteriaSetActions, periodActions } from '@par/contracts';
import type { CriteriaSetSummary, Period, Unit } from '@par/contracts';
import {
  applyFieldErrors,
  isApiError,
  useActionQuery,
  useAllPages,
  useApiClient,
} from '@par/client';
import { FormField, FormModal, PortalForm, TextField } from '@par/ui/form';
import { ns } from '../i18n';
import { SetEditionDiff } from './SetEditionDiff';
import {
  diffBaseFor,
  emptyPeriodForm,
  newerEditionsChosen,
  periodFormFields,
  periodToForm,
  toPeriodParams,
  type PeriodFormValues,
} from './form-state';
import { PhaseTimeInput } from './PhaseTimeInput';

export interface PeriodFormModalProps {
  open: boolean;
  /** The period being edited, or null for a new one. */
  period: Period | null;
  units: readonly Unit[];
  onClose: () => void;
  onSaved: (period: Period) => void;
}

const formId = 'period-form';

export function PeriodFormModal({ open, period, units, onClose, onSaved }: PeriodFormModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const groups = useMemo(
    () => [...new Set(units.flatMap((u) => (u.unitGroup ? [u.unitGroup] : [])))].sort(),
    [units],
  );
  const initial = useMemo(
    () =>
      period ? periodToForm(period, units) : emptyPeriodForm(groups, new Date().getFullYear()),
    [period, units, groups],
  );
  // Units and groups may arrive after the admin started typing: keep what they typed.
  const form = useForm<PeriodFormValues>({
    values: initial,
    resetOptions: { keepDirtyValues: true },
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<{
    values: PeriodFormValues;
    changes: ReturnType<typeof newerEditionsChosen<SetSummary>>;
  } | null>(null);
  const [indexCode, year, groupValues, withTrial] = useWatch({
    control: form.control,
    name: ['indexCode', 'year', 'groups', 'withTrial'],
  });
  const sets = useActionQuery(
    criteriaSetActions.listCriteriaSets,
    { indexCode: indexCode || undefined, year: Number(year) || undefined, limit: 500 },
    { enabled: open && /^[A-Za-z]/.test(indexCode ?? '') && Number(year) >= 2000 },
  );
  const setItems = sets.data?.items ?? [];
  const included = new Set(groupValues?.filter((g) => g.included).map((g) => g.unitGroup));
  // The server takes the units active in the period's year; offer those once they are loaded.
  const yearUnits = useAllPages(
    accountsActions.listUnits,
    { year: Number(year), limit: 1000 },
    { enabled: open && Number(year) >= 2000 && Number(year) <= 2100 },
  );
  const unitOptions = (yearUnits.data?.items ?? units)
    .filter((u) => u.unitGroup && included.has(u.unitGroup))
    .map((u) => ({ value: u.code, label: `${u.code} — ${u.name}` }));

  const close = () => {
    setFormError(null);
    setConfirming(null);
    onClose();
  };

  const submit = async (values: PeriodFormValues) => {
    const changes = period ? newerEditionsChosen(period, values.groups, setItems) : [];
    if (changes.length > 0) {
      setConfirming({ values, changes });
      return;
    }
    await save(values);
  };

  const save = async (values: PeriodFormValues) => {
    setFormError(null);
    const { params, toFormField } = toPeriodParams(values);
    try {
      const saved = period
        ? await api.callAction(periodActions.updatePeriod, {
            ...params,
            id: period.id,
            version: period.version,
          })
        : await api.callAction(periodActions.createPeriod, params);
      onSaved(saved);
    } catch (error) {
      const fields = periodFormFields(values) as never[];
      if (!applyFieldErrors(error, form.setError, fields, toFormField)) {
        setFormError(isApiError(error) ? error.message : String(error));
      }
    }
  };

  return (
    <FormModal
      open={open}
      title={period ? t('periods.form.editTitle') : t('periods.form.createTitle')}
      formId={formId}
      submitting={form.formState.isSubmitting}
      submitLabel={t('periods.form.submit')}
      cancelLabel={t('periods.cancel')}
      onCancel={close}
      error={formError}
      submitTestId="period-submit"
      errorTestId="period-form-error"
      onOpened={() => form.setFocus('name')}
    >
      <PortalForm id={formId} form={form} onSubmit={submit}>
        <Row gutter={16}>
          <Col span={8}>
            <TextField<PeriodFormValues>
              name="indexCode"
              id="period-index"
              label={t('periods.form.index')}
              required
              maxLength={32}
            />
          </Col>
          <Col span={8}>
            <TextField<PeriodFormValues>
              name="year"
              id="period-year"
              label={t('periods.form.year')}
              required
              maxLength={4}
            />
          </Col>
        </Row>
        <TextField<PeriodFormValues>
          name="name"
          id="period-name"
          label={t('periods.form.name')}
          placeholder={t('periods.form.namePlaceholder')}
          required
          maxLength={200}
        />

        <Typography.Title level={5}>{t('periods.form.groups')}</Typography.Title>
        {groupValues?.length ? null : (
          <Typography.Paragraph type="secondary">{t('periods.form.noGroups')}</Typography.Paragraph>
        )}
        {groupValues?.map((group, i) => (
          <Row gutter={16} key={group.unitGroup} align="middle">
            <Col span={8}>
              <Controller
                control={form.control}
                name={`groups.${i}.included`}
                render={({ field }) => (
                  <Checkbox
                    id={`period-group-${i}`}
                    data-testid={`period-group-${group.unitGroup}`}
                    checked={field.value}
                    onChange={(e) => field.onChange(e.target.checked)}
                  >
                    {group.unitGroup}
                  </Checkbox>
                )}
              />
            </Col>
            <Col span={16}>
              <Controller
                control={form.control}
                name={`groups.${i}.criteriaSetId`}
                render={({ field, fieldState }) => (
                  <FormField
                    id={`period-set-${i}`}
                    label={t('periods.form.set', { group: group.unitGroup })}
                    error={fieldState.error?.message}
                  >
                    <Select
                      id={`period-set-${i}`}
                      data-testid={`period-set-${group.unitGroup}`}
                      allowClear
                      value={field.value ?? undefined}
                      onChange={(value: string | undefined) => {
                        field.onChange(value ?? null);
                        if (value) form.setValue(`groups.${i}.included`, true);
                      }}
                      placeholder={t('periods.form.setPlaceholder')}
                      loading={sets.loading}
                      notFoundContent={t('periods.form.noSets')}
                      options={setItems
                        .filter((s) => s.unitGroup === group.unitGroup)
                        .map((s) => ({
                          value: s.id,
                          label: `${s.name} (${t('periods.form.edition', { edition: s.edition })}${s.valid ? '' : `, ${t('periods.form.setInvalid')}`})`,
                        }))}
                    />
                  </FormField>
                )}
              />
            </Col>
            <GroupSetDiff
              unitGroup={group.unitGroup}
              chosenId={group.criteriaSetId}
              storedId={storedSetOf(period, group.unitGroup)}
              sets={setItems}
            />
          </Row>
        ))}

        <Controller
          control={form.control}
          name="unitCodes"
          render={({ field, fieldState }) => (
            <FormField
              id="period-units"
              label={t('periods.form.units')}
              help={t('periods.form.unitsHelp', { count: unitOptions.length })}
              error={fieldState.error?.message}
            >
              <Select
                id="period-units"
                data-testid="period-units"
                mode="multiple"
                allowClear
                value={field.value}
                onChange={field.onChange}
                placeholder={t('periods.form.unitsAll')}
                options={unitOptions}
                optionFilterProp="label"
              />
            </FormField>
          )}
        />

        <Typography.Title level={5}>{t('periods.form.phases')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('periods.form.phasesHelp')}</Typography.Paragraph>
        <Controller
          control={form.control}
          name="withTrial"
          render={({ field }) => (
            <Checkbox
              id="period-with-trial"
              data-testid="period-with-trial"
              checked={field.value}
              onChange={(e) => field.onChange(e.target.checked)}
              style={{ marginBottom: 12 }}
            >
              {t('periods.form.withTrial')}
            </Checkbox>
          )}
        />
        {initial.phases.map((row, i) =>
          row.phase === 'trial' && !withTrial ? null : (
            <Row gutter={16} key={row.phase}>
              <Col span={24}>
                <Typography.Text strong>{t(`periods.phase.${row.phase}`)}</Typography.Text>
              </Col>
              {(['startsAt', 'endsAt'] as const).map((end) => (
                <Col span={12} key={end}>
                  <Controller
                    control={form.control}
                    name={`phases.${i}.${end}`}
                    render={({ field, fieldState }) => (
                      <FormField
                        id={`period-${row.phase}-${end}`}
                        label={t(`periods.form.${end}`)}
                        error={fieldState.error?.message}
                      >
                        <PhaseTimeInput
                          id={`period-${row.phase}-${end}`}
                          value={field.value}
                          onChange={field.onChange}
                          invalid={fieldState.invalid}
                        />
                      </FormField>
                    )}
                  />
                </Col>
              ))}
            </Row>
          ),
        )}
      </PortalForm>
      <Modal
        open={confirming !== null}
        title={t('periods.diff.confirmTitle')}
        width={900}
        okText={t('periods.diff.confirmOk')}
        okButtonProps={{ 'data-testid': 'period-edition-confirm' }}
        cancelText={t('periods.cancel')}
        onCancel={() => setConfirming(null)}
        onOk={() => {
          const values = confirming!.values;
          setConfirming(null);
          return save(values);
        }}
      >
        <Typography.Paragraph>{t('periods.diff.confirmExplain')}</Typography.Paragraph>
        {confirming?.changes.map((change) => (
          <div key={change.unitGroup} data-testid={`period-edition-change-${change.unitGroup}`}>
            <Typography.Title level={5}>
              {t('periods.diff.group', {
                group: change.unitGroup,
                before: change.base.edition,
                after: change.chosen.edition,
              })}
            </Typography.Title>
            <SetEditionDiff baseId={change.base.id} chosenId={change.chosen.id} />
          </div>
        ))}
      </Modal>
    </FormModal>
  );
}

type SetSummary = CriteriaSetSummary;

const storedSetOf = (period: Period | null, unitGroup: string) =>
  period?.criteriaSets.find((c) => c.unitGroup === unitGroup)?.criteriaSetId ?? null;

/** Under a group's choice: what the chosen later edition changes, before anything is saved. */
function GroupSetDiff({
  unitGroup,
  chosenId,
  storedId,
  sets,
}: {
  unitGroup: string;
  chosenId: string | null;
  storedId: string | null;
  sets: readonly SetSummary[];
}) {
  const { t } = useTranslation(ns);
  const base = diffBaseFor(chosenId, storedId, sets);
  const chosen = sets.find((s) => s.id === chosenId);
  if (!base || !chosen) return null;
  return (
    <Col span={24} data-testid={`period-set-diff-${unitGroup}`}>
      <Collapse
        size="small"
        style={{ marginBottom: 16 }}
        defaultActiveKey={['diff']}
        items={[
          {
            key: 'diff',
            label: t('periods.diff.title', { before: base.edition, after: chosen.edition }),
            children: <SetEditionDiff baseId={base.id} chosenId={chosen.id} />,
          },
        ]}
      />
    </Col>
  );
}
