import { describe, expect, it } from 'vitest';
import { externalUrl, openExternalSafely } from '../../main/desktop/external-links';

type Shell = Parameters<typeof openExternalSafely>[0];

const recordingShell = () => {
  const opened: string[] = [];
  const shell = { openExternal: async (url: string) => void opened.push(url) } as Shell;
  return { shell, opened };
};

describe('links leaving the app', () => {
  it('hands http, https and mailto links to the system, normalised by the URL parser', () => {
    expect(externalUrl('https://www.osce.org/press')).toBe('https://www.osce.org/press');
    expect(externalUrl('  HTTP://Example.ORG/a b ')).toBe('http://example.org/a%20b');
    expect(externalUrl('mailto:press@osce.org')).toBe('mailto:press@osce.org');
  });

  it('refuses every other scheme, malformed URLs and credentials', () => {
    for (const raw of [
      'file:///etc/passwd',
      'smb://attacker.example/share',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'ms-msdt:/id PCWDiagnostic',
      'vbscript:msgbox',
      'app://newsroom/index.html',
      '/relative/path',
      'https://',
      'not a url',
      'https://bank.example@evil.example/',
      'https://user:pass@example.org/',
    ]) {
      expect(externalUrl(raw), raw).toBeNull();
    }
  });

  it('opens only what passed the check', () => {
    const { shell, opened } = recordingShell();
    expect(openExternalSafely(shell, 'file:///etc/passwd')).toBe(false);
    expect(openExternalSafely(shell, 'https://www.osce.org/')).toBe(true);
    expect(opened).toEqual(['https://www.osce.org/']);
  });

  it('swallows a failing system handler instead of crashing the main process', async () => {
    const shell = { openExternal: () => Promise.reject(new Error('no browser')) } as Shell;
    expect(openExternalSafely(shell, 'https://example.org/')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
});
