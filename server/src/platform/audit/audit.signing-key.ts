import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { checkpointKeyId } from './audit.checkpoint.ts';

/** The Ed25519 key that signs audit checkpoints, with its public half and key id. */
export interface CheckpointSigner {
  keyId: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export class SigningKeyError extends Error {}

/**
 * Reads the signing key (PKCS#8 PEM, Ed25519). With `generate`, a missing key is created with mode
 * 0600 in a 0700 folder — for development only; production configures a key kept elsewhere.
 * `warnings` says when every user on the machine may read the file.
 */
export async function loadSigningKey(
  file: string,
  options: { generate: boolean },
): Promise<{ signer: CheckpointSigner; generated: boolean; warnings: string[] }> {
  let pem: string;
  let generated = false;
  try {
    pem = await readFile(file, 'utf8');
  } catch (error) {
    if (!isMissing(error)) throw new SigningKeyError(`cannot read ${file}: ${describeError(error)}`);
    if (!options.generate) {
      throw new SigningKeyError(
        `${file} does not exist (create it with: openssl genpkey -algorithm ed25519)`,
      );
    }
    pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    try {
      await writeFile(file, pem, { mode: 0o600, flag: 'wx' });
      generated = true;
    } catch (writeError) {
      // Another process (the server, a CLI command) created it first: use theirs.
      if ((writeError as { code?: string }).code !== 'EEXIST') throw writeError;
      pem = await readFile(file, 'utf8');
    }
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (error) {
    throw new SigningKeyError(`${file} is not a private key in PEM: ${describeError(error)}`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new SigningKeyError(
      `${file} holds an ${privateKey.asymmetricKeyType} key; an Ed25519 key is needed`,
    );
  }
  const warnings: string[] = [];
  const { mode } = await stat(file);
  if ((mode & 0o007) !== 0) {
    warnings.push(
      `${file} is open to every user (mode ${(mode & 0o777).toString(8)}); allow only its owner (and group)`,
    );
  }
  const publicKey = createPublicKey(privateKey);
  return { signer: { keyId: checkpointKeyId(publicKey), privateKey, publicKey }, generated, warnings };
}

/** The public half of the signing key, if the key file exists (verification never creates one). */
export async function readSigningPublicKey(file: string): Promise<KeyObject | undefined> {
  if (!(await exists(file))) return undefined;
  return (await loadSigningKey(file, { generate: false })).signer.publicKey;
}

/**
 * Reads every Ed25519 key in a PEM file — public keys, or private keys whose public half is taken —
 * so an auditor can verify with the public keys alone, old ones included after a rotation.
 */
export async function readPublicKeys(file: string): Promise<KeyObject[]> {
  const text = await readFile(file, 'utf8');
  const blocks = text.match(/-----BEGIN ([A-Z ]+)-----[\s\S]*?-----END \1-----/g) ?? [];
  if (blocks.length === 0) throw new SigningKeyError(`${file} holds no PEM key`);
  return blocks.map((block) => {
    const key = block.includes('PRIVATE KEY')
      ? createPublicKey(createPrivateKey(block))
      : createPublicKey(block);
    if (key.asymmetricKeyType !== 'ed25519') {
      throw new SigningKeyError(`${file} holds an ${key.asymmetricKeyType} key; checkpoints use Ed25519`);
    }
    return key;
  });
}

/** The public key as SPKI PEM, to hand to auditors and keep with the backups. */
export function publicKeyPem(publicKey: KeyObject): string {
  return publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

function isMissing(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'ENOENT';
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
