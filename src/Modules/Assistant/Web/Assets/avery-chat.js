// The chat view shared by the full-screen page and the widget panel: header with progress and
// scorecard, connection banner, message list with streaming, buttons and preview cards, status
// line, typing indicator and composer. Every piece of server or coach text goes into the DOM
// as text (textContent / text nodes): nothing here parses HTML.

import { MAX_TEXT, safeUrl } from './avery-client.js';
import { choosePhoto, isMobile, squareJpeg, uploadPhoto, PhotoError } from './avery-photo.js';

/** What the status line says while a tool runs (tool names: Tools/ToolNames.cs). */
export const TOOL_LABELS = {
  update_coach_profile: 'Updating your profile…',
  connect_social_account: 'Connecting your account…',
  generate_blog_posts: 'Writing your blogs…',
  set_subscription_price: 'Setting your price…',
  apply_store_template: 'Styling your store…',
  get_store_analytics: 'Checking your numbers…',
  get_niche_benchmarks: 'Looking at what works in your niche…',
  schedule_live_session: 'Scheduling your live session…',
  generate_share_content: 'Writing your share post…',
  update_scorecard: 'Updating your checklist…',
  setup_stripe: 'Setting up payments…',
  get_social_top_posts: 'Finding your best posts…',
  delete_blog_post: 'Removing that post…',
  skip_step: 'Moving on…',
};

const SCORECARD = [
  ['photo', 'Photo'],
  ['socials', 'Socials'],
  ['blogs', '3 blogs'],
  ['shared', 'Shared'],
  ['live', 'Live'],
];

const PREVIEW_LABELS = {
  blog: 'Blog post',
  bio: 'Bio',
  store: 'Your store',
  share_post: 'Share post',
  analytics: 'Analytics',
};

const PLATFORM_NAMES = { instagram: 'Instagram', tiktok: 'TikTok', youtube: 'YouTube' };

const CONNECTION_TEXT = {
  reconnecting: 'Lost connection. Reconnecting…',
  failed: 'Couldn’t reconnect to Avery.',
  replaced: 'Avery is open in another tab.',
  unauthorized: 'Please sign in again.',
};

/** Small DOM helper: el('div', { className: 'x', text: 'hi', dataset: {...}, attrs: {...} }, ...children). */
export function el(tag, options = {}, ...children) {
  const node = document.createElement(tag);
  const { text, className, dataset, attrs, on, hidden } = options;
  if (className) node.className = className;
  if (text != null) node.textContent = String(text);
  if (hidden) node.hidden = true;
  if (dataset) Object.assign(node.dataset, dataset);
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === false || value == null) continue;
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  if (on) {
    for (const [event, handler] of Object.entries(on)) node.addEventListener(event, handler);
  }
  for (const child of children) {
    if (child != null && child !== false) node.append(child);
  }
  return node;
}

/**
 * Plain text with line breaks kept (CSS pre-wrap) and **bold** as the only formatting,
 * built from text nodes and <strong> elements.
 */
export function richText(content) {
  const fragment = document.createDocumentFragment();
  const parts = String(content ?? '').split(/\*\*([^*\n]+)\*\*/g);
  parts.forEach((part, index) => {
    if (part.length === 0) return;
    fragment.append(index % 2 === 1 ? el('strong', { text: part }) : document.createTextNode(part));
  });
  return fragment;
}

function prefersReducedMotion() {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

let confettiLoading = null;

function loadConfetti(origin) {
  if (typeof window.confetti === 'function') return Promise.resolve(window.confetti);
  confettiLoading ??= new Promise((resolve) => {
    const script = document.createElement('script');
    script.src = `${origin}/lib/confetti.browser.js`;
    script.async = true;
    script.addEventListener('load', () => resolve(typeof window.confetti === 'function' ? window.confetti : null));
    script.addEventListener('error', () => resolve(null));
    document.head.append(script);
  });
  return confettiLoading;
}

async function runConfetti(origin, duration) {
  if (prefersReducedMotion()) return;
  const library = await loadConfetti(origin);
  if (!library) return;

  // Our own canvas and no worker: the library's default worker starts from a blob: URL, which
  // the CSP (script-src 'self') rightly refuses.
  const canvas = el('canvas', { className: 'avery-confetti', attrs: { 'aria-hidden': 'true' } });
  document.body.append(canvas);
  const confetti = library.create(canvas, { resize: true, useWorker: false, disableForReducedMotion: true });
  const colors = ['#6C5CE7', '#00CEC9', '#FDCB6E', '#E17055', '#ffffff'];
  const end = Date.now() + duration;
  confetti({ particleCount: 120, spread: 80, origin: { y: 0.6 }, colors });
  const frame = () => {
    confetti({ particleCount: 4, angle: 60, spread: 55, origin: { x: 0 }, colors });
    confetti({ particleCount: 4, angle: 120, spread: 55, origin: { x: 1 }, colors });
    if (Date.now() < end) requestAnimationFrame(frame);
    else setTimeout(() => { confetti.reset(); canvas.remove(); }, 4000);
  };
  requestAnimationFrame(frame);
}

/**
 * @param {HTMLElement} root where the chat is built
 * @param {import('./avery-client.js').AveryClient} client
 * @param {{ variant?: 'fullscreen'|'panel', actions?: Array<{label:string, icon?:string, testid?:string, onClick:Function}>,
 *           signInUrl?: string, onMode?: (mode:string)=>void, onAveryMessage?: (message, info)=>void }} options
 */
export function mountChat(root, client, options = {}) {
  const variant = options.variant ?? 'fullscreen';
  const signInUrl = options.signInUrl ?? `${client.origin}/account/signin?returnUrl=${encodeURIComponent(location.pathname)}`;

  // ----- structure -----
  const progressBar = el('span', { className: 'avery-progress__fill' });
  const progressTrack = el('div', {
    className: 'avery-progress__track',
    attrs: { role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': 0, 'aria-label': 'Store set-up progress' },
  }, progressBar);
  const progressText = el('span', { className: 'avery-progress__pct', text: '0%' });
  const scorecardItems = new Map();
  const scorecard = el('ul', { className: 'avery-scorecard', attrs: { 'aria-label': 'Launch checklist' } });
  for (const [key, label] of SCORECARD) {
    const mark = el('span', { className: 'avery-scorecard__mark', text: '○', attrs: { 'aria-hidden': 'true' } });
    const state = el('span', { className: 'avery-visually-hidden', text: 'not done' });
    const item = el('li', { className: 'avery-scorecard__item', dataset: { item: key } }, mark, el('span', { text: label }), state);
    scorecardItems.set(key, { item, mark, state });
    scorecard.append(item);
  }
  const progress = el('div', { className: 'avery-progress', dataset: { testid: 'avery-progress' } },
    el('div', { className: 'avery-progress__row' }, progressTrack, progressText),
    scorecard);

  const headerActions = el('div', { className: 'avery-chat__actions' });
  for (const action of options.actions ?? []) {
    headerActions.append(el('button', {
      className: 'avery-icon-button',
      attrs: { type: 'button', title: action.label, 'aria-label': action.label, 'data-testid': action.testid },
      on: { click: action.onClick },
    }, el('span', { text: action.icon ?? action.label, attrs: { 'aria-hidden': 'true' } })));
  }

  const header = el('header', { className: 'avery-chat__header' },
    el('div', { className: 'avery-chat__title' },
      el('span', { className: 'avery-avatar', text: 'A', attrs: { 'aria-hidden': 'true' } }),
      el('div', {},
        el('strong', { text: 'Avery' }),
        el('span', { className: 'avery-chat__subtitle', text: 'Your store set-up assistant' }))),
    headerActions);

  const connectionText = el('span', { className: 'avery-connection__text' });
  const connectionAction = el('span', { className: 'avery-connection__action' });
  const connection = el('div', {
    className: 'avery-connection',
    hidden: true,
    dataset: { testid: 'avery-connection' },
    attrs: { role: 'status' },
  }, connectionText, connectionAction);

  const list = el('ol', {
    className: 'avery-messages',
    dataset: { testid: 'avery-messages' },
    attrs: { role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-label': 'Conversation with Avery' },
  });
  const typing = el('div', { className: 'avery-typing', hidden: true, attrs: { 'aria-hidden': 'true' } },
    el('span', { className: 'avery-typing__dots' }, el('span'), el('span'), el('span')),
    el('span', { text: 'Avery is typing…' }));
  const typingAnnouncement = el('span', { className: 'avery-visually-hidden', attrs: { role: 'status' } });
  const scroller = el('div', { className: 'avery-chat__scroll' }, list, typing);
  const statusLine = el('div', { className: 'avery-status', hidden: true, attrs: { role: 'status', 'aria-live': 'polite' } });

  const input = el('textarea', {
    className: 'avery-composer__input',
    dataset: { testid: 'avery-input' },
    attrs: { rows: 1, maxlength: MAX_TEXT, placeholder: 'Connecting…', 'aria-label': 'Message Avery', disabled: true, enterkeyhint: 'send' },
  });
  const counter = el('span', { className: 'avery-composer__count', hidden: true, attrs: { 'aria-live': 'polite' } });
  const sendButton = el('button', {
    className: 'avery-send',
    dataset: { testid: 'avery-send' },
    attrs: { type: 'submit', disabled: true, 'aria-label': 'Send' },
  }, el('span', { text: 'Send', attrs: { 'aria-hidden': 'true' } }));
  const composer = el('form', { className: 'avery-composer', attrs: { novalidate: true } },
    el('div', { className: 'avery-composer__field' }, input, counter),
    sendButton);

  const toast = el('div', { className: 'avery-toast', hidden: true, attrs: { role: 'status', 'aria-live': 'polite' } });

  const chat = el('div', { className: `avery-chat avery-chat--${variant}` },
    header, progress, connection, scroller, statusLine, typingAnnouncement, composer, toast);
  root.replaceChildren(chat);

  // ----- state kept by the view -----
  let streamingItem = null;
  let streamingText = null;
  let toastTimer = 0;
  let typingSent = false;
  let typingTimer = 0;
  let busyUploading = false;

  // ----- scrolling -----
  const nearBottom = () => scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 120;
  const scrollToBottom = (force = false) => {
    if (force || nearBottom()) requestAnimationFrame(() => { scroller.scrollTop = scroller.scrollHeight; });
  };

  // ----- messages -----
  function buttonGroup(buttons, { label = 'Reply options', context = {} } = {}) {
    const group = el('div', { className: 'avery-buttons', attrs: { role: 'group', 'aria-label': label } });
    for (const button of buttons) {
      const variantName = ['primary', 'secondary', 'skip'].includes(button.variant) ? button.variant : 'secondary';
      const text = button.icon ? `${button.icon} ${button.label}` : button.label;
      group.append(el('button', {
        className: `avery-button avery-button--${variantName}`,
        text,
        dataset: { testid: 'avery-button', action: button.action },
        attrs: { type: 'button' },
        on: { click: (event) => onButton(button, group, event.currentTarget, context) },
      }));
    }
    return group;
  }

  function previewCard(preview) {
    const type = typeof preview.type === 'string' ? preview.type : 'store';
    const card = el('div', { className: `avery-card avery-card--${type.replace(/[^a-z_]/g, '')}`, dataset: { testid: 'avery-preview-card', type } });
    card.append(el('span', { className: 'avery-card__type', text: PREVIEW_LABELS[type] ?? 'Preview' }));
    const imageUrl = safeUrl(preview.imageUrl, client.origin);
    if (imageUrl) card.append(el('img', { className: 'avery-card__image', attrs: { src: imageUrl, alt: '', loading: 'lazy' } }));
    if (typeof preview.title === 'string' && preview.title) card.append(el('strong', { className: 'avery-card__title', text: preview.title }));
    if (typeof preview.content === 'string' && preview.content) {
      const body = el('div', { className: 'avery-card__body' }, richText(preview.content));
      card.append(body);
      if (type === 'blog' && preview.content.length > 420) {
        body.classList.add('is-clamped');
        const more = el('button', {
          className: 'avery-link-button',
          text: 'Show more',
          attrs: { type: 'button', 'aria-expanded': 'false' },
          on: {
            click: () => {
              const open = body.classList.toggle('is-clamped') === false;
              more.textContent = open ? 'Show less' : 'Show more';
              more.setAttribute('aria-expanded', String(open));
            },
          },
        });
        card.append(more);
      }
    }
    return card;
  }

  function messageItem(message) {
    if (message.role === 'system') {
      return el('li', { className: 'avery-msg avery-msg--system', dataset: { id: message.id } },
        el('span', { className: 'avery-msg__system' }, richText(message.content)));
    }
    const mine = message.role === 'coach';
    const item = el('li', {
      className: `avery-msg avery-msg--${mine ? 'coach' : 'avery'}`,
      dataset: { id: message.id, ...(mine ? { testid: 'coach-message' } : { testid: 'avery-message' }) },
    });
    const bubble = el('div', { className: 'avery-bubble' });
    bubble.append(el('span', { className: 'avery-visually-hidden', text: mine ? 'You said: ' : 'Avery said: ' }));
    if (message.imageUrl) {
      const src = safeUrl(message.imageUrl, client.origin);
      if (src) bubble.append(el('img', { className: 'avery-bubble__image', attrs: { src, alt: 'Your uploaded photo', width: 160, height: 160 } }));
    }
    if (message.content) bubble.append(el('span', { className: 'avery-bubble__text' }, richText(message.content)));
    if (!mine) item.append(el('span', { className: 'avery-avatar avery-avatar--small', text: 'A', attrs: { 'aria-hidden': 'true' } }));
    const body = el('div', { className: 'avery-msg__body' }, bubble);
    if (!mine && message.preview) body.append(previewCard(message.preview));
    item.append(body);
    return item;
  }

  /** Buttons (and preview actions) belong to the latest Avery message, and only until the coach answers. */
  function refreshButtons() {
    for (const group of list.querySelectorAll('.avery-buttons')) group.remove();
    const messages = client.state.messages;
    const last = messages.at(-1);
    if (!last || last.role !== 'avery' || streamingItem) return;
    const item = list.querySelector(`li[data-id="${CSS.escape(last.id)}"]`);
    if (!item) return;
    const body = item.querySelector('.avery-msg__body');
    const actions = Array.isArray(last.preview?.actions) ? last.preview.actions.filter((b) => b && typeof b.label === 'string' && typeof b.action === 'string') : [];
    if (actions.length > 0) {
      item.querySelector('.avery-card')?.append(buttonGroup(actions, { label: 'Preview actions', context: { preview: last.preview } }));
    }
    if (last.buttons.length > 0) body.append(buttonGroup(last.buttons, { context: { preview: last.preview } }));
  }

  function renderAll() {
    removeStreaming();
    list.replaceChildren(...client.state.messages.map(messageItem));
    refreshButtons();
    scrollToBottom(true);
  }

  function append(message) {
    const existing = list.querySelector(`li[data-id="${CSS.escape(message.id)}"]`);
    const item = messageItem(message);
    if (existing) existing.replaceWith(item);
    else list.append(item);
  }

  function removeStreaming() {
    streamingItem?.remove();
    streamingItem = null;
    streamingText = null;
  }

  function showStream(text) {
    if (!streamingItem) {
      streamingText = el('span', { className: 'avery-bubble__text' });
      streamingItem = el('li', { className: 'avery-msg avery-msg--avery is-streaming', attrs: { 'aria-busy': 'true' } },
        el('span', { className: 'avery-avatar avery-avatar--small', text: 'A', attrs: { 'aria-hidden': 'true' } }),
        el('div', { className: 'avery-msg__body' }, el('div', { className: 'avery-bubble' }, streamingText)));
      list.append(streamingItem);
      refreshButtons();
    }
    streamingText.textContent = text;
    typing.hidden = true;
    scrollToBottom();
  }

  function notice(text, { kind = 'error', link = null } = {}) {
    const item = el('li', { className: `avery-notice avery-notice--${kind}`, dataset: { testid: 'avery-notice' } },
      el('span', { text }));
    if (link) {
      const href = safeUrl(link.href, client.origin);
      if (href) item.append(' ', el('a', { text: link.text, attrs: { href, target: link.target ?? '_blank', rel: link.rel ?? 'noopener' } }));
    }
    list.append(item);
    scrollToBottom(true);
    return item;
  }

  function showToast(content, duration = 4000) {
    toast.replaceChildren(content);
    toast.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { toast.hidden = true; }, duration);
  }

  function setStatus(text) {
    statusLine.textContent = text ?? '';
    statusLine.hidden = !text;
  }

  // ----- buttons and client-side actions -----
  function lockGroup(group, chosen) {
    for (const button of group.querySelectorAll('button')) button.disabled = true;
    chosen.classList.add('is-chosen');
    chosen.setAttribute('aria-pressed', 'true');
  }

  function onButton(button, group, element, context) {
    const action = button.action;
    if (action === 'upload_photo' || action === 'take_selfie') {
      // Selfie path: the front camera on phones; the plain upload lets the coach pick from the library.
      const capture = action === 'take_selfie' || button.value === 'selfie' || button.value === 'camera';
      startPhoto({ capture: capture && isMobile(), group, element });
      return;
    }
    if (action === 'open_url') {
      // A social sign-in keeps its opener: the popup's last page reports back with oauth_complete.
      const social = /^\/social\/(instagram|tiktok|youtube)\/connect$/.exec(String(button.value ?? ''));
      if (social) {
        openOAuth({ platform: social[1], url: button.value });
        return;
      }
      const url = safeUrl(button.value, client.origin);
      if (url) window.open(url, '_blank', 'noopener');
      else notice('That link doesn’t look right.');
      return;
    }
    if (!client.connected) {
      notice('Not connected to Avery right now. Try again in a moment.');
      return;
    }
    if (action === 'copy_text') {
      const text = typeof button.value === 'string' && button.value ? button.value : context.preview?.content ?? '';
      copyText(text);
    }
    if (client.clickButton(button)) lockGroup(group, element);
  }

  async function copyText(text) {
    try {
      await navigator.clipboard.writeText(text);
      showToast(el('span', { text: 'Copied to your clipboard ✓' }), 2500);
    } catch {
      notice('Your browser didn’t let me copy. Select the text and copy it yourself.', { kind: 'info' });
    }
  }

  function startPhoto({ capture, group, element }) {
    if (busyUploading) return;
    const picking = choosePhoto({ capture, container: chat });
    (async () => {
      const file = await picking;
      if (!file) return;
      busyUploading = true;
      group?.classList.add('is-busy');
      element?.setAttribute('aria-busy', 'true');
      setStatus('Uploading your photo…');
      try {
        const blob = await squareJpeg(file);
        const url = await uploadPhoto(blob, { origin: client.origin });
        client.addLocalCoachMessage({ content: '', imageUrl: url });
        if (!client.photoUploaded(url)) notice('Your photo is uploaded, but I’m not connected right now. It will be used when I’m back.', { kind: 'info' });
        if (group) lockGroup(group, element);
      } catch (error) {
        const message = error instanceof PhotoError || error?.status ? error.message : 'Something went wrong with that photo. Try another one.';
        notice(message);
      } finally {
        busyUploading = false;
        group?.classList.remove('is-busy');
        element?.removeAttribute('aria-busy');
        setStatus(client.state.running ? TOOL_LABELS[client.state.running] ?? 'Working on it…' : null);
      }
    })();
  }

  // ----- OAuth popup -----
  function openOAuth({ platform, url }) {
    const href = safeUrl(url, client.origin);
    const name = PLATFORM_NAMES[platform] ?? (platform || 'your account');
    if (!href) {
      notice(`I couldn’t open the ${name} sign-in.`);
      return;
    }
    const popup = window.open(href, `${platform || 'avery'}_oauth`, 'width=600,height=700');
    if (!popup) {
      // The opener is kept on purpose: the callback page tells this window when it is done.
      notice(`Your browser blocked the ${name} window.`, { kind: 'info', link: { href, text: `Connect ${name} ↗`, target: `${platform || 'avery'}_oauth`, rel: 'opener' } });
    }
  }

  function onWindowMessage(event) {
    if (event.origin !== client.origin) return;
    const data = event.data;
    if (!data || typeof data !== 'object') return;
    if ((data.type === 'oauth_complete' || data.type === 'oauth_callback') && typeof data.platform === 'string') {
      client.oauthComplete(data.platform, data.ok !== false);
    }
  }
  window.addEventListener('message', onWindowMessage);

  // ----- composer -----
  function updateComposer() {
    const open = client.connected;
    input.disabled = !open;
    input.placeholder = open ? 'Message Avery…' : client.state.connection === 'connecting' ? 'Connecting…' : 'Not connected';
    const length = input.value.length;
    sendButton.disabled = !open || input.value.trim().length === 0 || length > MAX_TEXT;
    counter.hidden = length < MAX_TEXT - 200;
    counter.textContent = `${length.toLocaleString()} / ${MAX_TEXT.toLocaleString()}`;
  }

  function autoGrow() {
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight, 160)}px`;
  }

  function stopTyping() {
    clearTimeout(typingTimer);
    if (typingSent) client.typing(false);
    typingSent = false;
  }

  function submit() {
    const text = input.value;
    if (!text.trim() || !client.connected) return;
    stopTyping();
    if (client.sendText(text)) {
      input.value = '';
      autoGrow();
      updateComposer();
    }
  }

  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });
  input.addEventListener('input', () => {
    autoGrow();
    updateComposer();
    if (!client.connected) return;
    if (input.value.trim() && !typingSent) {
      typingSent = Boolean(client.typing(true));
    }
    clearTimeout(typingTimer);
    typingTimer = setTimeout(stopTyping, 4000);
  });

  // ----- connection banner -----
  function showConnection(status) {
    const text = CONNECTION_TEXT[status];
    connection.hidden = !text;
    connection.dataset.status = status;
    connectionText.textContent = text ?? '';
    connectionAction.replaceChildren();
    if (status === 'replaced') {
      connectionAction.append(el('button', { className: 'avery-button avery-button--secondary avery-button--small', text: 'Use here', attrs: { type: 'button' }, on: { click: () => client.retry() } }));
    } else if (status === 'failed') {
      connectionAction.append(el('button', { className: 'avery-button avery-button--secondary avery-button--small', text: 'Try again', attrs: { type: 'button' }, on: { click: () => client.retry() } }));
    } else if (status === 'unauthorized') {
      const href = safeUrl(signInUrl, client.origin);
      if (href) connectionAction.append(el('a', { className: 'avery-button avery-button--secondary avery-button--small', text: 'Sign in', attrs: { href } }));
    }
  }

  // ----- progress -----
  function showProgress({ progressPct, scorecard: card }) {
    const pct = Math.max(0, Math.min(100, Math.round(progressPct ?? 0)));
    progressBar.style.width = `${pct}%`;
    progressTrack.setAttribute('aria-valuenow', String(pct));
    progressText.textContent = `${pct}%`;
    if (card) {
      for (const [key, { item, mark, state }] of scorecardItems) {
        const done = Boolean(card[key]);
        item.classList.toggle('is-done', done);
        mark.textContent = done ? '✓' : '○';
        state.textContent = done ? 'done' : 'not done';
      }
    }
  }

  // ----- client events -----
  client.addEventListener('history', () => renderAll());
  client.addEventListener('coach', ({ detail }) => {
    append(detail.message);
    refreshButtons();
    scrollToBottom(true);
  });
  client.addEventListener('stream', ({ detail }) => showStream(detail.text));
  client.addEventListener('message', ({ detail }) => {
    const wasStreaming = Boolean(streamingItem);
    removeStreaming();
    append(detail.message);
    refreshButtons();
    scrollToBottom(wasStreaming);
    options.onAveryMessage?.(detail.message, detail);
  });
  client.addEventListener('typing', ({ detail }) => {
    typing.hidden = !detail.isTyping || Boolean(streamingItem);
    typingAnnouncement.textContent = detail.isTyping ? 'Avery is typing' : '';
    if (!detail.isTyping) removeStreaming();
    if (detail.isTyping) scrollToBottom();
  });
  client.addEventListener('function', ({ detail }) => {
    if (detail.running) {
      setStatus(TOOL_LABELS[detail.name] ?? 'Working on it…');
    } else {
      setStatus(busyUploading ? 'Uploading your photo…' : null);
      if (detail.ok === false && detail.summary) notice(String(detail.summary), { kind: 'info' });
    }
  });
  client.addEventListener('progress', ({ detail }) => showProgress(detail));
  client.addEventListener('servererror', ({ detail }) => notice(detail.message));
  client.addEventListener('oauth', ({ detail }) => openOAuth(detail));
  client.addEventListener('celebration', ({ detail }) => {
    runConfetti(client.origin, detail.duration);
    if (detail.badge) {
      showToast(el('span', { className: 'avery-badge' },
        el('span', { className: 'avery-badge__icon', text: '🏆', attrs: { 'aria-hidden': 'true' } }),
        el('span', {}, el('strong', { text: detail.badge }), el('span', { text: ' badge unlocked!' }))), Math.max(detail.duration, 5000));
    }
  });
  client.addEventListener('mode', ({ detail }) => options.onMode?.(detail.mode));
  client.addEventListener('connection', ({ detail }) => {
    showConnection(detail.status);
    updateComposer();
  });

  // Whatever the client already knows (it may have started before the view).
  if (client.state.messages.length > 0) renderAll();
  showProgress(client.state);
  showConnection(client.state.connection);
  updateComposer();

  return {
    element: chat,
    focusInput: () => input.focus(),
    notice,
    destroy() {
      window.removeEventListener('message', onWindowMessage);
      clearTimeout(toastTimer);
      clearTimeout(typingTimer);
    },
  };
}
