import type { ExportFormat } from '../../shared/schemas';
import { MenuButton } from './menu-button';

const FORMATS: { format: ExportFormat; label: string; hint: string }[] = [
  { format: 'md', label: 'Markdown', hint: '.md with YAML front matter' },
  { format: 'html', label: 'HTML', hint: '.html document' },
];

/** The "Export" button and its menu of formats. */
export function ExportMenu({
  disabled,
  onExport,
}: {
  disabled: boolean;
  onExport: (format: ExportFormat) => void;
}) {
  return (
    <MenuButton
      label="Export"
      disabled={disabled}
      entries={FORMATS.map(({ format, label, hint }) => ({
        key: format,
        label,
        hint,
        run: () => onExport(format),
      }))}
    />
  );
}
