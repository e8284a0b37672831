import type { ContextMenuParams, MenuItemConstructorOptions, WebContents } from 'electron';
import { externalUrl } from './external-links';

export type MenuParams = Pick<
  ContextMenuParams,
  | 'misspelledWord'
  | 'dictionarySuggestions'
  | 'isEditable'
  | 'selectionText'
  | 'linkURL'
  | 'editFlags'
>;

export interface ContextMenuActions {
  spellcheck: boolean;
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
  setSpellcheck(enabled: boolean): void;
  openLink(url: string): void;
  copyText(text: string): void;
  /** Opens a comment thread on the selection ("Comment", as in the toolbar). */
  comment(): void;
}

type Item = MenuItemConstructorOptions;

const MAX_SUGGESTIONS = 6;

/**
 * The right-click menu for what is under the pointer. Electron shows none by default, so without
 * this there would be no spelling suggestions at all: they arrive in `dictionarySuggestions`.
 * An empty template means "show nothing".
 */
export const buildContextMenuTemplate = (
  params: MenuParams,
  actions: ContextMenuActions,
): Item[] => {
  const groups: Item[][] = [];

  if (params.isEditable && params.misspelledWord) {
    const word = params.misspelledWord;
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    groups.push([
      ...(suggestions.length > 0
        ? suggestions.map<Item>((suggestion) => ({
            label: suggestion,
            click: () => actions.replaceMisspelling(suggestion),
          }))
        : [{ label: 'No Spelling Suggestions', enabled: false }]),
      { type: 'separator' },
      { label: `Add “${word}” to Dictionary`, click: () => actions.addToDictionary(word) },
    ]);
  }

  const link = params.linkURL ? externalUrl(params.linkURL) : null;
  if (link) {
    groups.push([
      { label: 'Open Link in Browser', click: () => actions.openLink(link) },
      { label: 'Copy Link Address', click: () => actions.copyText(link) },
    ]);
  }

  if (params.isEditable && params.selectionText.trim()) {
    groups.push([{ label: 'Comment', click: () => actions.comment() }]);
  }

  if (params.isEditable) {
    const flags = params.editFlags;
    groups.push([
      { role: 'undo', enabled: flags.canUndo },
      { role: 'redo', enabled: flags.canRedo },
      { type: 'separator' },
      { role: 'cut', enabled: flags.canCut },
      { role: 'copy', enabled: flags.canCopy },
      { role: 'paste', enabled: flags.canPaste },
      { role: 'selectAll', enabled: flags.canSelectAll },
    ]);
    groups.push([
      {
        label: 'Check Spelling While Typing',
        type: 'checkbox',
        checked: actions.spellcheck,
        click: () => actions.setSpellcheck(!actions.spellcheck),
      },
    ]);
  } else if (params.selectionText.trim()) {
    groups.push([{ role: 'copy', enabled: params.editFlags.canCopy }]);
  }

  return groups.flatMap((group, index) =>
    index === 0 ? group : [{ type: 'separator' } satisfies Item, ...group],
  );
};

/** Shows the context menu for every right click in `contents`; `popup` builds the native menu. */
export const attachContextMenu = (
  contents: Pick<WebContents, 'on'>,
  actionsFor: () => ContextMenuActions,
  popup: (template: Item[]) => void,
): void => {
  contents.on('context-menu', (_event, params) => {
    const template = buildContextMenuTemplate(params, actionsFor());
    if (template.length > 0) popup(template);
  });
};
