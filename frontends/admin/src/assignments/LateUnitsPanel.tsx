/**
 * Units past their self-assessment deadline without a submission: the admin decides, with a
 * reason, to appraise each on the data it saved or to score it zero (the decision is audited).
 */
import { useState } from 'react';
import { Alert, Button, Card, Input, Modal, Radio, Tag } from 'antd';
import Form from 'antd/es/form';
import Table from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { appraisalAssignmentActions as actions } from '@par/contracts';
import type { LateUnit, LateUnitDecisionKind } from '@par/contracts';
import { isApiError, useActionQuery, useApiClient } from '@par/client';
import { ns } from '../i18n';
import { formatVietnamTime } from '../periods/form-state';

export function LateUnitsPanel({ periodId }: { periodId: string }) {
  const { t } = useTranslation(ns);
  const listing = useActionQuery(actions.listLateUnits, { periodId });
  const [deciding, setDeciding] = useState<LateUnit | null>(null);
  const late = (listing.data?.items ?? []).filter((u) => u.late);
  return (
    <Card title={t('assignments.late.title')} data-testid="late-units" style={{ marginTop: 16 }}>
      {late.length === 0 ? (
        <Alert type="info" showIcon message={t('assignments.late.none')} />
      ) : (
        <Table<LateUnit>
          rowKey="unitCode"
          size="small"
          dataSource={late}
          pagination={{ pageSize: 10 }}
          columns={[
            {
              title: t('assignments.coverage.unit'),
              render: (_: unknown, u) => `${u.unitCode} – ${u.unitName}`,
            },
            {
              title: t('assignments.late.deadline'),
              render: (_: unknown, u) => (u.deadline ? formatVietnamTime(u.deadline) : '—'),
            },
            {
              title: t('assignments.late.decision'),
              render: (_: unknown, u) =>
                u.decision ? (
                  <Tag color={u.decision.decision === 'scoreZero' ? 'red' : 'blue'}>
                    {t(`assignments.late.${u.decision.decision}`)}: {u.decision.reason}
                  </Tag>
                ) : (
                  <Tag color="gold">{t('assignments.late.undecided')}</Tag>
                ),
            },
            {
              title: t('assignments.column.actions'),
              render: (_: unknown, u) => (
                <Button
                  size="small"
                  data-testid={`late-decide-${u.unitCode}`}
                  onClick={() => setDeciding(u)}
                >
                  {t('assignments.late.decide')}
                </Button>
              ),
            },
          ]}
        />
      )}
      {deciding && (
        <DecisionModal
          periodId={periodId}
          unit={deciding}
          onClose={() => setDeciding(null)}
          onDecided={() => {
            setDeciding(null);
            listing.reload();
          }}
        />
      )}
    </Card>
  );
}

function DecisionModal(props: {
  periodId: string;
  unit: LateUnit;
  onClose: () => void;
  onDecided: () => void;
}) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const [error, setError] = useState<string | null>(null);
  const decide = async (values: { decision: LateUnitDecisionKind; reason: string }) => {
    try {
      await api.callAction(actions.decideLateUnit, {
        periodId: props.periodId,
        unitCode: props.unit.unitCode,
        version: props.unit.version,
        ...values,
      });
      props.onDecided();
    } catch (err) {
      setError(isApiError(err) ? err.message : String(err));
    }
  };
  return (
    <Modal
      open
      title={`${t('assignments.late.decide')}: ${props.unit.unitCode} – ${props.unit.unitName}`}
      onCancel={props.onClose}
      cancelText={t('assignments.cancel')}
      okText={t('assignments.save')}
      okButtonProps={{ htmlType: 'submit', form: 'late-unit-form', 'data-testid': 'late-save' }}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form
        id="late-unit-form"
        layout="vertical"
        initialValues={{
          decision: props.unit.decision?.decision ?? 'appraiseSavedData',
          reason: props.unit.decision?.reason ?? '',
        }}
        onFinish={(values) => void decide(values)}
      >
        <Form.Item name="decision">
          <Radio.Group>
            <Radio value="appraiseSavedData">{t('assignments.late.appraiseSavedData')}</Radio>
            <Radio value="scoreZero">{t('assignments.late.scoreZero')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('assignments.late.reason')}
          rules={[{ required: true, min: 5 }]}
        >
          <Input.TextArea id="late-reason" rows={3} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
