/** Brings a criterion into view and puts the cursor in its first input (or on its section). */
import { criterionAnchor } from './keyboard-navigation';

export function focusCriterion(code: string): void {
  const section = document.getElementById(criterionAnchor(code));
  if (!section) return;
  section.scrollIntoView({ block: 'start' });
  const input = section.querySelector<HTMLElement>(
    '[data-leaf-input]:not([disabled]), [data-leaf-input] input:not([disabled])',
  );
  (input ?? section).focus({ preventScroll: true });
}
