import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS, RENDERER_COMMANDS } from '../../shared/contract';
import {
  acceleratorIndex,
  describeAccelerator,
  isMacPlatform,
  matchesAccelerator,
} from '../../renderer/features/palette/accelerator';
import { filterCommands, PALETTE_COMMANDS } from '../../renderer/features/palette/palette-items';

const press = (key: string, mods: Partial<Record<'ctrl' | 'meta' | 'shift' | 'alt', boolean>>) => ({
  key,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

describe('the command palette', () => {
  it('lists every menu command the page runs', () => {
    expect([...PALETTE_COMMANDS, 'app:palette'].sort()).toEqual([...RENDERER_COMMANDS].sort());
    expect(filterCommands('')).toEqual(PALETTE_COMMANDS);
  });

  it('finds commands by any words of their label or keywords', () => {
    expect(filterCommands('export')).toEqual(['release:export-md', 'release:export-html']);
    expect(filterCommands('exp html')).toEqual(['release:export-html']);
    expect(filterCommands('remove')).toEqual(['release:trash']);
    expect(filterCommands('delete')).toEqual(['release:trash', 'view:trash']);
    expect(filterCommands('zzz')).toEqual([]);
  });
});

describe('shortcuts in browser mode', () => {
  it('matches CmdOrCtrl to Ctrl off macOS and to ⌘ on it, with exact modifiers', () => {
    expect(
      matchesAccelerator('CmdOrCtrl+Shift+E', press('E', { ctrl: true, shift: true }), false),
    ).toBe(true);
    expect(
      matchesAccelerator('CmdOrCtrl+Shift+E', press('e', { meta: true, shift: true }), true),
    ).toBe(true);
    expect(matchesAccelerator('CmdOrCtrl+E', press('e', { ctrl: true, shift: true }), false)).toBe(
      false,
    );
    expect(matchesAccelerator('CmdOrCtrl+E', press('e', { meta: true }), false)).toBe(false);
    expect(matchesAccelerator('CmdOrCtrl+1', press('1', { ctrl: true }), false)).toBe(true);
    expect(
      matchesAccelerator(
        'CmdOrCtrl+Shift+Backspace',
        press('Backspace', { ctrl: true, shift: true }),
        false,
      ),
    ).toBe(true);
  });

  it('finds by key the same command as trying every accelerator', () => {
    const accelerators = RENDERER_COMMANDS.flatMap((c) => {
      const accelerator = COMMAND_SPECS[c].accelerator;
      return accelerator === undefined ? [] : [[c, accelerator] as const];
    });
    const keys = ['e', 'E', 'n', 's', '1', '2', ',', 'p', 'm', 'Backspace', 'a', 'Enter', ' '];
    const mods = [{}, { ctrl: true }, { meta: true }, { ctrl: true, shift: true }];
    const more = [
      { ctrl: true, alt: true },
      { ctrl: true, alt: true, shift: true },
    ];
    for (const mac of [false, true]) {
      const lookUp = acceleratorIndex(accelerators, mac);
      for (const key of keys)
        for (const mod of [...mods, ...more, { meta: true, shift: true }]) {
          const pressed = press(key, mod);
          const scanned = accelerators.find(([, a]) => matchesAccelerator(a, pressed, mac))?.[0];
          expect(lookUp(pressed)).toBe(scanned);
        }
      expect(lookUp(press('E', { ctrl: !mac, meta: mac, shift: true }))).toBe(
        'release:export-html',
      );
    }
  });

  it('writes shortcuts the way each platform does', () => {
    expect(describeAccelerator('CmdOrCtrl+Shift+E', false)).toBe('Ctrl+Shift+E');
    expect(describeAccelerator('CmdOrCtrl+Shift+E', true)).toBe('⇧⌘E');
    expect(isMacPlatform('MacIntel')).toBe(true);
    expect(isMacPlatform('Linux x86_64')).toBe(false);
  });

  it('has no shortcut that plain typing or the editor’s own shortcuts need', () => {
    const taken = ['CmdOrCtrl+B', 'CmdOrCtrl+I', 'CmdOrCtrl+K', 'CmdOrCtrl+Z', 'CmdOrCtrl+Shift+Z'];
    for (const spec of Object.values(COMMAND_SPECS)) {
      expect(spec.accelerator).toMatch(/^CmdOrCtrl\+/);
      expect(taken).not.toContain(spec.accelerator);
    }
  });
});
