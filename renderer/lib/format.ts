import { formatHouseDate } from '../../shared/dateline';

export const houseDate = (isoDate: string | null): string =>
  isoDate ? formatHouseDate(isoDate) : 'No date';

/** "just now", "5 min ago", "3 h ago", then the house date: how long since the last change. */
export const sinceLabel = (iso: string, now: Date = new Date()): string => {
  const then = new Date(iso);
  const seconds = Math.round((now.getTime() - then.getTime()) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const local = `${then.getFullYear()}-${String(then.getMonth() + 1).padStart(2, '0')}-${String(then.getDate()).padStart(2, '0')}`;
  return formatHouseDate(local);
};

export const headlineOrUntitled = (headline: string): string =>
  headline.trim() || 'Untitled release';
