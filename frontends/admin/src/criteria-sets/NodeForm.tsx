/**
 * The form of the node selected in the tree. Every valid change goes straight into the draft (so
 * sums and the total follow as the admin types); what is invalid stays in the form, under its
 * control, until corrected. Nothing reaches the server before the set is saved.
 */
import { useEffect, useMemo, useRef } from 'react';
import { Alert, Button, Divider, Flex, Typography } from 'antd';
import { useForm } from 'react-hook-form';
import type { FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { scoringRuleTypes } from '@par/contracts';
import type { CriterionNode } from '@par/contracts';
import { hundredthsToInput } from '@par/scoring';
import { currentLanguage } from '@par/ui';
import { PortalForm, SelectField, TextField } from '@par/ui/form';
import type { SelectOption } from '@par/ui/form';
import { ns } from '../i18n';
import { formatPoints } from './format-points';
import { CheckboxField } from './CheckboxField';
import type { EditorNode } from './criteria-tree';
import { formFieldOf, nodeFormResolver, toCriterionNode, toNodeForm } from './form-state';
import type { NodeFormValues } from './form-state';
import { RuleFields } from './RuleFields';

type F = NodeFormValues;

export interface NodeFormProps {
  node: EditorNode;
  leaf: boolean;
  /** Sum of the children's maxima; null for a leaf. */
  childrenSum: number | null;
  readOnly: boolean;
  unitOptions: readonly SelectOption[];
  unitsLoading: boolean;
  /** What the server or the pre-save checks say about this node, in the user's language. */
  issues: readonly string[];
  /** The server's issues by the node's field, put under the matching control. */
  fieldIssues: ReadonlyArray<{ field: string; message: string }>;
  onApply: (node: Omit<CriterionNode, 'parentCode'>) => void;
}

export const nodeFormId = 'criterion-form';

export function NodeForm({
  node,
  leaf,
  childrenSum,
  readOnly,
  unitOptions,
  unitsLoading,
  issues,
  fieldIssues,
  onApply,
}: NodeFormProps) {
  const { t } = useTranslation(ns);
  const leafRef = useRef(leaf);
  leafRef.current = leaf;
  const applyRef = useRef(onApply);
  applyRef.current = onApply;
  const resolver = useMemo(
    () =>
      nodeFormResolver(
        () => leafRef.current,
        currentLanguage,
        () => t('form.invalid', { ns: 'ui' }),
      ),
    [t],
  );
  const form = useForm<F>({
    defaultValues: toNodeForm(node),
    resolver,
    mode: 'onChange',
    disabled: readOnly,
  });

  useEffect(() => {
    // Apply each valid state of the form to the draft; the resolver shows what blocks it.
    const subscription = form.watch(() => {
      void form.trigger().then((valid) => {
        if (valid) applyRef.current(toCriterionNode(form.getValues(), leafRef.current).node);
      });
    });
    return () => subscription.unsubscribe();
  }, [form]);

  // Each answer of the server's validation puts its issues under the controls they name.
  useEffect(() => {
    const values = form.getValues();
    for (const { field, message } of fieldIssues) {
      const name = formFieldOf(field.split('.'), values.ruleType);
      if (hasField(values, name)) form.setError(name as FieldPath<F>, { type: 'server', message });
    }
  }, [fieldIssues, form]);

  const ruleOptions = scoringRuleTypes.map((type) => ({
    value: type,
    label: t(`criteriaSets.rule.${type}`),
  }));

  return (
    <PortalForm<F>
      id={nodeFormId}
      form={form}
      onSubmit={(values) => onApply(toCriterionNode(values, leafRef.current).node)}
    >
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {leaf ? t('criteriaSets.form.leafTitle') : t('criteriaSets.form.parentTitle')}
      </Typography.Title>
      {issues.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="criterion-issues"
          title={t('criteriaSets.form.issues')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {issues.map((issue) => (
                <li key={issue}>{issue}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Flex gap={12} wrap>
        <div style={{ width: 140 }}>
          <TextField<F>
            name="code"
            id="criterion-code"
            label={t('criteriaSets.form.code')}
            required
            maxLength={32}
          />
        </div>
        <div style={{ width: 160 }}>
          <TextField<F>
            name="maxScore"
            id="criterion-max"
            label={t('criteriaSets.form.maxScore')}
            help={t('criteriaSets.form.maxScoreHelp')}
            required
          />
        </div>
      </Flex>
      <TextField<F>
        name="title"
        id="criterion-title"
        label={t('criteriaSets.form.title')}
        required
        maxLength={2000}
        rows={2}
      />
      {!leaf && childrenSum !== null ? (
        <>
          <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
            <Typography.Text data-testid="criterion-children-sum">
              {t('criteriaSets.form.childrenSum', { sum: formatPoints(childrenSum) })}
            </Typography.Text>
            <Button
              size="small"
              disabled={readOnly}
              data-testid="criterion-use-sum"
              onClick={() =>
                form.setValue('maxScore', hundredthsToInput(childrenSum), { shouldDirty: true })
              }
            >
              {t('criteriaSets.form.useSum')}
            </Button>
          </Flex>
          <CheckboxField<F>
            name="capped"
            id="criterion-capped"
            label={t('criteriaSets.form.capped')}
            help={t('criteriaSets.form.cappedHelp')}
          />
        </>
      ) : null}
      <TextField<F>
        name="guidanceForUnits"
        id="criterion-guidance-units"
        label={t('criteriaSets.form.guidanceForUnits')}
        maxLength={20_000}
        rows={2}
      />
      <TextField<F>
        name="guidanceForAppraisers"
        id="criterion-guidance-appraisers"
        label={t('criteriaSets.form.guidanceForAppraisers')}
        maxLength={20_000}
        rows={2}
      />
      {leaf ? (
        <>
          <Divider titlePlacement="start">{t('criteriaSets.form.scoring')}</Divider>
          <SelectField<F>
            name="ruleType"
            id="criterion-rule-type"
            label={t('criteriaSets.form.ruleType')}
            options={ruleOptions}
            required
          />
          <RuleFields />
          <Divider titlePlacement="start">{t('criteriaSets.form.evidenceSection')}</Divider>
          <Flex gap={12} wrap>
            <div style={{ width: 160 }}>
              <TextField<F>
                name="evidenceMin"
                id="criterion-evidence-min"
                label={t('criteriaSets.form.evidenceMin')}
                required
              />
            </div>
            <div style={{ width: 160 }}>
              <TextField<F>
                name="evidenceMax"
                id="criterion-evidence-max"
                label={t('criteriaSets.form.evidenceMax')}
                required
              />
            </div>
          </Flex>
          <CheckboxField<F>
            name="explanationRequired"
            id="criterion-explanation-required"
            label={t('criteriaSets.form.explanationRequired')}
          />
          <SelectField<F>
            name="appraiserUnitCode"
            id="criterion-appraiser-unit"
            label={t('criteriaSets.form.appraiserUnit')}
            placeholder={t('criteriaSets.form.appraiserUnitPlaceholder')}
            options={unitOptions}
            loading={unitsLoading}
            searchable
          />
        </>
      ) : null}
    </PortalForm>
  );
}

/** Whether a dotted path names a control of the form (the server may name `parentCode`, `_`, …). */
function hasField(values: F, path: string): boolean {
  let at: unknown = values;
  for (const part of path.split('.')) {
    if (at === null || typeof at !== 'object' || !(part in at)) return false;
    at = (at as Record<string, unknown>)[part];
  }
  return true;
}
