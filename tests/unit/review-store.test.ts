import fs from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fieldsOfDoc } from '../../main/services/review-doc';
import { ReviewFileSchema } from '../../shared/review-file';
import type { Draft } from '../../shared/schemas';
import { cli } from '../support/run-cli';
import { ask, doc, mark, openDesk, para, saveAs, type Desk } from '../support/review-fixture';

let desk: Desk;
let dir: string;
let draft: Draft;

beforeEach(async () => {
  desk = await openDesk('store');
  dir = desk.dir;
  draft = await saveAs(desk, await desk.services.drafts.create(), {
    headline: 'Conference opens',
    body: doc(para('The minister opened the conference.')),
  });
});

afterEach(async () => {
  await desk.close();
});

const docFile = () => path.join(dir, 'review', `${draft.id}.ydoc`);

const reopen = async () => {
  await desk.services.close();
  const again = await openDesk('store', dir);
  desk = {
    ...again,
    close: () => again.close().then(() => fs.rm(dir, { recursive: true, force: true })),
  };
};

const sentFields = async () => {
  const sent = await ask(desk, 'review:export', { id: draft.id, purpose: 'send', by: 'Anna' });
  const copy = new Y.Doc();
  Y.applyUpdate(
    copy,
    Buffer.from(ReviewFileSchema.parse(JSON.parse(sent.content)).update, 'base64'),
  );
  return fieldsOfDoc(copy);
};

describe('review documents in the store', () => {
  it('are made only for releases that enter review', async () => {
    await saveAs(desk, draft, { headline: 'Saved again' });
    await expect(fs.readdir(path.join(dir, 'review'))).rejects.toThrow(/ENOENT/);
    await ask(desk, 'review:export', { id: draft.id, purpose: 'send', by: 'Anna' });
    expect(await fs.readdir(path.join(dir, 'review'))).toEqual([`${draft.id}.ydoc`]);
  });

  it('follow every save of a release in review, durably beside it', async () => {
    await ask(desk, 'review:export', { id: draft.id, purpose: 'send', by: 'Anna' });
    const before = await fs.readFile(docFile(), 'utf8');
    await saveAs(desk, await desk.services.drafts.get(draft.id), {
      headline: 'Conference opens today',
    });
    expect(await fs.readFile(docFile(), 'utf8')).not.toBe(before);
    await reopen();
    expect((await sentFields()).headline).toBe('Conference opens today');
  });

  it('lose nothing to a crash between the release’s write and its document’s', async () => {
    await ask(desk, 'review:export', { id: draft.id, purpose: 'send', by: 'Anna' });
    const stale = await fs.readFile(docFile());
    const body = doc(
      para(
        'The minister ',
        { text: 'opened', marks: [mark('insertion', { id: 's-crashtest001' })] },
        ' it.',
      ),
    );
    await saveAs(desk, await desk.services.drafts.get(draft.id), {
      headline: 'After the crash',
      body,
    });
    // The document's write was lost: the file is as it was before that save.
    await desk.services.close();
    await fs.writeFile(docFile(), stale);
    const again = await openDesk('store', dir);
    desk = {
      ...again,
      close: () => again.close().then(() => fs.rm(dir, { recursive: true, force: true })),
    };
    const fields = await sentFields();
    expect(fields.headline).toBe('After the crash');
    expect(JSON.stringify(fields.body)).toContain('s-crashtest001');
  });

  it('set a document that does not decode aside, say so, and start a new history', async () => {
    await ask(desk, 'review:export', { id: draft.id, purpose: 'send', by: 'Anna' });
    await desk.services.close();
    await fs.writeFile(docFile(), '{"format":"newsroom-review-doc","version":1,"releaseId":"x"');
    const check = await cli('check', '--store', dir, '--json');
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`review/${draft.id}.ydoc`);
    expect(check.stdout).toMatch(/the review history does not decode/);

    const again = await openDesk('store', dir);
    desk = {
      ...again,
      close: () => again.close().then(() => fs.rm(dir, { recursive: true, force: true })),
    };
    await saveAs(desk, await desk.services.drafts.get(draft.id), {
      headline: 'Saved after damage',
    });
    const names = await fs.readdir(path.join(dir, 'review'));
    expect(names.some((name) => name.startsWith(`${draft.id}.ydoc.corrupt-`))).toBe(true);
    expect(desk.services.storeReport().events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'damaged-file',
          draftId: draft.id,
          message: expect.stringMatching(/review history/),
        }),
      ]),
    );
    // Review goes on from the release as saved.
    expect((await sentFields()).headline).toBe('Saved after damage');
  });

  it('are covered by newsroom check: each decodes and belongs to a release', async () => {
    await ask(desk, 'review:export', { id: draft.id, purpose: 'send', by: 'Anna' });
    await desk.services.close();
    expect((await cli('check', '--store', dir)).code).toBe(0);
    const orphan = path.join(dir, 'review', '00000000-0000-4000-8000-000000000000.ydoc');
    const text = (await fs.readFile(docFile(), 'utf8')).replace(
      draft.id,
      '00000000-0000-4000-8000-000000000000',
    );
    await fs.writeFile(orphan, text);
    const check = await cli('check', '--store', dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(
      /review\/00000000-.*\.ydoc: the review history of release 0{8}-.*which the store does not have/,
    );
    const again = await openDesk('store', dir);
    desk = {
      ...again,
      close: () => again.close().then(() => fs.rm(dir, { recursive: true, force: true })),
    };
  });

  it('refuse “Mark as ready” while a suggestion or a comment is open', async () => {
    const current = await desk.services.drafts.get(draft.id);
    await saveAs(desk, current, {
      body: doc(
        para(
          'The minister ',
          { text: 'opened', marks: [mark('insertion', { id: 's-readytest001' })] },
          ' it.',
        ),
      ),
      review: {
        threads: [],
        suggestions: [
          {
            id: 's-readytest001',
            author: 'Rita',
            at: '2025-03-14T10:00:00.000Z',
            field: 'body',
            kind: 'insert',
            text: 'opened',
            previous: null,
          },
        ],
      },
    });
    const result = await desk.services.workflow.markReady(draft.id);
    expect(result.status).toBe('blocked');
    expect(result.status === 'blocked' && result.items.map((item) => item.field)).toContain(
      'review',
    );
    expect((await desk.services.drafts.get(draft.id)).status).toBe('draft');
  });
});
