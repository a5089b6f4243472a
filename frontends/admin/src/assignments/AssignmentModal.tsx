/** The dialog that creates or edits one assignment; Enter saves, server errors land on the fields. */
import { useMemo, useState } from 'react';
import { Alert, Checkbox, Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { appraisalAssignmentActions as actions } from '@par/contracts';
import type { Assignment } from '@par/contracts';
import { isApiError, useApiClient } from '@par/client';
import { ns } from '../i18n';
import { emptyAssignmentForm, toForm, toInput, type AssignmentForm } from './form-state';

/** The form field that shows a server error about the units, for each way of choosing them. */
const unitsField = { units: 'unitCodes', group: 'unitGroup', subtree: 'rootCode' } as const;

export type Option = { value: string; label: string };

export function AssignmentModal(props: {
  periodId: string;
  assignment: Assignment | null;
  appraiserOptions: Option[];
  unitOptions: Option[];
  groupOptions: Option[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const [form] = Form.useForm<AssignmentForm>();
  const kind = Form.useWatch('kind', form) ?? 'units';
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const initial = useMemo(
    () => (props.assignment ? toForm(props.assignment) : emptyAssignmentForm),
    [props.assignment],
  );

  const save = async (values: AssignmentForm) => {
    setSaving(true);
    setError(null);
    try {
      const input = toInput({ ...initial, ...values });
      if (props.assignment)
        await api.callAction(actions.updateAssignment, {
          id: props.assignment.id,
          version: props.assignment.version,
          ...input,
        });
      else await api.callAction(actions.createAssignment, { periodId: props.periodId, ...input });
      props.onSaved();
    } catch (err) {
      if (isApiError(err)) {
        setError(err.message);
        form.setFields(
          (err.fields ?? []).map((f) => ({
            name: f.field === 'units' ? unitsField[kind] : f.field,
            errors: [f.message],
          })) as never,
        );
      } else setError(String(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t(props.assignment ? 'assignments.form.titleEdit' : 'assignments.form.titleNew')}
      onCancel={props.onClose}
      okText={t('assignments.save')}
      cancelText={t('assignments.cancel')}
      okButtonProps={{
        loading: saving,
        'data-testid': 'assignment-save',
        htmlType: 'submit',
        form: 'assignment-form',
      }}
      width={640}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form
        id="assignment-form"
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => void save(v)}
      >
        <Form.Item
          name="appraiserIds"
          label={t('assignments.form.appraisers')}
          rules={[{ required: true }]}
        >
          <Select
            mode="multiple"
            id="assignment-appraisers"
            autoFocus
            options={props.appraiserOptions}
            optionFilterProp="label"
          />
        </Form.Item>
        <Form.Item name="name" label={t('assignments.form.name')}>
          <Input id="assignment-name" />
        </Form.Item>
        <Form.Item
          name="criterionCodes"
          label={t('assignments.form.criteria')}
          rules={[{ required: true }]}
        >
          <Select mode="tags" id="assignment-criteria" tokenSeparators={[',', ';', ' ']} />
        </Form.Item>
        <Form.Item name="kind" label={t('assignments.form.unitsKind')}>
          <Radio.Group>
            <Radio value="units">{t('assignments.form.kind.units')}</Radio>
            <Radio value="group">{t('assignments.form.kind.group')}</Radio>
            <Radio value="subtree">{t('assignments.form.kind.subtree')}</Radio>
          </Radio.Group>
        </Form.Item>
        {kind === 'units' && (
          <Form.Item
            name="unitCodes"
            label={t('assignments.form.unitCodes')}
            rules={[{ required: true }]}
          >
            <Select
              mode="multiple"
              id="assignment-units"
              options={props.unitOptions}
              optionFilterProp="label"
            />
          </Form.Item>
        )}
        {kind === 'group' && (
          <Form.Item
            name="unitGroup"
            label={t('assignments.form.unitGroup')}
            rules={[{ required: true }]}
          >
            <Select id="assignment-group" options={props.groupOptions} />
          </Form.Item>
        )}
        {kind === 'subtree' && (
          <>
            <Form.Item
              name="rootCode"
              label={t('assignments.form.rootCode')}
              rules={[{ required: true }]}
            >
              <Input id="assignment-root" />
            </Form.Item>
            <Form.Item name="includeRoot" valuePropName="checked">
              <Checkbox>{t('assignments.form.includeRoot')}</Checkbox>
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
