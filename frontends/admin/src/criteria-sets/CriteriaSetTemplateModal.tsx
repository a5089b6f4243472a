/**
 * "Tạo từ mẫu": a new draft from one of the templates shipped with the portal (the provincial PAR
 * index for departments and for communes, a small DTI), each shown with the decision it follows.
 */
import { Alert, Card, Flex, Radio, Space, Tag, Typography } from 'antd';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { criteriaSetActions } from '@par/contracts';
import type { CriteriaSet } from '@par/contracts';
import { useActionQuery, useApiClient } from '@par/client';
import { Loading } from '@par/ui';
import { FormModal, PortalForm, TextField } from '@par/ui/form';
import { ns } from '../i18n';
import { formatPoints } from './format-points';
import {
  emptyTemplateForm,
  templateFormFields,
  templateFormResolver,
  toTemplateParams,
} from './create-form-state';
import type { TemplateFormValues } from './create-form-state';
import { useCreateForm } from './use-create-form';

export interface CriteriaSetTemplateModalProps {
  open: boolean;
  /** The groups in the units list, shown so the admin types one the units actually carry. */
  unitGroups: readonly string[];
  onClose: () => void;
  onCreated: (set: CriteriaSet) => void;
}

const formId = 'criteria-template-form';

export function CriteriaSetTemplateModal({
  open,
  unitGroups,
  onClose,
  onCreated,
}: CriteriaSetTemplateModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const templates = useActionQuery(
    criteriaSetActions.listCriteriaSetTemplates,
    {},
    { enabled: open },
  );
  const { form, formError, close, submit } = useCreateForm({
    resolverFor: templateFormResolver,
    blank: emptyTemplateForm(new Date().getFullYear()),
    fields: templateFormFields,
    create: (values: TemplateFormValues) => {
      const { key, ...rest } = toTemplateParams(values);
      return api.callAction(criteriaSetActions.createCriteriaSetFromTemplate, { key, ...rest });
    },
    onCreated,
    onClose,
  });

  return (
    <FormModal
      open={open}
      title={t('criteriaSets.template.title')}
      formId={formId}
      submitting={form.formState.isSubmitting}
      submitLabel={t('criteriaSets.template.submit')}
      cancelLabel={t('criteriaSets.editor.cancel')}
      onCancel={close}
      error={formError}
      submitTestId="criteria-template-submit"
      errorTestId="criteria-template-error"
    >
      <PortalForm id={formId} form={form} onSubmit={submit}>
        {templates.error ? (
          <Alert
            type="error"
            showIcon
            title={templates.error.message}
            style={{ marginBottom: 16 }}
          />
        ) : !templates.data ? (
          <Loading />
        ) : (
          <Controller
            control={form.control}
            name="key"
            render={({ field, fieldState }) => (
              <fieldset style={{ marginBottom: 16 }}>
                <legend>{t('criteriaSets.template.pick')}</legend>
                <Radio.Group
                  value={field.value}
                  onChange={(event) => field.onChange(event.target.value as string)}
                  style={{ width: '100%' }}
                >
                  <Space direction="vertical" style={{ width: '100%' }}>
                    {(templates.data?.items ?? []).map((template) => (
                      <Card key={template.key} size="small">
                        <Radio
                          value={template.key}
                          data-testid={`criteria-template-${template.key}`}
                        >
                          <Typography.Text strong>{template.name}</Typography.Text>
                        </Radio>
                        <Flex gap={6} wrap style={{ margin: '6px 0' }}>
                          <Tag>{template.indexCode}</Tag>
                          <Tag>{template.unitGroupHint}</Tag>
                          <Tag>
                            {t('criteriaSets.template.summary', {
                              total: formatPoints(template.totalMax),
                              leaves: template.leafCount,
                            })}
                          </Tag>
                        </Flex>
                        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                          {template.source}
                        </Typography.Paragraph>
                      </Card>
                    ))}
                  </Space>
                </Radio.Group>
                {fieldState.error ? (
                  <Typography.Text type="danger" role="alert">
                    {fieldState.error.message}
                  </Typography.Text>
                ) : null}
              </fieldset>
            )}
          />
        )}
        <Flex gap={12} wrap>
          <div style={{ width: 110 }}>
            <TextField<TemplateFormValues>
              name="year"
              id="criteria-template-year"
              label={t('criteriaSets.column.year')}
              required
              maxLength={4}
            />
          </div>
          <div style={{ width: 200 }}>
            <TextField<TemplateFormValues>
              name="unitGroup"
              id="criteria-template-unit-group"
              label={t('criteriaSets.column.unitGroup')}
              help={
                unitGroups.length > 0
                  ? t('criteriaSets.create.unitGroupKnown', { groups: unitGroups.join(', ') })
                  : t('criteriaSets.create.unitGroupHelp')
              }
              required
              maxLength={64}
            />
          </div>
          <div style={{ flex: '1 1 240px' }}>
            <TextField<TemplateFormValues>
              name="name"
              id="criteria-template-name"
              label={t('criteriaSets.column.name')}
              help={t('criteriaSets.template.nameHelp')}
              maxLength={200}
            />
          </div>
        </Flex>
      </PortalForm>
    </FormModal>
  );
}
