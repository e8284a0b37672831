import { redoDepth, undoDepth } from '@tiptap/pm/history';
import type { EditorState } from '@tiptap/pm/state';
import { useEditorState, type Editor } from '@tiptap/react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { isSuggestChangesEnabled } from '@handlewithcare/prosemirror-suggest-changes';
import { isAllowedHref } from '../../../shared/extensions';
import type { ReviewController } from '../review/review-controller';
import { formattingOf, sameFormattingContext, type Formatting } from './toolbar-state';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';
const shift = isMac ? '⇧' : 'Shift+';

interface ToolButtonProps {
  label: string;
  shortcut?: string;
  active?: boolean;
  disabled?: boolean;
  className?: string;
  onRun: () => void;
}

function ToolButton({ label, shortcut, active, disabled, className, onRun }: ToolButtonProps) {
  return (
    <button
      type="button"
      className={`tool ${className ?? ''}`}
      aria-pressed={active}
      disabled={disabled}
      title={shortcut ? `${label} (${shortcut})` : label}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onRun}
    >
      {label}
    </button>
  );
}

/** Normalises what a person types as a link: a bare domain becomes https, an address mailto. */
export const normaliseHref = (raw: string): string | null => {
  const text = raw.trim();
  if (!text) return null;
  const candidate = /^[\w.+-]+@[\w-]+\.[\w.-]+$/.test(text)
    ? `mailto:${text}`
    : /^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith('#')
      ? text
      : `https://${text}`;
  return isAllowedHref(candidate) ? candidate : null;
};

function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const inputId = useId();
  const current = (editor.getAttributes('link').href as string | undefined) ?? '';
  const [href, setHref] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const target = normaliseHref(href);
    if (!target) {
      setError('Use a web address (https://…), an e-mail address or mailto:.');
      return;
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href: target }).run();
    onClose();
  };
  return (
    <form
      className="link-form"
      onSubmit={apply}
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <label htmlFor={inputId} className="field-label">
        Link address
      </label>
      <input
        ref={inputRef}
        id={inputId}
        className="text-input"
        value={href}
        placeholder="https://www.osce.org/…"
        onChange={(event) => {
          setHref(event.target.value);
          setError(null);
        }}
        aria-invalid={error !== null}
      />
      <button type="submit" className="button primary small">
        Apply
      </button>
      {current && (
        <button
          type="button"
          className="button small"
          onClick={() => {
            editor.chain().focus().extendMarkRange('link').unsetLink().run();
            onClose();
          }}
        >
          Remove link
        </button>
      )}
      <button type="button" className="button small" onClick={onClose}>
        Cancel
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** Shown while the cursor is in a table: rows and columns in, out, and the table itself. */
function TableTools({ editor }: { editor: Editor }) {
  const run = (action: (chain: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => () =>
    action(editor.chain().focus()).run();
  return (
    <div className="toolbar table-tools" role="toolbar" aria-label="Table">
      <ToolButton label="Row above" onRun={run((c) => c.addRowBefore())} />
      <ToolButton label="Row below" onRun={run((c) => c.addRowAfter())} />
      <ToolButton label="Column left" onRun={run((c) => c.addColumnBefore())} />
      <ToolButton label="Column right" onRun={run((c) => c.addColumnAfter())} />
      <ToolButton label="Delete row" onRun={run((c) => c.deleteRow())} />
      <ToolButton label="Delete column" onRun={run((c) => c.deleteColumn())} />
      <ToolButton label="Delete table" onRun={run((c) => c.deleteTable())} />
    </div>
  );
}

interface ToolbarProps {
  editor: Editor;
  linkFormOpen: boolean;
  setLinkFormOpen: (open: boolean) => void;
  findOpen: boolean;
  onFind: () => void;
  reviewer: ReviewController;
}

export function Toolbar({
  editor,
  linkFormOpen,
  setLinkFormOpen,
  findOpen,
  onFind,
  reviewer,
}: ToolbarProps) {
  // Reads only what the buttons show, so typing does not re-render the toolbar; and checks the
  // formatting again only when the caret's surroundings or marks changed, not on every letter.
  const formatting = useRef<{ state: EditorState; value: Formatting } | null>(null);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const last = formatting.current;
      const value =
        last && sameFormattingContext(last.state, e.state) ? last.value : formattingOf(e);
      formatting.current = { state: e.state, value };
      return {
        ...value,
        // The history's own depth: `can().undo()` builds a whole command chain on every keystroke.
        canUndo: undoDepth(e.state) > 0,
        canRedo: redoDepth(e.state) > 0,
        suggesting: isSuggestChangesEnabled(e.state),
      };
    },
  });
  const run = (action: (chain: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => () =>
    action(editor.chain().focus()).run();

  return (
    <div className="toolbar-wrap">
      <div className="toolbar" role="toolbar" aria-label="Formatting">
        <div className="tool-group">
          <ToolButton
            label="Bold"
            className="tool-bold"
            shortcut={`${mod}B`}
            active={state.bold}
            onRun={run((c) => c.toggleBold())}
          />
          <ToolButton
            label="Italic"
            className="tool-italic"
            shortcut={`${mod}I`}
            active={state.italic}
            onRun={run((c) => c.toggleItalic())}
          />
        </div>
        <div className="tool-group">
          <ToolButton
            label="Heading"
            shortcut={`${mod}Alt+2`}
            active={state.h2}
            onRun={run((c) => c.toggleHeading({ level: 2 }))}
          />
          <ToolButton
            label="Subheading"
            shortcut={`${mod}Alt+3`}
            active={state.h3}
            onRun={run((c) => c.toggleHeading({ level: 3 }))}
          />
        </div>
        <div className="tool-group">
          <ToolButton
            label="Bullets"
            shortcut={`${mod}${shift}8`}
            active={state.bullet}
            onRun={run((c) => c.toggleBulletList())}
          />
          <ToolButton
            label="Numbering"
            shortcut={`${mod}${shift}7`}
            active={state.ordered}
            onRun={run((c) => c.toggleOrderedList())}
          />
          <ToolButton
            label="Quote"
            shortcut={`${mod}${shift}B`}
            active={state.quote}
            onRun={run((c) => c.toggleBlockquote())}
          />
          <ToolButton
            label="Table"
            active={state.table}
            disabled={state.table}
            onRun={run((c) => c.insertTable({ rows: 3, cols: 3, withHeaderRow: true }))}
          />
        </div>
        <div className="tool-group">
          <ToolButton
            label="Link"
            shortcut={`${mod}K`}
            active={state.link || linkFormOpen}
            onRun={() => setLinkFormOpen(!linkFormOpen)}
          />
        </div>
        <div className="tool-group">
          <ToolButton label="Find" shortcut={`${mod}F`} active={findOpen} onRun={onFind} />
        </div>
        <div className="tool-group">
          <ToolButton
            label="Comment"
            shortcut={`${mod}${isMac ? '⌥' : 'Alt+'}M`}
            onRun={() => void reviewer.comment()}
          />
          <ToolButton
            label="Suggest changes"
            className="tool-suggest"
            active={state.suggesting}
            onRun={() => void reviewer.toggleSuggest()}
          />
        </div>
        <div className="tool-group">
          <ToolButton
            label="Undo"
            shortcut={`${mod}Z`}
            disabled={!state.canUndo}
            onRun={run((c) => c.undo())}
          />
          <ToolButton
            label="Redo"
            shortcut={isMac ? `${mod}${shift}Z` : `${mod}Y`}
            disabled={!state.canRedo}
            onRun={run((c) => c.redo())}
          />
        </div>
      </div>
      {state.table && <TableTools editor={editor} />}
      {linkFormOpen && <LinkForm editor={editor} onClose={() => setLinkFormOpen(false)} />}
    </div>
  );
}
