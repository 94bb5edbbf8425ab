/** Dates written the way Vietnamese documents write them: "ngày 20 tháng 5 năm 2022". */

/** A date known to the day, the month or only the year. */
export interface PartialDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

/** Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; returns undefined for anything else or an impossible date. */
export function parsePartialDate(text: string | undefined): PartialDate | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (month !== undefined && day !== undefined) {
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  }
  if (month === undefined) return { year };
  if (day === undefined) return { year, month };
  return { year, month, day };
}

/** "ngày 25 tháng 10 năm 2021", "tháng 5 năm 2022", "năm 2022". */
export function formatVietnameseDate(date: PartialDate): string {
  if (date.month === undefined) return `năm ${date.year}`;
  if (date.day === undefined) return `tháng ${date.month} năm ${date.year}`;
  return `ngày ${date.day} tháng ${date.month} năm ${date.year}`;
}

/** Short numeric form used in tables: "25/10/2021", "5/2022", "2022". */
export function formatShortVietnameseDate(date: PartialDate): string {
  if (date.month === undefined) return String(date.year);
  if (date.day === undefined) return `${date.month}/${date.year}`;
  return `${date.day}/${date.month}/${date.year}`;
}

/** The text a document page shows for its issue date; never invents a missing day. */
export function describeIssueDate(text: string | undefined): string {
  const date = parsePartialDate(text);
  if (date === undefined) return 'chưa rõ ngày';
  if (date.day === undefined) return `${formatVietnameseDate(date)} (chưa rõ ngày)`;
  return formatVietnameseDate(date);
}

/** A Date as a Vietnamese calendar date in the given time zone's local calendar (the device's by default). */
export function formatDateValue(value: Date): string {
  return formatVietnameseDate({
    year: value.getFullYear(),
    month: value.getMonth() + 1,
    day: value.getDate(),
  });
}
