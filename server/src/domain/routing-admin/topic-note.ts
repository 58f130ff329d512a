/** The history's internal note when an agent changes a conversation's topic (issue 14 item 2). */
export function topicNote(from: string | null, to: string | null): string {
  if (to === null) return `Topic cleared (was "${from}").`;
  return from === null ? `Topic set to "${to}".` : `Topic changed from "${from}" to "${to}".`;
}
