import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (19 MiB, 2 passes): OWASP's recommended minimum. */
export const hashPassword = (password: string) => hash(password);

// Verifying against this when no account matches keeps a wrong e-mail as slow as a wrong password.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$OvEl4bKA4ZROwnquk3aILA$P1sZ3SGLcKCsTs5ob3Pb9np6j3crwBCpzxozMAho8/M';

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    const ok = await verify(passwordHash ?? DUMMY_HASH, password);
    return ok && passwordHash !== null;
  } catch {
    return false;
  }
}
