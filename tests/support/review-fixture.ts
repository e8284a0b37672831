import fs from 'node:fs/promises';
import { dispatch, createHandlers, type Handlers } from '../../main/services/handlers';
import { openServices, type OpenedServices } from '../../main/services';
import type { ChannelInput, ChannelOutput } from '../../shared/contract';
import type { ReviewState } from '../../shared/review';
import type { Draft, RichNode } from '../../shared/schemas';
import { makeTempDir, tickingClock } from './store-fixtures';

/** One person's copy of the app: a real store in a temporary folder, and its handlers. */
export interface Desk {
  dir: string;
  services: OpenedServices;
  handlers: Handlers;
  close(): Promise<void>;
}

export const openDesk = async (who: string, dir?: string): Promise<Desk> => {
  const folder = dir ?? (await makeTempDir(`review-${who}`));
  const services = await openServices({ storeDir: folder, clock: tickingClock() });
  const handlers = createHandlers(services);
  return {
    dir: folder,
    services,
    handlers,
    close: async () => {
      await services.close();
      if (!dir) await fs.rm(folder, { recursive: true, force: true });
    },
  };
};

/** A request through the one door, as a window sends it; throws the refusal's message. */
export const ask = async <C extends 'review:export' | 'review:open'>(
  desk: Desk,
  channel: C,
  payload: ChannelInput<C>,
): Promise<ChannelOutput<C>> => {
  const result = await dispatch(desk.handlers, channel, payload);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as ChannelOutput<C>;
};

export const refusalOf = async (desk: Desk, channel: string, payload: unknown) => {
  const result = await dispatch(desk.handlers, channel, payload);
  if (result.ok) throw new Error(`expected ${channel} to be refused`);
  return result.error;
};

type Span = string | { text: string; marks: { type: string; attrs: Record<string, unknown> }[] };

export const para = (...spans: Span[]): RichNode => ({
  type: 'paragraph',
  content: spans.map((span) =>
    typeof span === 'string' ? { type: 'text', text: span } : { type: 'text', ...span },
  ),
});

export const doc = (...blocks: RichNode[]): RichNode => ({ type: 'doc', content: blocks });

export const mark = (type: string, attrs: Record<string, unknown>) => ({ type, attrs });

/** Saves the release as a window would: its body, headline and (when given) review. */
export const saveAs = async (
  desk: Desk,
  draft: Draft,
  change: { headline?: string; body?: RichNode; review?: ReviewState; lead?: string },
): Promise<Draft> => {
  await desk.services.drafts.save({
    id: draft.id,
    headline: change.headline ?? draft.headline,
    body: change.body ?? draft.body,
    meta: draft.meta,
    blocks: { ...draft.blocks, lead: change.lead ?? draft.blocks.lead },
    status: draft.status,
    review: change.review,
  });
  return desk.services.drafts.get(draft.id);
};

/** Every text of a body, in order, with the marks on each piece: what the tests compare. */
export const pieces = (body: RichNode): string[] => {
  const out: string[] = [];
  const walk = (node: RichNode) => {
    if (node.text !== undefined) {
      const marks = (node.marks ?? []).map((m) => m.type).sort();
      out.push(marks.length ? `${node.text}[${marks.join(',')}]` : node.text);
    }
    for (const child of node.content ?? []) walk(child);
    if (node.type === 'paragraph') out.push('¶');
  };
  walk(body);
  return out;
};

export const textOf = (body: RichNode): string =>
  pieces(body)
    .map((p) => p.replace(/\[.*\]$/, ''))
    .join('');
