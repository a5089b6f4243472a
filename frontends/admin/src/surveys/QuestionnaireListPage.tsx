/** The questionnaires: each one's title, its newest frozen version and last change; create one. */
import { useState } from 'react';
import { Input, Modal, Tag } from 'antd';
import Table from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatVietnamDateTime, surveyQuestionnaireActions } from '@par/contracts';
import type { Locale } from '@par/contracts';
import { isApiError, useActionQuery, useApiClient } from '@par/client';
import { currentLanguage } from '@par/ui';
import { FormField } from '@par/ui/form';
import { ns } from '../i18n';
import { SurveyListFrame } from './SurveysPage';
import { definitionMessages, starterDefinition } from './form-state';

export default function QuestionnaireListPage() {
  const { t } = useTranslation(ns);
  const query = useActionQuery(surveyQuestionnaireActions.listQuestionnaires, { limit: 200 });
  const [creating, setCreating] = useState(false);
  const items = query.data?.items ?? [];
  return (
    <>
      <SurveyListFrame
        list="questionnaires"
        createTestId="questionnaire-create"
        query={query}
        total={query.data?.total}
        isEmpty={items.length === 0}
        onCreate={() => setCreating(true)}
      >
        <Table
          rowKey="id"
          dataSource={items}
          pagination={false}
          data-testid="questionnaire-table"
          columns={[
            {
              key: 'title',
              title: t('surveys.questionnaires.columns.title'),
              render: (_, item) => <Link to={item.id}>{item.title}</Link>,
            },
            {
              key: 'version',
              title: t('surveys.questionnaires.columns.version'),
              render: (_, item) =>
                item.latestVersion === null ? (
                  <Tag>{t('surveys.questionnaires.draftOnly')}</Tag>
                ) : (
                  <Link to={`${item.id}/versions/${item.latestVersion}`}>
                    {t('surveys.questionnaires.versionNumber', { number: item.latestVersion })}
                  </Link>
                ),
            },
            {
              key: 'updatedAt',
              title: t('surveys.questionnaires.columns.updatedAt'),
              render: (_, item) => formatVietnamDateTime(item.updatedAt),
            },
          ]}
        />
      </SurveyListFrame>
      <QuestionnaireCreateModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

/** Asks for the title only: the questionnaire starts with one SIPAS section and one question. */
function QuestionnaireCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const locale = currentLanguage() as Locale;

  const submit = async () => {
    const definition = starterDefinition(title);
    const messages = definitionMessages(definition, locale);
    if (messages.title) return setError(messages.title);
    setSaving(true);
    try {
      const created = await api.callAction(surveyQuestionnaireActions.createQuestionnaire, {
        definition,
      });
      void navigate(created.id);
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : String(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('surveys.questionnaires.createTitle')}
      okText={t('surveys.questionnaires.createSubmit')}
      cancelText={t('surveys.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'questionnaire-create-submit' } as never}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <FormField
          id="questionnaire-new-title"
          label={t('surveys.editor.title')}
          required
          error={error ?? undefined}
        >
          <Input
            id="questionnaire-new-title"
            autoFocus
            value={title}
            maxLength={500}
            onChange={(event) => {
              setTitle(event.target.value);
              setError(null);
            }}
          />
        </FormField>
      </form>
    </Modal>
  );
}
