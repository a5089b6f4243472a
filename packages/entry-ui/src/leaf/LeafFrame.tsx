/**
 * What every entered criterion looks like on both entry pages: the section the keyboard moves
 * to (it tells the store when the person is in it), its title with the live score and a tag, the
 * set's guidance folded until asked for, and a failed save's message with "save now".
 */
import { memo } from 'react';
import type { ReactNode } from 'react';
import { Button, Collapse, Flex, Typography } from 'antd';
import { formatHundredths } from '@par/scoring';
import { currentLanguage } from '@par/ui';
import type { AutosaveStatus } from '../autosave/autosave-queue';
import { criterionAnchor } from '../navigation/keyboard-navigation';

export interface LeafFrameProps {
  code: string;
  title: string;
  /** The live score (hundredths), null while there is none. */
  score: number | null;
  /** The leaf's maximum; null for a deduction. */
  max: number | null;
  /** Marks the leaf's edge red (a failed save, or what the page holds back). */
  alert: boolean;
  /** Indent by tree depth (the unit's page). */
  depth?: number;
  /** The save state tag, or what the page shows instead. */
  tag: ReactNode;
  /** The person entered (code) or left (null) the leaf's fields. */
  onFocusChange(code: string | null): void;
  children: ReactNode;
}

export function LeafFrame({
  code,
  title,
  score,
  max,
  alert,
  depth,
  tag,
  onFocusChange,
  children,
}: LeafFrameProps) {
  const locale = currentLanguage();
  return (
    <section
      id={criterionAnchor(code)}
      data-criterion={code}
      data-testid={`leaf-${code}`}
      tabIndex={-1}
      aria-labelledby={`${criterionAnchor(code)}-title`}
      onFocus={() => onFocusChange(code)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onFocusChange(null);
      }}
      style={{
        padding: '12px 16px',
        marginInlineStart: depth === undefined ? undefined : depth * 16,
        borderInlineStart: `3px solid ${alert ? '#ff4d4f' : '#f0f0f0'}`,
        scrollMarginTop: 80,
      }}
    >
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <Typography.Title
          level={4}
          style={{ fontSize: 15, margin: 0, flex: 1, minWidth: 240 }}
          id={`${criterionAnchor(code)}-title`}
        >
          {code}. {title}
        </Typography.Title>
        <Flex gap={8} align="center">
          <Typography.Text strong data-testid={`leaf-${code}-score`}>
            {score !== null ? formatHundredths(score, locale) : '—'}
            {max !== null ? ` / ${formatHundredths(max, locale)}` : ''}
          </Typography.Text>
          {tag}
        </Flex>
      </Flex>
      {children}
    </section>
  );
}

/** The set's guidance, folded until asked for; redrawn only if the text changes. */
export const LeafGuidance = memo(function LeafGuidance({
  label,
  text,
}: {
  label: string;
  text: string;
}) {
  return (
    <Collapse
      ghost
      size="small"
      items={[
        {
          key: 'guidance',
          label,
          children: (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {text}
            </Typography.Paragraph>
          ),
        },
      ]}
    />
  );
});

export interface LeafSaveErrorProps {
  code: string;
  status: AutosaveStatus;
  /** The server's words; the line shows only with one. */
  error: string | null;
  readOnly: boolean;
  onRetry(): void;
  /** The page's words while the save is tried again, and on the button. */
  retrying: (message: string) => string;
  retryNow: string;
}

/** A failed save: why, in the server's words, and "save now" unless the page is read-only. */
export function LeafSaveError({
  code,
  status,
  error,
  readOnly,
  onRetry,
  retrying,
  retryNow,
}: LeafSaveErrorProps) {
  if (!error) return null;
  return (
    <Flex gap={8} align="center" wrap>
      <Typography.Text type="danger" role="alert" data-testid={`save-${code}-error`}>
        {status === 'retrying' ? retrying(error) : error}
      </Typography.Text>
      {!readOnly ? (
        <Button size="small" onClick={onRetry} data-testid={`save-${code}-retry`}>
          {retryNow}
        </Button>
      ) : null}
    </Flex>
  );
}
