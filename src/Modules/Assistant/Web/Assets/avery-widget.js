// The embeddable Avery widget: a round bubble bottom-right with an unread badge; a click opens
// the chat panel. Loaded by /avery/widget.js on admin pages. Its mode (minimised/expanded) and
// unread count live in sessionStorage, so they carry over page navigation; each page reconnects
// and reloads the history. Not shown on the full-screen page.

import { AveryClient, setWidgetMode, setWidgetUnread, widgetMode, widgetUnread } from './avery-client.js';
import { el, mountChat } from './avery-chat.js';

// Where CreatorOS runs: this module's own origin, which differs from the page's when the
// widget is embedded elsewhere (then the client authenticates with a ticket).
const ORIGIN = new URL(import.meta.url).origin;

function shouldShow() {
  if (document.querySelector('[data-avery-fullscreen], [data-avery-widget]')) return false;
  if (location.origin === ORIGIN && /^\/avery(\/|$)/.test(location.pathname)) return false;
  return true;
}

function addStylesheet() {
  const href = new URL('./avery.css', import.meta.url).href;
  if ([...document.querySelectorAll('link[rel="stylesheet"]')].some((link) => link.href === href)) return;
  document.head.append(el('link', { attrs: { rel: 'stylesheet', href } }));
}

function start() {
  addStylesheet();
  const client = new AveryClient({ origin: ORIGIN });
  let mode = widgetMode();
  let unread = widgetUnread();

  const badge = el('span', { className: 'avery-launcher__badge', hidden: true, attrs: { 'aria-hidden': 'true' } });
  const bubble = el('button', {
    className: 'avery-launcher',
    dataset: { testid: 'avery-bubble' },
    attrs: { type: 'button', 'aria-controls': 'avery-panel', 'aria-expanded': 'false', 'aria-label': 'Chat with Avery' },
    on: { click: () => setMode('expanded', { focus: true }) },
  }, el('span', { className: 'avery-launcher__icon', text: 'A', attrs: { 'aria-hidden': 'true' } }), badge);
  const panel = el('div', {
    className: 'avery-panel',
    hidden: true,
    dataset: { testid: 'avery-panel' },
    attrs: { id: 'avery-panel', role: 'dialog', 'aria-label': 'Chat with Avery' },
  });
  const widget = el('div', { className: 'avery-root avery-widget', dataset: { averyWidget: '' } }, panel, bubble);
  document.body.append(widget);

  const chat = mountChat(panel, client, {
    variant: 'panel',
    actions: [
      { label: 'Open full screen', icon: '⤢', testid: 'avery-fullscreen', onClick: () => goFullScreen() },
      { label: 'Minimise', icon: '–', testid: 'avery-minimise', onClick: () => setMode('minimised', { focus: true }) },
    ],
    onMode: (next) => {
      if (next === 'fullscreen') goFullScreen();
      else setMode(next, { focus: true });
    },
    onAveryMessage: (message, info) => {
      if (mode === 'minimised' && !info.replaced) setUnread(unread + 1);
    },
  });

  function goFullScreen() {
    setWidgetMode('minimised');
    client.close();
    location.assign(`${ORIGIN}/avery`);
  }

  function setUnread(count) {
    unread = count;
    setWidgetUnread(count);
    badge.hidden = count === 0;
    badge.textContent = count > 9 ? '9+' : String(count);
    bubble.setAttribute('aria-label', count > 0 ? `Chat with Avery (${count} unread)` : 'Chat with Avery');
  }

  function setMode(next, { focus = false } = {}) {
    mode = next === 'expanded' ? 'expanded' : 'minimised';
    setWidgetMode(mode);
    const open = mode === 'expanded';
    widget.dataset.mode = mode;
    panel.hidden = !open;
    bubble.hidden = open;
    bubble.setAttribute('aria-expanded', String(open));
    if (open) setUnread(0);
    if (focus && open) chat.focusInput();
    else if (focus) bubble.focus();
  }

  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') setMode('minimised', { focus: true });
  });

  setUnread(unread);
  setMode(mode);
  client.start();
}

if (shouldShow()) {
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start, { once: true });
}
