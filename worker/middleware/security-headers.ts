// Headers every response carries: a strict Content Security Policy and the usual hardening.
import { secureHeaders } from 'hono/secure-headers';

/**
 * No inline script or style anywhere: Lit's adopted stylesheets and D3's CSSOM writes need
 * neither. Chart PNG export draws the chart's SVG from a blob: URL onto a canvas.
 */
export const securityHeaders = (frameAncestors: string[] = ["'none'"]) =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'blob:', 'data:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors,
    },
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    xFrameOptions: frameAncestors.includes("'none'") ? 'DENY' : false,
    referrerPolicy: 'strict-origin-when-cross-origin',
    crossOriginResourcePolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
  });
