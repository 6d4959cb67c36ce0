// The plain pages a donor may meet: a link that is not (or no longer) valid. No script, no style,
// nothing loaded from anywhere.
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function sharePage(title: string, message: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
</main>
</body>
</html>
`;
}

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
