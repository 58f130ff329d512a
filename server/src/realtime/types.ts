import type {
  AgentClientToServerEvents,
  AgentServerToClientEvents,
  AgentSocketData,
  InterServerEvents,
  VisitorClientToServerEvents,
  VisitorServerToClientEvents,
  VisitorSocketData,
} from '@counter/shared';
import type { Namespace, Socket } from 'socket.io';

export type VisitorNamespace = Namespace<
  VisitorClientToServerEvents,
  VisitorServerToClientEvents,
  InterServerEvents,
  VisitorSocketData
>;
export type VisitorSocket = Socket<
  VisitorClientToServerEvents,
  VisitorServerToClientEvents,
  InterServerEvents,
  VisitorSocketData
>;
export type AgentNamespace = Namespace<AgentClientToServerEvents, AgentServerToClientEvents, InterServerEvents, AgentSocketData>;
export type AgentSocket = Socket<AgentClientToServerEvents, AgentServerToClientEvents, InterServerEvents, AgentSocketData>;

/** Room names, in one place. */
export const rooms = {
  visitor: (id: string) => `v:${id}`,
  site: (id: string) => `site:${id}`,
  agent: (id: string) => `a:${id}`,
  session: (id: string) => `s:${id}`,
  /** A shopper's token, by its hash: shop logout closes exactly its sockets. */
  visitorToken: (tokenHash: string) => `t:${tokenHash}`,
  conversation: (id: string) => `c:${id}`,
  /** The conversation id of a conversation room, else null. */
  conversationIdOf: (room: string) => (room.startsWith('c:') ? room.slice(2) : null),
} as const;
