import { useId, useMemo } from 'react';
import { DEFAULT_TIME_ZONE, isEmbargoPast, timeZones } from '../../../shared/embargo';
import type { Embargo } from '../../../shared/schemas';
import { TermPicker } from '../../components/term-picker';
import type { PickerOption } from '../../lib/terms';

const zoneOptions = (): PickerOption[] =>
  timeZones().map((zone) => ({
    id: zone,
    label: zone.replace(/_/g, ' '),
    context: '',
    haystack: zone.toLowerCase().replace(/[_/]/g, ' '),
  }));

/** An embargo: a local date and time in a named time zone (Vienna unless changed). */
export function EmbargoField({
  value,
  onChange,
}: {
  value: Embargo | null;
  onChange: (embargo: Embargo | null) => void;
}) {
  const toggleId = useId();
  const timeId = useId();
  const options = useMemo(() => zoneOptions(), []);
  const past = value !== null && isEmbargoPast(value, new Date());
  return (
    <div className="embargo-field">
      <div className="check">
        <input
          id={toggleId}
          type="checkbox"
          checked={value !== null}
          onChange={(event) =>
            onChange(
              event.target.checked
                ? { localDateTime: tomorrowNine(), timeZone: DEFAULT_TIME_ZONE }
                : null,
            )
          }
        />
        <label htmlFor={toggleId}>Embargo</label>
      </div>
      {value && (
        <>
          <div className="field">
            <label className="field-label" htmlFor={timeId}>
              Embargo until
            </label>
            <input
              id={timeId}
              type="datetime-local"
              className="text-input"
              value={value.localDateTime}
              aria-invalid={past}
              onChange={(event) =>
                event.target.value &&
                onChange({ ...value, localDateTime: event.target.value.slice(0, 16) })
              }
            />
            {past && (
              <span className="field-warning" role="status">
                This embargo has passed.
              </span>
            )}
          </div>
          <TermPicker
            label="Time zone"
            single
            options={options}
            value={[value.timeZone]}
            onChange={(ids) => ids[0] && onChange({ ...value, timeZone: ids[0] })}
          />
        </>
      )}
    </div>
  );
}

const tomorrowNine = (): string => {
  const date = new Date(Date.now() + 24 * 3600 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T09:00`;
};
