/**
 * The service's own write path for entries (`entryStore` + the service kit's
 * `writeKeyedVersion`) on the local database, in both layouts, from 8 connections of one socket
 * each, as from 8 service nodes: of 8 saves of one entry at one version exactly one wins, the
 * first save (an insert) included; the 7 others are told so and the entry holds the winner's
 * values. `deploy/test/integration/entry-layout-exclusivity.spec.ts` guards the bare layout.
 */
import { writeKeyedVersion } from '@par/service-kit';
import { racingConnections } from '../../../../test/support/racers';
import {
  entryId,
  entryStore,
  type EntryDocument,
  type EntryLayout,
} from '../../src/models/entry.model';

const RACERS = 8;
const ROUNDS = 5;
const PERIOD = '0123456789abcdef01234567';

describe.each<EntryLayout>(['unitArea', 'single'])('entry saves in the %s layout', (layout) => {
  const racers = racingConnections(`entry-store-${layout}`, RACERS);

  it('lets exactly one of 8 saves of one entry win, at its first save and at every later one', async () => {
    const stores = racers().map((db) => entryStore(db, layout));
    await stores[0]!.init();
    for (let round = 0; round < ROUNDS; round++) {
      const code = `1.${round + 1}`;
      const unit = `U-${layout}`;
      const id = entryId(layout, PERIOD, unit, code);
      for (const version of [0, 1, 2]) {
        const fields = (i: number): Omit<EntryDocument, '_id' | 'version'> => ({
          periodId: PERIOD,
          unitCode: unit,
          criterionCode: code,
          inputs: { value: 25 * i },
          score: 25 * i,
          percent: null,
          explanation: `Cán bộ ${i}, lần ${version}`,
          missingEvidenceExplanation: '',
          updatedAt: new Date(),
          updatedBy: { id: `u${i}`, username: `canbo${i}` },
        });
        const won = await Promise.all(
          stores.map((store, i) =>
            writeKeyedVersion(store.collection(PERIOD, unit, '1'), id, version, fields(i)),
          ),
        );
        expect([round, version, won.filter(Boolean).length]).toEqual([round, version, 1]);
        const winner = won.indexOf(true);
        const stored = await stores[0]!.entry(PERIOD, unit, '1', code);
        expect(stored).toMatchObject({
          score: 25 * winner,
          explanation: `Cán bộ ${winner}, lần ${version}`,
          version: version + 1,
        });
      }
    }
    // The unit's entries come back whole, and the period's too.
    const unitEntries = await stores[0]!.unitEntries(PERIOD, `U-${layout}`, ['1']);
    expect(unitEntries.map((e) => [e.criterionCode, e.version]).sort()).toEqual(
      Array.from({ length: ROUNDS }, (_, r) => [`1.${r + 1}`, 3]),
    );
    expect(await stores[0]!.periodEntries(PERIOD)).toHaveLength(ROUNDS);
  });
});
