/** File sizes as the portal's users read them (evidence limits in messages, the upload panel). */

/**
 * A byte count as people read it in Vietnamese: `1,5 MB`, `820 KB`, `12 byte`. Rounded up to
 * one decimal, so a file one byte over a 20 MB limit reads `20,1 MB`, never `20 MB`.
 */
export function formatBytes(bytes: number): string {
  const units = ['byte', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = unit === 0 ? String(value) : (Math.ceil(value * 10) / 10).toString();
  return `${shown.replace('.', ',')} ${units[unit]}`;
}
