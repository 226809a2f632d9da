import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../../engine/errors.js';
import { generateSigningKeys } from '../../evidence/bundle/signing.js';

export interface KeygenFlags {
  out: string;
  force?: boolean;
}

/** Writes PREFIX.key (PKCS#8 PEM, mode 0600) and PREFIX.pub (SPKI PEM), an Ed25519 pair. */
export async function keygenCommand(flags: KeygenFlags): Promise<number> {
  const privateFile = resolve(`${flags.out}.key`);
  const publicFile = resolve(`${flags.out}.pub`);
  for (const file of [privateFile, publicFile]) {
    if (existsSync(file) && !flags.force) {
      throw new InputError([{ file, message: 'already exists; pass --force to replace it' }]);
    }
  }
  const keys = generateSigningKeys();
  mkdirSync(dirname(privateFile), { recursive: true });
  writeFileSync(privateFile, keys.privatePem, { mode: 0o600, flag: flags.force ? 'w' : 'wx' });
  chmodSync(privateFile, 0o600);
  writeFileSync(publicFile, keys.publicPem, { mode: 0o644, flag: flags.force ? 'w' : 'wx' });
  process.stderr.write(
    `Ed25519 key pair written:\n  private ${privateFile} (keep it secret; mode 0600)\n  public  ${publicFile} (give it to your auditor)\n  key id  ${keys.keyid}\n`,
  );
  return 0;
}
