// Which queue cards are drawn: a big queue (NSL-KDD: 1259 a round) took seconds of layout on the main thread.

export const CARD_WINDOW = 24;

/** First card shown: the cursor stays in view with a few cards of context before it. */
export function cardWindowStart(cursor: number, total: number): number {
  return Math.max(0, Math.min(cursor - 4, total - CARD_WINDOW));
}
