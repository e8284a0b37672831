import { useLayoutEffect, useRef, type ComponentPropsWithoutRef } from 'react';
import type { Language } from '../../shared/schemas';
import { typesetBeforeCaret } from '../../shared/writing/typography';

type LineFieldProps = Omit<
  ComponentPropsWithoutRef<'textarea'>,
  'value' | 'onChange' | 'lang' | 'onCompositionEnd'
> & {
  value: string;
  language: Language;
  onChange: (value: string) => void;
};

/**
 * A one-line text that may wrap (the headline, the summary): a line break typed or pasted becomes
 * a space, and house typography in the release's language is set as the officer types (“quotes”,
 * « guillemets », the en dash, single spaces) without moving the caret. Nothing is set while an
 * input method or a dead key is still composing a character (`"` then `e` makes ë on a
 * US-International keyboard): the text is set when the composition ends.
 */
export function LineField({ value, language, onChange, ...props }: LineFieldProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<number | null>(null);

  useLayoutEffect(() => {
    const field = ref.current;
    if (field && caret.current !== null && field.value === value) {
      field.setSelectionRange(caret.current, caret.current);
      caret.current = null;
    }
  }, [value]);

  const typeset = (field: HTMLTextAreaElement) => {
    const set = typesetBeforeCaret(
      field.value.replace(/\r?\n/g, ' '),
      field.selectionStart,
      language,
    );
    caret.current = set.caret;
    onChange(set.value);
  };

  return (
    <textarea
      {...props}
      ref={ref}
      lang={language}
      value={value}
      onChange={(event) => {
        if ((event.nativeEvent as InputEvent).isComposing) onChange(event.target.value);
        else typeset(event.target);
      }}
      onCompositionEnd={(event) => typeset(event.currentTarget)}
    />
  );
}
