// User text (feature, file, session and label names) reaches plotly, which renders a subset of HTML: escape it.

/** The string as plain text for plotly titles, legends and hover templates: no tag, no link, no style. */
export function plainText(s: string): string {
  // plotly splits tags before it decodes entities, so escaped markup stays text; '%{' would be a template field
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/%\{/g, '%&#123;');
}
