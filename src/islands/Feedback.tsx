/** The outcome of an action: a polite status line, and an alert when something went wrong. */
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
