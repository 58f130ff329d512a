/**
 * The chat window. Focus moves in when it opens (to the field the shopper needs next, see
 * useAutofocus), Esc asks the loader to close it (the loader returns focus to the
 * launcher), and incoming messages are read out through a polite live region. The footer's
 * rarer forms (leave a message, rate) load on first use.
 */
import { useEffect } from 'preact/hooks';
import type { ChatSession } from '../session/chat-session';
import type { ChatStore } from '../store/chat-store';
import { footer } from '../store/selectors';
import { Composer } from './Composer';
import { attach, AttachSlot } from './attach/attach-entry';
import { Header } from './Header';
import { lazy } from './lazy';
import { MessageList } from './MessageList';
import { StatusBar } from './StatusBar';
import { ChatContext, useChat, useSession, useText } from './use-chat';

/**
 * Vite wraps each dynamic import in a preload helper (about 0.5 KB gzip) that matters only
 * for chunks with CSS or shared chunks of their own; a module that defines its own
 * `__vitePreload` gets no helper, and this one just runs the import.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
const __vitePreload = (load: () => Promise<unknown>) => load();
const LeaveMessage = lazy(() => import('./LeaveMessage').then((m) => m.LeaveMessage));
const Ended = lazy(() => import('./Ended').then((m) => m.Ended));
/** The thanks after a left message: loads with the form's strings. */
const LeftNote = lazy(() => import('./LeaveMessage').then((m) => m.LeftNote));
/** Only for sites with orders: the "My orders" button; the order views load on its first click. */
const OrdersEntry = lazy(() => import('./orders/OrdersEntry').then((m) => m.OrdersEntry));
/** Knowledge base (issue 13): popular questions, suggestions while typing, the bot's buttons. */
const KbPanel = lazy(() => import('./kb/KbPanel').then((m) => m.KbPanel));
/** Sites with topics (issue 14 item 2): "What can we help with?" in a new chat. */
const TopicPicker = lazy(() => import('./topics/TopicPicker').then((m) => m.TopicPicker));

function Footer() {
  const t = useText();
  const left = useChat((s) => !!s.leftEmail);
  const which = useChat(footer);
  return (
    <>
      {left && <LeftNote />}
      {which === 'ended' && <Ended />}
      {/* Ended too: a returning shopper just writes, and that starts the next conversation. */}
      {(which === 'composer' || which === 'ended') && (
        <>
          <AttachSlot />
          <Composer />
        </>
      )}
      {which === 'leave' && <LeaveMessage />}
      {(which === 'blocked' || which === 'crowded') && <p class="card note">{t(which)}</p>}
    </>
  );
}

function ChatWindow() {
  const session = useSession();
  const announcement = useChat((s) => s.announcement);
  const orders = useChat((s) => s.orders);
  const topics = useChat((s) => !!s.topics?.length);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') session.requestClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [session]);

  return (
    <div class="chat" onDragOver={(e) => e.preventDefault()} onDrop={(e) => (e.preventDefault(), attach(session, e.dataTransfer?.files))}>
      <Header />
      <StatusBar />
      {orders && <OrdersEntry />}
      <MessageList />
      <KbPanel />
      {topics && <TopicPicker />}
      <Footer />
      <div class="sr" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </div>
  );
}

export function App({ store, session }: { store: ChatStore; session: ChatSession }) {
  return (
    <ChatContext.Provider value={{ store, session }}>
      <ChatWindow />
    </ChatContext.Provider>
  );
}
