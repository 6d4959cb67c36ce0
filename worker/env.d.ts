// Bindings `wrangler types` cannot see: secrets, and optional vars left out of wrangler.toml.
declare namespace Cloudflare {
  interface Env {
    /** Secret: the service account's JSON key file, as downloaded. */
    GOOGLE_SERVICE_ACCOUNT?: string;
    /** Which matrix (evaluation) this Worker serves; "default" when unset. */
    MATRIX?: string;
    SYNC_BUDGET_SECONDS?: string;
    GOOGLE_TIMEOUT_SECONDS?: string;
    RETRY_BASE_MS?: string;
  }
}
