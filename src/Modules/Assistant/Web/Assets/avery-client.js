// Avery protocol client (PROTOCOL.md v1): history, WebSocket, reconnects, ping, state.
// Shared by the full-screen page (avery-fullscreen.js) and the widget (avery-widget.js).
// It knows nothing about the DOM; views listen to its events:
//   history, message, coach, stream, typing, function, progress, store, oauth,
//   celebration, mode, servererror, connection.

export const MAX_TEXT = 2000;
export const RECONNECT_DELAYS = [1000, 2000, 4000, 8000, 16000];
export const PING_INTERVAL = 25000;
export const CLOSE_UNAUTHORIZED = 4001;
export const CLOSE_REPLACED = 4002;

const WIDGET_MODE_KEY = 'avery.widget.mode';
const WIDGET_UNREAD_KEY = 'avery.widget.unread';

let counter = 0;

/** Unique per page load and across tabs: "c-" + counter + random. */
export function nextMessageId() {
  counter += 1;
  const random = crypto.getRandomValues(new Uint32Array(2));
  return `c-${counter}-${random[0].toString(36)}${random[1].toString(36)}`;
}

/** The widget's mode survives page navigation within the tab. */
export function widgetMode() {
  try {
    return sessionStorage.getItem(WIDGET_MODE_KEY) === 'expanded' ? 'expanded' : 'minimised';
  } catch {
    return 'minimised';
  }
}

export function setWidgetMode(mode) {
  try {
    sessionStorage.setItem(WIDGET_MODE_KEY, mode === 'expanded' ? 'expanded' : 'minimised');
  } catch {
    // Storage can be disabled; the widget then starts minimised on every page.
  }
}

export function widgetUnread() {
  try {
    return Math.max(0, Number.parseInt(sessionStorage.getItem(WIDGET_UNREAD_KEY) ?? '0', 10) || 0);
  } catch {
    return 0;
  }
}

export function setWidgetUnread(count) {
  try {
    sessionStorage.setItem(WIDGET_UNREAD_KEY, String(count));
  } catch {
    // See setWidgetMode.
  }
}

/** Only http(s) URLs are ever opened or linked; anything else (javascript:, data:) is dropped. */
export function safeUrl(value, base = location.href) {
  if (typeof value !== 'string' || value.length === 0) return null;
  try {
    const url = new URL(value, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

const tokenCache = new Map();

/**
 * The antiforgery request token for POSTs (photo upload, ticket). Same-origin pages render one
 * (<AntiforgeryToken /> on /avery, the sign-out form in the admin layout); otherwise it is fetched.
 */
export async function antiforgeryToken(origin = location.origin) {
  if (origin === location.origin) {
    const input = document.querySelector('input[name="__RequestVerificationToken"]');
    if (input?.value) return input.value;
  }
  if (!tokenCache.has(origin)) {
    tokenCache.set(origin, (async () => {
      const response = await fetch(`${origin}/avery/antiforgery-token`, {
        credentials: origin === location.origin ? 'same-origin' : 'include',
        headers: { Accept: 'application/json' },
      });
      if (!response.ok) throw new AveryHttpError(response.status, 'Could not get a request token.');
      const body = await response.json();
      return body.token;
    })());
  }
  try {
    return await tokenCache.get(origin);
  } catch (error) {
    tokenCache.delete(origin);
    throw error;
  }
}

export class AveryHttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function normaliseMessage(raw, fallbackRole) {
  const message = raw && typeof raw === 'object' ? raw : {};
  return {
    id: message.id != null ? String(message.id) : nextMessageId(),
    role: ['coach', 'avery', 'system'].includes(message.role) ? message.role : fallbackRole,
    content: typeof message.content === 'string' ? message.content : '',
    buttons: Array.isArray(message.buttons) ? message.buttons.filter(isButton) : [],
    preview: message.preview && typeof message.preview === 'object' ? message.preview : null,
    phase: typeof message.phase === 'string' ? message.phase : null,
    progressPct: Number.isFinite(message.progressPct) ? message.progressPct : null,
    createdAt: message.createdAt ?? new Date().toISOString(),
    imageUrl: typeof message.imageUrl === 'string' ? message.imageUrl : null,
    local: Boolean(message.local),
  };
}

function isButton(button) {
  return button && typeof button === 'object' && typeof button.label === 'string' && typeof button.action === 'string';
}

function normaliseScorecard(raw) {
  const card = raw && typeof raw === 'object' ? raw : {};
  return {
    photo: Boolean(card.photo),
    socials: Boolean(card.socials),
    blogs: Boolean(card.blogs),
    shared: Boolean(card.shared),
    live: Boolean(card.live),
  };
}

export class AveryClient extends EventTarget {
  /**
   * @param {{ origin?: string, historyLimit?: number }} options
   * origin: where CreatorOS runs. A page on another origin authenticates with a ticket.
   */
  constructor({ origin = location.origin, historyLimit = 50 } = {}) {
    super();
    this.origin = origin;
    this.crossOrigin = origin !== location.origin;
    this.historyLimit = historyLimit;
    this.state = {
      messages: [],
      phase: null,
      progressPct: 0,
      scorecard: normaliseScorecard(null),
      onboardingComplete: false,
      connection: 'idle',
      typing: false,
      streaming: null,
      running: null,
    };
    this._socket = null;
    this._attempt = 0;
    this._hasOpened = false;
    this._stopped = false;
    this._pingTimer = 0;
    this._retryTimer = 0;
  }

  get connected() {
    return this.state.connection === 'open';
  }

  /** Loads the history first, so a reload shows the conversation before the socket says anything. */
  async start() {
    this._stopped = false;
    await this.loadHistory();
    if (this.state.connection !== 'unauthorized') this.connect();
  }

  async loadHistory() {
    let body;
    try {
      const response = await fetch(`${this.origin}/avery/messages?limit=${this.historyLimit}`, {
        credentials: this.crossOrigin ? 'include' : 'same-origin',
        headers: { Accept: 'application/json' },
      });
      if (response.status === 401 || response.status === 403) {
        this._setConnection('unauthorized');
        return;
      }
      if (!response.ok) throw new AveryHttpError(response.status, `History answered ${response.status}.`);
      body = await response.json();
    } catch (error) {
      this._emit('servererror', { code: 'history_unavailable', message: 'Couldn’t load earlier messages.', error });
      return;
    }

    const history = (Array.isArray(body.messages) ? body.messages : []).map((m) => normaliseMessage(m, 'avery'));
    const known = new Set(history.map((m) => m.id));

    // Messages that came over the socket while the history was on its way are kept; local echoes
    // of the coach's own messages are replaced by the stored versions.
    const arrived = this.state.messages.filter((m) => !m.local && !known.has(m.id));
    this.state.messages = [...history, ...arrived];
    if (typeof body.phase === 'string') this.state.phase = body.phase;
    if (Number.isFinite(body.progressPct)) this.state.progressPct = body.progressPct;
    if (body.scorecard) this.state.scorecard = normaliseScorecard(body.scorecard);
    this.state.onboardingComplete = Boolean(body.onboardingComplete);
    this._emit('history', { messages: this.state.messages });
    this._emit('progress', { progressPct: this.state.progressPct, phase: this.state.phase, scorecard: this.state.scorecard });
  }

  async connect() {
    clearTimeout(this._retryTimer);
    if (this._stopped) return;
    if (this._socket && this._socket.readyState <= WebSocket.OPEN) return;
    this._setConnection(this._attempt === 0 && !this._hasOpened ? 'connecting' : 'reconnecting');

    let url = `${this.origin.replace(/^http/, 'ws')}/avery/ws`;
    if (this.crossOrigin) {
      // The embedding page is on another origin: the cookie is not usable there, so a one-off
      // ticket is fetched with credentials. This only works when the server allows this origin
      // (Assistant:AllowedOrigins, checked on the ticket call's CORS and on the socket's Origin)
      // and the auth cookie is sent cross-site.
      try {
        url += `?ticket=${encodeURIComponent(await this._ticket())}`;
      } catch (error) {
        if (error instanceof AveryHttpError && (error.status === 401 || error.status === 403)) {
          this._setConnection('unauthorized');
        } else {
          this._scheduleReconnect();
        }
        return;
      }
    }

    let socket;
    try {
      socket = new WebSocket(url);
    } catch {
      this._scheduleReconnect();
      return;
    }
    this._socket = socket;
    socket.addEventListener('open', () => this._opened(socket));
    socket.addEventListener('message', (event) => this._received(event));
    socket.addEventListener('close', (event) => this._closed(socket, event));
  }

  /** After "Avery is open in another tab" or a failed reconnect: start again from the first attempt. */
  retry() {
    this._stopped = false;
    this._attempt = 0;
    if (this.state.connection === 'unauthorized') return;
    this.connect();
  }

  close() {
    this._stopped = true;
    clearTimeout(this._retryTimer);
    clearInterval(this._pingTimer);
    if (this._socket && this._socket.readyState <= WebSocket.OPEN) this._socket.close(1000, 'Bye');
    this._setConnection('closed');
  }

  /** Sends one frame; returns its messageId, or null when not connected. */
  send(type, payload = {}) {
    if (!this._socket || this._socket.readyState !== WebSocket.OPEN) return null;
    const messageId = nextMessageId();
    this._socket.send(JSON.stringify({ type, payload, messageId }));
    return messageId;
  }

  sendText(text) {
    const value = String(text ?? '').trim();
    if (value.length === 0 || value.length > MAX_TEXT) return false;
    const id = this.send('coach_message', { text: value });
    if (!id) return false;
    this.addLocalCoachMessage({ id, content: value });
    return true;
  }

  clickButton(button) {
    const sent = { label: String(button.label), action: String(button.action) };
    if (button.value != null) sent.value = String(button.value);
    // Recorded even when the socket is down: the coach did answer (a second tap is answered "already").
    this.recordAnswer(button);
    return this.send('button_click', { button: sent });
  }

  /**
   * A nudge's buttons carry answerPath: the module that sent the nudge records the answer there
   * (responded_at, "Remind tomorrow", "Snooze 3 days"). Resolves to the response status, or null
   * when the button has nothing to record; emits 'answer'.
   */
  async recordAnswer(button) {
    const path = typeof button?.answerPath === 'string' ? button.answerPath : '';
    if (!/^\/api\/[A-Za-z0-9\-/]+$/.test(path)) return null;
    let status = 0;
    try {
      const token = await antiforgeryToken(this.origin);
      const response = await fetch(`${this.origin}${path}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', RequestVerificationToken: token },
        body: JSON.stringify({ action: String(button.action) }),
      });
      status = response.status;
    } catch {
      status = 0;
    }
    this._emit('answer', { action: String(button.action), ok: status >= 200 && status < 300, status });
    return status;
  }

  photoUploaded(url) {
    return this.send('photo_uploaded', { url });
  }

  oauthComplete(platform, ok) {
    return this.send('oauth_complete', { platform, ok: Boolean(ok) });
  }

  typing(active) {
    return this.send(active ? 'typing_start' : 'typing_stop', {});
  }

  /** Shows the coach's own message at once; the stored copy replaces it on the next history load. */
  addLocalCoachMessage({ id = nextMessageId(), content, imageUrl = null }) {
    const message = normaliseMessage({ id, role: 'coach', content, imageUrl, local: true }, 'coach');
    this.state.messages.push(message);
    this._emit('coach', { message });
    return message;
  }

  async _ticket() {
    const token = await antiforgeryToken(this.origin);
    const response = await fetch(`${this.origin}/avery/ticket`, {
      method: 'POST',
      credentials: 'include',
      headers: { Accept: 'application/json', RequestVerificationToken: token },
    });
    if (!response.ok) throw new AveryHttpError(response.status, 'No ticket.');
    const body = await response.json();
    return body.ticket;
  }

  _opened(socket) {
    if (socket !== this._socket) return;
    const reconnected = this._hasOpened;
    this._hasOpened = true;
    this._attempt = 0;
    this._setConnection('open');
    clearInterval(this._pingTimer);
    this._pingTimer = setInterval(() => this.send('ping', {}), PING_INTERVAL);

    // Whatever happened while we were away (a turn that finished, a nudge) is in the history.
    if (reconnected) this.loadHistory();
  }

  _closed(socket, event) {
    if (socket !== this._socket) return;
    clearInterval(this._pingTimer);
    this._socket = null;
    if (this.state.streaming !== null || this.state.typing) {
      this.state.streaming = null;
      this.state.typing = false;
      this._emit('typing', { isTyping: false });
    }
    if (this.state.running) {
      this.state.running = null;
      this._emit('function', { name: null, running: false, ok: false });
    }
    if (this._stopped) return;
    if (event.code === CLOSE_UNAUTHORIZED) {
      this._setConnection('unauthorized');
    } else if (event.code === CLOSE_REPLACED) {
      this._setConnection('replaced');
    } else {
      this._scheduleReconnect();
    }
  }

  _scheduleReconnect() {
    if (this._stopped) return;
    if (this._attempt >= RECONNECT_DELAYS.length) {
      this._setConnection('failed');
      return;
    }
    const delay = RECONNECT_DELAYS[this._attempt];
    this._attempt += 1;
    this._setConnection('reconnecting', { attempt: this._attempt, delay });
    this._retryTimer = setTimeout(() => this.connect(), delay);
  }

  _received(event) {
    if (typeof event.data !== 'string') return;
    let frame;
    try {
      frame = JSON.parse(event.data);
    } catch {
      return;
    }
    if (!frame || typeof frame.type !== 'string') return;
    const payload = frame.payload && typeof frame.payload === 'object' ? frame.payload : {};

    switch (frame.type) {
      case 'avery_typing':
        this.state.typing = Boolean(payload.isTyping);
        this._emit('typing', { isTyping: this.state.typing });
        break;
      case 'avery_stream_chunk': {
        const chunk = typeof payload.text === 'string' ? payload.text : '';
        this.state.streaming = (this.state.streaming ?? '') + chunk;
        this._emit('stream', { text: this.state.streaming, chunk });
        break;
      }
      case 'avery_stream_end':
        this.state.streaming = null;
        this._addAveryMessage(payload, true);
        break;
      case 'avery_message':
        this._addAveryMessage(payload, false);
        break;
      case 'function_executing':
        this.state.running = typeof payload.name === 'string' ? payload.name : 'working';
        this._emit('function', { name: this.state.running, running: true });
        break;
      case 'function_complete':
        this.state.running = null;
        this._emit('function', { name: payload.name ?? null, running: false, ok: payload.ok !== false, summary: payload.summary ?? null });
        break;
      case 'progress_update':
        if (Number.isFinite(payload.progressPct)) this.state.progressPct = payload.progressPct;
        if (typeof payload.phase === 'string') this.state.phase = payload.phase;
        if (payload.scorecard) this.state.scorecard = normaliseScorecard(payload.scorecard);
        this._emit('progress', { progressPct: this.state.progressPct, phase: this.state.phase, scorecard: this.state.scorecard });
        break;
      case 'store_preview_update':
        if (payload.store && typeof payload.store === 'object') {
          const changedFields = Array.isArray(payload.changedFields) ? payload.changedFields.filter((f) => typeof f === 'string') : [];
          this._emit('store', { store: payload.store, changedFields });
        }
        break;
      case 'trigger_oauth':
        this._emit('oauth', { platform: String(payload.platform ?? ''), url: String(payload.url ?? '') });
        break;
      case 'celebration':
        this._emit('celebration', {
          type: payload.type ?? 'confetti',
          badge: typeof payload.badge === 'string' ? payload.badge : null,
          duration: Number.isFinite(payload.duration) ? Math.min(Math.max(payload.duration, 500), 10000) : 3000,
        });
        break;
      case 'mode_change':
        if (['minimised', 'expanded', 'fullscreen'].includes(payload.mode)) this._emit('mode', { mode: payload.mode });
        break;
      case 'error':
        this._emit('servererror', { code: String(payload.code ?? 'error'), message: String(payload.message ?? 'Something went wrong.') });
        break;
      case 'pong':
      default:
        break;
    }
  }

  _addAveryMessage(payload, streamed) {
    const message = normaliseMessage({ role: 'avery', ...payload }, 'avery');
    const index = this.state.messages.findIndex((m) => m.id === message.id);
    if (index >= 0) this.state.messages[index] = message;
    else this.state.messages.push(message);
    if (message.progressPct !== null) {
      this.state.progressPct = message.progressPct;
      this._emit('progress', { progressPct: this.state.progressPct, phase: message.phase ?? this.state.phase, scorecard: this.state.scorecard });
    }
    this._emit('message', { message, streamed, replaced: index >= 0 });
  }

  _setConnection(status, extra = {}) {
    this.state.connection = status;
    this._emit('connection', { status, ...extra });
  }

  _emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
