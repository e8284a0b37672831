import { embargoInstant } from '../embargo';
import type { Embargo } from '../schemas';

const pad = (n: number): string => String(Math.floor(Math.abs(n))).padStart(2, '0');

/**
 * The embargo as ISO 8601 with the zone's offset (`2022-06-15T09:00:00+02:00`), the form ninjs,
 * Dublin Core and most feeds expect. The offset is the officer's wall time minus the instant, so
 * the string always names the right instant, even for a wall time in a daylight-saving gap.
 * Null when the zone is unknown to this runtime: better no instant than a wrong one.
 */
export const embargoIso = (embargo: Embargo): string | null => {
  let instant: number;
  try {
    instant = embargoInstant(embargo).getTime();
  } catch {
    return null;
  }
  const [date = '', time = ''] = embargo.localDateTime.split('T');
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wall = new Date(0).setUTCFullYear(y, mo - 1, d) + (h * 60 + mi) * 60_000;
  const offset = Math.round((wall - instant) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  return `${embargo.localDateTime}:00${sign}${pad(Math.abs(offset) / 60)}:${pad(Math.abs(offset) % 60)}`;
};
