import type { Template } from '../../../shared/template-schema';
import { MenuButton, type MenuEntry } from '../../components/menu-button';

interface NewReleaseMenuProps {
  templates: readonly Template[];
  onCreate: (templateId: string | null) => void;
  onManage: () => void;
  className?: string;
}

/** "New release": a blank release, or one started from a built-in or an own template. */
export function NewReleaseMenu({
  templates,
  onCreate,
  onManage,
  className = 'button primary',
}: NewReleaseMenuProps) {
  const builtins = templates.filter((t) => t.builtin);
  const own = templates.filter((t) => !t.builtin);
  const entries: MenuEntry[] = [
    { key: 'blank', label: 'Blank release', run: () => onCreate(null) },
    ...builtins.map((t, i) => ({
      key: t.id,
      label: t.name,
      separated: i === 0,
      run: () => onCreate(t.id),
    })),
    ...own.map((t, i) => ({
      key: t.id,
      label: t.name,
      separated: i === 0,
      run: () => onCreate(t.id),
    })),
    { key: 'manage', label: 'Manage templates…', separated: true, run: onManage },
  ];
  return <MenuButton label="New release" className={className} align="left" entries={entries} />;
}
