/** One frozen version of a questionnaire, read-only, as it was published. */
import { Card, Tag, Typography } from 'antd';
import Descriptions from 'antd/es/descriptions';
import List from 'antd/es/list';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatVietnamDateTime, surveyQuestionnaireActions } from '@par/contracts';
import type { Question } from '@par/contracts';
import { useActionQuery } from '@par/client';
import { ErrorState, Loading, PageHeader } from '@par/ui';
import { ns } from '../i18n';

export default function QuestionnaireVersionPage() {
  const { id = '', number = '1' } = useParams();
  const { t } = useTranslation(ns);
  const query = useActionQuery(surveyQuestionnaireActions.getQuestionnaireVersion, {
    id,
    number: Number(number),
  });
  if (query.error)
    return (
      <ErrorState
        title={t('surveys.loadFailed')}
        description={query.error.message}
        onRetry={query.reload}
      />
    );
  const version = query.data;
  if (!version) return <Loading />;
  const { definition } = version;

  const details = (question: Question) => {
    switch (question.type) {
      case 'singleChoice':
      case 'multipleChoice':
        return question.options.map((o) => o.label).join(' · ');
      case 'scale':
        return `1 ${question.lowLabel} … 5 ${question.highLabel}`;
      case 'number':
        return [question.min, question.max].some((v) => v !== undefined)
          ? `${question.min ?? '…'} – ${question.max ?? '…'}`
          : '';
      default:
        return t('surveys.version.maxLength', { count: question.maxLength });
    }
  };

  return (
    <>
      <PageHeader
        title={definition.title}
        description={t('surveys.version.description', {
          number: version.number,
          at: formatVietnamDateTime(version.publishedAt),
          by: version.publishedBy.username,
        })}
        extra={
          <Link to="../.." relative="path" data-testid="survey-back-to-draft">
            {t('surveys.version.backToDraft')}
          </Link>
        }
      />
      <Tag color="blue" data-testid="version-frozen">
        {t('surveys.version.frozen', { number: version.number })}
      </Tag>
      {definition.introduction ? (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          {definition.introduction}
        </Typography.Paragraph>
      ) : null}
      {definition.consentText ? (
        <Descriptions
          size="small"
          items={[{ label: t('surveys.editor.consentText'), children: definition.consentText }]}
        />
      ) : null}
      {definition.sections.map((section) => (
        <Card
          key={section.key}
          title={section.title}
          extra={section.aspect ? <Tag>{t(`surveys.aspects.${section.aspect}`)}</Tag> : null}
          style={{ marginTop: 16 }}
          data-testid={`version-section-${section.key}`}
        >
          <List
            dataSource={section.questions}
            renderItem={(question) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <>
                      {question.label}
                      {question.required ? <span aria-hidden> *</span> : null}{' '}
                      <Tag>{t(`surveys.types.${question.type}`)}</Tag>
                    </>
                  }
                  description={
                    <>
                      {details(question)}
                      {question.showIf ? (
                        <div>
                          {t('surveys.version.showIf', {
                            key: question.showIf.question,
                            values: question.showIf.anyOf.join(', '),
                          })}
                        </div>
                      ) : null}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      ))}
    </>
  );
}
