// Who is asking, as every route sees it: this machine, a signed-in member of staff, or a donor link.
import type { ShareLink } from '../data/share.ts';

export type Caller =
  /** `wrangler dev` on loopback while Access is not configured: the README's run command. */
  | { kind: 'local'; email: null; admin: true }
  /** Signed in through Cloudflare Access (the JWT verified by the Worker). */
  | { kind: 'staff'; email: string; admin: boolean }
  /** A donor's read-only share link (its cookie). */
  | { kind: 'donor'; email: null; admin: false; link: ShareLink };

export interface AppEnv {
  Bindings: Env;
  Variables: { caller: Caller };
}
