// The Access team's origin: where its certs live and what its tokens name as issuer.

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * "myteam", "myteam.cloudflareaccess.com" or "https://myteam.cloudflareaccess.com/" all become
 * "https://myteam.cloudflareaccess.com". Plain http is kept only for loopback, where tests serve
 * their own certs; anywhere else the keys must come over TLS.
 */
export function teamOrigin(teamDomain: string): string {
  const value = teamDomain.trim();
  const withHost = /^[a-z0-9-]+$/i.test(value) ? `${value}.cloudflareaccess.com` : value;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(withHost) ? withHost : `https://${withHost}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error('ACCESS_TEAM_DOMAIN is not a host name like myteam.cloudflareaccess.com.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(
      'ACCESS_TEAM_DOMAIN must be an https origin like https://myteam.cloudflareaccess.com.',
    );
  }
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) url.protocol = 'https:';
  return url.origin;
}
