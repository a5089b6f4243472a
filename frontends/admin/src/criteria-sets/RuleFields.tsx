/**
 * The scoring rule's sub-form of a leaf, one per rule type: range and step, options with their
 * scores, ratio inputs with bands or a linear scale, yes/no scores, deduction, survey source,
 * linked index and criterion. Scores are typed with a decimal comma.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '@par/ui/form';
import { ns } from '../i18n';
import type { NodeFormValues } from './form-state';

type F = NodeFormValues;

export function RuleFields() {
  const { t } = useTranslation(ns);
  const { control } = useFormContext<F>();
  const ruleType = useWatch({ control, name: 'ruleType' });
  switch (ruleType) {
    case 'manual':
      return (
        <Flex gap={12} wrap>
          <TextField<F> name="manual.min" id="rule-manual-min" label={t('criteriaSets.form.min')} />
          <TextField<F>
            name="manual.max"
            id="rule-manual-max"
            label={t('criteriaSets.form.max')}
            required
          />
          <TextField<F>
            name="manual.step"
            id="rule-manual-step"
            label={t('criteriaSets.form.step')}
            required
            help={t('criteriaSets.form.stepHelp')}
          />
        </Flex>
      );
    case 'options':
      return <OptionRows />;
    case 'ratio':
      return <RatioFields />;
    case 'boolean':
      return (
        <Flex gap={12} wrap>
          <TextField<F>
            name="boolean.yesScore"
            id="rule-boolean-yes"
            label={t('criteriaSets.form.yesScore')}
            required
          />
          <TextField<F>
            name="boolean.noScore"
            id="rule-boolean-no"
            label={t('criteriaSets.form.noScore')}
          />
        </Flex>
      );
    case 'deduction':
      return (
        <>
          <Typography.Paragraph type="secondary">
            {t('criteriaSets.form.deductionHelp')}
          </Typography.Paragraph>
          <Flex gap={12} wrap>
            <TextField<F>
              name="deduction.step"
              id="rule-deduction-step"
              label={t('criteriaSets.form.step')}
              required
            />
            <TextField<F>
              name="deduction.maxDeduction"
              id="rule-deduction-max"
              label={t('criteriaSets.form.maxDeduction')}
              required
            />
          </Flex>
        </>
      );
    case 'survey':
      return (
        <TextField<F>
          name="survey.source"
          id="rule-survey-source"
          label={t('criteriaSets.form.surveySource')}
          help={t('criteriaSets.form.surveyHelp')}
          maxLength={100}
        />
      );
    case 'linked':
      return (
        <Flex gap={12} wrap>
          <TextField<F>
            name="linked.indexCode"
            id="rule-linked-index"
            label={t('criteriaSets.form.linkedIndex')}
            placeholder="PAR"
            required
            maxLength={32}
          />
          <TextField<F>
            name="linked.criterionCode"
            id="rule-linked-criterion"
            label={t('criteriaSets.form.linkedCriterion')}
            placeholder="6.1"
            required
            maxLength={32}
          />
        </Flex>
      );
    default:
      return null;
  }
}

function OptionRows() {
  const { t } = useTranslation(ns);
  const { control, formState } = useFormContext<F>();
  const { fields, append, remove } = useFieldArray({ control, name: 'options' });
  return (
    <fieldset>
      <legend>{t('criteriaSets.form.options')}</legend>
      {fields.map((field, i) => (
        <Flex key={field.id} gap={8} align="start" wrap data-testid={`rule-option-${i}`}>
          <div style={{ width: 80 }}>
            <TextField<F>
              name={`options.${i}.key`}
              id={`rule-option-${i}-key`}
              label={t('criteriaSets.form.optionKey')}
              required
              maxLength={32}
            />
          </div>
          <div style={{ flex: '1 1 200px' }}>
            <TextField<F>
              name={`options.${i}.label`}
              id={`rule-option-${i}-label`}
              label={t('criteriaSets.form.optionLabel')}
              required
              maxLength={500}
            />
          </div>
          <div style={{ width: 110 }}>
            <TextField<F>
              name={`options.${i}.score`}
              id={`rule-option-${i}-score`}
              label={t('criteriaSets.form.score')}
              required
            />
          </div>
          <Button
            icon={<DeleteOutlined />}
            aria-label={t('criteriaSets.form.removeOption', { n: i + 1 })}
            disabled={fields.length <= 2 || formState.disabled}
            onClick={() => remove(i)}
            style={{ marginTop: 30 }}
          />
        </Flex>
      ))}
      <Button
        icon={<PlusOutlined />}
        onClick={() =>
          append({ key: String.fromCharCode(65 + fields.length), label: '', score: '0' })
        }
        disabled={formState.disabled}
        data-testid="rule-option-add"
      >
        {t('criteriaSets.form.addOption')}
      </Button>
    </fieldset>
  );
}

function RatioFields() {
  const { t } = useTranslation(ns);
  const { control, formState } = useFormContext<F>();
  const scaleKind = useWatch({ control, name: 'ratio.scaleKind' });
  const { fields, append, remove } = useFieldArray({ control, name: 'ratio.bands' });
  return (
    <>
      <Flex gap={12} wrap>
        <div style={{ flex: '1 1 200px' }}>
          <TextField<F>
            name="ratio.numeratorLabel"
            id="rule-ratio-numerator"
            label={t('criteriaSets.form.numeratorLabel')}
            required
            maxLength={500}
          />
        </div>
        <div style={{ flex: '1 1 200px' }}>
          <TextField<F>
            name="ratio.denominatorLabel"
            id="rule-ratio-denominator"
            label={t('criteriaSets.form.denominatorLabel')}
            required
            maxLength={500}
          />
        </div>
      </Flex>
      <SelectField<F>
        name="ratio.scaleKind"
        id="rule-ratio-scale"
        label={t('criteriaSets.form.scaleKind')}
        required
        options={[
          { value: 'bands', label: t('criteriaSets.form.scaleBands') },
          { value: 'linear', label: t('criteriaSets.form.scaleLinear') },
        ]}
      />
      {scaleKind === 'linear' ? (
        <Flex gap={12} wrap>
          <TextField<F>
            name="ratio.fromPercent"
            id="rule-ratio-from"
            label={t('criteriaSets.form.fromPercent')}
            required
          />
          <TextField<F>
            name="ratio.toPercent"
            id="rule-ratio-to"
            label={t('criteriaSets.form.toPercent')}
            required
          />
        </Flex>
      ) : (
        <fieldset>
          <legend>{t('criteriaSets.form.bands')}</legend>
          {fields.map((field, i) => (
            <Flex key={field.id} gap={8} align="start" data-testid={`rule-band-${i}`}>
              <TextField<F>
                name={`ratio.bands.${i}.minPercent`}
                id={`rule-band-${i}-percent`}
                label={t('criteriaSets.form.minPercent')}
                required
              />
              <TextField<F>
                name={`ratio.bands.${i}.score`}
                id={`rule-band-${i}-score`}
                label={t('criteriaSets.form.score')}
                required
              />
              <Button
                icon={<DeleteOutlined />}
                aria-label={t('criteriaSets.form.removeBand', { n: i + 1 })}
                disabled={fields.length <= 1 || formState.disabled}
                onClick={() => remove(i)}
                style={{ marginTop: 30 }}
              />
            </Flex>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => append({ minPercent: '', score: '' })}
            disabled={formState.disabled}
            data-testid="rule-band-add"
          >
            {t('criteriaSets.form.addBand')}
          </Button>
        </fieldset>
      )}
    </>
  );
}
