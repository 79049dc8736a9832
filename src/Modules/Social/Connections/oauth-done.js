// Runs in the sign-in popup once the platform has sent the coach back. It tells the chat window
// that opened it (same origin only) how the connection went, then closes. Without an opener (the
// popup was blocked and the link opened in a tab) the page's own text and link remain.
(() => {
  const data = document.body.dataset;
  const message = { type: 'oauth_complete', platform: data.platform, ok: data.ok === 'true' };
  if (window.opener && !window.opener.closed) {
    window.opener.postMessage(message, window.location.origin);
    window.close();
  }
})();
