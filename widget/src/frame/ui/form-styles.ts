/**
 * Styles only the lazy forms use (Ended, LeaveMessage, the order views): imported by each,
 * adopted once when the first loads, so they stay out of the first render's stylesheet.
 */
import { adoptStyles } from './orders/adopt-styles';
import css from './form-styles.css?inline';

adoptStyles(css);
