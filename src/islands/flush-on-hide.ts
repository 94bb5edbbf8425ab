/**
 * Saves before the page goes away: both events start the write synchronously, so it is under way
 * before the browser freezes or closes the page. Returns the function that stops listening.
 */
export function flushOnHide(flushNow: () => void): () => void {
  const onHide = () => {
    if (document.visibilityState === 'hidden') flushNow();
  };
  const onPageHide = () => flushNow();
  document.addEventListener('visibilitychange', onHide);
  addEventListener('pagehide', onPageHide);
  return () => {
    document.removeEventListener('visibilitychange', onHide);
    removeEventListener('pagehide', onPageHide);
  };
}
