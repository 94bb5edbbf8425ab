/** Labelled form fields shared by the views; ids derive from item and action ids so they stay unique. */
import type { TargetedEvent } from 'preact';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  multiline?: boolean;
  rows?: number;
  type?: 'text' | 'date';
  autoComplete?: string;
}

export function TextField({
  id,
  label,
  value,
  onInput,
  hint,
  multiline = false,
  rows = 3,
  type = 'text',
  autoComplete,
}: TextFieldProps) {
  const describedBy = hint ? `${id}-hint` : undefined;
  const handle = (event: TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) => onInput(event.currentTarget.value);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p id={describedBy} class="hint">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea id={id} rows={rows} value={value} aria-describedby={describedBy} maxLength={20000} onInput={handle} />
      ) : (
        <input
          id={id}
          type={type}
          value={value}
          aria-describedby={describedBy}
          maxLength={type === 'text' ? 20000 : undefined}
          max={type === 'date' ? '9999-12-31' : undefined}
          autoComplete={autoComplete ?? 'off'}
          onInput={handle}
        />
      )}
    </div>
  );
}
