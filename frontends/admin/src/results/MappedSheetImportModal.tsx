/**
 * A ranking sheet import with a column mapping: the sheet's columns mapped to the import's roles
 * (guessed from its header by the server, confirmed or changed by the admin with the criteria
 * import's mapping step, remembered per header in this browser), checked row by row by the
 * server, and written all at once only when no row has an error (the shared import dialog's
 * steps). The past results and the survey results imports differ only in their calls, roles and
 * texts.
 */
import { useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { ns } from '../i18n';
import { ImportDialog } from '../shared/ImportDialog';
import type { ImportFile } from '../shared/ImportDialog';
import { SheetMappingStep } from '../shared/SheetMappingStep';
import { recallMapping, rememberMapping } from '../shared/remembered-mapping';

export interface SheetMapping<F extends string> {
  roles: Array<F | null>;
}

/** What the server's preview of a mapped sheet has, whatever the import. */
export interface MappedSheetPreview<F extends string> {
  fileName: string;
  sheet: {
    header: string[];
    guessed: Array<F | null>;
    mapping: SheetMapping<F>;
    problems: Array<{ message: string; columns: number[] }>;
    /** The first rows as read, for the mapping step's examples (when the server sends them). */
    rows?: Array<{ row: number; cells: string[] }>;
  };
  rows: Array<{
    row: number;
    values: Partial<Record<F, string | null>>;
    errors: Array<{ field: string; message: string }>;
  }>;
  totals: { rows: number; invalid: number };
}

type DialogRow<P extends MappedSheetPreview<string>> = P['rows'][number] & { cleaned: [] };
/** The server's preview as the shared dialog shows it (these imports clean no cell). */
type DialogPreview<P extends MappedSheetPreview<string>> = Omit<P, 'rows' | 'totals'> & {
  rows: Array<DialogRow<P>>;
  totals: P['totals'] & { cleaned: number };
};

const asDialogPreview = <P extends MappedSheetPreview<string>>(preview: P): DialogPreview<P> => ({
  ...preview,
  rows: preview.rows.map((row) => ({ ...row, cleaned: [] as [] })),
  totals: { ...preview.totals, cleaned: 0 },
});

/** The file, the period and the mapping (when the admin made or kept one) as both calls take them. */
export type MappedSheetParams<F extends string> = ImportFile & {
  periodId: string;
  mapping?: SheetMapping<F>;
};

export interface MappedSheetImportModalProps<F extends string, P extends MappedSheetPreview<F>, R> {
  open: boolean;
  /** The period the sheet's results belong to. */
  periodId: string;
  onClose: () => void;
  onImported: (result: R) => void;
  /** Prefix of the data-testids, e.g. `survey-import`. */
  testId: string;
  /** Catalogue prefix of the dialog's texts (see the shared import dialog). */
  textKey: string;
  /** Where this import's mappings are remembered in the browser. */
  memoryKind: string;
  fields: readonly F[];
  /** Each role's name, as the mapping step's select shows it. */
  roleLabel: (role: F) => string;
  preview: (
    params: MappedSheetParams<F>,
    onUploadProgress: (percent: number) => void,
  ) => Promise<P>;
  commit: (params: MappedSheetParams<F>) => Promise<R>;
  summaryExtra?: (preview: DialogPreview<P>) => ReactNode;
  extraColumns?: TableColumnsType<DialogRow<P>>;
}

export function MappedSheetImportModal<F extends string, P extends MappedSheetPreview<F>, R>({
  open,
  periodId,
  onClose,
  onImported,
  testId,
  textKey,
  memoryKind,
  fields,
  roleLabel,
  preview: previewCall,
  commit,
  summaryExtra,
  extraColumns,
}: MappedSheetImportModalProps<F, P, R>) {
  const { t } = useTranslation(ns);
  const [mapping, setMappingState] = useState<SheetMapping<F> | null>(null);
  const mappingRef = useRef<SheetMapping<F> | null>(null);
  const setMapping = (next: SheetMapping<F> | null) => {
    mappingRef.current = next;
    setMappingState(next);
  };
  const params = (file: ImportFile): MappedSheetParams<F> => ({
    ...file,
    periodId,
    ...(mappingRef.current ? { mapping: mappingRef.current } : {}),
  });

  const mappingStep = (preview: DialogPreview<P>) => {
    const { sheet } = preview;
    const roles = mapping?.roles ?? sheet.mapping.roles;
    return (
      <SheetMappingStep<F>
        testId={testId}
        header={sheet.header}
        rows={sheet.rows ?? []}
        roles={roles}
        guessed={sheet.guessed}
        options={fields}
        roleLabel={roleLabel}
        problems={sheet.problems}
        onChange={(column, role) => {
          const next = { roles: roles.map((r, i) => (i === column ? role : r)) };
          setMapping(next);
          rememberMapping(memoryKind, sheet.header, next);
        }}
      />
    );
  };

  return (
    <ImportDialog<F, DialogRow<P>, DialogPreview<P>, R>
      open={open}
      onClose={onClose}
      testId={testId}
      textKey={textKey}
      cancelText={t('results.cancel')}
      accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      width={1100}
      fields={fields}
      cleanedTitle={() => null}
      summaryExtra={summaryExtra}
      extraColumns={extraColumns}
      check={async (file, onUploadProgress) =>
        asDialogPreview(await previewCall(params(file), onUploadProgress))
      }
      send={(file) => commit(params(file))}
      onPicked={() => setMapping(null)}
      onReset={() => setMapping(null)}
      onChecked={(checked) => {
        // The same header as a sheet mapped before: the mapping made then, not a new guess.
        if (mappingRef.current) return;
        const kept = recallMapping<SheetMapping<F>>(memoryKind, checked.sheet.header, fields);
        if (kept && JSON.stringify(kept.roles) !== JSON.stringify(checked.sheet.mapping.roles))
          setMapping(kept);
      }}
      renderMapping={mappingStep}
      recheckKey={mapping ? JSON.stringify(mapping) : ''}
      blocked={(preview) => preview.sheet.problems.length > 0}
      onCommitted={onImported}
    />
  );
}
