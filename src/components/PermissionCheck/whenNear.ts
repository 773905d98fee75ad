/**
 * The check's "near" trigger, one for everything it loads late (the check's UI, then its engine):
 * the element comes within NEAR_ROOT_MARGIN of the screen, or the pointer or keyboard focus enters
 * it. A guide read from the top loads neither until the reader scrolls towards the check; the
 * margin is there so that the code has usually arrived by the time the check is on screen.
 */

/**
 * How far from the screen the check counts as near: one screen height of scrolling, whatever
 * the screen. (A fixed 400 px left the check unloaded on a phone that followed a link to the
 * check's heading: the text between heading and check is taller there.)
 */
export const NEAR_ROOT_MARGIN = '100% 0px';

/** Events that show intent before the observer would (a jump by keyboard, a tap). */
export const INTENT_EVENTS = ['pointerenter', 'focusin', 'touchstart'] as const;

/**
 * Calls `onNear` once, when `element` comes near the screen or an intent event reaches it; at
 * once when there is no element or no IntersectionObserver (old browsers, jsdom). Returns the
 * function that stops watching (without calling `onNear`).
 */
export function whenNear(element: HTMLElement | null, onNear: () => void): () => void {
  let done = false;
  const observer =
    element && typeof IntersectionObserver === 'function'
      ? new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && near(), {rootMargin: NEAR_ROOT_MARGIN})
      : null;
  function stop(): void {
    done = true;
    observer?.disconnect();
    for (const intent of INTENT_EVENTS) element?.removeEventListener(intent, near);
  }
  function near(): void {
    if (done) return;
    stop();
    onNear();
  }
  if (!element || !observer) {
    near();
  } else {
    observer.observe(element);
    for (const intent of INTENT_EVENTS) element.addEventListener(intent, near, {passive: true});
  }
  return stop;
}
