import { ref } from 'vue';

/**
 * The text of the app's one aria-live region (LiveRegion.vue): state changes a screen reader
 * should hear ("Workspace created", "Copied"). WAI-ARIA 1.2 §6.2.6 (live regions): the region
 * must exist before its text changes, so it is mounted once and only its text is replaced.
 */
export const announcement = ref('');
let serial = 0;

export function announce(text: string): void {
  // Identical consecutive texts would not be read again: a zero-width suffix makes them differ.
  serial += 1;
  announcement.value = serial % 2 === 0 ? text : `${text}\u200b`;
}
