// Exactly-once, in-order delivery from unreliable pushes and exact pulls (client side).
//
// A line-by-line port of pigeon.core.sequencing.Timeline (see docs/PROTOCOL.md section 6).
// Feed every event, pushed or pulled, to observe(); it returns the events that are now
// deliverable, in seq order, each exactly once. Tell it the log ends you learn of with
// noteLastSeq(). Then pull `history after=cursor` for each conversation in wanted(), and feed
// the page's events back in.

export class Timeline {
  /** @param {Record<string, number>} [cursors] @param {number} [maxAhead] */
  constructor(cursors = {}, maxAhead = 1000) {
    /** @type {Map<string, number>} */
    this._cursors = new Map(Object.entries(cursors));
    /** @type {Map<string, number>} */
    this._knownEnd = new Map();
    /** @type {Map<string, Map<number, object>>} */
    this._ahead = new Map();
    this.maxAhead = maxAhead;
  }

  /** The highest seq delivered for conv, with no gap below it (0 when none). */
  cursor(conv) {
    return this._cursors.get(conv) ?? 0;
  }

  /** A plain-object copy of every cursor, for `hello` and for saving. */
  cursors() {
    return Object.fromEntries(this._cursors);
  }

  /** Record that conv's log reaches at least lastSeq. */
  noteLastSeq(conv, lastSeq) {
    if (lastSeq > (this._knownEnd.get(conv) ?? 0)) this._knownEnd.set(conv, lastSeq);
  }

  /** Returns the events now deliverable (possibly none), in order. */
  observe(event) {
    const conv = event.conv;
    const cursor = this.cursor(conv);
    this.noteLastSeq(conv, event.seq);
    if (event.seq <= cursor) return []; // a duplicate: already delivered
    if (event.seq > cursor + 1) {
      let ahead = this._ahead.get(conv);
      if (!ahead) {
        ahead = new Map();
        this._ahead.set(conv, ahead);
      }
      if (ahead.size < this.maxAhead) ahead.set(event.seq, event);
      // else: dropped; it will be pulled again, since knownEnd covers it
      return [];
    }
    const ready = [event];
    let seq = event.seq;
    const waiting = this._ahead.get(conv);
    if (waiting) {
      while (waiting.has(seq + 1)) {
        seq += 1;
        ready.push(waiting.get(seq));
        waiting.delete(seq);
      }
      // Held events at or below the new cursor are stale duplicates.
      for (const held of waiting.keys()) if (held <= seq) waiting.delete(held);
      if (waiting.size === 0) this._ahead.delete(conv);
    }
    this._cursors.set(conv, seq);
    return ready;
  }

  /** {conv: cursor} for every conversation known to have events past its cursor. */
  wanted() {
    const out = {};
    for (const [conv, end] of this._knownEnd) {
      if (end > this.cursor(conv)) out[conv] = this.cursor(conv);
    }
    return out;
  }

  /** Forget one conversation (we were removed from it). */
  forget(conv) {
    this._cursors.delete(conv);
    this._knownEnd.delete(conv);
    this._ahead.delete(conv);
  }

  /** Forget everything: after resync_required, the client starts from seq 0. */
  reset() {
    this._cursors.clear();
    this._knownEnd.clear();
    this._ahead.clear();
  }
}
