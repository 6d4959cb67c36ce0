// Vitest global setup: one fake Google for the run, and a service-account key pair it trusts.
import { generateKeyPairSync } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { type FakeGoogle, startFakeGoogle } from './server.ts';

let google: FakeGoogle | undefined;

export default async function setup(project: TestProject) {
  google = await startFakeGoogle();
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  project.provide('googleUrl', google.url);
  project.provide(
    'googlePrivateKey',
    privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
  project.provide('googlePublicKey', publicKey.export({ type: 'spki', format: 'pem' }).toString());
  return async () => {
    await google?.close();
  };
}
