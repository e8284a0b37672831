/** Whether the runtime's ICU knows the zone (aliases such as `Asia/Calcutta` included). */
export const isValidTimeZone = (timeZone: string): boolean => {
  if (timeZone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
};

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The parts of a local date and time `YYYY-MM-DDTHH:MM` that is on the calendar and the clock
 * (no 30 February, no 24:00 or 09:60), or null.
 */
export const localDateTimeParts = (
  localDateTime: string,
): { year: number; month: number; day: number; hour: number; minute: number } | null => {
  const match = LOCAL.exec(localDateTime);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) return null;
  // Day 0 of the next month is the last day of this one, in any year (leap years included).
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate();
  const leapFebruary = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 ? (leapFebruary ? 29 : 28) : daysInMonth)) return null;
  return { year, month, day, hour, minute };
};
