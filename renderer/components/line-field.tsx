import { useEffect, useLayoutEffect, useRef, type ComponentPropsWithoutRef } from 'react';
import type { Language } from '../../shared/schemas';
import { changedRange, typesetInput } from '../../shared/writing/typography';

type LineFieldProps = Omit<
  ComponentPropsWithoutRef<'textarea'>,
  'value' | 'onChange' | 'lang' | 'onCompositionStart' | 'onCompositionEnd'
> & {
  value: string;
  language: Language;
  onChange: (value: string) => void;
};

/**
 * A one-line text that may wrap (the headline, the summary): Enter does not break it and a
 * pasted line break becomes a space, and house typography in the release's language is set as
 * the officer types, by the body's rules (“quotes”, « guillemets », the en dash, single spaces).
 *
 * The change goes in as an edit of its own, after the typed character, so Ctrl+Z gives back the
 * straight quote (and keeps it), as Backspace does in the body. Nothing is set while an input
 * method or a dead key is composing (`"` then `e` makes ë on a US-International keyboard).
 */
export function LineField({ value, language, onChange, ...props }: LineFieldProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<number | null>(null);
  // The text before a composition, to set what the composition added once it ends.
  const composing = useRef<string | null>(null);

  // One line: Enter does not break it (the headline's own Enter moves on to the body).
  useEffect(() => {
    const field = ref.current;
    const refuseBreak = (event: InputEvent) => {
      if (/^insert(?:LineBreak|Paragraph)$/.test(event.inputType)) event.preventDefault();
    };
    field?.addEventListener('beforeinput', refuseBreak);
    return () => field?.removeEventListener('beforeinput', refuseBreak);
  }, []);

  // Only when the browser could not make the change an edit of its own (see replace below).
  useLayoutEffect(() => {
    const field = ref.current;
    if (field && caret.current !== null && field.value === value) {
      field.setSelectionRange(caret.current, caret.current);
      caret.current = null;
    }
  }, [value]);

  /** Puts `next` in the field as one undoable edit of the part that differs. */
  const replace = (
    field: HTMLTextAreaElement,
    typed: string,
    next: { value: string; caret: number },
  ) => {
    if (field.value !== typed) return;
    const { start, endOld, endNew } = changedRange(typed, next.value);
    field.setSelectionRange(start, endOld);
    const text = next.value.slice(start, endNew);
    const done =
      text === ''
        ? document.execCommand('delete')
        : document.execCommand('insertText', false, text);
    if (done && field.value === next.value) {
      field.setSelectionRange(next.caret, next.caret);
    } else {
      caret.current = next.caret;
      onChange(next.value);
    }
  };

  /**
   * Undoing a house-style edit brings back the typed character selected, as the browser restores
   * the selection of the edit it undoes: the officer typing on must not replace it.
   */
  const afterUndo = (field: HTMLTextAreaElement) => {
    const selected = field.value.slice(field.selectionStart, field.selectionEnd);
    if (/^[ "'\-:;!?\u00a0]{1,2}$/u.test(selected)) {
      field.setSelectionRange(field.selectionEnd, field.selectionEnd);
    }
  };

  const settle = (field: HTMLTextAreaElement, inputType: string, previous = value) => {
    if (inputType === 'historyUndo') afterUndo(field);
    const typed = field.value;
    const next = typesetInput(previous, typed, field.selectionEnd, inputType, language);
    onChange(typed);
    // After React has taken the typed text, so that the change is an edit of its own.
    if (next) queueMicrotask(() => replace(field, typed, next));
  };

  return (
    <textarea
      {...props}
      ref={ref}
      lang={language}
      value={value}
      onChange={(event) => {
        const input = event.nativeEvent as InputEvent;
        if (input.isComposing) onChange(event.target.value);
        else settle(event.target, input.inputType);
      }}
      onCompositionStart={() => {
        composing.current = value;
      }}
      onCompositionEnd={(event) => {
        settle(event.currentTarget, 'insertCompositionText', composing.current ?? value);
        composing.current = null;
      }}
    />
  );
}
