/** The knowledge-base panel's words (issue 13): loaded with its chunk, never in the first render. */
import type { Strings } from './catalogue';

export const KB = {
  popular: ['Popular questions', '猜你想问'],
  suggested: ['Articles that may help', '相关文章'],
  back: ['Back to the chat', '返回对话'],
  helped: ['Yes, thanks', '解决了'],
  notHelped: ['No', '没解决'],
  person: ['Talk to a person', '转人工'],
} satisfies Strings;
