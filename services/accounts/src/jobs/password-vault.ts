/**
 * Temporary passwords at rest: AES-256-GCM under a key derived from the service's secret
 * `PAR_ACCOUNTS_JOB_SECRET_KEY`, each bound to its job and account (additional data), so a
 * ciphertext copied onto another account's row does not decrypt.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** The variable holding the secret; production start refuses it missing or a placeholder. */
export const jobSecretVariable = 'PAR_ACCOUNTS_JOB_SECRET_KEY';

const ivLength = 12;
const tagLength = 16;

export class PasswordVault {
  private readonly key: Buffer;

  /** `secret` is any string of enough entropy; the AES key is derived from it with HKDF. */
  constructor(secret: string) {
    if (!secret) throw new Error('the password vault needs a secret');
    this.key = Buffer.from(
      hkdfSync('sha256', secret, 'par-accounts', 'account-job-temporary-passwords', 32),
    );
  }

  /** `iv ‖ tag ‖ ciphertext` in base64. */
  encrypt(plain: string, boundTo: string): string {
    const iv = randomBytes(ivLength);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: tagLength });
    cipher.setAAD(Buffer.from(boundTo, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  /** Throws when the key differs or the text was altered or bound to something else. */
  decrypt(sealed: string, boundTo: string): string {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, ivLength), {
      authTagLength: tagLength,
    });
    decipher.setAAD(Buffer.from(boundTo, 'utf8'));
    decipher.setAuthTag(raw.subarray(ivLength, ivLength + tagLength));
    return Buffer.concat([
      decipher.update(raw.subarray(ivLength + tagLength)),
      decipher.final(),
    ]).toString('utf8');
  }
}

/**
 * The vault of this node. Production start has already refused a missing or placeholder secret
 * (`main.ts`); elsewhere a missing one gets a random key of this process, so the passwords of a
 * job do not survive a restart of the node (fetching them then says they cannot be decrypted).
 */
export function vaultFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  warn: (message: string) => void = () => undefined,
): PasswordVault {
  const secret = env[jobSecretVariable];
  if (secret) return new PasswordVault(secret);
  warn(
    `${jobSecretVariable} is not set: temporary passwords of account jobs use a key of this process only`,
  );
  return new PasswordVault(randomBytes(32).toString('hex'));
}
