import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** A random URL-safe secret, with an optional readable prefix so leaked tokens can be recognised. */
export const newSecret = (prefix = '') => prefix + randomBytes(32).toString('base64url');

/** Session, reset and API tokens are stored only as SHA-256 digests: they are long and random. */
export const digest = (secret: string) => createHash('sha256').update(secret).digest('hex');

// Argon2id with OWASP's recommended memory/time; Algorithm.Argon2id is 2 in @node-rs/argon2.
const ARGON2ID = 2;
export const hashPassword = (password: string) =>
  hash(password, { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 });

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  // Compare against a fixed hash when there is none so unknown accounts take as long as known ones.
  const target = passwordHash ?? (await dummyHash());
  try {
    return (await verify(target, password)) && passwordHash !== null;
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
const dummyHash = () => {
  dummy ??= hashPassword(newSecret());
  return dummy;
};
