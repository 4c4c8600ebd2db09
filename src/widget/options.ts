/**
 * What a partner can choose, the same for the script (`data-count`,
 * `data-tag`, `data-theme`) and the frame (`?count=&tag=&theme=`). Both
 * client scripts are written with these values, so they cannot disagree.
 */
export const widgetOptions = {
  /** Headlines shown when no count is given. */
  defaultCount: 5,
  /** The most headlines shown, whatever count is asked for. */
  maxCount: 20,
  /** `auto` follows the reader's system setting. */
  themes: ['auto', 'light', 'dark'],
} as const
