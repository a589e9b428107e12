/**
 * Copies text to the clipboard. The async Clipboard API needs a secure context and focus
 * (W3C Clipboard API §4); 127.0.0.1 in web mode is one, but a page without focus is refused, so
 * the older execCommand path is tried before giving up.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}
