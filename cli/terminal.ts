/**
 * Text from pages and servers, made safe to print to a terminal: control characters (an ESC starts a sequence that can
 * rewrite the screen or the window title) and bidirectional controls (U+202E reverses what follows) are shown as
 * escapes, like \x1b and \u202e. Line breaks and tabs stay. JSON output needs none of this: JSON escaping applies.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it finds.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function forTerminal(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
