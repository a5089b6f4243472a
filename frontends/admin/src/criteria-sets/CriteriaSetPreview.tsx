/**
 * The form a unit will see for a set, read-only: every area and criterion in order with its
 * maximum, the guidance for units, the input each leaf's rule gives, and the evidence it needs.
 * Takes only the contract's nodes, so the self-assessment remote can reuse it.
 */
import { Card, Checkbox, Flex, Input, Radio, Space, Tag, Typography } from 'antd';
import Select from 'antd/es/select';
import { useTranslation } from 'react-i18next';
import type { CriterionNode } from '@par/contracts';
import { treeMaxima } from '@par/scoring';
import { EmptyState } from '@par/ui';
import { ns } from '../i18n';
import { formatPoints } from './format-points';

export interface CriteriaSetPreviewProps {
  nodes: readonly CriterionNode[];
}

export function CriteriaSetPreview({ nodes }: CriteriaSetPreviewProps) {
  const { t } = useTranslation(ns);
  const children = new Map<string | null, CriterionNode[]>();
  for (const node of nodes) {
    children.set(node.parentCode, [...(children.get(node.parentCode) ?? []), node]);
  }
  const areas = children.get(null) ?? [];
  // What the set is worth as the kernel counts it (areas' effective maxima), as the server says.
  const total = treeMaxima(nodes).totalMax;
  if (areas.length === 0)
    return <EmptyState testId="criteria-preview-empty" title={t('criteriaSets.preview.empty')} />;

  const renderNode = (node: CriterionNode, depth: number) => {
    const kids = children.get(node.code) ?? [];
    const heading = (
      <Flex gap={8} align="baseline" wrap>
        <Typography.Text strong>{node.code}</Typography.Text>
        <Typography.Text strong={kids.length > 0}>{node.title}</Typography.Text>
        <Tag>{t('criteriaSets.tree.max', { max: formatPoints(node.maxScore) })}</Tag>
      </Flex>
    );
    if (kids.length > 0) {
      return (
        <section key={node.code} style={{ marginInlineStart: depth * 16, marginBottom: 12 }}>
          {heading}
          {node.guidanceForUnits ? <Guidance text={node.guidanceForUnits} /> : null}
          <div style={{ marginTop: 8 }}>{kids.map((kid) => renderNode(kid, depth + 1))}</div>
        </section>
      );
    }
    return (
      <Card
        key={node.code}
        size="small"
        style={{ marginInlineStart: depth * 16, marginBottom: 8 }}
        data-testid={`criteria-preview-leaf-${node.code}`}
      >
        {heading}
        {node.guidanceForUnits ? <Guidance text={node.guidanceForUnits} /> : null}
        <div style={{ margin: '8px 0' }}>
          <RuleInput node={node} />
        </div>
        <Space size="small" wrap>
          <Typography.Text type="secondary">
            {node.evidence.min === 0 && node.evidence.max === 0
              ? t('criteriaSets.preview.noEvidence')
              : t('criteriaSets.preview.evidence', {
                  min: node.evidence.min,
                  max: node.evidence.max,
                })}
          </Typography.Text>
          {node.explanationRequired ? (
            <Tag color="orange">{t('criteriaSets.preview.explanationRequired')}</Tag>
          ) : null}
        </Space>
        {node.explanationRequired ? (
          <Input.TextArea
            disabled
            rows={2}
            placeholder={t('criteriaSets.preview.explanation')}
            aria-label={t('criteriaSets.preview.explanation')}
            style={{ marginTop: 8 }}
          />
        ) : null}
      </Card>
    );
  };

  return (
    <div data-testid="criteria-preview">
      <Typography.Paragraph>
        {t('criteriaSets.preview.intro', { total: formatPoints(total) })}
      </Typography.Paragraph>
      {areas.map((area) => (
        <Card key={area.code} style={{ marginBottom: 16 }}>
          {renderNode(area, 0)}
        </Card>
      ))}
    </div>
  );
}

function Guidance({ text }: { text: string }) {
  return (
    <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-line', margin: '4px 0' }}>
      {text}
    </Typography.Paragraph>
  );
}

function RuleInput({ node }: { node: CriterionNode }) {
  const { t } = useTranslation(ns);
  const rule = node.rule;
  const scoreLabel = t('criteriaSets.preview.selfScore');
  switch (rule?.type) {
    case 'manual':
      return (
        <Space>
          <Input disabled style={{ width: 120 }} aria-label={scoreLabel} placeholder="0" />
          <Typography.Text type="secondary">
            {t('criteriaSets.preview.manual', {
              min: formatPoints(rule.min),
              max: formatPoints(rule.max),
              step: formatPoints(rule.step),
            })}
          </Typography.Text>
        </Space>
      );
    case 'options':
      return (
        <Radio.Group disabled aria-label={scoreLabel}>
          <Space direction="vertical">
            {rule.options.map((option) => (
              <Radio key={option.key} value={option.key}>
                {option.label} (
                {t('criteriaSets.preview.points', { score: formatPoints(option.score) })})
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      );
    case 'ratio':
      return (
        <Space direction="vertical">
          <Space wrap>
            <Input disabled addonBefore={rule.numeratorLabel} style={{ width: 320 }} />
            <Input disabled addonBefore={rule.denominatorLabel} style={{ width: 320 }} />
          </Space>
          <Typography.Text type="secondary">
            {rule.scale.kind === 'bands'
              ? rule.scale.bands
                  .map((band) =>
                    t('criteriaSets.preview.band', {
                      percent: formatPoints(band.minPercent),
                      score: formatPoints(band.score),
                    }),
                  )
                  .join('; ')
              : t('criteriaSets.preview.linear', {
                  from: formatPoints(rule.scale.fromPercent),
                  to: formatPoints(rule.scale.toPercent),
                  max: formatPoints(node.maxScore),
                })}
          </Typography.Text>
        </Space>
      );
    case 'boolean':
      return (
        <Radio.Group disabled aria-label={scoreLabel}>
          <Radio value="yes">
            {t('criteriaSets.preview.yes')} (
            {t('criteriaSets.preview.points', { score: formatPoints(rule.yesScore) })})
          </Radio>
          <Radio value="no">
            {t('criteriaSets.preview.no')} (
            {t('criteriaSets.preview.points', { score: formatPoints(rule.noScore) })})
          </Radio>
        </Radio.Group>
      );
    case 'deduction':
      return (
        <Space>
          <Select disabled style={{ width: 120 }} aria-label={scoreLabel} placeholder="0" />
          <Typography.Text type="secondary">
            {t('criteriaSets.preview.deduction', {
              step: formatPoints(rule.step),
              max: formatPoints(rule.maxDeduction),
            })}
          </Typography.Text>
        </Space>
      );
    case 'survey':
      return (
        <Typography.Text type="secondary">
          {t('criteriaSets.preview.survey', { source: rule.source ?? '—' })}
        </Typography.Text>
      );
    case 'linked':
      return (
        <Typography.Text type="secondary">
          {t('criteriaSets.preview.linked', {
            index: rule.indexCode,
            criterion: rule.criterionCode,
          })}
        </Typography.Text>
      );
    default:
      return (
        <Checkbox disabled>
          <Typography.Text type="danger">{t('criteriaSets.preview.noRule')}</Typography.Text>
        </Checkbox>
      );
  }
}
