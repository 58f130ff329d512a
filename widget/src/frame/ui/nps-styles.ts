/** The NPS question's styles: adopted when the ended card's chunk loads, never in the first render. */
import { adoptStyles } from './orders/adopt-styles';
import css from './nps-styles.css?inline';

adoptStyles(css);
