/** Labelled form fields shared by the views; ids derive from item and action ids so they stay unique. */
import type { ComponentChildren, TargetedEvent } from 'preact';
import { useState } from 'preact/hooks';
import { MAX_TEXT_LENGTH } from '../../domain/limits';
import { actionStatuses } from '../../domain/review-constants';
import { actionStatusLabels, updateAction } from '../../domain/review-model';
import type { PlanAction, Review } from '../../domain/review-schema';
import { cleanTyping, pasteOverflow } from '../../domain/text';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string | undefined;
  multiline?: boolean;
  rows?: number;
  type?: 'text' | 'date';
  autoComplete?: string;
  /** Most characters the field keeps; must equal the schema's limit for this field. */
  maxLength?: number;
}

type TextInput = HTMLInputElement | HTMLTextAreaElement;

/**
 * Cleans what was typed (NFC, no bidi controls) in the element itself, keeping the caret where the
 * member is typing, then reports the clean text. Decomposed input ("Unicode tổ hợp") would
 * otherwise be replaced by its composed form on re-render and the caret would jump to the end.
 */
export function cleanInput(element: TextInput, isComposing: boolean): string {
  if (isComposing) return element.value;
  const caret = element.selectionStart ?? element.value.length;
  const cleaned = cleanTyping(element.value, caret);
  if (cleaned.text !== element.value) {
    element.value = cleaned.text;
    if (element instanceof HTMLTextAreaElement || element.type === 'text')
      element.setSelectionRange(cleaned.caret, cleaned.caret);
  }
  return cleaned.text;
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
  maxLength = MAX_TEXT_LENGTH,
}: TextFieldProps) {
  const [cut, setCut] = useState(0);
  const hintId = hint ? `${id}-hint` : undefined;
  const cutId = `${id}-cut`;
  const describedBy = [hintId, cut > 0 ? cutId : undefined].filter(Boolean).join(' ') || undefined;
  const handle = (event: TargetedEvent<TextInput, InputEvent>) => onInput(cleanInput(event.currentTarget, event.isComposing));
  const paste = (event: TargetedEvent<TextInput, ClipboardEvent>) => {
    const element = event.currentTarget;
    const pasted = event.clipboardData?.getData('text') ?? '';
    const selected = (element.selectionEnd ?? 0) - (element.selectionStart ?? 0);
    setCut(pasteOverflow(element.value.length, selected, pasted.length, maxLength));
  };
  const limit = type === 'text' || multiline ? maxLength : undefined;
  // What the one-line and the multi-line control have in common.
  const control = { id, value, 'aria-describedby': describedBy, maxLength: limit, onInput: handle };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p id={hintId} class="hint">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea {...control} rows={rows} onPaste={paste} />
      ) : (
        <input
          {...control}
          type={type}
          max={type === 'date' ? '9999-12-31' : undefined}
          autoComplete={autoComplete ?? 'off'}
          onPaste={limit === undefined ? undefined : paste}
        />
      )}
      {cut > 0 && (
        <p id={cutId} class="alert alert--warning" role="status">
          Đoạn vừa dán dài hơn {limit?.toLocaleString('vi-VN')} ký tự, giới hạn của ô này: {cut.toLocaleString('vi-VN')} ký tự
          cuối đã bị bỏ. Hãy tách bớt sang ô khác hoặc rút gọn.
        </p>
      )}
    </div>
  );
}

/** The options of an action-status select, in the order of progress. */
export function ActionStatusOptions() {
  return (
    <>
      {actionStatuses.map((status) => (
        <option key={status} value={status}>
          {actionStatusLabels[status]}
        </option>
      ))}
    </>
  );
}

interface CheckboxProps {
  /** Ties the label to the box; optional because the label wraps the box anyway. */
  id?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  children: ComponentChildren;
}

/** A checkbox inside its label, so the whole line is the target (the box size is in base.css). */
export function Checkbox({ id, checked, onChange, disabled, children }: CheckboxProps) {
  return (
    <label class="checkbox" for={id}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      {children}
    </label>
  );
}

interface ActionTextFieldProps {
  action: PlanAction;
  field: 'what' | 'measure' | 'followUpBy';
  label: string;
  update: (change: (review: Review) => Review) => void;
  /** `action-<action id>-<field>` unless given. */
  id?: string;
  hint?: string;
  multiline?: boolean;
}

/** A field editing one text of a remediation action: in the plan, and under the item it remedies. */
export function ActionTextField({ action, field, label, update, id, hint, multiline = true }: ActionTextFieldProps) {
  return (
    <TextField
      id={id ?? `action-${action.id}-${field}`}
      label={label}
      hint={hint}
      multiline={multiline}
      rows={2}
      value={action[field]}
      onInput={(value) => update((current) => updateAction(current, action.id, { [field]: value }))}
    />
  );
}
