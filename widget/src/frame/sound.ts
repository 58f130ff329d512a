/**
 * The optional notification sound: a short tone made with Web Audio (no audio file to load,
 * nothing for the frame's CSP to allow). The AudioContext is created on first use, after the
 * shopper switched the sound on (a click in the frame, which browsers require for audio).
 * Loaded on the first beep (main.tsx), outside the first render.
 */
let context: AudioContext | undefined;

export function beep(): void {
  try {
    context ??= new AudioContext();
    const at = context.currentTime;
    const tone = context.createOscillator();
    const gain = context.createGain();
    tone.frequency.value = 880;
    gain.gain.setValueAtTime(0.08, at);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.3);
    tone.connect(gain).connect(context.destination);
    tone.start(at);
    tone.stop(at + 0.3);
  } catch {
    // No audio here (blocked or unsupported): the badge and the message still show.
  }
}
