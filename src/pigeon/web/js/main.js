// The page: sign-in, the conversation list and one open conversation, drawn from a
// PigeonClient's state on every "change". No framework: a small keyed list reconciler keeps
// DOM nodes (and so focus, scroll position and screen-reader announcements) stable.

import * as api from "./api.js";
import { PigeonClient } from "./client.js";

const SESSION_KEY = "pigeon.v1.session";
const $ = (id) => document.getElementById(id);

/** @type {PigeonClient | null} */
let client = null;
let session = null;
let openConv = null;
let dividerAfter = null; // the read position when the conversation was opened
let editing = null; // {conv, seq} while the composer edits a message

// ---- helpers ---------------------------------------------------------------------------

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (k in node && typeof v !== "string") node[k] = v;
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

/**
 * Make `list`'s children match `items` in order, reusing nodes by key. `render(item)` builds a
 * node; it is called again only when `item.sig` changes, and the node is then updated in
 * place to match (`patch`), not replaced.
 */
function reconcile(list, items, render) {
  const existing = new Map();
  for (const child of list.children) existing.set(child.dataset.key, child);
  let prev = null;
  for (const item of items) {
    let node = existing.get(item.key);
    if (node) existing.delete(item.key);
    if (!node || node.dataset.sig !== item.sig) {
      const fresh = render(item);
      fresh.dataset.key = item.key;
      fresh.dataset.sig = item.sig;
      if (node) {
        const hadFocus = node.contains(document.activeElement);
        patch(node, fresh);
        if (hadFocus && !node.contains(document.activeElement)) node.querySelector("button, a")?.focus();
      } else {
        node = fresh;
      }
    }
    const want = prev ? prev.nextSibling : list.firstChild;
    if (node !== want) list.insertBefore(node, want);
    prev = node;
  }
  for (const node of existing.values()) node.remove();
}

/**
 * Make `node` like `fresh`, a new rendering of the same item, keeping its elements: a child of
 * the same tag and class is kept and updated the same way (attributes, then children); only
 * what is new is inserted and only what is gone removed. So an element being pressed or
 * focused stays: a click whose press and release straddle an update (a message arriving,
 * "Sent ✓" moving on) still lands on it, where a replaced element lost it. Kept elements keep
 * their listeners, so a listener must read what it acts on when called, not capture it.
 */
function patch(node, fresh) {
  if (node.nodeType === Node.TEXT_NODE) {
    if (node.data !== fresh.data) node.data = fresh.data;
    return;
  }
  for (const { name } of [...node.attributes]) {
    if (!fresh.hasAttribute(name)) node.removeAttribute(name);
  }
  for (const { name, value } of fresh.attributes) {
    if (node.getAttribute(name) !== value) node.setAttribute(name, value);
  }
  const wanted = [...fresh.childNodes];
  let rest = [...node.childNodes];
  const kept = wanted.map((want) => {
    const i = rest.findIndex((n) => n.nodeName === want.nodeName && n.className === want.className);
    if (i < 0) return null;
    const match = rest[i];
    rest = rest.slice(i + 1); // matched in order, so that no kept child has to move
    return match;
  });
  for (const child of [...node.childNodes]) if (!kept.includes(child)) child.remove();
  wanted.forEach((want, i) => {
    if (kept[i]) patch(kept[i], want);
    else node.insertBefore(want, node.childNodes[i] ?? null);
  });
}

function clock(ts) {
  return new Date(ts).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

function convName(c) {
  if (c.kind === "group") return c.title ?? "Group";
  const others = c.members.filter((m) => m !== session.handle);
  return others[0] ?? (c.kind === null ? "New conversation" : "Just you");
}

function bodyOf(c, e) {
  const o = c.overrides[e.seq];
  if (o?.deleted) return { text: "message deleted", deleted: true, edited: false };
  if (o) return { text: o.body, deleted: false, edited: true };
  return { text: e.body || (e.meta ? "[structured message]" : ""), deleted: false, edited: false };
}

function who(handle) {
  return handle === session.handle ? "you" : handle;
}

function systemText(e) {
  switch (e.kind) {
    case "created": {
      const others = e.members.filter((m) => m !== e.sender).map(who);
      if (e.title != null) {
        const withWhom = others.length ? ` with ${others.join(", ")}` : "";
        return `${who(e.sender)} created the group “${e.title}”${withWhom}`;
      }
      return `Conversation started by ${who(e.sender)}`;
    }
    case "member_added":
      return `${who(e.sender)} added ${e.members.map(who).join(", ")}`;
    case "member_removed":
      return e.members[0] === e.sender
        ? `${who(e.sender)} left`
        : `${who(e.sender)} removed ${e.members.map(who).join(", ")}`;
    case "owner_changed":
      return `${e.members.map(who).join(", ")} now own${e.members[0] === session.handle ? "" : "s"} the group`;
    default:
      return null;
  }
}

function preview(c) {
  const e = c.lastMessage;
  if (!e) return c.kind === null ? "Loading…" : "No messages yet";
  const { text } = bodyOf(c, e);
  return `${e.sender === session.handle ? "You" : e.sender}: ${text}`;
}

// ---- rendering ---------------------------------------------------------------------------

function renderStatus() {
  const conn = $("conn");
  conn.hidden = !client; // no connection to speak of before signing in
  const state = client ? client.status : "offline";
  let text = "Offline";
  if (state === "online") text = "Online";
  else if (state === "connecting") text = "Connecting…";
  else if (state === "waiting") {
    const secs = Math.max(1, Math.round((client.retryAt - Date.now()) / 1000));
    text = `Reconnecting in ${secs} s`;
  } else if (client) text = "Offline: messages will be sent when you're back";
  const queued = client ? client.outbox.filter((o) => o.state === "pending").length : 0;
  if (queued && state !== "online") text += ` (${queued} waiting)`;
  conn.textContent = text;
  conn.dataset.state = state;
  if (client?.statusDetail && state !== "online") conn.title = client.statusDetail;
  else conn.removeAttribute("title");
}

function renderList() {
  const convs = [...client.convs.values()].sort(
    (a, b) => b.lastTs - a.lastTs || a.conv.localeCompare(b.conv),
  );
  $("conv-empty").hidden = convs.length > 0;
  const items = convs.map((c) => ({
    key: c.conv,
    sig: JSON.stringify([convName(c), preview(c), c.unread, c.conv === openConv]),
    c,
  }));
  reconcile($("conv-list"), items, convRow);
}

function convRow({ c }) {
  const unread =
    c.unread > 0
      ? el("span", { class: "badge", "aria-label": `${c.unread} unread` }, String(c.unread))
      : null;
  return el(
    "li",
    {},
    el(
      "a",
      {
        href: `#${c.conv}`,
        class: "conv-row",
        "aria-current": c.conv === openConv ? "page" : null,
        "data-conv": c.conv,
      },
      el("span", { class: "conv-name", text: convName(c) }),
      unread,
      el("span", { class: "conv-last", text: preview(c) }),
    ),
  );
}

function statusLine(o) {
  if (o.state === "failed") {
    return el(
      "p",
      { class: "status failed" },
      `Not sent (${api.describe({ code: o.error })}) `,
      el("button", { type: "button", class: "link", onclick: () => client.retry(o.cmid) }, "Retry"),
      " ",
      el("button", { type: "button", class: "link", onclick: () => client.discard(o.cmid) }, "Discard"),
    );
  }
  if (o.state === "sent") return el("p", { class: "status sent", text: "Sent ✓" });
  if (client.status !== "online") {
    return el("p", { class: "status pending", text: "Waiting for connection…" });
  }
  return el("p", { class: "status pending", text: "Sending…" });
}

function messageNode(item) {
  const { c, e, o } = item;
  if (item.type === "divider") {
    return el("li", { class: "divider", role: "separator", "aria-label": "New messages" }, "New messages");
  }
  if (item.type === "system") return el("li", { class: "sys" }, item.text);
  const mine = o ? true : e.sender === session.handle;
  const body = o
    ? { text: o.body, deleted: false, edited: false }
    : bodyOf(c, e);
  // Edit and Delete stay where they are as the message changes, so that a press on one is
  // still on it at the release: "(edited)" goes in the meta line, not on a line of its own,
  // and the buttons come last, at my messages' right edge, which stays put as "Sent ✓" comes
  // and goes or the text gets wider or narrower.
  const node = el(
    "li",
    {
      class: `msg ${mine ? "mine" : "theirs"}${o ? ` out-${o.state}` : ""}`,
      "data-seq": e ? String(e.seq) : null,
      "data-cmid": o ? o.cmid : e.client_msg_id,
    },
    el(
      "p",
      { class: "msg-meta" },
      el("span", { class: "sender", text: mine ? "You" : e.sender }),
      e ? el("time", { datetime: new Date(e.ts).toISOString(), text: clock(e.ts) }) : null,
      body.edited ? el("span", { class: "edited", text: "(edited)" }) : null,
    ),
    el("p", { class: `body${body.deleted ? " deleted" : ""}`, text: body.text }),
  );
  if (o) node.append(statusLine(o));
  else if (mine) {
    const foot = el("div", { class: "foot" });
    // "Sent" under my latest message only, as chat apps do; every message above it is too.
    if (item.latestMine) foot.append(el("span", { class: "status sent", text: "Sent ✓" }));
    if (!body.deleted) {
      foot.append(
        el(
          "span",
          { class: "actions" },
          el("button", {
            type: "button",
            class: "link",
            "aria-label": `Edit message: ${body.text.slice(0, 40)}`,
            onclick: () => startEdit(c.conv, e),
          }, "Edit"),
          " ",
          el("button", {
            type: "button",
            class: "link",
            "aria-label": `Delete message: ${body.text.slice(0, 40)}`,
            onclick: () => removeMessage(c.conv, e.seq),
          }, "Delete"),
        ),
      );
    }
    node.append(foot);
  }
  return node;
}

function renderConversation() {
  const c = openConv ? client.convs.get(openConv) : null;
  document.body.dataset.view = openConv ? "conv" : "list";
  $("conversation").hidden = !openConv;
  $("placeholder").hidden = !!openConv;
  if (!openConv) return;
  if (!c) {
    $("conv-title").textContent = "Loading…";
    $("conv-members").textContent = "";
    $("members-panel").hidden = true;
    reconcile($("messages"), [], messageNode);
    return;
  }
  $("conv-title").textContent = convName(c);
  $("conv-members").textContent =
    c.kind === "group" ? `Members: ${c.members.map(who).join(", ")}` : "Direct conversation";
  $("members-panel").hidden = !(c.kind === "group" && c.role === "owner");

  const items = [];
  let dividerPlaced = false;
  let latestMine = 0;
  for (const e of c.events) {
    if (e.kind === "message" && e.sender === session.handle) latestMine = e.seq;
  }
  for (const e of c.events) {
    if (
      !dividerPlaced &&
      dividerAfter !== null &&
      e.seq > dividerAfter &&
      e.kind === "message" &&
      e.sender !== session.handle
    ) {
      items.push({ key: "divider", sig: "d", type: "divider" });
      dividerPlaced = true;
    }
    if (e.kind === "message") {
      const b = bodyOf(c, e);
      const latest = e.seq === latestMine;
      items.push({ key: `s${e.seq}`, sig: JSON.stringify([b, latest]), type: "msg", c, e, latestMine: latest });
    } else {
      const text = systemText(e);
      if (text) items.push({ key: `s${e.seq}`, sig: text, type: "system", text });
    }
  }
  for (const o of client.pendingFor(c.conv)) {
    const sig = JSON.stringify([o.state, o.error, client.status === "online"]);
    items.push({ key: `p${o.cmid}`, sig, type: "msg", c, o });
  }

  const scroller = $("scroller");
  const list = $("messages");
  const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 48;
  const fromBottom = scroller.scrollHeight - scroller.scrollTop;
  const firstBefore = list.firstElementChild?.dataset.key;
  reconcile(list, items, messageNode);
  const firstAfter = list.firstElementChild?.dataset.key;
  if (firstBefore && firstAfter !== firstBefore && list.querySelector(`[data-key="${firstBefore}"]`)) {
    scroller.scrollTop = scroller.scrollHeight - fromBottom; // older page prepended: stay put
  } else if (atBottom || scrollPending) {
    scroller.scrollTop = scroller.scrollHeight;
    scrollPending = false;
  }

  const older = $("older");
  older.hidden = c.start <= 1;
  older.disabled = c.loadingOlder;
  older.textContent = c.loadingOlder ? "Loading…" : "Load earlier messages";
  $("history-start").hidden = c.start > 1;

  const typing = client.typingIn(c.conv);
  $("typing").textContent =
    typing.length === 0
      ? ""
      : typing.length === 1
        ? `${typing[0]} is typing…`
        : `${typing.join(", ")} are typing…`;
}

let scrollPending = false;
let renderQueued = false;
function render() {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => {
    renderQueued = false;
    if (!client) return;
    renderStatus();
    renderList();
    renderConversation();
  });
}

// ---- actions -------------------------------------------------------------------------------

function openFromHash() {
  const conv = /^#(c[0-9a-f]{16})$/.exec(location.hash)?.[1] ?? null;
  if (conv === openConv) return;
  cancelEdit();
  openConv = conv;
  const c = conv ? client.convs.get(conv) : null;
  dividerAfter = c && c.unread > 0 ? c.readSeq : null;
  client.setOpen(conv);
  scrollPending = true;
  $("typing").textContent = "";
  if (c && c.events.length < 20 && c.start > 1) client.loadOlder(conv);
  render();
  if (conv) requestAnimationFrame(() => $("composer").focus());
}

// The message's text as it is now, not when its Edit button was drawn: an edit may have come
// since (the button is kept when its message changes).
function startEdit(conv, e) {
  const c = client.convs.get(conv);
  const body = c ? bodyOf(c, e) : null;
  if (!body || body.deleted) return;
  editing = { conv, seq: e.seq };
  $("editing").hidden = false;
  const box = $("composer");
  box.value = body.text;
  box.focus();
}

function cancelEdit() {
  editing = null;
  $("editing").hidden = true;
}

async function removeMessage(conv, seq) {
  if (!confirm("Delete this message for everyone?")) return;
  try {
    await client.change(conv, seq, null);
  } catch (err) {
    alert(err.code === "disconnected" ? "You're offline: try again when connected." : api.describe(err));
  }
}

async function submitComposer(event) {
  event.preventDefault();
  const box = $("composer");
  const text = box.value.trim();
  if (!text || !openConv) return;
  if (editing) {
    const { conv, seq } = editing;
    try {
      await client.change(conv, seq, text);
      cancelEdit();
      box.value = "";
    } catch (err) {
      alert(err.code === "disconnected" ? "You're offline: try again when connected." : api.describe(err));
    }
    return;
  }
  client.send(openConv, text);
  box.value = "";
  scrollPending = true;
  box.focus();
}

function showAuth(message = "") {
  $("auth").hidden = false;
  $("app").hidden = true;
  $("whoami").hidden = true;
  $("auth-error").textContent = message;
  renderStatus();
  $("auth-handle").focus();
}

function startSession(s) {
  session = s;
  localStorage.setItem(SESSION_KEY, JSON.stringify(s));
  $("auth").hidden = true;
  $("app").hidden = false;
  $("whoami").hidden = false;
  $("me").textContent = s.handle;
  client = new PigeonClient(s);
  client.addEventListener("change", render);
  client.addEventListener("unauthenticated", () => {
    endSession();
    showAuth("Your session has ended. Log in again.");
  });
  client.start();
  window.pigeon = client; // for debugging from the console (and for the tests)
  openConv = null;
  openFromHash();
  render();
}

function endSession() {
  client?.stop();
  client = null;
  session = null;
  openConv = null;
  localStorage.removeItem(SESSION_KEY);
}

async function onAuth(event) {
  event.preventDefault();
  const action = event.submitter?.value ?? "login";
  const handle = $("auth-handle").value.trim().toLowerCase();
  const password = $("auth-password").value;
  const errorBox = $("auth-error");
  errorBox.textContent = "";
  if (!/^[a-z0-9_]{2,32}$/.test(handle)) {
    errorBox.textContent = "A handle is 2 to 32 lowercase letters, digits or _.";
    return;
  }
  if (password.length < 8) {
    errorBox.textContent = "The password needs at least 8 characters.";
    return;
  }
  for (const b of $("auth-form").querySelectorAll("button")) b.disabled = true;
  try {
    if (action === "register") {
      try {
        await api.register(handle, password);
      } catch (err) {
        if (err.code === "conflict") throw Object.assign(err, { message: "That handle is taken." });
        throw err;
      }
    }
    // The device key outlives logout (it is not a credential): it only makes this browser
    // a known device at the next login.
    const keyName = `pigeon.v1.device_key.${handle}`;
    const reply = await api.login(handle, password, localStorage.getItem(keyName));
    if (reply.device_key) localStorage.setItem(keyName, reply.device_key);
    $("auth-password").value = "";
    startSession({ handle: reply.handle, token: reply.token });
  } catch (err) {
    errorBox.textContent = err.message === "That handle is taken." ? err.message : api.describe(err);
  } finally {
    for (const b of $("auth-form").querySelectorAll("button")) b.disabled = false;
  }
}

async function afterCreate(conv) {
  $("new-error").textContent = "";
  document.querySelector("details.new").open = false;
  location.hash = `#${conv}`;
  client.catchUp();
}

function wire() {
  $("auth-form").addEventListener("submit", onAuth);
  $("logout").addEventListener("click", async () => {
    const token = session?.token;
    client?.forgetSaved();
    endSession();
    location.hash = "";
    showAuth();
    if (token) api.logout(token).catch(() => {});
  });
  $("direct-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const peer = $("direct-peer").value.trim().toLowerCase();
    if (!peer) return;
    try {
      const reply = await api.openDirect(session.token, peer);
      $("direct-peer").value = "";
      afterCreate(reply.conv);
    } catch (err) {
      $("new-error").textContent =
        err.code === "bad_request" ? "That's you: pick someone else." : api.describe(err);
    }
  });
  $("group-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const title = $("group-title").value.trim();
    const members = $("group-members").value.split(/[\s,]+/).map((m) => m.toLowerCase()).filter(Boolean);
    if (!title) return;
    try {
      const reply = await api.createGroup(session.token, title, members);
      $("group-title").value = "";
      $("group-members").value = "";
      afterCreate(reply.conv);
    } catch (err) {
      $("new-error").textContent = api.describe(err);
    }
  });
  $("add-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const handle = $("add-handle").value.trim().toLowerCase();
    if (!handle || !openConv) return;
    try {
      await api.addMember(session.token, openConv, handle);
      $("add-handle").value = "";
      $("add-error").textContent = "";
      $("members-panel").open = false;
    } catch (err) {
      $("add-error").textContent =
        err.code === "conflict" ? `${handle} is already a member.` : api.describe(err);
    }
  });
  $("older").addEventListener("click", () => openConv && client.loadOlder(openConv));
  new IntersectionObserver(
    (entries) => {
      const c = openConv && client?.convs.get(openConv);
      if (!c || c.start <= 1) return;
      const scroller = $("scroller");
      const scrollable = scroller.scrollHeight > scroller.clientHeight;
      if (scrollable && entries.some((e) => e.isIntersecting)) client.loadOlder(openConv);
    },
    { root: $("scroller") },
  ).observe($("older"));
  $("composer-form").addEventListener("submit", submitComposer);
  $("composer").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $("composer-form").requestSubmit();
    } else if (event.key === "Escape" && editing) {
      cancelEdit();
      $("composer").value = "";
    }
  });
  $("composer").addEventListener("input", () => {
    if (openConv && !editing) client?.notifyTyping(openConv);
  });
  $("cancel-edit").addEventListener("click", () => {
    cancelEdit();
    $("composer").value = "";
    $("composer").focus();
  });
  window.addEventListener("hashchange", () => client && openFromHash());
  document.addEventListener("visibilitychange", () => {
    if (client && openConv && document.visibilityState === "visible") client.markRead(openConv);
  });
  // The reconnect countdown and typing expiry are time-based: refresh them once a second.
  setInterval(() => {
    if (client && (client.status !== "online" || openConv)) render();
  }, 1000);
}

wire();
let saved = null;
try {
  saved = JSON.parse(localStorage.getItem(SESSION_KEY) ?? "null");
} catch {
  saved = null;
}
if (saved?.token && saved?.handle) startSession(saved);
else showAuth();
