// Splitting a compact JWT into its parts and reading its header and claims, without trusting them.
import { decodeBase64Url } from 'hono/utils/encode';
import { z } from 'zod';
import { AccessError } from './error.ts';

// Far above any real Access token (the same token travels as a cookie, so it stays a few KB), yet
// small enough that a hostile header cannot make the Worker decode megabytes.
const MAX_TOKEN_LENGTH = 64 * 1024;

// atob forgives whitespace and padding; a JWT segment has neither, so anything else is refused.
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export const JwtHeader = z.object({
  alg: z.string(),
  kid: z.string().min(1).optional(),
  typ: z.string().optional(),
});
export type JwtHeader = z.infer<typeof JwtHeader>;

export const AccessClaims = z.object({
  iss: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
  exp: z.number(),
  nbf: z.number().optional(),
  iat: z.number().optional(),
  sub: z.string().optional(),
  // Service tokens carry common_name instead of an email.
  email: z.string().optional(),
  // A custom claim whose shape depends on the identity provider. A shape we do not understand
  // means no groups (so no group-based rights), rather than a refused sign-in.
  groups: z.array(z.string()).optional().catch(undefined),
});
export type AccessClaims = z.infer<typeof AccessClaims>;

export interface ParsedJwt {
  header: JwtHeader;
  claims: AccessClaims;
  /** The bytes the signature covers: the header and payload segments exactly as sent. */
  signingInput: Uint8Array<ArrayBuffer>;
  signature: Uint8Array<ArrayBuffer>;
}

function decodeSegment(segment: string): Uint8Array<ArrayBuffer> {
  if (!BASE64URL.test(segment) || segment.length % 4 === 1) throw new AccessError('malformed');
  try {
    // A copy on a plain ArrayBuffer: WebCrypto's types refuse views that might be shared memory.
    return new Uint8Array(decodeBase64Url(segment));
  } catch (cause) {
    throw new AccessError('malformed', { cause });
  }
}

function decodeJson(segment: string): unknown {
  try {
    return JSON.parse(
      new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(decodeSegment(segment)),
    );
  } catch (cause) {
    throw cause instanceof AccessError ? cause : new AccessError('malformed', { cause });
  }
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new AccessError('malformed', { cause: result.error });
  return result.data;
}

/** Structure only: the caller still has to check the algorithm, the signature and the claims. */
export function parseJwt(token: string): ParsedJwt {
  if (token.length > MAX_TOKEN_LENGTH) throw new AccessError('malformed');
  const parts = token.split('.');
  if (parts.length !== 3) throw new AccessError('malformed');
  const [header = '', payload = '', signature = ''] = parts;
  if (header === '' || payload === '') throw new AccessError('malformed');
  return {
    header: parseWith(JwtHeader, decodeJson(header)),
    claims: parseWith(AccessClaims, decodeJson(payload)),
    signingInput: new Uint8Array(new TextEncoder().encode(`${header}.${payload}`)),
    signature: decodeSegment(signature),
  };
}
