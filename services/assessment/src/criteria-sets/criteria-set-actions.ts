/** The assessment service's actions on indices and criteria sets, bound to its database. */
import type { ServiceSchema } from 'moleculer';
import type { Connection } from 'mongoose';
import { criteriaSetActions as contracts } from '@par/contracts';
import { contractAction } from '@par/service-kit';
import * as sets from './criteria-sets';
import * as imports from './criteria-set-import';

export function criteriaSetActionHandlers(db: Connection): NonNullable<ServiceSchema['actions']> {
  return {
    listIndices: contractAction(contracts.listIndices, () => sets.listIndices(db)),
    createIndex: contractAction(contracts.createIndex, (params, user) =>
      sets.createIndex(db, params, user),
    ),
    listCriteriaSets: contractAction(contracts.listCriteriaSets, (params) =>
      sets.listCriteriaSets(db, params),
    ),
    getCriteriaSet: contractAction(contracts.getCriteriaSet, (params, _user, ctx) =>
      sets.getCriteriaSet(db, params.id, ctx.meta.locale ?? 'vi'),
    ),
    createCriteriaSet: contractAction(contracts.createCriteriaSet, (params, user, ctx) =>
      sets.createCriteriaSet(db, params, ctx.meta.locale ?? 'vi', user),
    ),
    saveCriteriaSet: contractAction(contracts.saveCriteriaSet, (params, user, ctx) =>
      sets.saveCriteriaSet(db, params, ctx.meta.locale ?? 'vi', user),
    ),
    deleteCriteriaSet: contractAction(contracts.deleteCriteriaSet, (params, user, ctx) =>
      sets.deleteCriteriaSet(db, params, ctx.meta.locale ?? 'vi', user),
    ),
    validateCriteriaSet: contractAction(contracts.validateCriteriaSet, (params, _user, ctx) =>
      sets.validateUnsavedNodes(db, params, ctx.meta.locale ?? 'vi'),
    ),
    cloneCriteriaSet: contractAction(contracts.cloneCriteriaSet, (params, user, ctx) =>
      sets.cloneCriteriaSet(db, params, ctx.meta.locale ?? 'vi', user),
    ),
    createCriteriaSetVersion: contractAction(
      contracts.createCriteriaSetVersion,
      (params, user, ctx) =>
        sets.createCriteriaSetVersion(db, params.id, ctx.meta.locale ?? 'vi', user),
    ),
    previewCriteriaImport: contractAction(contracts.previewCriteriaImport, (params, _user, ctx) =>
      imports.previewCriteriaImport(params, ctx.meta.locale ?? 'vi'),
    ),
    commitCriteriaImport: contractAction(contracts.commitCriteriaImport, (params, user, ctx) =>
      imports.commitCriteriaImport(db, params, ctx.meta.locale ?? 'vi', user),
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
      (params, user, ctx) =>
        imports.createCriteriaSetFromTemplate(db, params, ctx.meta.locale ?? 'vi', user),
    ),
  };
}
