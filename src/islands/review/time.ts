/** Clock display helpers for the self-review screens. */
import { formatDateValue, formatShortVietnameseDate, parsePartialDate } from '../../domain/vietnamese-date';

/** "14:32" in the device's time zone. */
export function clockTime(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** "ngày 20 tháng 5 năm 2022, 14:32" from an ISO date-time. */
export function describeMoment(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : `${formatDateValue(date)}, ${clockTime(date)}`;
}

/** "20/5/2022" from "2022-05-20"; "" for "". */
export function shortDay(day: string): string {
  const date = parsePartialDate(day);
  return date?.day === undefined ? '' : formatShortVietnameseDate(date);
}
