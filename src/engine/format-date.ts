import { chinaDay } from '../certificates/calendar.ts';

const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** YYYY-MM-DD in Asia/Shanghai, the way every date is shown to a holder. */
export function formatDate(date: Date): string {
  return chinaDay(date);
}

/** YYYY-MM-DD HH:mm in Asia/Shanghai. */
export function formatDateTime(date: Date): string {
  return `${formatDate(date)} ${timeFormat.format(date)}`;
}
