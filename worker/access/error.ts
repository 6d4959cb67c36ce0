// Why an Access sign-in was refused, in words safe to show a signed-out visitor.

export type AccessFailure =
  | 'missing'
  | 'malformed'
  | 'algorithm'
  | 'unknown-key'
  | 'signature'
  | 'expired'
  | 'not-yet-valid'
  | 'issuer'
  | 'audience'
  | 'certs-unavailable';

// Fixed sentences, never built from the token or a fetch error: the message may reach the page of
// someone who is not signed in, and it must not echo what an attacker sent or what the Worker saw.
const MESSAGES: Record<AccessFailure, string> = {
  missing: 'No Cloudflare Access sign-in token came with the request.',
  malformed: 'The Cloudflare Access sign-in token is not a well-formed JWT.',
  algorithm: 'The Cloudflare Access sign-in token is not signed with RS256.',
  'unknown-key':
    'The Cloudflare Access sign-in token names a signing key the team does not publish.',
  signature: 'The Cloudflare Access sign-in token’s signature does not verify.',
  expired: 'The Cloudflare Access sign-in token has expired.',
  'not-yet-valid': 'The Cloudflare Access sign-in token is not valid yet.',
  issuer: 'The Cloudflare Access sign-in token was issued by another Access team.',
  audience: 'The Cloudflare Access sign-in token is for another Access application.',
  'certs-unavailable': 'The Cloudflare Access signing keys could not be fetched.',
};

export class AccessError extends Error {
  override readonly name = 'AccessError';

  constructor(
    readonly reason: AccessFailure,
    options?: ErrorOptions,
  ) {
    super(MESSAGES[reason], options);
  }
}
