/**
 * The editor's draft of one criteria set: the node list being edited, what the scoring kernel
 * says of it (sums, total, issues) as the admin types, the server's check of linked rules, the
 * save with the set's `version` (409 when someone saved in between), and a new version of a set
 * in use. Everything that talks to the server for the editor lives here.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { criteriaSetActions } from '@par/contracts';
import type {
  CriteriaSet,
  CriteriaSetView,
  CriterionNode,
  CriterionNodeView,
} from '@par/contracts';
import { isApiError, useApiClient } from '@par/client';
import { currentLanguage } from '@par/ui';
import { ns } from '../i18n';
import { toCriterionNodes, toEditorNodes, updateNode } from './criteria-tree';
import type { EditorNode } from './criteria-tree';
import { draftView, figuresByKey, issuesByNodeKey, needsServerCheck } from './editor-issues';

/** The server's check of linked rules waits for the admin to pause, so typing stays smooth. */
const validateDelayMs = 700;

export interface CriteriaSetDraft {
  /** The set as last loaded or saved. */
  set: CriteriaSet;
  readOnly: boolean;
  nodes: EditorNode[];
  /** The draft as the contract's list, in display order: what is validated and saved. */
  contractNodes: CriterionNode[];
  dirty: boolean;
  saving: boolean;
  /** The validation shown: the kernel's of this draft, or the server's when it checked links. */
  view: CriteriaSetView;
  /** True while linked rules wait for the server's check. */
  checking: boolean;
  issues: ReturnType<typeof issuesByNodeKey>;
  figures: Map<string, CriterionNodeView>;
  /** The 409's message when someone else saved the set in between; null otherwise. */
  conflict: string | null;
  dismissConflict: () => void;
  /** Replaces the node list (a move, an addition, a deletion). */
  change: (next: EditorNode[]) => void;
  /** Applies the form's node; an unchanged node does not mark the set unsaved. */
  apply: (key: string, node: Omit<CriterionNode, 'parentCode'>) => void;
  save: () => Promise<void>;
  newVersion: () => Promise<void>;
}

export function useCriteriaSetDraft(initial: CriteriaSet): CriteriaSetDraft {
  const { t } = useTranslation(ns);
  const { message } = AntApp.useApp();
  const api = useApiClient();
  const navigate = useNavigate();
  const [set, setSet] = useState(initial);
  const [nodes, setNodes] = useState<EditorNode[]>(() => toEditorNodes(initial.nodes));
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  // The server's validation of exactly the current draft; null once the draft changes.
  const [serverView, setServerView] = useState<CriteriaSetView | null>(initial.view);
  const readOnly = set.status !== 'draft';

  const contractNodes = useMemo(() => toCriterionNodes(nodes), [nodes]);
  const localView = useMemo(
    () =>
      draftView(contractNodes, {
        locale: currentLanguage(),
        indexCode: set.indexCode,
        missingTitle: t('criteriaSets.issue.missingTitle'),
        invalid: t('form.invalid', { ns: 'ui' }),
      }),
    [contractNodes, set.indexCode, t],
  );
  const linked = useMemo(() => needsServerCheck(contractNodes), [contractNodes]);
  const view = serverView ?? localView;
  const issues = useMemo(() => issuesByNodeKey(nodes, view), [nodes, view]);
  const figures = useMemo(() => figuresByKey(nodes, view), [nodes, view]);

  const change = useCallback((next: EditorNode[]) => {
    setNodes(next);
    setDirty(true);
    setServerView(null);
  }, []);

  // Only the server can read a linked rule's targets: ask it once the admin pauses; a later
  // draft discards the answer.
  useEffect(() => {
    if (serverView !== null || !linked) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .callAction(
          criteriaSetActions.validateCriteriaSet,
          { nodes: contractNodes, indexCode: set.indexCode, year: set.year },
          { signal: controller.signal },
        )
        .then(setServerView)
        .catch(() => {
          // The kernel's checks stay on screen; saving reports a real failure.
        });
    }, validateDelayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, contractNodes, serverView, linked, set.indexCode, set.year]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  // The form applies on every valid change; an unchanged node must not mark the set unsaved.
  const nodesRef = useRef(nodes);
  nodesRef.current = nodes;
  const apply = useCallback(
    (key: string, node: Omit<CriterionNode, 'parentCode'>) => {
      const before = nodesRef.current.find((n) => n.key === key);
      if (!before) return;
      const { key: _key, parentKey: _parentKey, ...old } = before;
      if (JSON.stringify(old) === JSON.stringify({ ...old, ...node })) return;
      change(updateNode(nodesRef.current, key, node));
    },
    [change],
  );

  const save = async () => {
    setSaving(true);
    try {
      const saved = await api.callAction(criteriaSetActions.saveCriteriaSet, {
        id: set.id,
        version: set.version,
        nodes: contractNodes,
      });
      setSet(saved);
      setServerView(saved.view);
      setDirty(false);
      void message.success(
        saved.view.valid
          ? t('criteriaSets.editor.saved')
          : t('criteriaSets.editor.savedWithIssues', { count: saved.view.issues.length }),
      );
    } catch (error) {
      if (isApiError(error) && error.status === 409) setConflict(error.message);
      else void message.error(isApiError(error) ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  const newVersion = async () => {
    try {
      const created = await api.callAction(criteriaSetActions.createCriteriaSetVersion, {
        id: set.id,
      });
      void message.success(t('criteriaSets.editor.versionCreated', { edition: created.edition }));
      void navigate(`../${created.id}`, { relative: 'path' });
    } catch (error) {
      void message.error(isApiError(error) ? error.message : String(error));
    }
  };

  return {
    set,
    readOnly,
    nodes,
    contractNodes,
    dirty,
    saving,
    view,
    checking: serverView === null && linked,
    issues,
    figures,
    conflict,
    dismissConflict: () => setConflict(null),
    change,
    apply,
    save,
    newVersion,
  };
}
