// The HTTP half of the public API (docs/PROTOCOL.md section 2): accounts and conversation
// management. Messages travel over the WebSocket (connection.js / client.js).

export class ApiError extends Error {
  /** @param {string} code @param {number} status @param {number|undefined} retryAfterMs */
  constructor(code, status, retryAfterMs) {
    super(code);
    this.code = code;
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}

/** Calls one route; resolves to the JSON body (or null), rejects with ApiError. */
export async function call(method, path, body, token) {
  const headers = {};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError("network", 0, undefined);
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    throw new ApiError(data?.code ?? "internal", response.status, data?.retry_after_ms);
  }
  return data;
}

export const register = (handle, password) => call("POST", "/v1/register", { handle, password });
/** deviceKey: what an earlier login of this browser returned, so that someone guessing this
 * handle's password elsewhere cannot lock this device out (docs/PROTOCOL.md, login). */
export const login = (handle, password, deviceKey) =>
  call("POST", "/v1/login", {
    handle,
    password,
    device: "web",
    ...(deviceKey ? { device_key: deviceKey } : {}),
  });
export const logout = (token) => call("POST", "/v1/logout", undefined, token);
export const openDirect = (token, peer) =>
  call("POST", "/v1/conversations/direct", { peer }, token);
export const createGroup = (token, title, members) =>
  call("POST", "/v1/conversations/group", { title, members }, token);
export const addMember = (token, conv, handle) =>
  call("POST", `/v1/conversations/${conv}/members`, { handle }, token);
export const removeMember = (token, conv, handle) =>
  call("DELETE", `/v1/conversations/${conv}/members/${encodeURIComponent(handle)}`, undefined, token);
export const editMessage = (token, conv, seq, clientMsgId, body) =>
  call("POST", `/v1/conversations/${conv}/messages/${seq}/edit`, { client_msg_id: clientMsgId, body }, token);
export const deleteMessage = (token, conv, seq, clientMsgId) =>
  call("POST", `/v1/conversations/${conv}/messages/${seq}/delete`, { client_msg_id: clientMsgId }, token);

/** Human words for an error code, for the UI. */
export function describe(err) {
  const code = err?.code ?? "internal";
  return (
    {
      network: "Can't reach the server. Check your connection.",
      bad_request: "That doesn't look right. Check the fields.",
      unauthenticated: "Wrong handle or password.",
      not_found: "Not found (no such user or conversation).",
      forbidden: "You're not allowed to do that.",
      conflict: "Already taken, or already done.",
      rate_limited: "Too many attempts. Wait a moment and try again.",
      too_large: "Too long.",
      busy: "The server is busy. Try again shortly.",
      unavailable: "The server is having trouble. Try again shortly.",
    }[code] ?? `Something went wrong (${code}).`
  );
}

/** 32 hex digits of randomness: a client_msg_id, as the SDK makes them. */
export function newClientMsgId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
