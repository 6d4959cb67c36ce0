// The plain pages a donor may meet: a link that is not (or no longer) valid, and the landing of one
// that is. No script, no style, nothing loaded from anywhere.
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/** Hono's `html` escapes every value put into it, so no text here can become markup. */
export function sharePage(
  title: string,
  message: string,
  next?: string,
): HtmlEscapedString | Promise<HtmlEscapedString> {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
${next ? html`<meta http-equiv="refresh" content="0; url=${next}">` : ''}
<title>${title}</title>
</head>
<body>
<main>
<h1>${title}</h1>
<p>${message}</p>
${next ? html`<p><a href="${next}">${OPENING.link}</a></p>` : ''}
</main>
</body>
</html>
`;
}

/** The landing of a valid link, which moves on to the dashboard by itself. */
export const OPENING = {
  title: 'Opening the dashboard',
  message: 'Your read-only view of the management response dashboard is opening.',
  link: 'Open the dashboard',
};

export const EXPIRED = {
  title: 'This link has expired',
  message:
    'The share link you opened is no longer valid: it expired or was withdrawn. Ask the person who sent it to you for a new one.',
};

export const UNKNOWN = {
  title: 'This link does not work',
  message:
    'The share link you opened is not valid. Check that it was copied whole, or ask the person who sent it to you for a new one.',
};
