/**
 * `decodeURI` / `decodeURIComponent` throw on a malformed escape (`%E0%A4%A`, a lone `%`).
 * Content is written by people, so such a URL is a problem to report, never a crash: these
 * return undefined instead, and the caller says where it is.
 */
export function safeDecodeUri(text: string): string | undefined {
  try {
    return decodeURI(text);
  } catch {
    return undefined;
  }
}

export function safeDecodeUriComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

export const MALFORMED_HINT = 'write a space as `%20` and a percent sign as `%25`';
