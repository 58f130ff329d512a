/** The few icons the chat draws (paths on a 24×24 grid), hidden from screen readers: buttons carry labels. */
const PATHS = {
  close: 'M5 6.4 6.4 5l5.6 5.6L17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6z',
  send: 'M3 21 21 12 3 3v7l12 2-12 2z',
  bell: 'M10 20h4a2 2 0 0 1-4 0zM4 18v-1l2-2v-4a6 6 0 0 1 12 0v4l2 2v1z',
};

export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}
