// The plain pages a donor may meet: a link that is not (or no longer) valid. No script, no style,
// nothing loaded from anywhere.
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function sharePage(title: string, message: string, next?: string): string {
  const go = next ? escapeHtml(next) : null;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">${go ? `\n<meta http-equiv="refresh" content="0; url=${go}">` : ''}
<title>${escapeHtml(title)}</title>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>${go ? `\n<p><a href="${go}">${escapeHtml(OPENING.link)}</a></p>` : ''}
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
