/** The consultation pages' few styles of their own, on top of the page's (public/index.html). */
import type { CSSProperties } from 'react';

/** A white card, as the survey form's sections. */
export const card: CSSProperties = {
  background: '#fff',
  borderRadius: 8,
  padding: '12px 16px',
  margin: '0 0 12px',
  boxShadow: '0 1px 2px rgba(0, 0, 0, 0.08)',
  listStyle: 'none',
};

/** Text as typed: its line breaks kept, long words wrapped on a narrow phone. */
export const typedText: CSSProperties = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' };

export const plainList: CSSProperties = { padding: 0, margin: 0 };
