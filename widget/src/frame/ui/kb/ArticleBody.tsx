/** An article's tree (parsed and checked by the server) as elements: no article text is ever HTML. */
import type { ArticleBlock, ArticleInline } from '@counter/shared';

function Inline({ node }: { node: ArticleInline }) {
  if (node.type === 'bold') return <strong>{node.text}</strong>;
  if (node.type === 'link') {
    return (
      <a href={node.href} target="_blank" rel="noopener noreferrer">
        {node.text}
      </a>
    );
  }
  return <>{node.text}</>;
}

const line = (nodes: ArticleInline[]) => nodes.map((node, i) => <Inline key={i} node={node} />);

export function ArticleBody({ blocks }: { blocks: ArticleBlock[] }) {
  return (
    <>
      {blocks.map((block, i) => {
        if (block.type === 'paragraph') return <p key={i}>{line(block.content)}</p>;
        const items = block.items.map((item, j) => <li key={j}>{line(item)}</li>);
        return block.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
      })}
    </>
  );
}
