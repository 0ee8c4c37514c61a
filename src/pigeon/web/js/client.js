// The sync engine: one WebSocket, reconnected with jittered backoff; a Timeline that turns
// pushes and pulls into exactly-once, in-order delivery; an outbox persisted in localStorage
// whose entries are resent with the same client_msg_id until acked; and a local copy of each
// conversation (its summary and a window of its latest events) saved with the cursors.
//
// Several tabs of one account share localStorage, so the outbox is per tab: each tab writes
// only its own key, `pigeon.v1.outbox.<handle>.<tab id>`, and holds a Web Lock of the same
// name for its lifetime. The browser releases the lock when the tab closes or crashes, so a
// free lock means the outbox is orphaned: every tab waits for the locks of the other
// outboxes it sees, and the one that gets a lock adopts that outbox (copies the entries into
// its own key, then removes the orphan's key, under the orphan's lock). A typed message is
// thus always in some key, and no tab ever overwrites another's. An entry that ends up in two
// outboxes is at worst sent twice with one client_msg_id, which the server turns into one
// message (G2: the key is per sender, not per device). Without Web Locks (a page served over
// plain HTTP from another host is not a secure context), a tab cannot tell a closed tab from
// an open one, so it adopts every other outbox when it starts and when the network returns.
//
// It implements the client algorithm of docs/PROTOCOL.md section 6, like the Python SDK.
// The UI listens for "change" events and reads the public fields.

import { Timeline } from "./timeline.js";
import { newClientMsgId } from "./api.js";

const PULL_PAGE = 500; // history page size when catching up (server max 1000)
export const OLDER_PAGE = 50; // history page size when scrolling back
const KEEP_EVENTS = 200; // events per conversation saved in localStorage
const MAX_OVERRIDES = 2000; // edits/deletes remembered per conversation
const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 30000;
const HELLO_TIMEOUT_MS = 10000;
const TYPING_EVERY_MS = 2000; // server allows 2/s per user and conversation
const TYPING_SHOWN_MS = 5000;
const RETRYABLE = new Set(["rate_limited", "busy", "unavailable", "internal"]);
const MAX_TRANSIENT_ATTEMPTS = 8;
const OUTBOX_PREFIX = "pigeon.v1.outbox.";

class Disconnected extends Error {
  constructor() {
    super("disconnected");
    this.code = "disconnected";
  }
}

class FrameError extends Error {
  constructor(frame) {
    super(frame.code);
    this.code = frame.code;
    this.retryAfterMs = frame.retry_after_ms;
  }
}

/** Full-jitter exponential backoff: uniform in [min/2, min(max, min * 2^attempt)]. */
export function backoffMs(attempt) {
  const cap = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** attempt);
  return BACKOFF_MIN_MS / 2 + Math.random() * (cap - BACKOFF_MIN_MS / 2);
}

function newConv(conv) {
  return {
    conv,
    kind: null, // "direct" | "group", from the created event or the conversation list
    title: null,
    members: [],
    owner: null,
    role: "member",
    lastSeq: 0,
    readSeq: 0,
    unread: 0,
    countedThrough: 0, // unread counts cover messages up to this seq
    lastMessage: null,
    lastTs: 0,
    events: [], // contiguous window: seqs start .. cursor
    start: 1, // first seq of the window (cursor + 1 when the window is empty)
    overrides: {}, // target_seq -> {body} | {deleted: true}
    typing: new Map(), // handle -> expiry (ms)
    loadingOlder: false,
    olderWanted: false, // asked for older events while not connected: fetched after the welcome
    removed: false,
  };
}

export class PigeonClient extends EventTarget {
  /** @param {{handle: string, token: string}} session */
  constructor(session) {
    super();
    this.me = session.handle;
    this.token = session.token;
    this.storageKey = `pigeon.v1.state.${this.me}`;
    this.outboxPrefix = `${OUTBOX_PREFIX}${this.me}.`;
    this.outboxKey = this.outboxPrefix + newClientMsgId().slice(0, 16); // this tab's, see top
    this.savedOutbox = null; // the JSON last written to outboxKey (null: no key)
    this.watchedOutboxes = new Set(); // other tabs' outbox keys whose lock we wait for
    this.locksAbort = new AbortController();
    this.releaseOutboxLock = () => {};
    this.status = "offline"; // offline | connecting | online | waiting
    this.statusDetail = "";
    this.retryAt = 0;
    this.epoch = null;
    /** @type {Map<string, ReturnType<typeof newConv>>} */
    this.convs = new Map();
    this.outbox = []; // {cmid, conv, body, state: pending|sending|sent|failed, attempts, error, seq}
    this.timeline = new Timeline();
    this.openConv = null; // the conversation on screen, if any
    this.ws = null;
    this.welcomed = false;
    this.nextId = 1;
    this.replies = new Map();
    this.pulling = new Set();
    this.attempt = 0;
    this.reconnectTimer = null;
    this.stopped = false;
    this.lastTyping = new Map();
    this.saveTimer = null;
    this.changeQueued = false;
    this.load();
    this.holdOutboxLock();
    this.adoptOutboxes();
    this._onOnline = () => {
      this.adoptOutboxes();
      this.connectNow();
    };
    this._onOffline = () => this.drop("The browser is offline");
    this._onHide = () => this.saveNow();
    this._onStorage = (event) => this.onStorage(event);
    window.addEventListener("online", this._onOnline);
    window.addEventListener("offline", this._onOffline);
    window.addEventListener("pagehide", this._onHide);
    window.addEventListener("storage", this._onStorage);
  }

  // ---- persistence ---------------------------------------------------------------------

  load() {
    let saved = null;
    try {
      saved = JSON.parse(localStorage.getItem(this.storageKey) ?? "null");
    } catch {
      saved = null;
    }
    if (!saved) return;
    this.epoch = saved.epoch ?? null;
    this.timeline = new Timeline(saved.cursors ?? {});
    for (const row of saved.convs ?? []) {
      const c = Object.assign(newConv(row.conv), row, {
        typing: new Map(),
        loadingOlder: false,
        olderWanted: false,
      });
      const cursor = this.timeline.cursor(c.conv);
      c.events = (c.events ?? []).filter((e) => e.seq <= cursor);
      c.start = c.events.length ? c.events[0].seq : cursor + 1;
      this.convs.set(c.conv, c);
    }
    // Clients before per-tab outboxes kept it in the state; adopt it once.
    this.takeEntries(saved.outbox);
  }

  // ---- the outbox, one localStorage key per tab (see the top of this file) -------------

  /**
   * Write this tab's outbox now: an entry must survive a closed tab from the moment it
   * exists. Returns whether storage holds the outbox as it is in memory.
   */
  saveOutbox() {
    if (this.stopped) return false;
    const entries = this.outbox
      .filter((e) => e.state !== "sent")
      .map(({ cmid, conv, body, state, error, created }) => ({
        cmid, conv, body, state, error, created,
      }));
    const json = entries.length ? JSON.stringify(entries) : null;
    if (json === this.savedOutbox) return true;
    try {
      if (json === null) localStorage.removeItem(this.outboxKey);
      else {
        try {
          localStorage.setItem(this.outboxKey, json);
        } catch {
          // Over quota: the saved conversations are a cache, the outbox is not.
          this.saveState({ withEvents: false });
          localStorage.setItem(this.outboxKey, json);
        }
      }
    } catch {
      return false; // still over quota: kept in memory, written again at the next save
    }
    this.savedOutbox = json;
    return true;
  }

  /** Add saved entries to the outbox, unless already there or delivered; keep typed order. */
  takeEntries(entries) {
    if (!Array.isArray(entries)) return false;
    const known = new Set(this.outbox.map((e) => e.cmid));
    let any = false;
    for (const e of entries) {
      if (known.has(e.cmid) || this.isDelivered(e.conv, e.cmid)) continue;
      known.add(e.cmid);
      this.outbox.push({ ...e, state: e.state === "failed" ? "failed" : "pending", attempts: 0 });
      any = true;
    }
    if (any) this.outbox.sort((a, b) => (a.created ?? 0) - (b.created ?? 0));
    return any;
  }

  isDelivered(conv, cmid) {
    const c = this.convs.get(conv);
    return !!c?.events.some(
      (e) => e.kind === "message" && e.sender === this.me && e.client_msg_id === cmid,
    );
  }

  /** Hold this tab's outbox lock until stop() (the browser releases it if the tab dies). */
  holdOutboxLock() {
    if (!navigator.locks) {
      this.saveOutbox();
      return;
    }
    navigator.locks
      .request(this.outboxKey, { signal: this.locksAbort.signal }, () => {
        // A tab that saw our key before we held the lock may have adopted it: write it again.
        this.savedOutbox = undefined;
        this.saveOutbox();
        return new Promise((resolve) => {
          this.releaseOutboxLock = resolve;
        });
      })
      .catch(() => {}); // aborted by stop()
  }

  /** Adopt, now or when their tabs close, the outboxes of other tabs found in storage. */
  adoptOutboxes() {
    const keys = [];
    for (let i = 0; i < localStorage.length; i += 1) keys.push(localStorage.key(i));
    for (const key of keys) {
      if (key?.startsWith(this.outboxPrefix) && key !== this.outboxKey) this.watchOutbox(key);
    }
  }

  watchOutbox(key) {
    if (this.stopped || this.watchedOutboxes.has(key)) return;
    if (!navigator.locks) {
      this.adoptOutbox(key);
      return;
    }
    this.watchedOutboxes.add(key);
    navigator.locks
      .request(key, { signal: this.locksAbort.signal }, () => {
        this.watchedOutboxes.delete(key);
        this.adoptOutbox(key); // we hold its lock: its tab is gone and no other tab adopts it
      })
      .catch(() => {}); // aborted by stop()
  }

  /** Copy another tab's saved outbox into ours (written first), then remove its key. */
  adoptOutbox(key) {
    if (this.stopped) return;
    let entries = null;
    try {
      entries = JSON.parse(localStorage.getItem(key) ?? "null");
    } catch {
      entries = null; // unreadable: nothing to adopt
    }
    const taken = this.takeEntries(entries);
    // Ours first: if it cannot be written, the orphan stays for the next tab that starts.
    if (this.saveOutbox()) localStorage.removeItem(key);
    if (taken) {
      this.changed();
      this.flushOutbox();
    }
  }

  onStorage(event) {
    // A key appeared (a tab wrote its first entry): wait for that tab to close. Without
    // locks only start-up and "online" adopt, or two open tabs would take turns.
    if (!navigator.locks || event.newValue === null) return;
    if (event.key?.startsWith(this.outboxPrefix) && event.key !== this.outboxKey) {
      this.watchOutbox(event.key);
    }
  }

  /** Save everything now (a new entry, pagehide, stop). */
  saveNow() {
    clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (this.stopped) return;
    this.saveOutbox();
    this.saveState();
  }

  /**
   * Cursors and the events they cover are written together, in one synchronous step. Each
   * tab writes the whole state (last writer wins): a cache of the server's log, unlike the
   * outbox, which is saved apart.
   */
  saveState({ withEvents = true } = {}) {
    const convs = [];
    for (const c of this.convs.values()) {
      const { typing, loadingOlder, olderWanted, ...rest } = c;
      convs.push({ ...rest, events: withEvents ? c.events.slice(-KEEP_EVENTS) : [] });
    }
    const state = { epoch: this.epoch, cursors: this.timeline.cursors(), convs };
    try {
      localStorage.setItem(this.storageKey, JSON.stringify(state));
    } catch {
      // Over quota: keep the cursors, drop the saved messages (re-pulled on open).
      state.convs = convs.map((c) => ({ ...c, events: [] }));
      try {
        localStorage.setItem(this.storageKey, JSON.stringify(state));
      } catch {
        /* nothing more we can do */
      }
    }
  }

  /** Sign-out: stop and remove what this tab saved (its outbox goes: nobody will send it). */
  forgetSaved() {
    this.stop();
    localStorage.removeItem(this.storageKey);
    localStorage.removeItem(this.outboxKey);
  }

  /** The outbox now (it is small), the rest of the state within 150 ms. */
  save() {
    this.saveOutbox();
    if (this.saveTimer === null) this.saveTimer = setTimeout(() => this.saveNow(), 150);
  }

  changed() {
    if (this.changeQueued) return;
    this.changeQueued = true;
    queueMicrotask(() => {
      this.changeQueued = false;
      this.dispatchEvent(new Event("change"));
    });
  }

  setStatus(status, detail = "") {
    this.status = status;
    this.statusDetail = detail;
    this.changed();
  }

  // ---- the connection ------------------------------------------------------------------

  start() {
    this.connect();
  }

  stop() {
    this.saveNow();
    this.stopped = true;
    this.locksAbort.abort();
    this.releaseOutboxLock();
    clearTimeout(this.reconnectTimer);
    window.removeEventListener("online", this._onOnline);
    window.removeEventListener("offline", this._onOffline);
    window.removeEventListener("pagehide", this._onHide);
    window.removeEventListener("storage", this._onStorage);
    if (this.ws) {
      const ws = this.ws;
      this.ws = null;
      ws.onclose = ws.onmessage = ws.onerror = null;
      ws.close();
    }
  }

  connectNow() {
    if (this.stopped) return;
    this.attempt = 0;
    if (!this.ws) {
      clearTimeout(this.reconnectTimer);
      this.connect();
    }
  }

  connect() {
    if (this.stopped || this.ws) return;
    this.reconnectTimer = null;
    if (navigator.onLine === false) {
      this.setStatus("offline", "No network. Waiting for it to come back.");
      return; // the "online" event reconnects
    }
    this.setStatus("connecting");
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const ws = new WebSocket(`${scheme}//${location.host}/v1/ws`);
    this.ws = ws;
    this.welcomed = false;
    this.nextId = 1;
    this.replies = new Map();
    const helloTimer = setTimeout(() => {
      if (this.ws === ws && !this.welcomed) this.drop("No answer from the server");
    }, HELLO_TIMEOUT_MS);
    ws.onopen = () => this.hello(true);
    ws.onmessage = (m) => {
      let frame;
      try {
        frame = JSON.parse(m.data);
      } catch {
        return;
      }
      if (this.ws === ws) this.onFrame(frame);
    };
    ws.onerror = () => {};
    ws.onclose = () => {
      clearTimeout(helloTimer);
      if (this.ws === ws) this.onDrop("Connection lost");
    };
  }

  /** Close the socket now (we know it is dead) and schedule a reconnect. */
  drop(reason) {
    const ws = this.ws;
    if (!ws) {
      if (navigator.onLine === false) this.setStatus("offline", reason);
      return;
    }
    ws.onclose = ws.onmessage = ws.onerror = null;
    try {
      ws.close();
    } catch {
      /* already closing */
    }
    this.onDrop(reason);
  }

  onDrop(reason) {
    this.ws = null;
    this.welcomed = false;
    const replies = this.replies;
    this.replies = new Map();
    for (const { reject } of replies.values()) reject(new Disconnected());
    this.pulling.clear();
    for (const entry of this.outbox) if (entry.state === "sending") entry.state = "pending";
    if (this.stopped) return;
    if (navigator.onLine === false) {
      this.setStatus("offline", "No network. Waiting for it to come back.");
      return;
    }
    const delay = backoffMs(this.attempt);
    this.attempt += 1;
    this.retryAt = Date.now() + delay;
    this.setStatus("waiting", reason);
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  hello(withCursors) {
    // ack_delivers: the ack of our own write is its delivery on this socket; the server
    // pushes it to our other tabs and devices only (docs/DECISIONS.md D60).
    const frame = { type: "hello", id: 0, token: this.token, ack_delivers: true };
    if (withCursors && this.epoch) {
      frame.epoch = this.epoch;
      frame.cursors = this.timeline.cursors();
    }
    this.ws.send(JSON.stringify(frame));
  }

  request(frame) {
    return new Promise((resolve, reject) => {
      if (!this.ws || !this.welcomed) {
        reject(new Disconnected());
        return;
      }
      const id = this.nextId++;
      this.replies.set(id, { resolve, reject });
      this.ws.send(JSON.stringify({ ...frame, id }));
    });
  }

  onFrame(frame) {
    switch (frame.type) {
      case "welcome":
        this.onWelcome(frame);
        return;
      case "event":
        this.ingest([frame.event]);
        this.pullWanted();
        return;
      case "typing":
        this.onTyping(frame);
        return;
      case "lagged":
        this.catchUp();
        return;
      case "goodbye":
        this.setStatus("waiting", `The server said goodbye (${frame.reason})`);
        return; // the close follows
      case "error":
        if (!this.welcomed && (frame.id === 0 || frame.id === undefined)) {
          this.onHelloError(frame);
          return;
        }
        break;
      default:
        break;
    }
    if (typeof frame.id === "number" && this.replies.has(frame.id)) {
      const { resolve, reject } = this.replies.get(frame.id);
      this.replies.delete(frame.id);
      if (frame.type === "error") reject(new FrameError(frame));
      else resolve(frame);
    }
  }

  onHelloError(frame) {
    if (frame.code === "resync_required") {
      // Our cursors describe a history the store no longer has: start again from seq 0.
      this.resetAll();
      this.hello(false);
    } else if (frame.code === "unauthenticated") {
      this.stop();
      this.dispatchEvent(new Event("unauthenticated"));
    } else {
      this.drop(`The server could not open the session (${frame.code})`);
    }
  }

  resetAll() {
    this.timeline.reset();
    this.epoch = null;
    this.convs.clear();
    this.pulling.clear();
    this.saveNow();
    this.changed();
  }

  onWelcome(frame) {
    this.welcomed = true;
    this.attempt = 0;
    this.epoch = frame.epoch;
    for (const [conv, last] of Object.entries(frame.behind ?? {})) {
      this.timeline.noteLastSeq(conv, last);
    }
    for (const conv of frame.gone ?? []) this.forgetConv(conv); // removed while we were away
    this.setStatus("online");
    this.flushOutbox();
    this.catchUp();
    for (const c of this.convs.values()) {
      if (c.olderWanted) this.loadOlder(c.conv);
    }
    if (this.openConv) this.markRead(this.openConv);
    this.save();
  }

  // ---- receiving -----------------------------------------------------------------------

  /** Ask for the conversation list, note every log end, then pull whatever is behind. */
  async catchUp() {
    this.pullWanted();
    if (this.catchingUp) return;
    this.catchingUp = true;
    const knownBefore = [...this.convs.values()].filter((c) => c.kind !== null).map((c) => c.conv);
    const rows = [];
    try {
      // The list comes in pages of at most 200, in conversation id order.
      let cursor = null;
      do {
        const frame = { type: "conversations", limit: 200 };
        if (cursor) frame.cursor = cursor;
        const reply = await this.request(frame);
        rows.push(...reply.conversations);
        cursor = reply.next_cursor ?? null;
      } while (cursor);
    } catch {
      return; // disconnected: the next welcome catches up again
    } finally {
      this.catchingUp = false;
    }
    const listed = new Set();
    for (const row of rows) {
      listed.add(row.conv);
      this.applyRow(row);
      this.timeline.noteLastSeq(row.conv, row.last_seq);
    }
    for (const conv of knownBefore) {
      // Known before we asked but not listed: we were removed while away.
      if (!listed.has(conv)) this.forgetConv(conv);
    }
    this.pullWanted();
    this.changed();
    this.save();
  }

  applyRow(row) {
    let c = this.convs.get(row.conv);
    if (!c) {
      c = newConv(row.conv);
      this.convs.set(row.conv, c);
    }
    c.kind = row.kind;
    c.title = row.title ?? null;
    c.members = [...row.members];
    c.role = row.role;
    c.lastSeq = Math.max(c.lastSeq, row.last_seq);
    if (row.last_message && (!c.lastMessage || row.last_message.seq > c.lastMessage.seq)) {
      c.lastMessage = row.last_message;
      c.lastTs = Math.max(c.lastTs, row.last_message.ts);
    }
    if (c.readSeq > row.read_seq) {
      // We read further than the server knows (a read frame lost in a drop): say it again.
      c.unread = this.countUnread(c, c.readSeq);
      c.countedThrough = Math.max(c.countedThrough, this.timeline.cursor(c.conv));
      if (this.welcomed) this.request({ type: "read", conv: c.conv, seq: c.readSeq }).catch(() => {});
    } else {
      c.readSeq = row.read_seq;
      // The row counts messages up to its last_seq; add the ones we delivered since.
      c.unread = row.unread + this.countUnread(c, row.last_seq);
      c.countedThrough = Math.max(row.last_seq, this.timeline.cursor(c.conv));
    }
    if (this.openConv === c.conv) this.markRead(c.conv);
  }

  /** Messages from others after `after` in the local window. */
  countUnread(c, after) {
    let n = 0;
    for (const e of c.events) {
      if (e.seq > after && e.kind === "message" && e.sender !== this.me) n += 1;
    }
    return n;
  }

  pullWanted() {
    if (!this.welcomed) return;
    for (const conv of Object.keys(this.timeline.wanted())) {
      if (!this.pulling.has(conv)) this.pull(conv);
    }
  }

  /** One pull per conversation at a time: history after=cursor until `more` is false. */
  async pull(conv) {
    this.pulling.add(conv);
    const before = this.timeline.cursor(conv);
    try {
      for (;;) {
        const page = await this.request({
          type: "history",
          conv,
          after: this.timeline.cursor(conv),
          limit: PULL_PAGE,
        });
        // Noted first: an old removal of ours in this page is not our leave when the log
        // goes on past it (leaves).
        this.timeline.noteLastSeq(conv, page.last_seq);
        this.ingest(page.events);
        if (!page.more) break;
      }
    } catch (err) {
      this.pulling.delete(conv);
      if (err.code === "not_found") this.forgetConv(conv);
      else if (RETRYABLE.has(err.code)) {
        setTimeout(() => this.pullWanted(), err.retryAfterMs ?? backoffMs(1));
      }
      return;
    }
    this.pulling.delete(conv);
    // Pushes seen during the pull may have moved the known end; pull again if we progressed.
    if (this.timeline.cursor(conv) > before && conv in this.timeline.wanted()) this.pull(conv);
  }

  ingest(events) {
    let any = false;
    for (const e of events) {
      for (const ready of this.timeline.observe(e)) {
        this.apply(ready);
        any = true;
      }
    }
    if (any) {
      if (this.openConv && this.convs.has(this.openConv)) this.markRead(this.openConv);
      this.changed();
      this.save();
    }
  }

  /** Apply one event, delivered in seq order exactly once. */
  apply(e) {
    let c = this.convs.get(e.conv);
    if (!c) {
      c = newConv(e.conv);
      this.convs.set(e.conv, c);
      // A conversation we just joined: fetch its row (title, members, unread) soon.
      queueMicrotask(() => this.catchUp());
    }
    if (c.events.length === 0) c.start = e.seq;
    c.events.push(e);
    c.lastSeq = Math.max(c.lastSeq, e.seq);
    c.lastTs = Math.max(c.lastTs, e.ts);
    switch (e.kind) {
      case "created":
        c.kind = e.title != null ? "group" : "direct";
        c.title = e.title ?? null;
        c.owner = e.sender;
        c.members = [...e.members];
        if (e.sender === this.me) c.role = "owner";
        break;
      case "member_added":
        for (const m of e.members) if (!c.members.includes(m)) c.members.push(m);
        c.members.sort();
        break;
      case "member_removed":
        c.members = c.members.filter((m) => !e.members.includes(m));
        if (e.members.includes(this.me) && this.leaves(e)) {
          this.forgetConv(e.conv);
          return;
        }
        break;
      case "owner_changed":
        if (e.members.includes(this.me)) c.role = "owner";
        break;
      case "message":
        c.lastMessage = e;
        c.typing.delete(e.sender);
        if (e.sender === this.me) {
          this.outbox = this.outbox.filter((o) => !(o.conv === e.conv && o.cmid === e.client_msg_id));
        } else if (e.seq > c.countedThrough && e.seq > c.readSeq) {
          c.unread += 1;
        }
        break;
      case "edit":
        c.overrides[e.target_seq] = { body: e.body };
        break;
      case "delete":
        c.overrides[e.target_seq] = { deleted: true };
        break;
      default:
        break;
    }
    c.countedThrough = Math.max(c.countedThrough, e.seq);
    const keys = Object.keys(c.overrides);
    if (keys.length > MAX_OVERRIDES) delete c.overrides[keys[0]];
    // Keep the window bounded unless it is on screen (scrolled-back pages stay while viewed).
    if (this.openConv !== c.conv && c.events.length > KEEP_EVENTS * 2) {
      c.events = c.events.slice(-KEEP_EVENTS);
      c.start = c.events[0].seq;
    }
  }

  /**
   * Whether our removal `e` is our leave: the end of its log as far as we know. A removal
   * the log goes on after is an old one, and we were added again since (a member added
   * again reads from seq 1, as a joiner does): forgetting the log there would read it from
   * seq 1 again, and again, each time coming back to that removal (docs/DECISIONS.md D47).
   */
  leaves(e) {
    return this.timeline.cursor(e.conv) === e.seq && !(e.conv in this.timeline.wanted());
  }

  forgetConv(conv) {
    const c = this.convs.get(conv);
    if (c) c.removed = true;
    this.convs.delete(conv);
    this.timeline.forget(conv);
    this.outbox = this.outbox.filter((o) => o.conv !== conv);
    this.changed();
    this.save();
  }

  /** Scroll back: one page of `history before=start`, not the whole log. */
  async loadOlder(conv) {
    const c = this.convs.get(conv);
    if (!c) return;
    c.olderWanted = false;
    if (c.loadingOlder || c.start <= 1) return;
    c.loadingOlder = true;
    this.changed();
    try {
      const page = await this.request({ type: "history", conv, before: c.start, limit: OLDER_PAGE });
      const older = page.events.filter((e) => e.seq < c.start);
      // Later edits win: walk the older page newest first and fill only unknown targets.
      for (const e of [...older].reverse()) {
        if ((e.kind === "edit" || e.kind === "delete") && !(e.target_seq in c.overrides)) {
          c.overrides[e.target_seq] = e.kind === "edit" ? { body: e.body } : { deleted: true };
        }
      }
      if (older.length) {
        c.events = [...older, ...c.events];
        c.start = older[0].seq;
      } else if (!page.more) {
        c.start = 1;
      }
    } catch (err) {
      // Asked before the connection was up (a reload scrolled to the top at once): the
      // scroll that asked will not come again, so the welcome asks for it.
      if (err.code === "disconnected") c.olderWanted = true;
    } finally {
      c.loadingOlder = false;
      this.changed();
    }
  }

  onTyping(frame) {
    if (frame.user === this.me) return; // our own notices are echoed: ignore them
    const c = this.convs.get(frame.conv);
    if (!c) return;
    c.typing.set(frame.user, Date.now() + TYPING_SHOWN_MS);
    this.changed();
    setTimeout(() => this.changed(), TYPING_SHOWN_MS + 50);
  }

  typingIn(conv) {
    const c = this.convs.get(conv);
    if (!c) return [];
    const now = Date.now();
    return [...c.typing].filter(([, until]) => until > now).map(([user]) => user).sort();
  }

  /** Tell the others I am typing, at most once every two seconds per conversation. */
  notifyTyping(conv) {
    if (!this.welcomed) return;
    const now = Date.now();
    if (now - (this.lastTyping.get(conv) ?? 0) < TYPING_EVERY_MS) return;
    this.lastTyping.set(conv, now);
    this.ws.send(JSON.stringify({ type: "typing", conv }));
  }

  /** Mark everything delivered in conv as read (we are looking at it). */
  markRead(conv) {
    const c = this.convs.get(conv);
    if (!c) return;
    if (document.visibilityState === "hidden") return;
    const cursor = this.timeline.cursor(conv);
    if (c.unread !== 0) {
      c.unread = 0;
      this.changed();
    }
    if (cursor <= c.readSeq && !c.readPending) return;
    c.readSeq = Math.max(c.readSeq, cursor);
    if (!this.welcomed) {
      c.readPending = true;
      return;
    }
    c.readPending = false;
    this.request({ type: "read", conv, seq: c.readSeq }).catch(() => {
      c.readPending = true;
    });
    this.save();
  }

  setOpen(conv) {
    this.openConv = conv;
    if (conv) this.markRead(conv);
  }

  // ---- sending ------------------------------------------------------------------------

  send(conv, body) {
    // The others clear our typing notice when this message lands: the next keystroke says it anew.
    this.lastTyping.delete(conv);
    const entry = {
      cmid: newClientMsgId(),
      conv,
      body,
      state: "pending",
      attempts: 0,
      error: null,
      created: Date.now(),
    };
    this.outbox.push(entry);
    this.saveNow(); // an outbox entry must survive a reload from this moment
    this.changed();
    this.flushOutbox();
    return entry;
  }

  /** Send every pending entry, in the order they were written. */
  flushOutbox() {
    if (!this.welcomed) return;
    for (const entry of this.outbox) {
      if (entry.state === "pending" && !entry.retryTimer) {
        this.transmit(entry);
      }
    }
  }

  async transmit(entry) {
    entry.state = "sending";
    entry.attempts += 1;
    this.changed();
    let ack;
    try {
      ack = await this.request({
        type: "send",
        conv: entry.conv,
        client_msg_id: entry.cmid,
        body: entry.body,
      });
    } catch (err) {
      if (!this.outbox.includes(entry)) return; // delivered meanwhile
      if (err.code === "disconnected") {
        entry.state = "pending"; // resent after the next welcome, same client_msg_id
      } else if (RETRYABLE.has(err.code) && entry.attempts < MAX_TRANSIENT_ATTEMPTS) {
        entry.state = "pending";
        entry.retryTimer = setTimeout(() => {
          entry.retryTimer = null;
          this.flushOutbox();
        }, err.retryAfterMs ?? backoffMs(entry.attempts));
      } else {
        entry.state = "failed";
        entry.error = err.code;
      }
      this.changed();
      this.save();
      return;
    }
    entry.state = "sent";
    entry.seq = ack.seq;
    this.acked(ack, { kind: "message", body: entry.body });
    if (this.timeline.cursor(entry.conv) >= ack.seq) {
      this.outbox = this.outbox.filter((o) => o !== entry);
    }
    this.changed();
    this.save();
  }

  /**
   * The ack of our own write, `fields` what it sent (kind, body, target_seq). A fresh ack is
   * the event's delivery here, as its push would have been (the server does not push our own
   * writes to this socket): past the cursor + 1 it is held and the gap pulled, as for a push.
   * A duplicate's event was stored by an earlier attempt: pulled if past the cursor.
   */
  acked(ack, fields) {
    if (ack.duplicate) {
      this.timeline.noteLastSeq(ack.conv, ack.seq);
    } else {
      const event = { conv: ack.conv, seq: ack.seq, sender: this.me, ts: ack.ts,
        client_msg_id: ack.client_msg_id, ...fields };
      this.ingest([event]);
    }
    this.pullWanted();
  }

  retry(cmid) {
    const entry = this.outbox.find((o) => o.cmid === cmid);
    if (!entry || entry.state !== "failed") return;
    entry.state = "pending";
    entry.attempts = 0;
    entry.error = null;
    this.changed();
    this.save();
    this.flushOutbox();
  }

  discard(cmid) {
    this.outbox = this.outbox.filter((o) => !(o.cmid === cmid && o.state === "failed"));
    this.changed();
    this.save();
  }

  /** Edit or delete one of my messages: a fresh client_msg_id, retried on drops. */
  async change(conv, targetSeq, body) {
    const frame = { conv, client_msg_id: newClientMsgId(), target_seq: targetSeq };
    if (body === null) frame.type = "delete";
    else Object.assign(frame, { type: "edit", body });
    for (let attempt = 0; ; attempt += 1) {
      try {
        const ack = await this.request(frame);
        const fields = { kind: frame.type, target_seq: targetSeq };
        if (body !== null) fields.body = body;
        this.acked(ack, fields);
        return;
      } catch (err) {
        if (!RETRYABLE.has(err.code) || attempt >= 4) throw err;
        await new Promise((r) => setTimeout(r, err.retryAfterMs ?? backoffMs(attempt)));
      }
    }
  }

  pendingFor(conv) {
    return this.outbox.filter((o) => o.conv === conv);
  }
}
