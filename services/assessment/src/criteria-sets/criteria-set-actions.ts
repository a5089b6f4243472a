/** The assessment service's actions on indices and criteria sets, bound to its database. */
import type { ServiceSchema } from 'moleculer';
import type { Connection } from 'mongoose';
import { criteriaSetActions as contracts } from '@par/contracts';
import { contractAction } from '@par/service-kit';
import * as sets from './criteria-sets';
import * as imports from './criteria-set-import';
import { validateCriteriaNodes } from './criteria-validation';

export function criteriaSetActionHandlers(db: Connection): NonNullable<ServiceSchema['actions']> {
  return {
    listIndices: contractAction(contracts.listIndices, () => sets.listIndices(db)),
    createIndex: contractAction(contracts.createIndex, (params) => sets.createIndex(db, params)),
    listCriteriaSets: contractAction(contracts.listCriteriaSets, (params) =>
      sets.listCriteriaSets(db, params),
    ),
    getCriteriaSet: contractAction(contracts.getCriteriaSet, (params, _user, ctx) =>
      sets.getCriteriaSet(db, params.id, ctx.meta.locale ?? 'vi'),
    ),
    createCriteriaSet: contractAction(contracts.createCriteriaSet, (params, _user, ctx) =>
      sets.createCriteriaSet(db, params, ctx.meta.locale ?? 'vi'),
    ),
    saveCriteriaSet: contractAction(contracts.saveCriteriaSet, (params, _user, ctx) =>
      sets.saveCriteriaSet(db, params, ctx.meta.locale ?? 'vi'),
    ),
    deleteCriteriaSet: contractAction(contracts.deleteCriteriaSet, (params, _user, ctx) =>
      sets.deleteCriteriaSet(db, params, ctx.meta.locale ?? 'vi'),
    ),
    validateCriteriaSet: contractAction(contracts.validateCriteriaSet, (params, _user, ctx) =>
      Promise.resolve(
        validateCriteriaNodes(params.nodes, ctx.meta.locale ?? 'vi', params.indexCode),
      ),
    ),
    cloneCriteriaSet: contractAction(contracts.cloneCriteriaSet, (params, _user, ctx) =>
      sets.cloneCriteriaSet(db, params, ctx.meta.locale ?? 'vi'),
    ),
    createCriteriaSetVersion: contractAction(
      contracts.createCriteriaSetVersion,
      (params, _user, ctx) => sets.createCriteriaSetVersion(db, params.id, ctx.meta.locale ?? 'vi'),
    ),
    previewCriteriaImport: contractAction(contracts.previewCriteriaImport, (params, _user, ctx) =>
      imports.previewCriteriaImport(params, ctx.meta.locale ?? 'vi'),
    ),
    commitCriteriaImport: contractAction(contracts.commitCriteriaImport, (params, _user, ctx) =>
      imports.commitCriteriaImport(db, params, ctx.meta.locale ?? 'vi'),
    ),
    exportCriteriaSet: contractAction(contracts.exportCriteriaSet, (params) =>
      sets.exportCriteriaSet(db, params),
    ),
    diffCriteriaSets: contractAction(contracts.diffCriteriaSets, (params) =>
      sets.diffCriteriaSets(db, params),
    ),
    listCriteriaSetTemplates: contractAction(contracts.listCriteriaSetTemplates, () =>
      imports.listCriteriaSetTemplates(),
    ),
    createCriteriaSetFromTemplate: contractAction(
      contracts.createCriteriaSetFromTemplate,
      (params, _user, ctx) =>
        imports.createCriteriaSetFromTemplate(db, params, ctx.meta.locale ?? 'vi'),
    ),
  };
}
