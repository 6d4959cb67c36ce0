// RS256 JSON Web Tokens signed with WebCrypto: the service-account assertion Google's token endpoint takes.

export function base64url(bytes: Uint8Array | string): string {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  let binary = '';
  for (let i = 0; i < data.length; i++) binary += String.fromCharCode(data[i]!);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function pemToDer(pem: string): ArrayBuffer {
  const body = pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '');
  const binary = atob(body);
  const der = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) der[i] = binary.charCodeAt(i);
  return der.buffer;
}

type SigningKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

// Importing a key costs CPU; an isolate keeps the imported key for every later run.
const imported = new Map<string, Promise<SigningKey>>();

export function importPrivateKey(pem: string): Promise<SigningKey> {
  let key = imported.get(pem);
  if (!key) {
    key = crypto.subtle.importKey(
      'pkcs8',
      pemToDer(pem),
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    key.catch(() => imported.delete(pem));
    imported.set(pem, key);
  }
  return key;
}

export async function signJwt(
  claims: Record<string, unknown>,
  privateKeyPem: string,
  keyId?: string,
): Promise<string> {
  const header = { alg: 'RS256', typ: 'JWT', ...(keyId ? { kid: keyId } : {}) };
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const key = await importPrivateKey(privateKeyPem);
  const signature = await crypto.subtle.sign(
    'RSASSA-PKCS1-v1_5',
    key,
    new TextEncoder().encode(input),
  );
  return `${input}.${base64url(new Uint8Array(signature))}`;
}
