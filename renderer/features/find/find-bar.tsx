import { useEditorState, type Editor } from '@tiptap/react';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { findState } from './find-replace-extension';

interface FindBarProps {
  editor: Editor;
  /** Open with the replace field focused (Ctrl+H) rather than the find field. */
  focusReplace: boolean;
  onClose: () => void;
}

/** Find and replace in the body: match case, whole word, replace one or all (one undo). */
export function FindBar({ editor, focusReplace, onClose }: FindBarProps) {
  const findId = useId();
  const replaceId = useId();
  const caseId = useId();
  const wordId = useId();
  const [query, setQuery] = useState(() => {
    const { from, to } = editor.state.selection;
    const selected = editor.state.doc.textBetween(from, to, ' ');
    return selected.length > 0 && selected.length < 100 && !selected.includes('\n') ? selected : '';
  });
  const [replacement, setReplacement] = useState('');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [wholeWord, setWholeWord] = useState(false);
  const findRef = useRef<HTMLInputElement>(null);
  const replaceRef = useRef<HTMLInputElement>(null);
  const { count, current } = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const state = findState(e.state);
      return { count: state.matches.length, current: state.current };
    },
  });

  useEffect(() => {
    editor.commands.setFindQuery(query, { caseSensitive, wholeWord });
  }, [editor, query, caseSensitive, wholeWord]);
  useEffect(() => () => void editor.commands.clearFind(), [editor]);
  useEffect(() => {
    (focusReplace ? replaceRef : findRef).current?.focus();
    findRef.current?.select();
  }, [focusReplace]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      editor.commands.focus();
    } else if (event.key === 'Enter' && event.currentTarget === findRef.current) {
      event.preventDefault();
      if (event.shiftKey) editor.commands.findPrevious();
      else editor.commands.findNext();
    } else if (event.key === 'Enter' && event.currentTarget === replaceRef.current) {
      event.preventDefault();
      editor.commands.replaceCurrent(replacement);
    }
  };

  const status =
    query === ''
      ? ''
      : count === 0
        ? 'No matches'
        : current >= 0
          ? `${current + 1} of ${count}`
          : `${count} ${count === 1 ? 'match' : 'matches'}`;
  return (
    <div className="find-bar" role="search" aria-label="Find and replace">
      <div className="find-row">
        <label htmlFor={findId} className="field-label">
          Find
        </label>
        <input
          ref={findRef}
          id={findId}
          className="text-input"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <span className="find-count" role="status" aria-live="polite">
          {status}
        </span>
        <button
          type="button"
          className="button small"
          disabled={count === 0}
          onClick={() => editor.commands.findPrevious()}
        >
          Previous
        </button>
        <button
          type="button"
          className="button small"
          disabled={count === 0}
          onClick={() => editor.commands.findNext()}
        >
          Next
        </button>
        <button
          type="button"
          className="button small subtle"
          onClick={() => {
            onClose();
            editor.commands.focus();
          }}
        >
          Close
        </button>
      </div>
      <div className="find-row">
        <label htmlFor={replaceId} className="field-label">
          Replace with
        </label>
        <input
          ref={replaceRef}
          id={replaceId}
          className="text-input"
          value={replacement}
          onChange={(e) => setReplacement(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <span className="find-options">
          <input
            id={caseId}
            type="checkbox"
            checked={caseSensitive}
            onChange={(e) => setCaseSensitive(e.target.checked)}
          />
          <label htmlFor={caseId}>Match case</label>
          <input
            id={wordId}
            type="checkbox"
            checked={wholeWord}
            onChange={(e) => setWholeWord(e.target.checked)}
          />
          <label htmlFor={wordId}>Whole word</label>
        </span>
        <button
          type="button"
          className="button small"
          disabled={count === 0}
          onClick={() => editor.commands.replaceCurrent(replacement)}
        >
          Replace
        </button>
        <button
          type="button"
          className="button small"
          disabled={count === 0}
          onClick={() => editor.commands.replaceAll(replacement)}
        >
          Replace all
        </button>
      </div>
    </div>
  );
}
