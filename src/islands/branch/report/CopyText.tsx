/** A generated paragraph the user may adjust, then copy; the adjusted text is not stored. */
import { useEffect, useState } from 'preact/hooks';

export function CopyText({ id, label, text }: { id: string; label: string; text: string }) {
  const [value, setValue] = useState(text);
  const [status, setStatus] = useState('');
  useEffect(() => setValue(text), [text]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('Đã sao chép.');
    } catch {
      const field = document.getElementById(id);
      if (field instanceof HTMLTextAreaElement) field.select();
      setStatus('Trình duyệt không cho sao chép tự động: đoạn văn đã được chọn, hãy bấm giữ rồi chọn “Sao chép”.');
    }
  };

  return (
    <div class="field">
      <label for={id}>{label}</label>
      <textarea id={id} rows={6} value={value} onInput={(event) => setValue(event.currentTarget.value.normalize('NFC'))} />
      <div class="button-row">
        <button type="button" class="button" onClick={() => void copy()}>
          Sao chép đoạn văn
        </button>
      </div>
      <p class="status-line" role="status">
        {status}
      </p>
    </div>
  );
}
