/**
 * Message text rendered as text (Preact escapes it): only http(s) URLs become links, opened
 * in a new tab without access to this window. Trailing punctuation stays outside the link.
 */
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi;

export function LinkedText({ text }: { text: string }) {
  const parts: (string | preact.JSX.Element)[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(/[.,;:!?)\]}'"]+$/, '');
    const start = match.index;
    parts.push(text.slice(last, start));
    parts.push(
      <a href={url} target="_blank" rel="noopener noreferrer nofollow">
        {url}
      </a>,
    );
    last = start + url.length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}
