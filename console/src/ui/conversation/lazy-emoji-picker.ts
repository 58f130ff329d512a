/** The emoji picker and its set: fetched on the first click of the emoji button (issue 16). */
import { lazyPart } from '../common/lazy-part.js';

export const LazyEmojiPicker = lazyPart(() => import('./EmojiPicker.js').then((m) => m.EmojiPicker), 'inline');
