// Service worker for Web Push: shows the notification and opens its link when clicked.
self.addEventListener('push', (event) => {
  let data = { title: 'CreatorOS', body: '', url: '/notifications' };
  try { data = { ...data, ...event.data.json() }; } catch { /* keep the defaults */ }
  event.waitUntil(self.registration.showNotification(data.title, { body: data.body, tag: data.tag, data: { url: data.url } }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url || '/notifications', self.location.origin);
  if (url.origin === self.location.origin) {
    event.waitUntil(self.clients.openWindow(url.href));
  }
});
