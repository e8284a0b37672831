/**
 * The one Content-Security-Policy for the app, sent with every page in the desktop shell and in
 * browser mode. No inline script or style anywhere: Tiptap runs with `injectCSS: false`.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export const APP_SCHEME = 'app';
export const APP_HOST = 'newsroom';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** True only for pages the app itself serves from its own protocol. */
export const isAppUrl = (raw: string): boolean => {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
};

/**
 * Maps an app:// request path to a file path below the renderer folder, or null when the path
 * tries to leave it. Pure so that the traversal rules can be tested without Electron.
 */
export const resolveAppPath = (rawUrl: string): string | null => {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (!isAppUrl(rawUrl)) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path === '/' || path === '') path = '/index.html';
  const segments = path.split('/').filter(Boolean);
  if (segments.some((s) => s === '..' || s === '.' || s.includes('\\') || s.includes('\0')))
    return null;
  return segments.join('/');
};

export const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export const mediaTypeFor = (file: string): string => {
  const dot = file.lastIndexOf('.');
  return (dot >= 0 && MEDIA_TYPES[file.slice(dot).toLowerCase()]) || 'application/octet-stream';
};
