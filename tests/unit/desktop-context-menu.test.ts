import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  attachContextMenu,
  buildContextMenuTemplate,
  type ContextMenuActions,
  type MenuParams,
} from '../../main/desktop/context-menu';
import { applySpellcheckLanguage, dictionariesFor } from '../../main/desktop/spelling';

type Item = ReturnType<typeof buildContextMenuTemplate>[number];
type Contents = Parameters<typeof attachContextMenu>[0];
type Session = Parameters<typeof applySpellcheckLanguage>[0];

const allowed = {
  canUndo: true,
  canRedo: true,
  canCut: true,
  canCopy: true,
  canPaste: true,
  canDelete: true,
  canSelectAll: true,
  canEditRichly: true,
};

const params = (overrides: Partial<MenuParams> = {}): MenuParams => ({
  misspelledWord: '',
  dictionarySuggestions: [],
  isEditable: true,
  selectionText: '',
  linkURL: '',
  editFlags: allowed,
  ...overrides,
});

const recorder = (spellcheck = true) => {
  const calls: string[] = [];
  const actions: ContextMenuActions = {
    spellcheck,
    replaceMisspelling: (word) => calls.push(`replace:${word}`),
    addToDictionary: (word) => calls.push(`add:${word}`),
    setSpellcheck: (enabled) => calls.push(`spellcheck:${enabled}`),
    openLink: (url) => calls.push(`open:${url}`),
    copyText: (text) => calls.push(`copy:${text}`),
    comment: () => calls.push('comment'),
  };
  return { actions, calls };
};

const click = (item: Item | undefined) =>
  (item?.click as unknown as (() => unknown) | undefined)?.();
const labels = (items: Item[]) => items.map((i) => i.label ?? i.role ?? i.type);

describe('the context menu', () => {
  it('offers "Comment" on selected text in the editor, and nowhere else', () => {
    const { actions, calls } = recorder();
    const menu = buildContextMenuTemplate(params({ selectionText: 'trained judges' }), actions);
    expect(labels(menu)[0]).toBe('Comment');
    click(menu[0]);
    expect(calls).toEqual(['comment']);
    expect(labels(buildContextMenuTemplate(params(), actions))).not.toContain('Comment');
    expect(
      labels(buildContextMenuTemplate(params({ isEditable: false, selectionText: 'x' }), actions)),
    ).not.toContain('Comment');
  });

  it('offers the spell checker’s suggestions and "Add to Dictionary" for a misspelled word', () => {
    const { actions, calls } = recorder();
    const menu = buildContextMenuTemplate(
      params({
        misspelledWord: 'secratariat',
        dictionarySuggestions: ['secretariat', 'secretary'],
      }),
      actions,
    );
    expect(labels(menu).slice(0, 4)).toEqual([
      'secretariat',
      'secretary',
      'separator',
      'Add “secratariat” to Dictionary',
    ]);
    click(menu[0]);
    click(menu[3]);
    expect(calls).toEqual(['replace:secretariat', 'add:secratariat']);
  });

  it('says so when there are no suggestions, and caps a long list', () => {
    const { actions } = recorder();
    const none = buildContextMenuTemplate(params({ misspelledWord: 'xqzt' }), actions);
    expect(none[0]).toMatchObject({ label: 'No Spelling Suggestions', enabled: false });
    const many = buildContextMenuTemplate(
      params({ misspelledWord: 'teh', dictionarySuggestions: 'abcdefghij'.split('') }),
      actions,
    );
    expect(many.findIndex((i) => i.type === 'separator')).toBe(6);
  });

  it('edits with the page’s own edit flags, and switches spell checking off and on', () => {
    const { actions, calls } = recorder(true);
    const menu = buildContextMenuTemplate(
      params({ editFlags: { ...allowed, canPaste: false, canUndo: false } }),
      actions,
    );
    expect(menu.find((i) => i.role === 'paste')).toMatchObject({ enabled: false });
    expect(menu.find((i) => i.role === 'undo')).toMatchObject({ enabled: false });
    expect(menu.find((i) => i.role === 'cut')).toMatchObject({ enabled: true });
    const toggle = menu.find((i) => i.type === 'checkbox');
    expect(toggle).toMatchObject({ label: 'Check Spelling While Typing', checked: true });
    click(toggle);
    expect(calls).toEqual(['spellcheck:false']);
  });

  it('opens only safe links, through the guarded opener', () => {
    const { actions, calls } = recorder();
    const safe = buildContextMenuTemplate(
      params({ isEditable: false, linkURL: 'https://www.osce.org/' }),
      actions,
    );
    click(safe.find((i) => i.label === 'Open Link in Browser'));
    expect(calls).toEqual(['open:https://www.osce.org/']);
    const unsafe = buildContextMenuTemplate(
      params({ isEditable: false, linkURL: 'file:///etc/passwd' }),
      actions,
    );
    expect(labels(unsafe)).not.toContain('Open Link in Browser');
  });

  it('shows nothing over plain, unselected text, and Copy over a selection', () => {
    const { actions } = recorder();
    expect(buildContextMenuTemplate(params({ isEditable: false }), actions)).toEqual([]);
    expect(
      labels(buildContextMenuTemplate(params({ isEditable: false, selectionText: 'x' }), actions)),
    ).toEqual(['copy']);
  });

  it('pops the menu up on a right click, only when there is something to show', () => {
    const contents = new EventEmitter();
    const shown: Item[][] = [];
    attachContextMenu(
      contents as unknown as Contents,
      () => recorder().actions,
      (t) => shown.push(t),
    );
    contents.emit('context-menu', {}, params({ isEditable: false }));
    contents.emit('context-menu', {}, params({ misspelledWord: 'teh' }));
    expect(shown).toHaveLength(1);
  });
});

describe('spell-check language', () => {
  const chromium = ['en-GB', 'en-US', 'de-DE', 'fr-FR', 'ru'];

  it('follows the release’s language, preferring British English', () => {
    expect(dictionariesFor('en', chromium)).toEqual(['en-GB']);
    expect(dictionariesFor('en', ['en-US'])).toEqual(['en-US']);
    expect(dictionariesFor('de', chromium)).toEqual(['de-DE']);
    expect(dictionariesFor('ru', chromium)).toEqual(['ru']);
    expect(dictionariesFor('fr', [])).toEqual([]);
  });

  it('sets the session’s dictionary on Windows and Linux, and leaves macOS to the system', () => {
    const set: string[][] = [];
    const session = {
      availableSpellCheckerLanguages: chromium,
      setSpellCheckerLanguages: (languages: string[]) => set.push(languages),
    } as unknown as Session;
    expect(applySpellcheckLanguage(session, 'fr', 'linux')).toEqual(['fr-FR']);
    expect(applySpellcheckLanguage(session, 'fr', 'darwin')).toEqual([]);
    expect(set).toEqual([['fr-FR']]);
  });
});
