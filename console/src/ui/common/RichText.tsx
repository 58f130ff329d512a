/**
 * Text someone typed (a shopper, above all), rendered only as text nodes. Links are made
 * for http(s) URLs alone, opened without giving the page a handle on the console.
 */
import { linkify } from '../../lib/linkify.js';

export function RichText({ text }: { text: string }) {
  return (
    <>
      {linkify(text).map((segment, i) =>
        segment.kind === 'link' ? (
          <a key={i} href={segment.href} target="_blank" rel="noopener noreferrer nofollow">
            {segment.text}
          </a>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
