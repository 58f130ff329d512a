/**
 * A conversation's labels in its header: tags and the topic (issue 14 item 2). One lazy part:
 * adding the topic picker must not grow the console's first chunk, and moving the tag editor
 * out with it makes the first chunk smaller than before (55.74 -> 55.47 kB gzip).
 */
import type { Conversation } from '@counter/shared';
import { TagEditor } from './TagEditor.js';
import { TopicPicker } from './TopicPicker.js';

export function ConversationLabels({ conversation }: { conversation: Conversation }) {
  return (
    <>
      <TagEditor conversation={conversation} />
      <TopicPicker conversation={conversation} />
    </>
  );
}
