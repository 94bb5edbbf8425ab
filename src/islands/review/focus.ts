/** Focus helpers: after an action, focus goes somewhere meaningful, never to the page's top. */

/** Moves focus once the next render has put the element in place. */
export function focusLater(elementId: string): void {
  requestAnimationFrame(() => requestAnimationFrame(() => document.getElementById(elementId)?.focus()));
}
