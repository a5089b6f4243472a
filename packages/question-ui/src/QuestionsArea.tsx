/**
 * The «Hỏi đáp» area, mounted by the admin remote (every unit's questions: routing and the time
 * to answer per unit too) and by the self-assessment remote (the officer's own unit's): citizens'
 * questions by state (new, routed, answered, published, rejected), each one's text, routing
 * history and answer; answer, publish and reject. Questions and answers show as the text typed
 * (React escapes it).
 */
import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, Input, Segmented, Tag, Typography } from 'antd';
import Popconfirm from 'antd/es/popconfirm';
import Tabs from 'antd/es/tabs';
import Table from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import {
  formatVietnamDateTime,
  questionStatuses,
  surveyQuestionActions as qa,
  type CitizenQuestion,
  type QuestionStatus,
} from '@par/contracts';
import { isApiError, useActionQuery, useApiClient } from '@par/client';
import { EmptyState, ListCard, PageHeader } from '@par/ui';
import { ns } from './i18n';
import { actionsFor, type QuestionDialog as Dialog } from './form-state';
import { QuestionDialog } from './QuestionDialog';
import { QuestionStatisticsTable } from './QuestionStatisticsTable';
import type { QuestionScope } from './scope';

const statusColor: Record<QuestionStatus, string> = {
  new: 'blue',
  routed: 'purple',
  answered: 'orange',
  published: 'green',
  rejected: 'red',
};
const typed = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;
const pageSize = 20;

export interface QuestionsAreaProps {
  scope: QuestionScope;
}

export function QuestionsArea({ scope }: QuestionsAreaProps) {
  const { t } = useTranslation(ns);
  const [tab, setTab] = useState('list');
  if (scope.kind === 'ownUnit') {
    const unit = scope.unitCode;
    const header = (
      <PageHeader
        title={t('questions.title')}
        description={t('questions.descriptionUnit', { unit: unit ?? '—' })}
      />
    );
    if (unit === null)
      return (
        <>
          {header}
          <Card>
            <EmptyState
              testId="questions-no-unit"
              title={t('questions.noUnit.title')}
              description={t('questions.noUnit.description')}
            />
          </Card>
        </>
      );
    // An officer's questions are their own unit's: no unit box or column, no routing (the
    // admin's alone) and no statistics of every unit.
    return (
      <>
        {header}
        <QuestionList everyUnit={false} />
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('questions.title')} description={t('questions.description')} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'list', label: t('questions.tabs.list'), children: <QuestionList everyUnit /> },
          {
            key: 'statistics',
            label: t('questions.tabs.statistics'),
            children: <QuestionStatisticsTable />,
          },
        ]}
      />
    </>
  );
}

function QuestionList({ everyUnit }: { everyUnit: boolean }) {
  const { t } = useTranslation(ns);
  const { message } = AntApp.useApp();
  const api = useApiClient();
  const [status, setStatus] = useState<QuestionStatus | 'all'>('new');
  const [unitCode, setUnitCode] = useState('');
  const [page, setPage] = useState(1);
  const query = useActionQuery(qa.listQuestions, {
    ...(status === 'all' ? {} : { status }),
    ...(unitCode.trim() ? { unitCode: unitCode.trim() } : {}),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const [open, setOpen] = useState<{ dialog: Dialog; question: CitizenQuestion } | null>(null);
  const [publishing, setPublishing] = useState<string | null>(null);
  const items = query.data?.items ?? [];

  const publish = async (q: CitizenQuestion) => {
    setPublishing(q.id);
    try {
      await api.callAction(qa.publishQuestion, { id: q.id, version: q.version });
      void message.success(t('questions.done.publish'));
      query.reload();
    } catch (caught) {
      void message.error(isApiError(caught) ? caught.message : String(caught));
      query.reload();
    } finally {
      setPublishing(null);
    }
  };

  const filters = (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
      <Segmented
        data-testid="question-status-filter"
        value={status}
        onChange={(value) => {
          setStatus(value as QuestionStatus | 'all');
          setPage(1);
        }}
        options={[...questionStatuses, 'all' as const].map((s) => ({
          value: s,
          label: t(`questions.status.${s}`),
        }))}
      />
      {everyUnit && (
        <Input.Search
          allowClear
          style={{ width: 220 }}
          placeholder={t('questions.unitFilter')}
          aria-label={t('questions.unitFilter')}
          data-testid="question-unit-filter"
          onSearch={(value) => {
            setUnitCode(value);
            setPage(1);
          }}
        />
      )}
    </Flex>
  );

  return (
    <>
      {filters}
      <ListCard
        query={query}
        errorTitle={t('questions.loadFailed')}
        isEmpty={items.length === 0}
        count={query.data ? t('questions.count', { count: query.data.total }) : null}
        empty={
          <EmptyState
            testId="questions-empty"
            title={t('questions.emptyTitle')}
            description={t('questions.emptyDescription')}
          />
        }
      >
        <Table
          rowKey="id"
          dataSource={items}
          data-testid="question-table"
          onRow={(q) => ({ 'data-testid': `question-${q.id}` }) as never}
          pagination={{
            current: page,
            pageSize,
            total: query.data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
          }}
          expandable={{ expandedRowRender: (q) => <QuestionDetail question={q} /> }}
          columns={[
            { key: 'title', title: t('questions.columns.title'), dataIndex: 'title' },
            ...(everyUnit
              ? [{ key: 'unit', title: t('questions.columns.unit'), dataIndex: 'unitCode' }]
              : []),
            {
              key: 'status',
              title: t('questions.columns.status'),
              render: (_, q) => (
                <Tag color={statusColor[q.status]} data-testid="question-status">
                  {t(`questions.status.${q.status}`)}
                </Tag>
              ),
            },
            {
              key: 'askedAt',
              title: t('questions.columns.askedAt'),
              render: (_, q) => formatVietnamDateTime(q.askedAt),
            },
            {
              key: 'actions',
              title: t('questions.columns.actions'),
              render: (_, q) => {
                const allowed = actionsFor(q.status, everyUnit);
                const opener = (dialog: Dialog) => () => setOpen({ dialog, question: q });
                return (
                  <Flex gap={8} wrap>
                    {allowed.answer && (
                      <Button size="small" data-testid="question-answer" onClick={opener('answer')}>
                        {t(q.answer ? 'questions.editAnswer' : 'questions.answer')}
                      </Button>
                    )}
                    {allowed.publish && (
                      <Popconfirm
                        title={t('questions.publishConfirm')}
                        okText={t('questions.publish')}
                        cancelText={t('questions.cancel')}
                        okButtonProps={{ 'data-testid': 'question-publish-confirm' } as never}
                        onConfirm={() => publish(q)}
                      >
                        <Button
                          size="small"
                          type="primary"
                          data-testid="question-publish"
                          loading={publishing === q.id}
                        >
                          {t('questions.publish')}
                        </Button>
                      </Popconfirm>
                    )}
                    {allowed.route && (
                      <Button size="small" data-testid="question-route" onClick={opener('route')}>
                        {t('questions.route')}
                      </Button>
                    )}
                    {allowed.reject && (
                      <Button
                        size="small"
                        danger
                        data-testid="question-reject"
                        onClick={opener('reject')}
                      >
                        {t('questions.reject')}
                      </Button>
                    )}
                  </Flex>
                );
              },
            },
          ]}
        />
      </ListCard>
      <QuestionDialog
        dialog={open?.dialog ?? null}
        question={open?.question ?? null}
        onClose={() => setOpen(null)}
        onDone={() => {
          void message.success(t(`questions.done.${open!.dialog}`));
          setOpen(null);
          query.reload();
        }}
      />
    </>
  );
}

function QuestionDetail({ question: q }: { question: CitizenQuestion }) {
  const { t } = useTranslation(ns);
  return (
    <Flex vertical gap={8} data-testid="question-detail">
      <Typography.Text type="secondary">
        {t('questions.askedBy', {
          name: q.authorName ?? t('questions.anonymous'),
          at: formatVietnamDateTime(q.askedAt),
        })}
      </Typography.Text>
      <div style={typed} data-testid="question-text">
        {q.text}
      </div>
      {q.routings.map((r) => (
        <Typography.Text type="secondary" key={r.at}>
          {t('questions.routedLine', {
            from: r.fromUnitCode,
            to: r.toUnitCode,
            by: r.by,
            at: formatVietnamDateTime(r.at),
            note: r.note,
          })}
        </Typography.Text>
      ))}
      {q.answer && (
        <>
          <Typography.Text strong>{t('questions.answerTitle')}</Typography.Text>
          <div style={typed} data-testid="question-answer-text">
            {q.answer}
          </div>
        </>
      )}
      {q.rejectReason && (
        <Typography.Text type="danger">
          {t('questions.rejectedBecause', { reason: q.rejectReason })}
        </Typography.Text>
      )}
    </Flex>
  );
}
