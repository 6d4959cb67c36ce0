// Turns one line of the PDF-converted Markdown into plain text: markup, footnote markers and escapes go.

/**
 * A footnote marker and the spaces before it. The spaces go too because the converter sometimes
 * put one before the marker ("messaging <sup>15</sup> should"); what follows the marker keeps its
 * own space or punctuation, so "motivated <sup>16</sup>." reads "motivated.".
 */
const FOOTNOTE_MARKER = /[ \t]*<sup>\d+<\/sup>/g;

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&nbsp;': ' ',
};

/** Drops a heading's `#` marks (the converter made headings of whatever the PDF set large). */
export function stripHeading(raw: string): string {
  return raw.replace(/^#+\s*/, '');
}

/** Plain text of a line's content: no footnote markers, HTML tags, emphasis, escapes or entities. */
export function cleanInline(raw: string): string {
  return (
    raw
      .replace(FOOTNOTE_MARKER, '')
      // A link keeps only its text: the sheet is read by people, not followed by machines.
      .replace(/<a\b[^>]*>(.*?)<\/a>/g, '$1')
      .replace(/<\/?(?:b|u|i|em|strong)>/g, '')
      .replaceAll('**', '')
      .replace(/\*([^*\s](?:[^*]*[^*\s])?)\*/g, '$1')
      // Markdown escapes ("US\$ 100,000") stand for the bare character.
      .replace(/\\([\\`*_{}[\]()#+\-.!$])/g, '$1')
      .replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (e) => ENTITIES[e] ?? e)
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Whether a line ends a sentence or clause, so the next paragraph is not its continuation. */
export function endsClause(text: string): boolean {
  return /[.:;!?]["'”’)\]]*$/.test(text);
}
