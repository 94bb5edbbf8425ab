/**
 * The branch's picture: counts per item with denominators, per group, actions by status, and a
 * stacked-bar chart drawn as SVG from the shared chart model, with the same numbers in a table.
 */
import { useState } from 'preact/hooks';
import type { Entry, Round } from '../../domain/branch/branch-schema';
import {
  describeDenominators,
  formatCount,
  formatFraction,
  limitSmallCounts,
  picture,
  pictureLevels,
  type LimitedCount,
  type Picture,
} from '../../domain/branch/picture';
import { chartLevelLabels, layoutBars, stackedBars, type ChartPattern } from '../../domain/chart-model';
import { actionStatusLabels, assessmentLabels } from '../../domain/review-model';
import type { WorkspaceChecklist } from './workspace';

interface Props {
  round: Round;
  entries: readonly Entry[];
  checklist: WorkspaceChecklist | undefined;
}

type AnyPicture = Picture<number | LimitedCount>;

const fills: Record<ChartPattern, string> = {
  solid: '#111',
  diagonal: 'url(#p-diagonal)',
  dots: 'url(#p-dots)',
  light: '#ddd',
  outline: '#fff',
  cross: 'url(#p-cross)',
};
const textColor: Record<ChartPattern, string> = {
  solid: '#fff',
  diagonal: '#000',
  dots: '#000',
  light: '#000',
  outline: '#000',
  cross: '#000',
};

function Patterns() {
  return (
    <svg width="0" height="0" aria-hidden="true" class="chart-defs">
      <defs>
        <pattern id="p-diagonal" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#fff" />
          <rect width="2.5" height="6" fill="#444" />
        </pattern>
        <pattern id="p-dots" width="5" height="5" patternUnits="userSpaceOnUse">
          <rect width="5" height="5" fill="#fff" />
          <circle cx="2.5" cy="2.5" r="1.2" fill="#333" />
        </pattern>
        <pattern id="p-cross" width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill="#fff" />
          <path d="M0 0L6 6M6 0L0 6" stroke="#555" stroke-width="1" />
        </pattern>
      </defs>
    </svg>
  );
}

function Swatch({ pattern }: { pattern: ChartPattern }) {
  return (
    <svg width="18" height="14" aria-hidden="true" class="chart-swatch">
      <rect x="0.5" y="0.5" width="17" height="13" fill={fills[pattern]} stroke="#000" />
    </svg>
  );
}

function Chart({ shown, order }: { shown: AnyPicture; order: 'checklist' | 'most-frequent' }) {
  const model = stackedBars(shown, { title: 'Mức tự đánh giá theo từng biểu hiện', order });
  const width = 300;
  const layout = layoutBars(model, { width, barHeight: 18, labelHeight: 0, gap: 0, minTextWidth: 16 });
  return (
    <figure class="branch-chart" aria-labelledby="chart-caption">
      <figcaption id="chart-caption">
        {model.title} (mỗi thanh dài bằng {model.denominator} kết quả đã nhận; số liệu đầy đủ ở bảng bên dưới)
      </figcaption>
      <ul class="chart-legend" aria-label="Chú giải">
        {model.legend.map((entry) => (
          <li key={entry.level}>
            <Swatch pattern={entry.pattern} /> {entry.label}
          </li>
        ))}
        <li>
          <Swatch pattern="cross" /> Số nhỏ đã ẩn
        </li>
      </ul>
      <ol class="chart-rows" aria-hidden="true">
        {layout.rows.map((row) => (
          <li key={row.row.itemId}>
            <span class="chart-rows__label">
              {row.row.label} — {row.row.caption}
            </span>
            <svg viewBox={`0 0 ${width} 18`} width="100%" height="22" preserveAspectRatio="none">
              <rect x="0" y="0" width={width} height="18" fill="#fff" stroke="#000" vector-effect="non-scaling-stroke" />
              {row.segments
                .filter((segment) => segment.width > 0)
                .map((segment) => (
                  <g key={segment.level}>
                    <rect
                      x={segment.x}
                      y="0"
                      width={segment.width}
                      height="18"
                      fill={fills[segment.pattern]}
                      stroke="#000"
                      vector-effect="non-scaling-stroke"
                    />
                    {segment.textInside && (
                      <text
                        x={segment.x + segment.width / 2}
                        y="13"
                        text-anchor="middle"
                        font-size="11"
                        fill={textColor[segment.pattern]}
                      >
                        {segment.text}
                      </text>
                    )}
                  </g>
                ))}
            </svg>
          </li>
        ))}
      </ol>
    </figure>
  );
}

export function PictureView({ round, entries, checklist }: Props) {
  const [outbound, setOutbound] = useState(false);
  const [order, setOrder] = useState<'checklist' | 'most-frequent'>('most-frequent');
  if (!checklist) return <p class="alert alert--error">Trang không còn danh mục “{round.checklistId}” của đợt này.</p>;
  const full = picture(round, entries, checklist);
  const shown: AnyPicture = outbound ? limitSmallCounts(full, round.smallCountThreshold) : full;
  const byId = new Map(shown.items.map((item) => [item.itemId, item]));
  const ids = order === 'most-frequent' ? shown.mostFrequent : shown.items.map((item) => item.itemId);
  const sent = shown.sent;
  return (
    <section class="panel" aria-labelledby="picture-heading">
      <h2 id="picture-heading">Bức tranh của chi bộ</h2>
      <p class="picture-denominators" data-testid="denominators">
        <strong>{describeDenominators(full)}</strong>. Mọi con số dưới đây tính trên {sent} kết quả đã nhận.
      </p>
      {full.sent > full.memberCount && (
        <p class="alert alert--warning">
          Số kết quả nhiều hơn số đảng viên của chi bộ: hãy kiểm tra số đảng viên hoặc kết quả trùng.
        </p>
      )}
      <div class="picture-options">
        <label class="checkbox">
          <input type="checkbox" checked={outbound} onChange={(e) => setOutbound(e.currentTarget.checked)} /> Xem như khi đưa ra
          ngoài chi bộ (ẩn số nhỏ hơn {round.smallCountThreshold})
        </label>
        <div class="field">
          <label for="picture-order">Thứ tự</label>
          <select id="picture-order" value={order} onChange={(e) => setOrder(e.currentTarget.value as typeof order)}>
            <option value="most-frequent">Nhiều nhất trước</option>
            <option value="checklist">Theo thứ tự danh mục</option>
          </select>
        </div>
      </div>
      <details class="small-counts-help">
        <summary>Ẩn số nhỏ bảo vệ được gì, không bảo vệ được gì</summary>
        <p>
          Khi bản tổng hợp đưa ra ngoài chi bộ (báo cáo lên cấp trên, tệp gửi đi), các số nhỏ hơn {round.smallCountThreshold} được
          ghi là “dưới {round.smallCountThreshold}”, để người ngoài chi bộ khó đoán ra một đồng chí cụ thể. Họ tên không bao giờ
          có trong những gì đưa ra ngoài; chỉ có trong bản sao lưu của chính bí thư.
        </p>
        <p>
          Cách này không che được với người trong chi bộ: ở một chi bộ 8 người, ai cũng biết nhau. Cũng vẫn có thể suy ra số bị ẩn
          bằng phép trừ (tổng trừ các số khác), hoặc so hai lần báo cáo liền nhau. Vì vậy chỉ đưa ra ngoài những gì thật cần.
        </p>
      </details>
      <Patterns />
      <Chart shown={shown} order={order} />
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="items-table-caption">
        <table class="picture-table" data-testid="items-table">
          <caption id="items-table-caption">Số đảng viên ở từng mức, theo biểu hiện (trên {sent} kết quả đã nhận)</caption>
          <thead>
            <tr>
              <th scope="col">Biểu hiện</th>
              {pictureLevels.map((level) => (
                <th scope="col" key={level}>
                  {chartLevelLabels[level]}
                </th>
              ))}
              <th scope="col">Có biểu hiện</th>
            </tr>
          </thead>
          <tbody>
            {ids.map((itemId) => {
              const item = byId.get(itemId);
              if (!item) return null;
              return (
                <tr key={itemId} data-item={itemId}>
                  <th scope="row">
                    {item.number}. {item.label}
                  </th>
                  {pictureLevels.map((level) => (
                    <td key={level} data-level={level} title={assessmentLabels[level]}>
                      {formatFraction(item.counts[level], sent)}
                    </td>
                  ))}
                  <td data-level="sign">{formatFraction(item.withSign, sent)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div class="table-scroll" tabIndex={0} role="region" aria-label="Bảng theo nhóm">
        <table class="picture-table" data-testid="groups-table">
          <caption>Theo nhóm: số đảng viên có ít nhất một biểu hiện / ít nhất một nguy cơ</caption>
          <thead>
            <tr>
              <th scope="col">Nhóm</th>
              <th scope="col">Có ít nhất 1 biểu hiện</th>
              <th scope="col">Có ít nhất 1 nguy cơ</th>
            </tr>
          </thead>
          <tbody>
            {shown.groups.map((group) => (
              <tr key={group.groupId} data-group={group.groupId}>
                <th scope="row">
                  Nhóm {group.groupId}. {group.title}
                </th>
                <td data-level="sign">{formatFraction(group.withSign, sent)}</td>
                <td data-level="risk">{formatFraction(group.withRisk, sent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="table-scroll" tabIndex={0} role="region" aria-label="Bảng việc khắc phục">
        <table class="picture-table" data-testid="actions-table">
          <caption>Việc khắc phục theo trạng thái</caption>
          <thead>
            <tr>
              {(['not-started', 'in-progress', 'done'] as const).map((status) => (
                <th scope="col" key={status}>
                  {actionStatusLabels[status]}
                </th>
              ))}
              <th scope="col">Tổng</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              {(['not-started', 'in-progress', 'done'] as const).map((status) => (
                <td key={status} data-status={status}>
                  {formatCount(shown.actions[status])}
                </td>
              ))}
              <td data-status="total">{formatCount(shown.actionTotal)}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
