/** A labelled passphrase input; `fresh` asks the browser's password manager for a new one. */
interface Props {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  fresh?: boolean;
  hint?: string;
}

export function PasswordField({ id, label, value, onInput, fresh = false, hint }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="password"
        autoComplete={fresh ? 'new-password' : 'current-password'}
        value={value}
        aria-describedby={hintId}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      {hint && (
        <p id={hintId} class="hint">
          {hint}
        </p>
      )}
    </div>
  );
}
