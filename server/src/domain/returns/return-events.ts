/** What the returns service publishes; the realtime layer sends it to the conversation's agents (the card follows it live). */
import type { ReturnRequestView } from '@counter/shared';

export type ReturnEvent = { type: 'return.updated'; request: ReturnRequestView };
