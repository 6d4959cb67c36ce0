// Share links in KV: one small record listing them all, looked up by the token's hash.
import { ShareLink, ShareLinks } from '../../data/share.ts';
import type { KvLike } from '../../sync/store/matrix-store.ts';

const KEY = 'v1/share-links';

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 256 random bits: far past the 128 that make guessing hopeless. */
export function newToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

export function newLinkId(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(9)));
}

export async function tokenHash(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Equal-length strings compared without an early exit, so timing says nothing about a match. */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export type LinkState = 'active' | 'expired' | 'revoked';

export function linkState(link: ShareLink, now: Date): LinkState {
  if (link.revokedAt) return 'revoked';
  return Date.parse(link.expiresAt) <= now.getTime() ? 'expired' : 'active';
}

export class ShareStore {
  constructor(private readonly kv: KvLike) {}

  async all(): Promise<ShareLink[]> {
    const text = await this.kv.get(KEY, 'text');
    if (text === null) return [];
    const parsed = ShareLinks.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error('The stored share links do not match their schema.');
    return parsed.data.links;
  }

  async save(links: ShareLink[]): Promise<void> {
    await this.kv.put(KEY, JSON.stringify({ schemaVersion: 1, links } satisfies ShareLinks));
  }

  /**
   * The link a token opens, or null. Every stored hash is compared (no early exit), each in
   * constant time, so neither a match nor a near miss shows in the timing.
   */
  async find(token: string): Promise<ShareLink | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const hash = await tokenHash(token);
    let found: ShareLink | null = null;
    for (const link of await this.all()) {
      if (constantTimeEqual(link.tokenHash, hash)) found = link;
    }
    return found;
  }

  async update(id: string, change: (link: ShareLink) => ShareLink): Promise<ShareLink | null> {
    const links = await this.all();
    const index = links.findIndex((l) => l.id === id);
    if (index === -1) return null;
    links[index] = ShareLink.parse(change(links[index]!));
    await this.save(links);
    return links[index]!;
  }
}
