// The full-screen onboarding page (/avery): live store preview on the left, chat on the right.
// The page itself (Web/AveryPage.razor) only renders the two empty panels and a token.

import { AveryClient, AveryHttpError, setWidgetMode, setWidgetUnread } from './avery-client.js';
import { mountChat } from './avery-chat.js';
import { mountPreview } from './avery-preview.js';

const root = document.querySelector('[data-avery-fullscreen]');
if (root) start(root);

function start(page) {
  const exitUrl = page.dataset.exitUrl || '/admin';
  const client = new AveryClient();
  const preview = mountPreview(page.querySelector('#avery-preview'));

  // Leaving hands the conversation to the widget on the admin pages: "Minimise" keeps it open
  // there, "Close" tucks it into the bubble.
  const leave = (mode) => {
    setWidgetMode(mode);
    setWidgetUnread(0);
    client.close();
    location.assign(exitUrl);
  };

  mountChat(page.querySelector('#avery-chat'), client, {
    variant: 'fullscreen',
    signInUrl: page.dataset.signinUrl,
    actions: [
      { label: 'Minimise', icon: '–', testid: 'avery-minimise', onClick: () => leave('expanded') },
      { label: 'Close', icon: '✕', testid: 'avery-close', onClick: () => leave('minimised') },
    ],
    onMode: (mode) => {
      // Sent after the launch celebration (spec 5.1): give the last message and the confetti a moment.
      if (mode === 'minimised' || mode === 'expanded') setTimeout(() => leave(mode), 1500);
    },
  });

  client.addEventListener('store', ({ detail }) => preview.update(detail.store, detail.changedFields));

  const loadStore = async () => {
    preview.skeleton();
    try {
      const response = await fetch('/avery/store', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.ok) throw new AveryHttpError(response.status, 'Store unavailable.');
      const store = await response.json();
      // An update pushed over the socket meanwhile is newer than this answer.
      if (!preview.hasStore) preview.render(store);
    } catch (error) {
      if (preview.hasStore) return;
      preview.showError(error?.status === 401 ? 'Please sign in again to see your store.' : 'Couldn’t load your store preview.', loadStore);
    }
  };

  loadStore();
  client.start();
}
