import type { WebContents } from 'electron';
import type { Channel } from '../../shared/contract';
import {
  MAIN_EVENTS,
  mainEventChannel,
  type MainEvent,
  type MainEventPayload,
} from '../../shared/main-events';

type Target = Pick<WebContents, 'id' | 'send' | 'isDestroyed'>;

/** Sends one of the shared events, its payload checked against its schema first. */
export const sendMainEvent = <E extends MainEvent>(
  target: Target,
  event: E,
  payload: MainEventPayload<E>,
): void => {
  if (target.isDestroyed()) return;
  target.send(mainEventChannel(event), MAIN_EVENTS[event].parse(payload));
};

const record = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;

/**
 * The release a successful answer saved, as the other windows hear of it: a save, or marking
 * ready (which saves). Everything else (trash, journal, reads) leaves the revision alone.
 */
export const savedReleaseOf = (
  channel: Channel,
  value: unknown,
): MainEventPayload<'release:saved'> | null => {
  const answer = record(value);
  const summary =
    channel === 'drafts:save'
      ? answer
      : channel === 'drafts:mark-ready' && answer?.status === 'ready'
        ? record(answer.summary)
        : null;
  if (!summary) return null;
  const parsed = MAIN_EVENTS['release:saved'].safeParse({
    id: summary.id,
    revision: summary.revision,
  });
  return parsed.success ? parsed.data : null;
};

/** Tells every window but the one that saved; that one already has the new revision. */
export const broadcastSaved = (
  windows: readonly Target[],
  senderId: number,
  saved: MainEventPayload<'release:saved'>,
): number => {
  let told = 0;
  for (const contents of windows) {
    if (contents.id === senderId || contents.isDestroyed()) continue;
    sendMainEvent(contents, 'release:saved', saved);
    told += 1;
  }
  return told;
};

/** Tells every window (the store moved, preferences changed). */
export const broadcastEvent = <E extends MainEvent>(
  windows: readonly Target[],
  event: E,
  payload: MainEventPayload<E>,
): void => {
  for (const contents of windows) sendMainEvent(contents, event, payload);
};
