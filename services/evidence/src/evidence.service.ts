/** The evidence service: evidence metadata in its database; the files themselves live in MinIO behind presigned URLs. */
import type { ServiceSchema } from 'moleculer';
import type { Connection } from 'mongoose';
import { evidenceActions as a } from '@par/contracts';
import { contractAction } from '@par/service-kit';
import { evidenceSettings } from './evidence-settings';
import * as files from './files/evidence-files';
import { evidenceFileModel } from './models/evidence-file.model';
import { evidenceSetModel } from './models/evidence-set.model';
import { evidenceStorage } from './storage/evidence-storage';

export function evidenceService(db: Connection): ServiceSchema {
  const settings = evidenceSettings();
  const deps: files.EvidenceDeps = { db, settings, storage: evidenceStorage(settings.storage) };
  let sweepTimer: NodeJS.Timeout | undefined;

  return {
    name: 'evidence',

    actions: {
      requestUpload: contractAction(a.requestUpload, (params, user) =>
        files.requestUpload(deps, params, user),
      ),
      confirmUpload: contractAction(a.confirmUpload, (params, user, ctx) =>
        files.confirmUpload(deps, params.id, user, ctx.meta.locale ?? 'vi'),
      ),
      listFiles: contractAction(a.listFiles, (params, user) => files.listFiles(deps, params, user)),
      getDownloadUrl: contractAction(a.getDownloadUrl, (params, user) =>
        files.getDownloadUrl(deps, params.id, user),
      ),
      attach: contractAction(a.attach, (params, user) => files.attach(deps, params, user)),
      detach: contractAction(a.detach, (params, user) => files.detach(deps, params, user)),
      deleteFile: contractAction(a.deleteFile, (params, user) =>
        files.deleteFile(deps, params.id, user),
      ),
      // Bus only, for the assessment service's completeness checks and progress board.
      countFiles: contractAction(a.countFiles, (params) => files.countFiles(deps, params)),
    },

    async started() {
      await Promise.all([evidenceFileModel(db).init(), evidenceSetModel(db).init()]);
      // Versioning keeps an object's checked version even if its upload slot is replayed.
      await deps.storage.enableVersioning().catch((err: Error) => {
        this.logger.warn(`bucket versioning could not be enabled: ${err.message}`);
      });
      const sweep = () => {
        const olderThan = new Date(Date.now() - settings.pendingMaxAgeMs);
        files
          .sweepPending(deps, olderThan)
          .then((removed) => {
            if (removed) this.logger.info(`swept ${removed} evidence file(s) never confirmed`);
          })
          .catch((err: Error) => this.logger.warn(`evidence sweep failed: ${err.message}`));
      };
      sweepTimer = setInterval(sweep, settings.sweepIntervalMs);
      sweepTimer.unref();
      sweep();
    },

    stopped() {
      clearInterval(sweepTimer);
    },
  };
}
