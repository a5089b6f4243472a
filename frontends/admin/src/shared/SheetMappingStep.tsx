/**
 * The column-mapping step of an import: each column of the admin's sheet with a few of its
 * cells, the role guessed for it and a select to confirm, change or ignore it. Any import that
 * reads sheets with their own headers uses it; the roles and their names are the import's.
 */
import type { ReactNode } from 'react';
import { Alert, Tag, Typography } from 'antd';
import Select from 'antd/es/select';
import Table from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { ns } from '../i18n';

export interface SheetMappingStepProps<R extends string> {
  /** Prefix of the data-testids and ids, e.g. `criteria-import`. */
  testId: string;
  header: readonly string[];
  /** The data rows as read, for a few examples per column. */
  rows: ReadonlyArray<{ cells: readonly string[] }>;
  /** The role of each column now, and what the page guessed. */
  roles: ReadonlyArray<R | null>;
  guessed: ReadonlyArray<R | null>;
  options: readonly R[];
  roleLabel: (role: R) => string;
  onChange: (column: number, role: R | null) => void;
  /** Problems of the mapping, each with the columns it is about. */
  problems: ReadonlyArray<{ message: string; columns: readonly number[] }>;
  /** Said above the table (e.g. that a remembered mapping was used). */
  note?: ReactNode;
}

interface ColumnRow {
  column: number;
  header: string;
  samples: string[];
}

const IGNORED = '';

export function SheetMappingStep<R extends string>({
  testId,
  header,
  rows,
  roles,
  guessed,
  options,
  roleLabel,
  onChange,
  problems,
  note,
}: SheetMappingStepProps<R>) {
  const { t } = useTranslation(ns);
  const data: ColumnRow[] = header.map((text, column) => ({
    column,
    header: text,
    samples: rows
      .map((r) => (r.cells[column] ?? '').trim())
      .filter((cell) => cell !== '')
      .slice(0, 3),
  }));
  const troubled = new Set(problems.flatMap((p) => p.columns));
  return (
    <div data-testid={`${testId}-mapping`} style={{ marginBottom: 16 }}>
      <Typography.Title level={5}>{t('sheetMapping.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('sheetMapping.help')}</Typography.Paragraph>
      {note}
      {problems.map((p) => (
        <Alert
          key={p.message}
          type="error"
          showIcon
          title={p.message}
          style={{ marginBottom: 8 }}
          data-testid={`${testId}-mapping-problem`}
        />
      ))}
      <Table<ColumnRow>
        rowKey="column"
        size="small"
        pagination={false}
        dataSource={data}
        onRow={(record) => ({
          'data-testid': `${testId}-column-${record.column}`,
          style: troubled.has(record.column) ? { background: '#fff1f0' } : undefined,
        })}
        columns={[
          {
            key: 'header',
            title: t('sheetMapping.column.header'),
            render: (_: unknown, record) => (
              <>
                <Typography.Text type="secondary">{record.column + 1}. </Typography.Text>
                {record.header === '' ? (
                  <Typography.Text type="secondary">{t('sheetMapping.noHeader')}</Typography.Text>
                ) : (
                  <Typography.Text strong>{record.header}</Typography.Text>
                )}
              </>
            ),
          },
          {
            key: 'samples',
            title: t('sheetMapping.column.samples'),
            render: (_: unknown, record) => (
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360 }}>
                {record.samples.join(' · ')}
              </Typography.Text>
            ),
          },
          {
            key: 'role',
            title: t('sheetMapping.column.role'),
            width: 320,
            render: (_: unknown, record) => {
              const role = roles[record.column] ?? null;
              const wasGuessed = role !== null && role === guessed[record.column];
              return (
                <>
                  <Select<string>
                    id={`${testId}-role-${record.column}`}
                    data-testid={`${testId}-role-${record.column}`}
                    aria-label={t('sheetMapping.roleOf', { header: record.header })}
                    style={{ width: 240 }}
                    value={role ?? IGNORED}
                    onChange={(value) =>
                      onChange(record.column, value === IGNORED ? null : (value as R))
                    }
                    options={[
                      { value: IGNORED, label: t('sheetMapping.ignored') },
                      ...options.map((o) => ({ value: o, label: roleLabel(o) })),
                    ]}
                  />
                  {wasGuessed ? (
                    <Tag color="blue" style={{ marginInlineStart: 6 }}>
                      {t('sheetMapping.guessed')}
                    </Tag>
                  ) : null}
                </>
              );
            },
          },
        ]}
      />
    </div>
  );
}
