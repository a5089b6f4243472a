/**
 * The criteria-set templates shipped in `services/assessment/templates/`: a manifest
 * (`templates.json`) and one CSV per template in the canonical export form. Read once, checked
 * with the same rules as any import.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CriteriaSetTemplate, CriterionNode } from '@par/contracts';
import { readCriteriaFile } from './criteria-sheet';
import { checkCriteriaFile } from './criteria-sheet-rules';

/** Where the templates live, from `src/criteria-sets` or `dist/criteria-sets` alike. */
export const templatesDir = path.resolve(__dirname, '../../templates');

interface ManifestEntry {
  key: string;
  file: string;
  indexCode: string;
  indexName: string;
  name: string;
  unitGroupHint: string;
  source: string;
}

export interface LoadedTemplate {
  template: CriteriaSetTemplate;
  file: string;
  nodes: CriterionNode[];
}

let loaded: Promise<LoadedTemplate[]> | undefined;

export function loadCriteriaTemplates(dir = templatesDir): Promise<LoadedTemplate[]> {
  if (dir !== templatesDir) return readTemplates(dir);
  loaded ??= readTemplates(dir).catch((err: unknown) => {
    loaded = undefined;
    throw err;
  });
  return loaded;
}

async function readTemplates(dir: string): Promise<LoadedTemplate[]> {
  const manifest = JSON.parse(
    await readFile(path.join(dir, 'templates.json'), 'utf8'),
  ) as ManifestEntry[];
  return Promise.all(
    manifest.map(async (entry) => {
      const file = path.join(dir, entry.file);
      const checked = checkCriteriaFile(await readCriteriaFile(await readFile(file), entry.file));
      if (!checked.nodes || !checked.view) {
        const bad = checked.rows.find((r) => r.errors.length > 0);
        throw new Error(`template ${entry.file} row ${bad?.row}: ${bad?.errors[0]?.message}`);
      }
      return {
        file,
        nodes: checked.nodes,
        template: {
          key: entry.key,
          indexCode: entry.indexCode,
          indexName: entry.indexName,
          name: entry.name,
          unitGroupHint: entry.unitGroupHint,
          source: entry.source,
          totalMax: checked.view.totalMax,
          leafCount: checked.view.leafCount,
          nodeCount: checked.nodes.length,
        },
      };
    }),
  );
}
