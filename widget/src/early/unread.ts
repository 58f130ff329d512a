/**
 * The one request allowed before intent: a form body keeps it a CORS simple request (no
 * preflight); no cookies are sent. The server answers this form with the bare count as text
 * (`{"unread": n}` to the JSON text of earlier loaders): no JSON to parse. An error answer
 * reads as 0. (Moved here from the loader for room: only a browser with a conversation runs it.)
 */
export function checkUnread(origin: string, siteId: string, token: string, done: (n: number) => void): void {
  const request = new XMLHttpRequest();
  request.open('POST', origin + '/api/v1/visitor/unread');
  request.onload = () => done((request.responseText as unknown as number) | 0);
  request.send(new URLSearchParams({ siteId, token }));
}
