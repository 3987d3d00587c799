/**
 * Limits that keep one pathological document from taking the build's memory or time: patient
 * handouts are a few pages, so anything near these is a mistake or an attack, and fails alone.
 */
export const LIMITS = {
  /** Characters in one source or partial. */
  sourceChars: 1_000_000,
  /** Bytes in one image. */
  imageBytes: 10 * 1024 * 1024,
  /** Lists and quotes inside one another. */
  nesting: 12,
} as const;
