/** The outcome of an action: a polite status line, and an alert when something went wrong. */
import { useState } from 'preact/hooks';

export function Feedback({ message, error }: { message: string; error?: string }) {
  return (
    <>
      <p class="status-line" role="status">
        {message}
      </p>
      {error && (
        <p class="alert alert--error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

/**
 * The state behind a `Feedback` of a section that runs one action at a time (backup, restore,
 * lock, erase, PDF): the status line, the error, and whether the action is under way.
 */
export function useFeedback() {
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  return {
    message,
    error,
    busy,
    setMessage,
    setError,
    /** A new attempt starts with both lines empty, or with `progress` as the status. */
    start: (progress = '') => {
      setError('');
      setMessage(progress);
    },
    /**
     * Runs `action` with `busy` set; when it throws, the status is cleared and `failure(caught)`
     * becomes the error, so a section never shows a success line next to its failure.
     */
    run: async (action: () => Promise<void>, failure: (caught: unknown) => string): Promise<void> => {
      setBusy(true);
      try {
        await action();
      } catch (caught) {
        setMessage('');
        setError(failure(caught));
      } finally {
        setBusy(false);
      }
    },
  };
}
