import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type OpenedServices } from '../../main/services';
import { docText } from '../../shared/writing/counts';

let dir: string;
let services: OpenedServices;
const clock = () => new Date('2026-03-10T09:00:00Z');

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-templates-'));
  services = await openServices({ storeDir: dir, clock });
});
afterEach(async () => {
  await services.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const fill = async (id: string, text: string) => {
  const draft = await services.drafts.get(id);
  await services.drafts.save({
    id,
    headline: 'OSCE trains election observers',
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
    meta: {
      ...draft.meta,
      placeIds: ['vienna'],
      sourceIds: ['secretariat'],
      fieldOfWorkIds: ['elections'],
    },
    blocks: { ...draft.blocks, lead: 'Observers trained.' },
    status: 'draft',
  });
};

describe('releases from templates', () => {
  it('starts a media advisory with its content type, skeleton, date and the source’s blocks', async () => {
    const draft = await services.workflow.createFromTemplate('media-advisory');
    expect(draft.templateId).toBe('media-advisory');
    expect(draft.meta.contentTypeId).toBe('media-advisory');
    expect(draft.meta.date).toBe('2026-03-10');
    expect(docText(draft.body)).toMatch(/When/);
    expect(draft.blocks.contact).toContain('press@osce.org');
  });

  it('will not mark a release ready while the template’s prompts or the metadata are missing', async () => {
    const draft = await services.workflow.createFromTemplate('press-release');
    const blocked = await services.workflow.markReady(draft.id);
    expect(blocked.status).toBe('blocked');
    const fields =
      blocked.status === 'blocked'
        ? blocked.items.filter((i) => i.severity === 'missing').map((i) => i.field)
        : [];
    expect(fields).toEqual(
      expect.arrayContaining(['headline', 'place', 'source', 'fieldsOfWork', 'body']),
    );
    expect((await services.drafts.get(draft.id)).status).toBe('draft');

    await fill(draft.id, 'VIENNA – The OSCE trained 120 observers.');
    const ready = await services.workflow.markReady(draft.id);
    expect(ready.status).toBe('ready');
    expect((await services.drafts.get(draft.id)).status).toBe('ready');
  });

  it('saves a release as the officer’s own template, renames it, updates it and deletes it', async () => {
    const draft = await services.workflow.createFromTemplate('news-item');
    await fill(draft.id, 'Weekly round-up: [Three items of the week]');
    const saved = await services.templates.saveFromDraft(
      await services.drafts.get(draft.id),
      'Weekly round-up',
    );
    expect(saved).toMatchObject({
      builtin: false,
      name: 'Weekly round-up',
      contentTypeId: 'news-item',
    });
    expect(saved.placeholders).toEqual(['[Three items of the week]']);

    // Survives a restart: it lives in the store.
    await services.close();
    services = await openServices({ storeDir: dir, clock });
    expect(services.templates.list().map((t) => t.name)).toContain('Weekly round-up');

    const renamed = await services.templates.update(saved.id, { name: 'Friday round-up' });
    expect(renamed.name).toBe('Friday round-up');
    const fromIt = await services.workflow.createFromTemplate(saved.id);
    expect(docText(fromIt.body)).toContain('[Three items of the week]');
    const blocked = await services.workflow.markReady(fromIt.id);
    expect(
      blocked.status === 'blocked' &&
        blocked.items.some((i) => i.message.includes('[Three items of the week]')),
    ).toBe(true);

    await services.templates.remove(saved.id);
    expect(services.templates.list().some((t) => t.id === saved.id)).toBe(false);
    await expect(services.templates.remove('press-release')).rejects.toThrow(/Built-in/);
  });
});
