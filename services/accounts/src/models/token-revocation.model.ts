/** Token revocations of disabled accounts: one document per user, the latest revocation wins. */
import { Schema, type Connection, type Model } from 'mongoose';

export interface TokenRevocationDocument {
  userId: string;
  revokedAt: Date;
  /**
   * When every token issued before `revokedAt` has expired; later the document is pruned.
   * Pruned by the service, because FerretDB has no TTL index.
   */
  expiresAt: Date;
}

const tokenRevocationSchema = new Schema<TokenRevocationDocument>(
  {
    userId: { type: String, required: true, unique: true },
    revokedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true, index: true },
  },
  { collection: 'tokenRevocations', versionKey: false },
);

export function tokenRevocationModel(db: Connection): Model<TokenRevocationDocument> {
  return (
    (db.models.TokenRevocation as Model<TokenRevocationDocument>) ??
    db.model<TokenRevocationDocument>('TokenRevocation', tokenRevocationSchema)
  );
}
