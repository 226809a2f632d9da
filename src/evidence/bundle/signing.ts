import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { sha256 } from '../../core/sha256.js';

/** DSSE (https://github.com/secure-systems-lab/dsse) carrying an in-toto Statement v1. */
export const DSSE_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const BUNDLE_PREDICATE_TYPE = 'https://soc2.dev/attestations/evidence-bundle/v1';

export interface InTotoStatement {
  _type: typeof STATEMENT_TYPE;
  subject: { name: string; digest: { sha256: string } }[];
  predicateType: string;
  predicate: Record<string, unknown>;
}

export interface DsseEnvelope {
  payload: string;
  payloadType: string;
  signatures: { keyid?: string; sig: string }[];
}

/** DSSE pre-authentication encoding: "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body. */
export function pae(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.length} `, 'ascii'),
    type,
    Buffer.from(` ${payload.length} `, 'ascii'),
    payload,
  ]);
}

/** The key id: SHA-256 of the public key's DER SubjectPublicKeyInfo, in hex. */
export function keyId(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return sha256(publicKey.export({ type: 'spki', format: 'der' }));
}

export function generateSigningKeys(): { privatePem: string; publicPem: string; keyid: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyid: keyId(publicKey),
  };
}

/** Reads an Ed25519 key from PEM; throws a plain message when it is not one. */
export function parseKey(pem: string | Buffer, kind: 'private' | 'public'): KeyObject {
  let key: KeyObject;
  try {
    key = kind === 'private' ? createPrivateKey(pem) : createPublicKey(pem);
  } catch {
    throw new Error(`not a PEM ${kind} key`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`expected an Ed25519 key, got ${key.asymmetricKeyType ?? 'an unknown key type'}`);
  }
  return key;
}

export function signStatement(statement: InTotoStatement, privateKey: KeyObject): DsseEnvelope {
  const payload = Buffer.from(JSON.stringify(statement), 'utf8');
  const sig = sign(null, pae(DSSE_PAYLOAD_TYPE, payload), privateKey);
  return {
    payload: payload.toString('base64'),
    payloadType: DSSE_PAYLOAD_TYPE,
    signatures: [{ keyid: keyId(privateKey), sig: sig.toString('base64') }],
  };
}

export type EnvelopeCheck = { ok: true; statement: InTotoStatement } | { ok: false; reason: string };

/** Verifies a DSSE envelope with a public key and returns its statement. */
export function verifyEnvelope(text: string, publicKey: KeyObject): EnvelopeCheck {
  let envelope: DsseEnvelope;
  try {
    envelope = JSON.parse(text) as DsseEnvelope;
  } catch {
    return { ok: false, reason: 'signature file is not JSON' };
  }
  if (envelope.payloadType !== DSSE_PAYLOAD_TYPE || typeof envelope.payload !== 'string') {
    return { ok: false, reason: `signature envelope is not a DSSE ${DSSE_PAYLOAD_TYPE} envelope` };
  }
  const payload = Buffer.from(envelope.payload, 'base64');
  const message = pae(envelope.payloadType, payload);
  const signatures = Array.isArray(envelope.signatures) ? envelope.signatures : [];
  const valid = signatures.some(
    (s) => typeof s.sig === 'string' && verify(null, message, publicKey, Buffer.from(s.sig, 'base64')),
  );
  if (!valid) return { ok: false, reason: 'signature does not verify with the given public key' };
  let statement: InTotoStatement;
  try {
    statement = JSON.parse(payload.toString('utf8')) as InTotoStatement;
  } catch {
    return { ok: false, reason: 'signed payload is not JSON' };
  }
  if (statement._type !== STATEMENT_TYPE || !Array.isArray(statement.subject)) {
    return { ok: false, reason: 'signed payload is not an in-toto Statement v1' };
  }
  return { ok: true, statement };
}
