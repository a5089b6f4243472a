/**
 * One campaign's results: per unit its answers (online and paper) against the sample size, the
 * satisfaction index and each aspect's satisfied share, each question's counts; the Excel
 * exports; each unit's link and QR code page.
 */
import { useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Flex, Typography } from 'antd';
import Descriptions from 'antd/es/descriptions';
import Table from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { surveyCampaignActions, surveyResponseActions } from '@par/contracts';
import type { Locale, QuestionResult, UnitResult } from '@par/contracts';
import { isApiError, useActionQuery, useApiClient } from '@par/client';
import { ErrorState, Loading, PageHeader, currentLanguage } from '@par/ui';
import { ns } from '../i18n';
import { downloadBase64 } from '../shared/file-transfer';
import { CampaignStatusTag } from './CampaignListPage';
import { formatMean, formatProgress, formatShare, surveyLinksPath } from './form-state';

export default function CampaignResultsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(ns);
  const { message } = AntApp.useApp();
  const api = useApiClient();
  const locale = currentLanguage() as Locale;
  const campaign = useActionQuery(surveyCampaignActions.getCampaign, { id });
  const results = useActionQuery(surveyResponseActions.getCampaignResults, { id });
  const [exporting, setExporting] = useState<'table' | 'answers' | null>(null);

  const failed = campaign.error ?? results.error;
  if (failed)
    return (
      <ErrorState
        title={t('surveys.loadFailed')}
        description={failed.message}
        onRetry={() => {
          campaign.reload();
          results.reload();
        }}
      />
    );
  if (!campaign.data || !results.data) return <Loading />;
  const { overall, units } = results.data;

  const exportFile = async (kind: 'table' | 'answers') => {
    setExporting(kind);
    try {
      const file = await api.callAction(surveyResponseActions.exportCampaign, { id, kind });
      downloadBase64(file.fileName, file.mimeType, file.contentBase64);
    } catch (caught) {
      void message.error(isApiError(caught) ? caught.message : String(caught));
    } finally {
      setExporting(null);
    }
  };

  const aspectKeys = overall.aspects.map((a) => ({ key: a.sectionKey, title: a.title }));

  return (
    <>
      <PageHeader
        title={campaign.data.name}
        description={t('surveys.campaigns.questionnaireVersion', {
          title: campaign.data.questionnaireTitle,
          number: campaign.data.questionnaireVersion,
        })}
        extra={
          <>
            <Link to=".." relative="path" data-testid="survey-back-to-list">
              {t('surveys.backToList')}
            </Link>
            <Button
              icon={<DownloadOutlined />}
              data-testid="export-table"
              loading={exporting === 'table'}
              onClick={() => void exportFile('table')}
            >
              {t('surveys.results.exportTable')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              data-testid="export-answers"
              loading={exporting === 'answers'}
              onClick={() => void exportFile('answers')}
            >
              {t('surveys.results.exportAnswers')}
            </Button>
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 4 }}
          items={[
            {
              label: t('surveys.campaigns.columns.status'),
              children: <CampaignStatusTag status={results.data.status} />,
            },
            {
              label: t('surveys.results.responses'),
              children: (
                <span data-testid="overall-responses">
                  {formatProgress(overall.responses, null, locale)}
                </span>
              ),
            },
            {
              label: t('surveys.results.channels'),
              children: t('surveys.results.channelCounts', {
                online: formatProgress(overall.online, null, locale),
                paper: formatProgress(overall.paper, null, locale),
              }),
            },
            {
              label: t('surveys.results.index'),
              children: (
                <span data-testid="overall-index">{formatShare(overall.index, locale)}</span>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('surveys.results.perUnit')} style={{ marginBottom: 16 }}>
        <Table<UnitResult>
          rowKey="unitCode"
          dataSource={units}
          pagination={false}
          scroll={{ x: true }}
          data-testid="unit-results"
          onRow={(unit) => ({ 'data-testid': `unit-result-${unit.unitCode}` }) as never}
          expandable={{
            expandedRowRender: (unit) => (
              <QuestionTable questions={unit.questions} locale={locale} />
            ),
          }}
          columns={[
            {
              key: 'unit',
              title: t('surveys.results.unit'),
              render: (_, unit) => `${unit.unitCode} — ${unit.unitName}`,
            },
            {
              key: 'responses',
              title: t('surveys.results.responsesOfSample'),
              align: 'right',
              render: (_, unit) => (
                <span data-testid="unit-responses">
                  {formatProgress(unit.responses, unit.sampleSize, locale)}
                </span>
              ),
            },
            {
              key: 'channels',
              title: t('surveys.results.channels'),
              render: (_, unit) =>
                t('surveys.results.channelCounts', {
                  online: formatProgress(unit.online, null, locale),
                  paper: formatProgress(unit.paper, null, locale),
                }),
            },
            {
              key: 'index',
              title: t('surveys.results.index'),
              align: 'right',
              render: (_, unit) => (
                <span data-testid="unit-index">{formatShare(unit.index, locale)}</span>
              ),
            },
            ...aspectKeys.map((aspect) => ({
              key: `aspect-${aspect.key}`,
              title: aspect.title,
              align: 'right' as const,
              render: (_: unknown, unit: UnitResult) =>
                formatShare(
                  unit.aspects.find((a) => a.sectionKey === aspect.key)?.share ?? null,
                  locale,
                ),
            })),
            {
              key: 'links',
              title: t('surveys.campaigns.links'),
              render: (_, unit) => (
                <Link to={surveyLinksPath(id, unit.unitCode)}>
                  {t('surveys.results.linkAndQr')}
                </Link>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('surveys.results.perQuestion')}>
        <QuestionTable questions={overall.questions} locale={locale} />
      </Card>
    </>
  );
}

/** Each question's answers: counts and shares per option, the scale's spread and mean. */
function QuestionTable({ questions, locale }: { questions: QuestionResult[]; locale: Locale }) {
  const { t } = useTranslation(ns);
  const fmt = (n: number) => formatProgress(n, null, locale);
  const breakdown = (question: QuestionResult) => {
    if (question.options)
      return question.options
        .map((o) => `${o.label}: ${fmt(o.count)} (${formatShare(o.share, locale)})`)
        .join(' · ');
    if (question.scale)
      return t('surveys.results.scaleSummary', {
        counts: question.scale.counts.map(fmt).join(' / '),
        mean: formatMean(question.scale.mean, locale),
        satisfied: formatShare(question.scale.satisfied.share, locale),
      });
    if (question.number)
      return t('surveys.results.numberSummary', {
        mean: formatMean(question.number.mean, locale),
        min: question.number.min ?? '—',
        max: question.number.max ?? '—',
      });
    return '';
  };
  return (
    <Table<QuestionResult>
      rowKey="key"
      size="small"
      dataSource={questions}
      pagination={false}
      columns={[
        {
          key: 'label',
          title: t('surveys.results.question'),
          render: (_, question) => (
            <Flex vertical>
              <Typography.Text>{question.label}</Typography.Text>
              <Typography.Text type="secondary">
                {t(`surveys.types.${question.type}`)}
              </Typography.Text>
            </Flex>
          ),
        },
        {
          key: 'answered',
          title: t('surveys.results.answered'),
          align: 'right',
          render: (_, question) => fmt(question.answered),
        },
        { key: 'breakdown', title: t('surveys.results.breakdown'), render: (_, q) => breakdown(q) },
      ]}
    />
  );
}
