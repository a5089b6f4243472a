/**
 * The band table editor of an index: one row per band, top band first, each with its name and
 * its lower bound in percent (vi-VN: decimal comma). Rows are added and removed with buttons
 * reachable by Tab; Enter in any field saves. The server validates the table (the shared
 * `validateBandTable`); on a 422 its message is shown above the table and each row it names
 * shows what is wrong with it and what to do.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Flex, Input, Modal, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { rankingActions } from '@par/contracts';
import { isApiError, useActionQuery, useApiClient } from '@par/client';
import { ErrorState, Loading, currentLanguage } from '@par/ui';
import { ns } from '../../i18n';
import { bandsToRows, rowsToBands, serverErrorsByRow } from './band-table';
import type { BandRow } from './band-table';

export interface BandTableModalProps {
  open: boolean;
  indexCode: string;
  onClose: () => void;
  onSaved: () => void;
}

let nextKey = 0;
const newKey = () => `n${(nextKey += 1)}`;

export function BandTableModal({ open, indexCode, onClose, onSaved }: BandTableModalProps) {
  const { t } = useTranslation(ns);
  const { message } = AntApp.useApp();
  const api = useApiClient();
  const locale = currentLanguage();
  const table = useActionQuery(rankingActions.getBandTable, { indexCode });
  const [rows, setRows] = useState<BandRow[] | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<string, string[]>>({});
  const [tableError, setTableError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const focusKey = useRef<string | null>(null);

  // The table as the server holds it each time the dialog opens.
  useEffect(() => {
    if (open) table.reload();
  }, [open]);
  useEffect(() => {
    if (table.data) {
      setRows(bandsToRows(table.data.bands, locale, newKey));
      setRowErrors({});
      setTableError(null);
    }
  }, [table.data, locale]);
  useEffect(() => {
    if (!focusKey.current) return;
    document.getElementById(`band-label-${focusKey.current}`)?.focus();
    focusKey.current = null;
  });

  const edit = (key: string, change: Partial<BandRow>) => {
    setRows((current) => (current ?? []).map((r) => (r.key === key ? { ...r, ...change } : r)));
    setRowErrors(({ [key]: _dropped, ...rest }) => rest);
  };
  const add = () => {
    const key = newKey();
    focusKey.current = key;
    setRows((current) => [...(current ?? []), { key, label: '', minText: '' }]);
  };
  const remove = (position: number) => {
    const list = rows ?? [];
    const neighbour = list[position - 1] ?? list[position + 1];
    focusKey.current = neighbour?.key ?? null;
    setRows(list.filter((_, i) => i !== position));
    setRowErrors({});
  };

  const save = async () => {
    const list = rows ?? [];
    setTableError(null);
    const read = rowsToBands(list);
    if (read.problems) {
      setRowErrors(
        Object.fromEntries(
          Object.entries(read.problems).map(([key, problems]) => [
            key,
            problems.map((p) => t(`resultsSettings.bands.${p}`)),
          ]),
        ),
      );
      return;
    }
    setSaving(true);
    try {
      await api.callAction(rankingActions.setBandTable, { indexCode, bands: read.bands });
      void message.success(t('resultsSettings.bands.saved', { indexCode }));
      table.reload();
      onSaved();
    } catch (error) {
      if (!isApiError(error)) throw error;
      setTableError(error.message);
      // Each row the server named, with what is wrong with it in its words.
      setRowErrors(serverErrorsByRow(error.fields, list).rows);
    } finally {
      setSaving(false);
    }
  };

  const body = () => {
    if (table.error)
      return (
        <ErrorState
          title={t('resultsSettings.bands.loadFailed')}
          description={table.error.message}
          onRetry={table.reload}
        />
      );
    if (!rows) return <Loading />;
    return (
      <form
        id="band-table-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Typography.Paragraph type="secondary">
          {t('resultsSettings.bands.help')}
        </Typography.Paragraph>
        {table.data && !table.data.configured ? (
          <Alert
            type="info"
            style={{ marginBottom: 12 }}
            data-testid="band-table-default"
            title={t('resultsSettings.bands.default')}
          />
        ) : null}
        {tableError ? (
          <Alert
            type="error"
            style={{ marginBottom: 12 }}
            data-testid="band-table-error"
            title={tableError}
          />
        ) : null}
        {rows.length === 0 ? (
          <Typography.Paragraph type="secondary" data-testid="band-table-empty">
            {t('resultsSettings.bands.empty')}
          </Typography.Paragraph>
        ) : (
          <table style={{ width: '100%', borderCollapse: 'collapse' }}>
            <thead>
              <tr>
                <th style={{ textAlign: 'start', width: 40 }}>#</th>
                <th style={{ textAlign: 'start' }}>{t('resultsSettings.bands.label')}</th>
                <th style={{ textAlign: 'start', width: 180 }}>
                  {t('resultsSettings.bands.minIndex')}
                </th>
                <th style={{ width: 48 }} />
              </tr>
            </thead>
            <tbody>
              {rows.map((row, position) => {
                const errors = rowErrors[row.key] ?? [];
                const n = position + 1;
                return (
                  <tr key={row.key} data-testid={`band-row-${position}`}>
                    <td style={{ verticalAlign: 'top', paddingTop: 6 }}>{n}</td>
                    <td style={{ verticalAlign: 'top', padding: '2px 8px 6px 0' }}>
                      <Input
                        id={`band-label-${row.key}`}
                        data-testid={`band-label-${position}`}
                        aria-label={t('resultsSettings.bands.labelOf', { n })}
                        aria-invalid={errors.length > 0}
                        aria-describedby={errors.length ? `band-errors-${row.key}` : undefined}
                        status={errors.length ? 'error' : undefined}
                        maxLength={40}
                        value={row.label}
                        onChange={(e) => edit(row.key, { label: e.target.value })}
                      />
                      {errors.length ? (
                        <div
                          id={`band-errors-${row.key}`}
                          data-testid={`band-errors-${position}`}
                          role="alert"
                        >
                          {errors.map((text) => (
                            <Typography.Text key={text} type="danger" style={{ display: 'block' }}>
                              {text}
                            </Typography.Text>
                          ))}
                        </div>
                      ) : null}
                    </td>
                    <td style={{ verticalAlign: 'top', padding: '2px 8px 6px 0' }}>
                      <Input
                        data-testid={`band-min-${position}`}
                        aria-label={t('resultsSettings.bands.minIndexOf', { n })}
                        aria-invalid={errors.length > 0}
                        status={errors.length ? 'error' : undefined}
                        inputMode="decimal"
                        suffix="%"
                        value={row.minText}
                        onChange={(e) => edit(row.key, { minText: e.target.value })}
                      />
                    </td>
                    <td style={{ verticalAlign: 'top', paddingTop: 2 }}>
                      <Button
                        icon={<DeleteOutlined />}
                        aria-label={t('resultsSettings.bands.remove', { n })}
                        title={t('resultsSettings.bands.remove', { n })}
                        data-testid={`band-remove-${position}`}
                        onClick={() => remove(position)}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {/* Enter in a field submits the form: the hidden button makes that work in every browser. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
        <Button
          icon={<PlusOutlined />}
          onClick={add}
          style={{ marginTop: 8 }}
          data-testid="band-add"
          disabled={rows.length >= 20}
        >
          {t('resultsSettings.bands.add')}
        </Button>
      </form>
    );
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('resultsSettings.bands.title', { indexCode })}
      width={640}
      destroyOnHidden
      footer={
        <Flex gap={8} justify="end">
          <Button onClick={onClose}>{t('results.cancel')}</Button>
          <Button
            type="primary"
            htmlType="submit"
            form="band-table-form"
            loading={saving}
            disabled={!rows || saving}
            data-testid="band-save"
          >
            {t('resultsSettings.bands.save')}
          </Button>
        </Flex>
      }
    >
      <div data-testid="band-table">{body()}</div>
    </Modal>
  );
}
