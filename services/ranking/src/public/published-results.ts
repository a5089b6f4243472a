/**
 * The published results as the public reads them: for each period, only its latest publication
 * (a republication replaces the one before), and of it only the ranked rows' standing — never a
 * draft, a blocker, an excluded unit or a leaf's source. A publication names a draft version and
 * drafts never change, so what is read of one publication is kept.
 */
import type { Connection } from 'mongoose';
import type {
  PublishedPeriod,
  PublishedRanking,
  PublishedRankingRow,
  PublishedResultsList,
  PublishedStanding,
  PublishedUnit,
} from '@par/contracts';
import { PortalError } from '@par/service-kit';
import { latestHeader, rowsOf } from '../consolidation/consolidations';
import {
  consolidationModel,
  type ConsolidationDocument,
  type ConsolidationRowDocument,
} from '../models/consolidation.model';
import { publicationModel, type PublicationDocument } from '../models/publication.model';
import type { LabelsOf } from './period-labels';

type StoredRow = ConsolidationRowDocument['row'];

/** One publication as read once: its draft's header and rows (without leaves), by group. */
interface PublishedTable {
  publication: PublicationDocument;
  header: ConsolidationDocument;
  groups: Array<{ unitGroup: string; rows: Array<Omit<StoredRow, 'leaves'>> }>;
}

/** Publications read, by `<periodId>:<number>`; bounded, the oldest read dropped first. */
const TABLES_KEPT = 64;
/** Publications' groups for the list (a few strings each). */
const GROUPS_KEPT = 1024;

export interface PublishedResultsDeps {
  db: Connection;
  labelsOf: LabelsOf;
}

export function publishedResults({ db, labelsOf }: PublishedResultsDeps) {
  const tables = new Map<string, Promise<PublishedTable>>();
  const headerGroups = new Map<string, Promise<string[]>>();

  /** Each period's latest publication, optionally of one index. */
  async function latestPublications(filter: { indexCode?: string } = {}) {
    const docs = await publicationModel(db)
      .find(filter, { outbox: 0 })
      .sort({ periodId: 1, number: 1 })
      .lean<PublicationDocument[]>();
    const latest = new Map<string, PublicationDocument>();
    for (const doc of docs) {
      const seen = latest.get(doc.periodId);
      if (!seen || seen.number < doc.number) latest.set(doc.periodId, doc);
    }
    return [...latest.values()];
  }

  async function readTable(publication: PublicationDocument): Promise<PublishedTable> {
    const { periodId, consolidationVersion } = publication;
    const [header, rows] = await Promise.all([
      latestHeader(db, periodId, consolidationVersion),
      rowsOf(db, periodId, consolidationVersion),
    ]);
    if (!header) throw new PortalError('E_NOT_FOUND', { key: 'ranking.public.notPublished' });
    const groups = header.groups.map((g) => ({
      unitGroup: g.unitGroup,
      rows: [] as PublishedTable['groups'][number]['rows'],
    }));
    for (const { row } of rows) {
      const { leaves, ...standing } = row;
      void leaves;
      let group = groups.find((g) => g.unitGroup === row.unitGroup);
      if (!group) groups.push((group = { unitGroup: row.unitGroup, rows: [] }));
      group.rows.push(standing);
    }
    return { publication, header, groups };
  }

  function tableOf(publication: PublicationDocument): Promise<PublishedTable> {
    const key = `${publication.periodId}:${publication.number}`;
    let table = tables.get(key);
    if (!table) {
      table = readTable(publication);
      tables.set(key, table);
      table.catch(() => tables.delete(key));
      if (tables.size > TABLES_KEPT) tables.delete(tables.keys().next().value!);
    }
    return table;
  }

  async function latestOf(periodId: string) {
    const docs = await publicationModel(db)
      .find({ periodId }, { outbox: 0 })
      .sort({ number: -1 })
      .limit(1)
      .lean<PublicationDocument[]>();
    if (!docs[0]) throw new PortalError('E_NOT_FOUND', { key: 'ranking.public.notPublished' });
    return tableOf(docs[0]);
  }

  /** A publication's groups: its draft's header alone (the list reads no rows). */
  function groupsOf(publication: PublicationDocument): Promise<string[]> {
    const key = `${publication.periodId}:${publication.number}`;
    let groups = headerGroups.get(key);
    if (!groups) {
      groups = consolidationModel(db)
        .findOne(
          { periodId: publication.periodId, version: publication.consolidationVersion },
          { groups: 1 },
        )
        .lean<Pick<ConsolidationDocument, 'groups'> | null>()
        .then((header) => {
          if (!header) throw new PortalError('E_NOT_FOUND', { key: 'ranking.public.notPublished' });
          return header.groups.map((g) => g.unitGroup);
        });
      headerGroups.set(key, groups);
      groups.catch(() => headerGroups.delete(key));
      if (headerGroups.size > GROUPS_KEPT) headerGroups.delete(headerGroups.keys().next().value!);
    }
    return groups;
  }

  async function periodOf(
    publication: PublicationDocument,
    groups: readonly string[],
  ): Promise<PublishedPeriod> {
    const labels = await labelsOf(publication.periodId);
    return {
      periodId: publication.periodId,
      periodName: labels?.periodName ?? publication.periodId,
      indexCode: publication.indexCode,
      year: publication.year,
      number: publication.number,
      publishedAt: publication.publishedAt.toISOString(),
      groups: groups.map((unitGroup) => ({ unitGroup })),
    };
  }

  const periodOfTable = (table: PublishedTable) =>
    periodOf(
      table.publication,
      table.groups.map((g) => g.unitGroup),
    );

  const rankingRow = (row: Omit<StoredRow, 'leaves'>): PublishedRankingRow => ({
    unitCode: row.unitCode,
    unitName: row.unitName,
    rank: row.rank,
    tied: row.tied,
    index: row.index,
    band: row.band,
    change: row.change,
  });

  return {
    async list(): Promise<PublishedResultsList> {
      const periods = await Promise.all(
        (await latestPublications()).map(async (p) => periodOf(p, await groupsOf(p))),
      );
      periods.sort(
        (a, b) =>
          b.year - a.year ||
          a.indexCode.localeCompare(b.indexCode) ||
          a.periodName.localeCompare(b.periodName, 'vi'),
      );
      return { items: periods };
    },

    async ranking(params: { periodId: string; unitGroup?: string }): Promise<PublishedRanking> {
      const table = await latestOf(params.periodId);
      const groups = table.groups.filter(
        (g) => params.unitGroup === undefined || g.unitGroup === params.unitGroup,
      );
      return {
        ...(await periodOfTable(table)),
        bands: table.header.bands,
        rankings: groups.map((g) => ({ unitGroup: g.unitGroup, rows: g.rows.map(rankingRow) })),
      };
    },

    async unit(params: { periodId: string; unitCode: string }): Promise<PublishedUnit> {
      const table = await latestOf(params.periodId);
      const found = findUnit(table, params.unitCode);
      if (!found)
        throw new PortalError('E_NOT_FOUND', {
          key: 'ranking.public.unitNotFound',
          params: { unit: params.unitCode },
        });
      const { row, groupSize } = found;
      const [{ groups, ...period }, labels] = await Promise.all([
        periodOfTable(table),
        labelsOf(params.periodId),
      ]);
      void groups;
      const titles = labels?.areaTitles.get(row.unitGroup);
      // The same index's other published periods, each at its latest publication.
      const others = await latestPublications({ indexCode: table.publication.indexCode });
      const history: PublishedStanding[] = [];
      for (const publication of others) {
        const other = await tableOf(publication);
        const standing = findUnit(other, params.unitCode);
        if (!standing) continue;
        history.push({
          periodId: publication.periodId,
          periodName: (await labelsOf(publication.periodId))?.periodName ?? publication.periodId,
          year: publication.year,
          number: publication.number,
          unitGroup: standing.row.unitGroup,
          rank: standing.row.rank,
          groupSize: standing.groupSize,
          index: standing.row.index,
          band: standing.row.band,
        });
      }
      history.sort((a, b) => a.year - b.year || a.periodName.localeCompare(b.periodName, 'vi'));
      return {
        ...period,
        unitCode: row.unitCode,
        unitName: row.unitName,
        unitGroup: row.unitGroup,
        rank: row.rank,
        tied: row.tied,
        groupSize,
        total: row.total,
        max: row.max,
        index: row.index,
        band: row.band,
        change: row.change,
        areas: row.areas.map((a) => ({
          code: a.code,
          title: titles?.get(a.code) ?? a.code,
          score: a.score,
          max: a.max,
          subIndex: a.subIndex,
        })),
        history,
      };
    },
  };
}

function findUnit(table: PublishedTable, unitCode: string) {
  for (const group of table.groups) {
    const row = group.rows.find((r) => r.unitCode === unitCode);
    if (row) return { row, groupSize: group.rows.length };
  }
  return undefined;
}
