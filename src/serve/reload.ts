/** Where pages listen for "reload": a server-sent event stream the preview alone serves. */
export const reloadPath = '/__fieldguide/reload';

/** The script a preview adds to each HTML page: reload when the server says the site changed. */
const reloadScript = `<script>new EventSource(${JSON.stringify(reloadPath)}).onmessage = () => location.reload();</script>`;

/** An HTML page with the reload script before `</body>` (or at the end when it has none). */
export function withReload(html: string): string {
  const at = html.lastIndexOf('</body>');
  return at < 0 ? html + reloadScript : html.slice(0, at) + reloadScript + html.slice(at);
}
