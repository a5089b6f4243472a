/**
 * Creates a draft campaign: a name, the period, a frozen questionnaire version, the period's
 * units to survey, a sample size per unit for direct surveys and, if wanted, a closing time.
 */
import { useState } from 'react';
import { Input, Modal } from 'antd';
import Select from 'antd/es/select';
import { useTranslation } from 'react-i18next';
import { periodActions, surveyCampaignActions, surveyQuestionnaireActions } from '@par/contracts';
import type { Campaign, Locale } from '@par/contracts';
import { isApiError, useActionQuery, useApiClient } from '@par/client';
import { currentLanguage } from '@par/ui';
import { FormField } from '@par/ui/form';
import { ns } from '../i18n';
import { NumberInput } from './NumberInput';
import {
  campaignMessages,
  computedSampleSize,
  emptyCampaignForm,
  toCampaignParams,
  type CampaignFormValues,
} from './form-state';

export interface CampaignCreateModalProps {
  open: boolean;
  onClose: () => void;
  onCreated: (campaign: Campaign) => void;
}

type Messages = Partial<Record<keyof CampaignFormValues, string>>;

/** Server fields → form fields (the rest go above the form). */
const formFieldOf = (field: string): keyof CampaignFormValues | null =>
  field.startsWith('units')
    ? field.endsWith('sampleSize')
      ? 'sampleSize'
      : field.endsWith('population')
        ? 'populations'
        : 'unitCodes'
    : field.startsWith('questionnaire')
      ? 'questionnaire'
      : field === 'marginOfError'
        ? 'marginPercent'
        : field === 'name' || field === 'periodId' || field === 'closesAt'
          ? field
          : null;

export function CampaignCreateModal({ open, onClose, onCreated }: CampaignCreateModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const locale = currentLanguage() as Locale;
  const [values, setValues] = useState<CampaignFormValues>(emptyCampaignForm());
  const [messages, setMessages] = useState<Messages>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const periods = useActionQuery(periodActions.listPeriods, { limit: 500 }, { enabled: open });
  const questionnaires = useActionQuery(
    surveyQuestionnaireActions.listQuestionnaires,
    { limit: 200 },
    { enabled: open },
  );
  const period = periods.data?.items.find((p) => p.id === values.periodId);
  const set = (change: Partial<CampaignFormValues>) => {
    setValues({ ...values, ...change });
    setMessages({});
    setFormError(null);
  };

  const versionOptions = (questionnaires.data?.items ?? []).flatMap((q) =>
    Array.from({ length: q.latestVersion ?? 0 }, (_, i) => (q.latestVersion ?? 0) - i).map(
      (number) => ({
        value: `${q.id}/${number}`,
        label: t('surveys.campaigns.questionnaireVersion', { title: q.title, number }),
      }),
    ),
  );

  const submit = async () => {
    const found = campaignMessages(values, locale);
    if (Object.keys(found).length > 0) return setMessages(found);
    setSaving(true);
    try {
      const campaign = await api.callAction(
        surveyCampaignActions.createCampaign,
        toCampaignParams(values),
      );
      setValues(emptyCampaignForm());
      onCreated(campaign);
    } catch (caught) {
      if (!isApiError(caught)) return setFormError(String(caught));
      const byField: Messages = {};
      for (const { field, message } of caught.fields) {
        const name = formFieldOf(field);
        if (name) byField[name] ??= message;
      }
      setMessages(byField);
      if (Object.keys(byField).length === 0) setFormError(caught.message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('surveys.campaigns.createTitle')}
      okText={t('surveys.campaigns.createSubmit')}
      cancelText={t('surveys.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'campaign-submit' } as never}
      onOk={() => void submit()}
      onCancel={onClose}
      width={640}
    >
      {formError ? (
        <div
          role="alert"
          data-testid="campaign-form-error"
          style={{ color: '#cf1322', marginBottom: 12 }}
        >
          {formError}
        </div>
      ) : null}
      <FormField
        id="campaign-name"
        label={t('surveys.campaigns.form.name')}
        required
        error={messages.name}
      >
        <Input
          id="campaign-name"
          data-testid="campaign-name"
          value={values.name}
          maxLength={200}
          onChange={(event) => set({ name: event.target.value })}
        />
      </FormField>
      <FormField
        id="campaign-period"
        label={t('surveys.campaigns.form.period')}
        required
        error={messages.periodId}
      >
        <Select
          id="campaign-period"
          data-testid="campaign-period"
          showSearch
          optionFilterProp="label"
          loading={periods.loading}
          value={values.periodId || undefined}
          onChange={(periodId: string) => set({ periodId, unitCodes: [] })}
          options={(periods.data?.items ?? []).map((p) => ({
            value: p.id,
            label: `${p.name} (${p.year})`,
          }))}
        />
      </FormField>
      <FormField
        id="campaign-questionnaire"
        label={t('surveys.campaigns.form.questionnaire')}
        required
        error={messages.questionnaire}
        help={versionOptions.length === 0 ? t('surveys.campaigns.form.noVersions') : undefined}
      >
        <Select
          id="campaign-questionnaire"
          data-testid="campaign-questionnaire"
          showSearch
          optionFilterProp="label"
          value={values.questionnaire || undefined}
          onChange={(questionnaire: string) => set({ questionnaire })}
          options={versionOptions}
        />
      </FormField>
      <FormField
        id="campaign-units"
        label={t('surveys.campaigns.form.units')}
        required
        error={messages.unitCodes}
        help={period ? undefined : t('surveys.campaigns.form.unitsAfterPeriod')}
      >
        <Select
          id="campaign-units"
          data-testid="campaign-units"
          mode="multiple"
          showSearch
          optionFilterProp="label"
          disabled={!period}
          value={values.unitCodes}
          onChange={(unitCodes: string[]) => set({ unitCodes })}
          options={(period?.units ?? []).map((u) => ({
            value: u.code,
            label: `${u.code} — ${u.name}`,
          }))}
        />
      </FormField>
      <FormField
        id="campaign-sample"
        label={t('surveys.campaigns.form.sampleSize')}
        help={t('surveys.campaigns.form.sampleHelp')}
        error={messages.sampleSize}
      >
        <NumberInput
          id="campaign-sample"
          integer
          min={0}
          value={values.sampleSize === '' ? null : Number(values.sampleSize)}
          onChange={(value) => set({ sampleSize: value === undefined ? '' : String(value) })}
        />
      </FormField>
      <FormField
        id="campaign-margin"
        label={t('surveys.campaigns.form.margin')}
        help={t('surveys.campaigns.form.marginHelp')}
        error={messages.marginPercent}
      >
        <Input
          id="campaign-margin"
          data-testid="campaign-margin"
          inputMode="decimal"
          suffix="%"
          value={values.marginPercent}
          onChange={(event) => set({ marginPercent: event.target.value })}
          style={{ width: 120 }}
        />
      </FormField>
      {values.unitCodes.length > 0 ? (
        <FormField
          id="campaign-populations"
          label={t('surveys.campaigns.form.populations')}
          help={t('surveys.campaigns.form.populationsHelp')}
          error={messages.populations}
        >
          <table data-testid="campaign-populations" style={{ borderCollapse: 'collapse' }}>
            <thead>
              <tr>
                <th style={{ textAlign: 'left', paddingRight: 12 }}>
                  {t('surveys.campaigns.form.unit')}
                </th>
                <th style={{ textAlign: 'left', paddingRight: 12 }}>
                  {t('surveys.campaigns.form.dossiers')}
                </th>
                <th style={{ textAlign: 'right' }}>{t('surveys.campaigns.form.computed')}</th>
              </tr>
            </thead>
            <tbody>
              {values.unitCodes.map((code) => {
                const computed = computedSampleSize(values, code);
                return (
                  <tr key={code}>
                    <td style={{ paddingRight: 12 }}>{code}</td>
                    <td style={{ paddingRight: 12 }}>
                      <NumberInput
                        id={`campaign-population-${code}`}
                        integer
                        min={0}
                        value={
                          (values.populations[code] ?? '') === ''
                            ? null
                            : Number(values.populations[code])
                        }
                        onChange={(value) =>
                          set({
                            populations: {
                              ...values.populations,
                              [code]: value === undefined ? '' : String(value),
                            },
                          })
                        }
                      />
                    </td>
                    <td
                      data-testid={`campaign-computed-${code}`}
                      style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}
                    >
                      {computed === null
                        ? '—'
                        : new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB').format(
                            computed,
                          )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </FormField>
      ) : null}
      <FormField
        id="campaign-closes"
        label={t('surveys.campaigns.form.closesAt')}
        help={t('surveys.campaigns.form.closesHelp')}
        error={messages.closesAt}
      >
        <Input
          id="campaign-closes"
          type="datetime-local"
          value={values.closesAt}
          onChange={(event) => set({ closesAt: event.target.value })}
          style={{ width: 240 }}
        />
      </FormField>
    </Modal>
  );
}
