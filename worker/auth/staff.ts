// The gate for leadership and staff: a Cloudflare Access JWT the Worker verifies itself.
import { createMiddleware } from 'hono/factory';
import { AccessError, accessToken, verifyAccessJwt } from '../access/verify.ts';
import { readConfig } from '../config.ts';
import type { AppEnv } from '../context.ts';
import { apiError } from '../errors.ts';
import { isLocalRequest } from './local.ts';

export const ACCESS_SETUP =
  'Put the Worker behind Cloudflare Access and set ACCESS_TEAM_DOMAIN (e.g. myteam.cloudflareaccess.com) and ACCESS_AUD (the application’s Audience tag) in wrangler.toml; see the README’s “Access” section.';

/**
 * Staff routes: a valid Access JWT (signature, issuer, audience, expiry), never just the header's
 * presence. Without Access configured, only this machine gets in; everyone else is told why.
 */
export const staffGate = createMiddleware<AppEnv>(async (c, next) => {
  const config = readConfig(c.env);
  if (config.access === null) {
    if (!isLocalRequest(c.req.raw)) {
      throw apiError(503, {
        message: 'Sign-in is not configured, so this dashboard is not open yet.',
        action: ACCESS_SETUP,
      });
    }
    c.set('caller', { kind: 'local', email: null, admin: true });
    return next();
  }
  try {
    const identity = await verifyAccessJwt(accessToken(c.req.raw), config.access);
    const email = identity.email.toLowerCase();
    const admin =
      (email !== '' && config.adminEmails.includes(email)) ||
      identity.groups.some((g) => config.adminGroups.includes(g));
    c.set('caller', { kind: 'staff', email, admin });
  } catch (error) {
    if (error instanceof AccessError) {
      const unavailable = error.reason === 'certs-unavailable';
      throw apiError(unavailable ? 503 : 401, {
        message: unavailable
          ? 'Sign-in could not be checked right now (the Access keys could not be fetched). Try again in a minute.'
          : 'Your sign-in could not be verified. Open the dashboard through its Cloudflare Access address and sign in again.',
      });
    }
    throw error;
  }
  return next();
});
