// The file name the service gives a download (RFC 6266 `filename*=UTF-8''…`, which it always sends).

export function fileNameOf(disposition: string | null | undefined, fallback: string): string {
  const match = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (!match) return fallback;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return fallback;
  }
}
