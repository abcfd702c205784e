/** The few pieces of HTML the printed documents (delårsrapport, dialogue meeting) are made of. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Text with blank lines between paragraphs, as people write it, as paragraphs. */
export const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .filter((p) => p.trim())
    .map((p) => `<p>${escapeHtml(p).replaceAll('\n', '<br>')}</p>`)
    .join('');

export const table = (caption: string, columns: readonly string[], rows: string[][]) =>
  `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.join('')}</tr>`)
    .join('')}</tbody></table>`;

export const td = (text: string, className = '') => `<td${className ? ` class="${className}"` : ''}>${escapeHtml(text)}</td>`;

/** A4 print styles shared by every printed document. */
export const PRINT_CSS = `
@page { size: A4; margin: 22mm 16mm 20mm; }
body { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; font-size: 9.5pt; color: #111; line-height: 1.4; }
h1 { font-size: 18pt; margin: 0 0 4pt; } h2 { font-size: 14pt; margin: 14pt 0 6pt; } h3 { font-size: 11pt; margin: 12pt 0 4pt; }
.state { color: #333; margin: 0 0 12pt; }
.break { break-before: page; }
h2, h3 { break-after: avoid; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 10pt; }
caption { text-align: left; font-weight: 600; padding-bottom: 2pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.5pt solid #888; padding: 2pt 4pt; text-align: left; vertical-align: top; }
th { background: #e8e8e8; }
td.num { white-space: nowrap; text-align: right; }
td.sub { padding-left: 14pt; }
svg text { font-size: 12px; fill: #111; }
.bar { fill: #1f5f8b; } .bar--negativ, .bar--ej-uppfyllt { fill: #a33; } .bar--none { fill: #999; }
figcaption { font-size: 8.5pt; color: #333; }
`;
