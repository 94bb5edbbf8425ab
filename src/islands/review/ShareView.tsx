/**
 * "Gửi kết quả cho chi bộ": the member picks what goes out, reads a preview of exactly that, confirms,
 * then takes a file, a link or a QR code of the link to the secretary. Everything is made on the
 * device; the QR generator loads only when asked for.
 */
import { useState } from 'preact/hooks';
import { previewFields, qrPath } from '../../domain/branch/share-preview';
import type { ChecklistData } from '../../domain/checklist-schema';
import { numberChecklist } from '../../domain/checklist';
import type { Review } from '../../domain/review-schema';
import {
  buildShare,
  createShareFile,
  defaultShareOptions,
  encodeShareFragment,
  shareFileName,
  type ShareOptions,
} from '../../domain/share';
import { sitePath } from '../../site/paths';
import { downloadBlob } from '../download';
import { Checkbox } from './fields';
import '../branch/branch.css';

interface Props {
  review: Review;
  checklist: ChecklistData;
  /** Saves pending edits first, so the share matches what is stored. */
  flush: () => Promise<void>;
}

function canShareFile(file: File): boolean {
  try {
    return typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] });
  } catch {
    return false;
  }
}

const privately =
  'Gửi riêng cho bí thư (hoặc người được cấp ủy chi bộ giao tổng hợp) qua tin nhắn riêng. Đừng đăng vào nhóm Zalo hay nhóm chung của chi bộ: mọi người trong nhóm sẽ đọc được.';

export function ShareView({ review, checklist, flush }: Props) {
  const [options, setOptions] = useState<ShareOptions>(defaultShareOptions);
  const [confirmed, setConfirmed] = useState(false);
  const [link, setLink] = useState('');
  const [qr, setQr] = useState<{ path: string; size: number } | undefined>(undefined);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const numbered = numberChecklist(checklist);
  const items = new Map(numbered.groups.flatMap((group) => group.items.map((item) => [item.id, item])));
  const itemIds = [...items.keys()];
  const itemLabel = (itemId: string) => {
    const item = items.get(itemId);
    return item ? `Biểu hiện ${item.overallNumber}. ${item.label}` : itemId;
  };
  const hasName = review.member.name.trim() !== '';
  const share = buildShare(review, options);
  const fields = previewFields(share, itemLabel, checklist.shortTitle);

  const choose = (patch: Partial<ShareOptions>) => {
    setOptions((current) => {
      const next = { ...current, ...patch };
      return next.actions ? next : { ...next, actionText: false };
    });
    setConfirmed(false);
    setLink('');
    setQr(undefined);
    setStatus('');
  };

  const fresh = async () => {
    await flush();
    return buildShare(review, options);
  };

  const sendFile = async () => {
    setError('');
    const now = new Date();
    const text = createShareFile(await fresh(), now);
    const file = new File([text], shareFileName(now), { type: 'application/json' });
    if (canShareFile(file)) {
      try {
        await navigator.share({ files: [file], title: 'Kết quả tự soi gửi chi bộ' });
        setStatus('Đã mở khung chia sẻ. Hãy chọn tin nhắn riêng với bí thư chi bộ.');
        return;
      } catch (reason) {
        if (reason instanceof DOMException && reason.name === 'AbortError') {
          setStatus('Đã hủy chia sẻ. Chưa gửi gì.');
          return;
        }
      }
    }
    downloadBlob(file, file.name);
    setStatus(`Đã lưu tệp “${file.name}” vào máy. Hãy gửi tệp này riêng cho bí thư chi bộ.`);
  };

  const makeLink = async () => {
    setError('');
    const url = new URL(sitePath('chi-bo/'), location.origin);
    url.hash = encodeShareFragment(await fresh(), itemIds);
    setLink(url.toString());
    setStatus('Đã tạo liên kết bên dưới.');
  };

  const makeQr = async () => {
    setError('');
    setStatus('Đang vẽ mã QR…');
    try {
      const url = new URL(sitePath('chi-bo/'), location.origin);
      url.hash = encodeShareFragment(await fresh(), itemIds);
      const { generate, correction } = await import('lean-qr');
      const code = generate(url.toString(), { minCorrectionLevel: correction.M });
      setLink(url.toString());
      setQr({ path: qrPath(code), size: code.size + 8 });
      setStatus('Đã vẽ mã QR bên dưới.');
    } catch {
      setStatus('');
      setError('Không vẽ được mã QR trên trình duyệt này. Hãy gửi bằng tệp hoặc liên kết.');
    }
  };

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setStatus('Đã chép liên kết. Hãy dán vào tin nhắn riêng với bí thư chi bộ.');
    } catch {
      setStatus('Không chép tự động được: hãy chọn cả liên kết trong ô và chép.');
    }
  };

  return (
    <div class="share-view">
      <p>
        Chi bộ tổng hợp kết quả tự soi của các đảng viên để nhìn chung cả chi bộ. Đồng chí chọn gửi những gì; trang chỉ tạo tệp
        hoặc liên kết trên máy này, không gửi đi đâu cả.
      </p>
      <p class="alert alert--warning">
        Người nhận (bí thư, cấp ủy chi bộ) sẽ đọc được những gì đồng chí gửi, và có thể chuyển cho người khác. Kết quả tự đánh giá
        có thể được dùng khi đánh giá, xếp loại và trong công tác cán bộ (Quy định 366-QĐ/TW). Hãy xem kỹ phần xem trước.
      </p>

      <fieldset class="panel">
        <legend>Chọn điều gửi đi</legend>
        <label class="checkbox">
          <input type="checkbox" checked disabled /> Mức tự đánh giá của từng biểu hiện (luôn gửi)
        </label>
        <Checkbox checked={options.actions} onChange={(checked) => choose({ actions: checked })}>
          Trạng thái và thời hạn của từng việc khắc phục
        </Checkbox>
        <Checkbox
          checked={options.actionText}
          disabled={!options.actions}
          onChange={(checked) => choose({ actionText: checked })}
        >
          Nội dung từng việc khắc phục
        </Checkbox>
        <Checkbox checked={options.notes} onChange={(checked) => choose({ notes: checked })}>
          Điều tự nhận thấy và nguyên nhân
        </Checkbox>
        <Checkbox checked={options.name && hasName} disabled={!hasName} onChange={(checked) => choose({ name: checked })}>
          Họ và tên{hasName ? ` (${review.member.name.trim()})` : ' (chưa ghi ở phần “Thông tin”)'}
        </Checkbox>
      </fieldset>

      <section class="panel" aria-labelledby="share-preview-heading">
        <h3 id="share-preview-heading">Xem trước: đúng những gì sẽ gửi</h3>
        <dl class="share-preview">
          {fields.map((field) => (
            <div key={field.field} data-field={field.field}>
              <dt>{field.label}</dt>
              {field.lines.length <= 1 ? (
                <dd>{field.lines[0]}</dd>
              ) : (
                <dd>
                  <p>{field.field === 'levels' ? field.lines[0] : `${field.lines.length} mục:`}</p>
                  <details>
                    <summary>Xem từng mục</summary>
                    <ul>
                      {(field.field === 'levels' ? field.lines.slice(1) : field.lines).map((line, index) => (
                        <li key={index}>{line}</li>
                      ))}
                    </ul>
                  </details>
                </dd>
              )}
            </div>
          ))}
        </dl>
        <p class="hint">
          Liên kết và mã QR chỉ mang kỳ tự soi, mức đánh giá, số việc khắc phục theo trạng thái
          {options.name && hasName ? ' và họ tên' : ''}; không mang nội dung chữ. Phần nào không có trong danh sách trên thì không
          được gửi.
        </p>
        <Checkbox checked={confirmed} onChange={setConfirmed}>
          Tôi đã xem và đồng ý gửi đúng những thông tin trên cho chi bộ
        </Checkbox>
      </section>

      <section class="panel" aria-labelledby="share-ways-heading">
        <h3 id="share-ways-heading">Gửi đi</h3>
        <p class="alert alert--info">{privately}</p>
        {!confirmed && <p class="hint">Hãy đánh dấu “Tôi đã xem và đồng ý” ở trên trước.</p>}
        <div class="button-row">
          <button type="button" class="button button--primary" disabled={!confirmed} onClick={() => void sendFile()}>
            Gửi bằng tệp
          </button>
          <button type="button" class="button" disabled={!confirmed} onClick={() => void makeLink()}>
            Tạo liên kết
          </button>
          <button type="button" class="button" disabled={!confirmed} onClick={() => void makeQr()}>
            Hiện mã QR
          </button>
        </div>
        <p role="status" class="hint">
          {status}
        </p>
        {error && (
          <p role="alert" class="alert alert--error">
            {error}
          </p>
        )}
        {link && (
          <div class="field">
            <label for="share-link">Liên kết gửi chi bộ</label>
            <input id="share-link" type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
            <p class="hint">
              Liên kết mở trên máy nào thì kết quả vào máy đó: bí thư nên mở trên đúng máy dùng để tổng hợp. {privately}
            </p>
            <button type="button" class="button" onClick={() => void copyLink()}>
              Chép liên kết
            </button>
          </div>
        )}
        {qr && (
          <figure class="share-qr">
            <svg
              viewBox={`0 0 ${qr.size} ${qr.size}`}
              width="260"
              height="260"
              role="img"
              aria-label="Mã QR của liên kết gửi chi bộ"
              shape-rendering="crispEdges"
            >
              <rect width={qr.size} height={qr.size} fill="#fff" />
              <path d={qr.path} fill="#000" />
            </svg>
            <figcaption>Bí thư quét mã này bằng máy ảnh của chính máy dùng để tổng hợp.</figcaption>
          </figure>
        )}
      </section>
    </div>
  );
}
