import { z } from 'zod';
import { DraftIdSchema } from './schemas';

/**
 * Events main sends every window besides menu commands (shared/commands.ts), each with the
 * schema its payload must pass. The preload subscribes to these names only and hands the page
 * the parsed payload, never the IPC event.
 */
export const MAIN_EVENTS = {
  /** A release was saved (by another window): its id and new revision. */
  'release:saved': z
    .object({ id: DraftIdSchema, revision: z.number().int().nonnegative() })
    .strict(),
  /** The store moved (Preferences): every window reloads its library from the new folder. */
  'store:changed': z.object({ storePath: z.string().min(1) }).strict(),
  /** A batch export moved on by one release: how far it is, out of how many. */
  'export:progress': z
    .object({
      done: z.number().int().nonnegative(),
      total: z.number().int().nonnegative(),
      headline: z.string(),
    })
    .strict(),
  /** Preferences changed in some window: the others fetch them again (theme, officer's name). */
  'preferences:changed': z.object({}).strict(),
} as const;

export type MainEvent = keyof typeof MAIN_EVENTS;
export type MainEventPayload<E extends MainEvent> = z.infer<(typeof MAIN_EVENTS)[E]>;

export const MAIN_EVENT_NAMES = Object.keys(MAIN_EVENTS) as MainEvent[];

export const isMainEvent = (value: unknown): value is MainEvent =>
  typeof value === 'string' && Object.hasOwn(MAIN_EVENTS, value);

/** The IPC channel an event travels on; namespaced apart from the contract's channels. */
export const mainEventChannel = (event: MainEvent): string => `event:${event}`;

/** What the preload exposes for them. */
export interface MainEventBridge {
  on<E extends MainEvent>(event: E, listener: (payload: MainEventPayload<E>) => void): () => void;
}

export const MAIN_EVENT_BRIDGE_KEY = 'newsroomEvents';

/** An event's payload checked against its schema; null when it does not fit. */
export const parseMainEvent = <E extends MainEvent>(
  event: E,
  payload: unknown,
): MainEventPayload<E> | null => {
  const parsed = MAIN_EVENTS[event].safeParse(payload);
  // zod types the union of every event's payload; the schema picked by `event` fits `E`'s.
  return parsed.success ? (parsed.data as MainEventPayload<E>) : null;
};
