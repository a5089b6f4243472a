/**
 * Questionnaires: a draft the admin edits at its version, and numbered published versions that
 * never change (each written once under its own `_id`).
 */
import { isDeepStrictEqual } from 'node:util';
import { Types, type Connection } from 'mongoose';
import {
  questionsOf,
  type AuthUser,
  type Questionnaire,
  type QuestionnaireDefinition,
  type QuestionnaireList,
  type QuestionnaireVersion,
} from '@par/contracts';
import { PortalError, versionedDocuments, wakeOutboxRelay } from '@par/service-kit';
import { auditItem } from '../models/audit-entry.model';
import { questionnaireModel, type QuestionnaireDocument } from '../models/questionnaire.model';
import {
  questionnaireVersionId,
  questionnaireVersionModel,
  type QuestionnaireVersionDocument,
} from '../models/questionnaire-version.model';

const notFound = () => new PortalError('E_NOT_FOUND', { key: 'survey.questionnaire.notFound' });

async function toQuestionnaire(db: Connection, doc: QuestionnaireDocument): Promise<Questionnaire> {
  const versions = await questionnaireVersionModel(db)
    .find(
      { questionnaireId: doc._id.toHexString() },
      { definition: 1, number: 1, publishedAt: 1, publishedBy: 1 },
    )
    .sort({ number: -1 })
    .lean<QuestionnaireVersionDocument[]>();
  return {
    id: doc._id.toHexString(),
    draft: doc.draft,
    versions: versions.map((v) => ({
      number: v.number,
      title: v.definition.title,
      questionCount: questionsOf(v.definition).length,
      publishedAt: v.publishedAt.toISOString(),
      publishedBy: v.publishedBy,
    })),
    version: doc.version,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

export const toQuestionnaireVersion = (v: QuestionnaireVersionDocument): QuestionnaireVersion => ({
  questionnaireId: v.questionnaireId,
  number: v.number,
  definition: v.definition,
  publishedAt: v.publishedAt.toISOString(),
  publishedBy: v.publishedBy,
});

/** The policy of the drafts' versions; 409s carry the questionnaire as it is now. */
const versionedQuestionnaires = (db: Connection) =>
  versionedDocuments({
    model: questionnaireModel,
    toCurrent: (doc: QuestionnaireDocument) => toQuestionnaire(db, doc),
    stale: () => ({ key: 'survey.questionnaire.version.stale', field: 'version' }),
    notFound: { key: 'survey.questionnaire.notFound' },
  });

export async function listQuestionnaires(
  db: Connection,
  params: { limit: number; offset: number },
): Promise<QuestionnaireList> {
  const model = questionnaireModel(db);
  const [docs, total] = await Promise.all([
    model
      .find({}, { 'draft.title': 1, latestVersion: 1, version: 1, updatedAt: 1 })
      .sort({ updatedAt: -1 })
      .skip(params.offset)
      .limit(params.limit)
      .lean<QuestionnaireDocument[]>(),
    model.countDocuments(),
  ]);
  return {
    items: docs.map((d) => ({
      id: d._id.toHexString(),
      title: d.draft.title,
      latestVersion: d.latestVersion > 0 ? d.latestVersion : null,
      version: d.version,
      updatedAt: d.updatedAt.toISOString(),
    })),
    total,
  };
}

export async function getQuestionnaire(db: Connection, id: string): Promise<Questionnaire> {
  return toQuestionnaire(db, await versionedQuestionnaires(db).find(db, id));
}

export async function createQuestionnaire(
  db: Connection,
  definition: QuestionnaireDefinition,
  user: AuthUser,
): Promise<Questionnaire> {
  const _id = new Types.ObjectId();
  const id = _id.toHexString();
  // The audit entry travels in the new document's outbox, written with it.
  await questionnaireModel(db).create([
    {
      _id,
      draft: definition,
      latestVersion: 0,
      outbox: [
        auditItem(user, {
          action: 'questionnaire.created',
          target: `questionnaire:${id}`,
          subject: id,
          before: null,
          after: { title: definition.title },
        }),
      ],
    },
  ]);
  await wakeOutboxRelay(db, questionnaireModel(db), _id);
  return getQuestionnaire(db, id);
}

export async function saveDraft(
  db: Connection,
  params: { id: string; definition: QuestionnaireDefinition; version: number },
  user: AuthUser,
): Promise<Questionnaire> {
  const v = versionedQuestionnaires(db);
  const before = await v.findAt(db, params.id, params.version);
  const written = await v.write(
    db,
    params.id,
    params.version,
    { $set: { draft: params.definition } },
    {
      outbox: [
        auditItem(user, {
          action: 'questionnaire.draftSaved',
          target: `questionnaire:${params.id}`,
          subject: params.id,
          before: { title: before.draft.title, version: before.version },
          after: { title: params.definition.title, version: before.version + 1 },
        }),
      ],
    },
  );
  return toQuestionnaire(db, written);
}

/**
 * Freezes the draft as the next number: the version document first, under its fixed `_id`
 * (of two racing publications one inserts, the other meets the duplicate), then the draft's
 * `latestVersion` at the version read. A node dying in between leaves the version written and
 * the draft behind: the next publication of the same draft finds it and only moves the draft.
 */
export async function publish(
  db: Connection,
  params: { id: string; version: number },
  user: AuthUser,
): Promise<QuestionnaireVersion> {
  const v = versionedQuestionnaires(db);
  const doc = await v.findAt(db, params.id, params.version);
  const versions = questionnaireVersionModel(db);
  if (doc.latestVersion > 0) {
    const latest = await versions
      .findById(questionnaireVersionId(params.id, doc.latestVersion))
      .lean<QuestionnaireVersionDocument>();
    if (latest && isDeepStrictEqual(latest.definition, doc.draft))
      throw new PortalError('E_CONFLICT', {
        key: 'survey.questionnaire.unchanged',
        params: { number: doc.latestVersion },
      });
  }
  const number = doc.latestVersion + 1;
  const _id = questionnaireVersionId(params.id, number);
  let frozen: QuestionnaireVersionDocument;
  try {
    const [written] = await versions.create([
      {
        _id,
        questionnaireId: params.id,
        number,
        definition: doc.draft,
        publishedAt: new Date(),
        publishedBy: { id: user.id, username: user.username },
      },
    ]);
    frozen = written!.toObject();
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
    const existing = await versions.findById(_id).lean<QuestionnaireVersionDocument>();
    if (!existing || !isDeepStrictEqual(existing.definition, doc.draft))
      throw new PortalError('E_CONFLICT', {
        key: 'survey.questionnaire.version.stale',
        fields: [{ field: 'version', key: 'survey.questionnaire.version.stale' }],
      });
    frozen = existing;
  }
  await v.write(
    db,
    params.id,
    params.version,
    { $set: { latestVersion: number } },
    {
      outbox: [
        auditItem(user, {
          action: 'questionnaire.published',
          target: `questionnaire:${params.id}`,
          subject: params.id,
          before: null,
          after: { number, title: doc.draft.title },
        }),
      ],
    },
  );
  return toQuestionnaireVersion(frozen);
}

export async function getVersion(
  db: Connection,
  questionnaireId: string,
  number: number,
): Promise<QuestionnaireVersionDocument> {
  const found = await questionnaireVersionModel(db)
    .findById(questionnaireVersionId(questionnaireId, number))
    .lean<QuestionnaireVersionDocument>();
  if (!found) throw notFound();
  return found;
}
