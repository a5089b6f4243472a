/**
 * One question in the editor: type, key, text, required, the kind's own settings (options,
 * bounds, lengths) and its display condition; every control labelled, errors under each field.
 */
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Flex, Input, Row } from 'antd';
import Select from 'antd/es/select';
import { useTranslation } from 'react-i18next';
import { questionTypes, surveyLimits } from '@par/contracts';
import type { QuestionType } from '@par/contracts';
import { FormField } from '@par/ui/form';
import { ns } from '../i18n';
import { NumberInput } from './NumberInput';
import {
  conditionValues,
  nextKey,
  questionOfType,
  type DraftQuestion,
  type FieldMessages,
} from './form-state';

export interface QuestionEditorProps {
  question: DraftQuestion;
  /** `sections.<s>.questions.<q>`: the prefix of its fields' paths and ids. */
  path: string;
  /** Earlier choice and scale questions it may depend on. */
  candidates: DraftQuestion[];
  messages: FieldMessages;
  first: boolean;
  last: boolean;
  onChange: (question: DraftQuestion) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** `sections.0.questions.1.label` → `sections-0-questions-1-label`, an id and test id. */
export const idOf = (path: string) => path.replaceAll('.', '-');

export function QuestionEditor(props: QuestionEditorProps) {
  const { question, path, candidates, messages, onChange } = props;
  const { t } = useTranslation(ns);
  const id = (field: string) => idOf(`${path}.${field}`);
  const error = (field: string) => messages[`${path}.${field}`];
  const condition = question.showIf;
  const conditionTarget = candidates.find((c) => c.key === condition?.question);
  const setOption = (o: number, label: string) =>
    (question.type === 'singleChoice' || question.type === 'multipleChoice') &&
    onChange({
      ...question,
      options: question.options.map((option, i) => (i === o ? { ...option, label } : option)),
    });

  return (
    <Card
      size="small"
      data-testid={idOf(path)}
      title={t('surveys.editor.questionHeading', { key: question.key })}
      extra={
        <Flex gap={4}>
          <Button
            size="small"
            icon={<ArrowUpOutlined />}
            aria-label={t('surveys.editor.moveUp')}
            disabled={props.first}
            onClick={() => props.onMove(-1)}
          />
          <Button
            size="small"
            icon={<ArrowDownOutlined />}
            aria-label={t('surveys.editor.moveDown')}
            disabled={props.last}
            onClick={() => props.onMove(1)}
          />
          <Button
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('surveys.editor.removeQuestion')}
            onClick={props.onRemove}
          />
        </Flex>
      }
      style={{ marginBottom: 12 }}
    >
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <FormField id={id('type')} label={t('surveys.editor.type')}>
            <Select
              id={id('type')}
              data-testid={id('type')}
              value={question.type}
              onChange={(type: QuestionType) => onChange(questionOfType(type, question))}
              options={questionTypes.map((type) => ({
                value: type,
                label: t(`surveys.types.${type}`),
              }))}
            />
          </FormField>
        </Col>
        <Col xs={24} md={6}>
          <FormField id={id('key')} label={t('surveys.editor.key')} error={error('key')}>
            <Input
              id={id('key')}
              value={question.key}
              maxLength={surveyLimits.keyLength}
              onChange={(event) => onChange({ ...question, key: event.target.value })}
            />
          </FormField>
        </Col>
        <Col xs={24} md={10} style={{ paddingTop: 30 }}>
          <Checkbox
            id={id('required')}
            checked={question.required ?? false}
            onChange={(event) => onChange({ ...question, required: event.target.checked })}
          >
            {t('surveys.editor.required')}
          </Checkbox>
        </Col>
      </Row>
      <FormField id={id('label')} label={t('surveys.editor.label')} required error={error('label')}>
        <Input
          id={id('label')}
          data-testid={id('label')}
          value={question.label}
          maxLength={surveyLimits.label}
          onChange={(event) => onChange({ ...question, label: event.target.value })}
        />
      </FormField>

      {question.type === 'singleChoice' || question.type === 'multipleChoice' ? (
        <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14 }}>{t('surveys.editor.options')}</legend>
          {question.options.map((option, o) => (
            <Flex key={o} gap={8} align="flex-start">
              <div style={{ flex: 1 }}>
                <FormField
                  id={id(`options.${o}.label`)}
                  label={t('surveys.editor.option', { n: o + 1, key: option.key })}
                  error={error(`options.${o}.label`) ?? error(`options.${o}.key`)}
                >
                  <Input
                    id={id(`options.${o}.label`)}
                    data-testid={id(`options.${o}.label`)}
                    value={option.label}
                    maxLength={surveyLimits.label}
                    onChange={(event) => setOption(o, event.target.value)}
                  />
                </FormField>
              </div>
              <Button
                style={{ marginTop: 30 }}
                icon={<DeleteOutlined />}
                aria-label={t('surveys.editor.removeOption', { n: o + 1 })}
                disabled={question.options.length <= 2}
                onClick={() =>
                  onChange({ ...question, options: question.options.filter((_, i) => i !== o) })
                }
              />
            </Flex>
          ))}
          {error('options') ? (
            <div role="alert" data-testid={`${id('options')}-error`} style={{ color: '#cf1322' }}>
              {error('options')}
            </div>
          ) : null}
          <Button
            icon={<PlusOutlined />}
            data-testid={id('add-option')}
            disabled={question.options.length >= surveyLimits.options}
            onClick={() =>
              onChange({
                ...question,
                options: [
                  ...question.options,
                  {
                    key: nextKey(
                      'o',
                      question.options.map((o) => o.key),
                    ),
                    label: '',
                  },
                ],
              })
            }
            style={{ marginBottom: 12 }}
          >
            {t('surveys.editor.addOption')}
          </Button>
          {question.type === 'multipleChoice' ? (
            <FormField
              id={id('maxChoices')}
              label={t('surveys.editor.maxChoices')}
              error={error('maxChoices')}
            >
              <NumberInput
                id={id('maxChoices')}
                integer
                min={1}
                value={question.maxChoices}
                onChange={(maxChoices) => onChange({ ...question, maxChoices })}
              />
            </FormField>
          ) : null}
        </fieldset>
      ) : null}

      {question.type === 'scale' ? (
        <Row gutter={12}>
          <Col span={12}>
            <FormField id={id('lowLabel')} label={t('surveys.editor.lowLabel')}>
              <Input
                id={id('lowLabel')}
                value={question.lowLabel ?? 'Rất không hài lòng'}
                maxLength={100}
                onChange={(event) => onChange({ ...question, lowLabel: event.target.value })}
              />
            </FormField>
          </Col>
          <Col span={12}>
            <FormField id={id('highLabel')} label={t('surveys.editor.highLabel')}>
              <Input
                id={id('highLabel')}
                value={question.highLabel ?? 'Rất hài lòng'}
                maxLength={100}
                onChange={(event) => onChange({ ...question, highLabel: event.target.value })}
              />
            </FormField>
          </Col>
        </Row>
      ) : null}

      {question.type === 'number' ? (
        <Row gutter={12}>
          <Col span={8}>
            <FormField id={id('min')} label={t('surveys.editor.min')} error={error('min')}>
              <NumberInput
                id={id('min')}
                value={question.min}
                onChange={(min) => onChange({ ...question, min })}
              />
            </FormField>
          </Col>
          <Col span={8}>
            <FormField id={id('max')} label={t('surveys.editor.max')} error={error('max')}>
              <NumberInput
                id={id('max')}
                value={question.max}
                onChange={(max) => onChange({ ...question, max })}
              />
            </FormField>
          </Col>
          <Col span={8} style={{ paddingTop: 30 }}>
            <Checkbox
              id={id('integer')}
              checked={question.integer ?? true}
              onChange={(event) => onChange({ ...question, integer: event.target.checked })}
            >
              {t('surveys.editor.integer')}
            </Checkbox>
          </Col>
        </Row>
      ) : null}

      {question.type === 'shortText' || question.type === 'longText' ? (
        <FormField
          id={id('maxLength')}
          label={t('surveys.editor.maxLength')}
          error={error('maxLength')}
        >
          <NumberInput
            id={id('maxLength')}
            integer
            min={1}
            max={question.type === 'shortText' ? surveyLimits.shortText : surveyLimits.longTextMax}
            value={question.maxLength}
            onChange={(maxLength) => onChange({ ...question, maxLength })}
          />
        </FormField>
      ) : null}

      <Row gutter={12}>
        <Col xs={24} md={10}>
          <FormField
            id={id('showIf.question')}
            label={t('surveys.editor.showIf')}
            error={error('showIf.question')}
            help={candidates.length === 0 ? t('surveys.editor.showIfNone') : undefined}
          >
            <Select
              id={id('showIf.question')}
              data-testid={id('showIf.question')}
              allowClear
              disabled={candidates.length === 0 && !condition}
              placeholder={t('surveys.editor.showIfAlways')}
              value={condition?.question}
              onChange={(key: string | undefined) =>
                onChange({
                  ...question,
                  showIf: key ? { question: key, anyOf: [] } : undefined,
                })
              }
              options={candidates.map((c) => ({ value: c.key, label: `${c.key} — ${c.label}` }))}
            />
          </FormField>
        </Col>
        {condition ? (
          <Col xs={24} md={14}>
            <FormField
              id={id('showIf.anyOf')}
              label={t('surveys.editor.showIfAnswers')}
              error={error('showIf.anyOf') ?? error('showIf.anyOf.0')}
            >
              <Select
                id={id('showIf.anyOf')}
                data-testid={id('showIf.anyOf')}
                mode="multiple"
                value={condition.anyOf}
                onChange={(anyOf: Array<string | number>) =>
                  onChange({ ...question, showIf: { ...condition, anyOf } })
                }
                options={(conditionTarget ? conditionValues(conditionTarget) : []).map((value) => ({
                  value,
                  label:
                    typeof value === 'number'
                      ? String(value)
                      : conditionTarget?.type === 'singleChoice' ||
                          conditionTarget?.type === 'multipleChoice'
                        ? (conditionTarget.options.find((o) => o.key === value)?.label ?? value)
                        : value,
                }))}
              />
            </FormField>
          </Col>
        ) : null}
      </Row>
    </Card>
  );
}
