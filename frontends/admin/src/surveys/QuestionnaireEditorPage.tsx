/**
 * A questionnaire's draft in the editor: title, introduction, consent text, sections (each
 * optionally one SIPAS aspect) and their questions; save it (409 when someone else saved first)
 * and freeze it as the next version; its frozen versions listed beside it.
 */
import { useEffect, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Col, Flex, Input, Row, Space } from 'antd';
import Select from 'antd/es/select';
import List from 'antd/es/list';
import Popconfirm from 'antd/es/popconfirm';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  formatVietnamDateTime,
  questionTypes,
  sipasAspects,
  surveyQuestionnaireActions,
} from '@par/contracts';
import type { Locale, QuestionType, Questionnaire } from '@par/contracts';
import { isApiError, useActionQuery, useApiClient } from '@par/client';
import { ErrorState, Loading, PageHeader, currentLanguage } from '@par/ui';
import { FormField } from '@par/ui/form';
import { ns } from '../i18n';
import { QuestionEditor, idOf } from './QuestionEditor';
import {
  addQuestion,
  addSection,
  conditionCandidates,
  definitionMessages,
  moveQuestion,
  removeQuestion,
  removeSection,
  serverMessages,
  updateQuestion,
  updateSection,
  type DraftDefinition,
  type FieldMessages,
} from './form-state';

export default function QuestionnaireEditorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(ns);
  const query = useActionQuery(surveyQuestionnaireActions.getQuestionnaire, { id });
  if (query.error)
    return (
      <ErrorState
        title={t('surveys.loadFailed')}
        description={query.error.message}
        onRetry={query.reload}
      />
    );
  if (!query.data) return <Loading />;
  return <Editor key={query.data.id} questionnaire={query.data} />;
}

function Editor({ questionnaire }: { questionnaire: Questionnaire }) {
  const { t } = useTranslation(ns);
  const { message } = AntApp.useApp();
  const api = useApiClient();
  const locale = currentLanguage() as Locale;
  const [saved, setSaved] = useState(questionnaire);
  const [draft, setDraft] = useState<DraftDefinition>(questionnaire.draft);
  const [dirty, setDirty] = useState(false);
  const [checked, setChecked] = useState(false);
  const [server, setServer] = useState<{ messages: FieldMessages; error: string | null }>({
    messages: {},
    error: null,
  });
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  // The type the next added question takes, per section (a scale question until changed).
  const [newTypes, setNewTypes] = useState<Record<number, QuestionType>>({});

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const local = checked ? definitionMessages(draft, locale) : {};
  const messages: FieldMessages = { ...server.messages, ...local };
  const change = (next: DraftDefinition) => {
    setDraft(next);
    setDirty(true);
    setServer({ messages: {}, error: null });
  };
  const error = (path: string) => messages[path];

  /** Saves when changed; returns the questionnaire as stored, or null when refused. */
  const save = async (): Promise<Questionnaire | null> => {
    setChecked(true);
    if (Object.keys(definitionMessages(draft, locale)).length > 0) {
      setServer({ messages: {}, error: t('surveys.editor.fixFirst') });
      return null;
    }
    if (!dirty) return saved;
    try {
      const next = await api.callAction(surveyQuestionnaireActions.saveQuestionnaireDraft, {
        id: saved.id,
        definition: draft,
        version: saved.version,
      });
      setSaved(next);
      setDraft(next.draft);
      setDirty(false);
      return next;
    } catch (caught) {
      setServer({
        messages: isApiError(caught) ? serverMessages(caught.fields) : {},
        error: isApiError(caught) ? caught.message : String(caught),
      });
      return null;
    }
  };

  const onSave = async () => {
    setBusy('save');
    if (await save()) void message.success(t('surveys.editor.saved'));
    setBusy(null);
  };

  const onPublish = async () => {
    setBusy('publish');
    const current = await save();
    if (current) {
      try {
        const version = await api.callAction(surveyQuestionnaireActions.publishQuestionnaire, {
          id: current.id,
          version: current.version,
        });
        void message.success(t('surveys.editor.published', { number: version.number }));
        setSaved(
          await api.callAction(surveyQuestionnaireActions.getQuestionnaire, { id: current.id }),
        );
      } catch (caught) {
        setServer({ messages: {}, error: isApiError(caught) ? caught.message : String(caught) });
      }
    }
    setBusy(null);
  };

  return (
    <>
      <PageHeader
        title={draft.title || t('surveys.editor.untitled')}
        description={t('surveys.editor.description')}
        extra={
          <>
            <Link to=".." relative="path" data-testid="survey-back-to-list">
              {t('surveys.backToList')}
            </Link>
            <Button
              data-testid="questionnaire-save"
              loading={busy === 'save'}
              disabled={busy !== null}
              onClick={() => void onSave()}
            >
              {t('surveys.editor.save')}
            </Button>
            <Popconfirm
              title={t('surveys.editor.publishConfirm', {
                number: (saved.versions[0]?.number ?? 0) + 1,
              })}
              okText={t('surveys.editor.publish')}
              cancelText={t('surveys.cancel')}
              okButtonProps={{ 'data-testid': 'questionnaire-publish-confirm' } as never}
              onConfirm={() => void onPublish()}
            >
              <Button
                type="primary"
                data-testid="questionnaire-publish"
                loading={busy === 'publish'}
                disabled={busy !== null}
              >
                {t('surveys.editor.publish')}
              </Button>
            </Popconfirm>
          </>
        }
      />
      {server.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="questionnaire-error"
          message={server.error}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Row gutter={24}>
        <Col xs={24} lg={17}>
          <Card style={{ marginBottom: 16 }}>
            <FormField id="title" label={t('surveys.editor.title')} required error={error('title')}>
              <Input
                id="title"
                data-testid="questionnaire-title"
                value={draft.title}
                maxLength={500}
                onChange={(event) => change({ ...draft, title: event.target.value })}
              />
            </FormField>
            <FormField
              id="introduction"
              label={t('surveys.editor.introduction')}
              error={error('introduction')}
            >
              <Input.TextArea
                id="introduction"
                autoSize={{ minRows: 2 }}
                value={draft.introduction ?? ''}
                maxLength={2000}
                onChange={(event) => change({ ...draft, introduction: event.target.value })}
              />
            </FormField>
            <FormField
              id="consentText"
              label={t('surveys.editor.consentText')}
              help={t('surveys.editor.consentHelp')}
              error={error('consentText')}
            >
              <Input.TextArea
                id="consentText"
                autoSize={{ minRows: 1 }}
                value={draft.consentText ?? ''}
                maxLength={2000}
                onChange={(event) => change({ ...draft, consentText: event.target.value })}
              />
            </FormField>
            {error('sections') ? (
              <Alert type="error" role="alert" message={error('sections')} />
            ) : null}
          </Card>

          {draft.sections.map((section, s) => {
            const at = (field: string) => `sections.${s}.${field}`;
            return (
              <Card
                key={s}
                data-testid={`section-${s}`}
                title={t('surveys.editor.sectionHeading', { n: s + 1 })}
                extra={
                  <Button
                    danger
                    size="small"
                    disabled={draft.sections.length <= 1}
                    onClick={() => change(removeSection(draft, s))}
                  >
                    {t('surveys.editor.removeSection')}
                  </Button>
                }
                style={{ marginBottom: 16 }}
              >
                <Row gutter={12}>
                  <Col xs={24} md={14}>
                    <FormField
                      id={idOf(at('title'))}
                      label={t('surveys.editor.sectionTitle')}
                      required
                      error={error(at('title'))}
                    >
                      <Input
                        id={idOf(at('title'))}
                        data-testid={idOf(at('title'))}
                        value={section.title}
                        maxLength={500}
                        onChange={(event) =>
                          change(updateSection(draft, s, { title: event.target.value }))
                        }
                      />
                    </FormField>
                  </Col>
                  <Col xs={24} md={5}>
                    <FormField
                      id={idOf(at('key'))}
                      label={t('surveys.editor.key')}
                      error={error(at('key'))}
                    >
                      <Input
                        id={idOf(at('key'))}
                        value={section.key}
                        maxLength={32}
                        onChange={(event) =>
                          change(updateSection(draft, s, { key: event.target.value }))
                        }
                      />
                    </FormField>
                  </Col>
                  <Col xs={24} md={5}>
                    <FormField
                      id={idOf(at('aspect'))}
                      label={t('surveys.editor.aspect')}
                      error={error(at('aspect'))}
                    >
                      <Select
                        id={idOf(at('aspect'))}
                        data-testid={idOf(at('aspect'))}
                        value={section.aspect ?? ''}
                        onChange={(aspect: string) =>
                          change(updateSection(draft, s, { aspect: (aspect || null) as never }))
                        }
                        options={[
                          { value: '', label: t('surveys.aspects.none') },
                          ...sipasAspects.map((aspect) => ({
                            value: aspect,
                            label: t(`surveys.aspects.${aspect}`),
                          })),
                        ]}
                        popupMatchSelectWidth={false}
                      />
                    </FormField>
                  </Col>
                </Row>
                {error(at('questions')) ? (
                  <Alert
                    type="error"
                    role="alert"
                    data-testid={`${idOf(at('questions'))}-error`}
                    message={error(at('questions'))}
                    style={{ marginBottom: 12 }}
                  />
                ) : null}
                {section.questions.map((question, q) => (
                  <QuestionEditor
                    key={q}
                    question={question}
                    path={at(`questions.${q}`)}
                    candidates={conditionCandidates(draft, s, q)}
                    messages={messages}
                    first={q === 0}
                    last={q === section.questions.length - 1}
                    onChange={(next) => change(updateQuestion(draft, s, q, () => next))}
                    onMove={(delta) => change(moveQuestion(draft, s, q, delta))}
                    onRemove={() => change(removeQuestion(draft, s, q))}
                  />
                ))}
                <Space.Compact>
                  <Select
                    id={`section-${s}-new-type`}
                    aria-label={t('surveys.editor.newQuestionType')}
                    data-testid={`section-${s}-new-type`}
                    value={newTypes[s] ?? 'scale'}
                    onChange={(type: QuestionType) => setNewTypes({ ...newTypes, [s]: type })}
                    style={{ width: 200 }}
                    options={questionTypes.map((type) => ({
                      value: type,
                      label: t(`surveys.types.${type}`),
                    }))}
                  />
                  <Button
                    icon={<PlusOutlined />}
                    data-testid={`section-${s}-add-question`}
                    onClick={() => change(addQuestion(draft, s, newTypes[s] ?? 'scale'))}
                  >
                    {t('surveys.editor.addQuestion')}
                  </Button>
                </Space.Compact>
              </Card>
            );
          })}
          <Button
            icon={<PlusOutlined />}
            data-testid="add-section"
            onClick={() => change(addSection(draft))}
          >
            {t('surveys.editor.addSection')}
          </Button>
        </Col>
        <Col xs={24} lg={7}>
          <Card title={t('surveys.editor.versions')}>
            <List
              data-testid="questionnaire-versions"
              locale={{ emptyText: t('surveys.editor.noVersions') }}
              dataSource={saved.versions}
              renderItem={(version) => (
                <List.Item>
                  <Flex vertical>
                    <Link
                      to={`versions/${version.number}`}
                      data-testid={`version-${version.number}`}
                    >
                      {t('surveys.questionnaires.versionNumber', { number: version.number })}
                    </Link>
                    <span style={{ fontSize: 12 }}>
                      {t('surveys.editor.publishedBy', {
                        at: formatVietnamDateTime(version.publishedAt),
                        by: version.publishedBy.username,
                      })}
                    </span>
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
