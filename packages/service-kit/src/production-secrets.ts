/**
 * The check a service runs before anything else when `NODE_ENV=production`: no secret it reads
 * may be missing, empty, a placeholder from an example file (`change-me`) or shorter than 32
 * characters. A portal started with `.env.example`'s values would otherwise run with secrets
 * anyone can read in this repository.
 */

/** Shortest secret accepted in production. */
export const minSecretLength = 32;

/** Environment variables that hold a secret: passwords, client secrets, secret keys. */
const secretName = /^PAR_[A-Z0-9_]*(PASSWORD|SECRET|SECRET_KEY)$/;

const placeholder = /change-?me|changeit|placeholder/i;

export interface SecretProblem {
  variable: string;
  problem: 'missing' | 'empty' | 'placeholder' | 'short';
}

/**
 * What is wrong with the secrets of the environment: every `PAR_*_PASSWORD`, `PAR_*_SECRET` and
 * `PAR_*_SECRET_KEY` present, and the `required` ones even when absent.
 */
export function findSecretProblems(
  env: NodeJS.ProcessEnv,
  required: readonly string[] = [],
): SecretProblem[] {
  const names = new Set([...required, ...Object.keys(env).filter((name) => secretName.test(name))]);
  const problems: SecretProblem[] = [];
  for (const variable of [...names].sort()) {
    const value = env[variable];
    if (value === undefined) problems.push({ variable, problem: 'missing' });
    else if (value.trim() === '') problems.push({ variable, problem: 'empty' });
    else if (placeholder.test(value)) problems.push({ variable, problem: 'placeholder' });
    else if (value.length < minSecretLength) problems.push({ variable, problem: 'short' });
  }
  return problems;
}

const explain: Record<SecretProblem['problem'], string> = {
  missing: 'is not set',
  empty: 'is empty',
  placeholder: 'is still a placeholder (change-me)',
  short: `is shorter than ${minSecretLength} characters`,
};

/** True when the environment says this is a production start (the images set it). */
export const isProduction = (env: NodeJS.ProcessEnv): boolean => env.NODE_ENV === 'production';

/**
 * Throws, naming every bad variable, when this is a production start and a secret is missing,
 * empty, a placeholder or short; does nothing otherwise (the local stack generates its own).
 */
export function assertProductionSecrets(
  env: NodeJS.ProcessEnv,
  required: readonly string[] = [],
): void {
  if (!isProduction(env)) return;
  const problems = findSecretProblems(env, required);
  if (problems.length === 0) return;
  const lines = problems.map(({ variable, problem }) => `${variable} ${explain[problem]}`);
  throw new Error(
    `refusing to start with NODE_ENV=production: ${lines.join('; ')}. Set each to a random ` +
      `value of at least ${minSecretLength} characters (e.g. p$(openssl rand -hex 24)).`,
  );
}
