/** Just enough of a KeyboardEvent to match a shortcut; keeps the matcher testable without a DOM. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const KEY_NAMES: Record<string, string> = { backspace: 'Backspace', ',': ',', ';': ';' };

/**
 * Whether a key press is the given Electron accelerator (`CmdOrCtrl+Shift+E`). Used in browser
 * mode, where no native menu catches the shortcuts; `CmdOrCtrl` is ⌘ on macOS, Ctrl elsewhere.
 */
export const matchesAccelerator = (accelerator: string, press: KeyPress, mac: boolean): boolean => {
  const parts = accelerator.split('+');
  const key = parts.pop()?.toLowerCase() ?? '';
  const wants = new Set(parts.map((p) => p.toLowerCase()));
  const command = wants.has('cmdorctrl');
  if ((mac ? press.metaKey : press.ctrlKey) !== command) return false;
  if ((mac ? press.ctrlKey : press.metaKey) !== false) return false;
  if (press.shiftKey !== wants.has('shift')) return false;
  if (press.altKey !== wants.has('alt')) return false;
  const pressed = press.key.toLowerCase();
  return pressed === key || pressed === (KEY_NAMES[key] ?? key).toLowerCase();
};

/** The key an accelerator ends in, lower-cased as `KeyboardEvent.key` is compared. */
const acceleratorKeys = (accelerator: string): string[] => {
  const key = accelerator.split('+').pop()?.toLowerCase() ?? '';
  const named = (KEY_NAMES[key] ?? key).toLowerCase();
  return named === key ? [key] : [key, named];
};

/**
 * The commands indexed by the key their accelerator ends in: a key press looks up its few
 * candidates (usually none) instead of parsing every accelerator on every keystroke.
 */
export const acceleratorIndex = <C extends string>(
  accelerators: Iterable<readonly [C, string]>,
  mac: boolean,
): ((press: KeyPress) => C | undefined) => {
  const byKey = new Map<string, [C, string][]>();
  for (const [command, accelerator] of accelerators)
    for (const key of acceleratorKeys(accelerator)) {
      const list = byKey.get(key) ?? [];
      list.push([command, accelerator]);
      byKey.set(key, list);
    }
  return (press) => {
    const candidates = byKey.get(press.key.toLowerCase());
    return candidates?.find(([, accelerator]) => matchesAccelerator(accelerator, press, mac))?.[0];
  };
};

/** An accelerator as the platform writes it: `⇧⌘E` on macOS, `Ctrl+Shift+E` elsewhere. */
export const describeAccelerator = (accelerator: string, mac: boolean): string => {
  const parts = accelerator.split('+');
  const key = parts.pop() ?? '';
  if (!mac) return [...parts.map((p) => (p === 'CmdOrCtrl' ? 'Ctrl' : p)), key].join('+');
  const symbols: Record<string, string> = { CmdOrCtrl: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃' };
  const order = ['Ctrl', 'Alt', 'Shift', 'CmdOrCtrl'];
  const mods = order.filter((m) => parts.includes(m)).map((m) => symbols[m] ?? m);
  return `${mods.join('')}${key === 'Backspace' ? '⌫' : key}`;
};

export const isMacPlatform = (platform: string): boolean => /mac|iphone|ipad/i.test(platform);
