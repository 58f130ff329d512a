/**
 * Desktop notifications and a soft chime, for when the console is in a background tab.
 * Permission is asked only from a click (going online), never on load: browsers ignore or
 * penalise prompts nobody asked for. The chime is synthesised (no audio file to fetch).
 */
export interface Notice {
  title: string;
  body: string;
  /** Same tag replaces the previous notice (one per conversation). */
  tag: string;
  onClick?: () => void;
}

/** The agent's choices (their profile): which of the two ways to be told. */
export interface NoticeWays {
  sound: boolean;
  desktop: boolean;
}

export interface Notifier {
  /** Call from a user gesture: asks for permission once and unlocks audio. */
  prepare(): void;
  notify(notice: Notice, ways?: NoticeWays): void;
}

export function createBrowserNotifier(win: Window & typeof globalThis): Notifier {
  let audio: AudioContext | null = null;

  function chime() {
    if (!audio || audio.state !== 'running') return;
    const start = audio.currentTime;
    for (const [i, freq] of [660, 880].entries()) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      const t = start + i * 0.14;
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.12, t + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.35);
      osc.connect(gain).connect(audio.destination);
      osc.start(t);
      osc.stop(t + 0.4);
    }
  }

  return {
    prepare() {
      const Ctx = win.AudioContext;
      if (Ctx) {
        audio ??= new Ctx();
        void audio.resume().catch(() => {});
      }
      if ('Notification' in win && win.Notification.permission === 'default') {
        void win.Notification.requestPermission().catch(() => {});
      }
    },
    notify({ title, body, tag, onClick }, ways = { sound: true, desktop: true }) {
      if (ways.sound) chime();
      if (!ways.desktop || !('Notification' in win) || win.Notification.permission !== 'granted') return;
      try {
        const n = new win.Notification(title, { body, tag, silent: true });
        n.onclick = () => {
          win.focus();
          onClick?.();
          n.close();
        };
      } catch {
        // Some platforms only allow notifications from a service worker: the chime remains.
      }
    },
  };
}

export const silentNotifier: Notifier = { prepare() {}, notify() {} };
