// What the fake Google's global setup provides to tests (vitest's provide/inject).
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The fake Google's base URL (token endpoint at /token, Drive at /drive/v3, Sheets at /v4). */
    googleUrl: string;
    /** A PKCS#8 private key whose public half tests register with the fake for their accounts. */
    googlePrivateKey: string;
    googlePublicKey: string;
    /** stdout of `npm run sheet -- check data/matrix.csv --json`, run once before the tests. */
    sheetCheckJson: string;
  }
}
