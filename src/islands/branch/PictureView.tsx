/**
 * The branch's picture: counts per item with denominators, per group, actions by status, and a
 * stacked-bar chart drawn as SVG from the shared chart model, with the same numbers in a table.
 */
import { useMemo, useState } from 'preact/hooks';
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
import { chartLevelLabels, stackedBars } from '../../domain/chart-model';
import { actionStatusLabels, assessmentLabels } from '../../domain/review-model';
import { ChartSvg } from './ChartSvg';
import type { WorkspaceChecklist } from './workspace';

interface Props {
  round: Round;
  entries: readonly Entry[];
  checklist: WorkspaceChecklist | undefined;
}

type AnyPicture = Picture<number | LimitedCount>;

function Chart({ shown, order }: { shown: AnyPicture; order: 'checklist' | 'most-frequent' }) {
  const model = stackedBars(shown, { title: 'Mức tự đánh giá theo từng biểu hiện', order });
  return (
    <ChartSvg
      chart={model}
      id="chart"
      variant="picture"
      hiddenLabel="Số nhỏ đã ẩn"
      caption={`${model.title} (mỗi thanh dài bằng ${model.denominator} kết quả đã nhận; số liệu đầy đủ ở bảng bên dưới)`}
    />
  );
}

export function PictureView({ round, entries, checklist }: Props) {
  const [outbound, setOutbound] = useState(false);
  const [order, setOrder] = useState<'checklist' | 'most-frequent'>('most-frequent');
  // Counting is the page's heaviest work: only when the results change, not on every re-render.
  const full = useMemo(() => checklist && picture(round, entries, checklist), [round, entries, checklist]);
  if (!checklist || !full) return <p class="alert alert--error">Trang không còn danh mục “{round.checklistId}” của đợt này.</p>;
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
