// The notification bell: live unread count over Server-Sent Events, and the opt-in for browser push.
const bell = document.querySelector('[data-notification-bell]');
if (bell) {
  const badge = bell.querySelector('[data-unread]');
  const show = (count) => {
    badge.textContent = count > 99 ? '99+' : String(count);
    badge.hidden = count === 0;
    bell.setAttribute('aria-label', count === 0 ? 'Notifications' : `Notifications, ${count} unread`);
    bell.dataset.count = String(count);
  };
  const source = new EventSource('/api/notifications/stream');
  source.addEventListener('unread', (event) => show(Number(event.data) || 0));
  // EventSource reconnects by itself after a dropped connection.
}

const pushButton = document.querySelector('[data-enable-push]');
if (pushButton && 'serviceWorker' in navigator && 'PushManager' in window) {
  pushButton.hidden = false;
  pushButton.addEventListener('click', async () => {
    const status = document.querySelector('[data-push-status]');
    try {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') { status.textContent = 'Browser notifications are blocked for this site.'; return; }
      const registration = await navigator.serviceWorker.register('/notifications/sw.js', { scope: '/notifications/' });
      const { publicKey } = await (await fetch('/notifications/push/key')).json();
      const key = Uint8Array.from(atob(publicKey.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
      const save = (subscription) => fetch('/api/notifications/push/subscriptions', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(subscription.toJSON()),
      });
      let subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
      let response = await save(subscription);
      if (response.status === 409) {
        // This browser's endpoint is still another account's (someone else signed in here before).
        // A fresh endpoint from the push service is the proof that the browser is now ours; the
        // old one stops working, and the push service's 410 removes it from the other account.
        await subscription.unsubscribe();
        subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
        response = await save(subscription);
      }
      status.textContent = response.ok ? 'Browser notifications are on for this browser.' : 'Could not turn on browser notifications.';
    } catch {
      status.textContent = 'Could not turn on browser notifications.';
    }
  });
}
