// The widget page: opens a conversation on this server's own Direct Line and renders the
// official Web Chat bundle into it. Quick exit (the button, or Esc twice) clears the chat from
// the screen and the tab's storage and replaces this page in the history with a neutral one.
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('widget-config').textContent);
  var root = document.getElementById('webchat');

  function quickExit() {
    root.replaceChildren();
    try { sessionStorage.clear(); } catch (ignored) { /* storage may be off */ }
    // In a council's page (embed.js), the whole page must go, not only this frame.
    if (window.parent !== window) window.parent.postMessage({ helplineQuickExit: config.quickExitUrl }, '*');
    window.location.replace(config.quickExitUrl);
  }
  document.getElementById('quick-exit').addEventListener('click', quickExit);
  var lastEscape = 0;
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') return;
    var now = Date.now();
    if (now - lastEscape < 1000) quickExit();
    lastEscape = now;
  });

  function fail() {
    var message = document.createElement('p');
    message.className = 'status';
    message.setAttribute('role', 'alert');
    message.textContent = config.failed;
    root.replaceChildren(message);
  }

  var base = window.location.origin + '/v3/directline';
  fetch(base + '/tokens/generate', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ locale: config.locale }),
  })
    .then(function (response) {
      if (!response.ok) throw new Error('token ' + response.status);
      return response.json();
    })
    .then(function (session) {
      root.replaceChildren();
      window.WebChat.renderWebChat(
        {
          directLine: window.WebChat.createDirectLine({ domain: base, token: session.token }),
          userID: session.userId,
          locale: config.locale,
          dir: config.dir,
          styleOptions: {
            primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
            bubbleBackground: '#f3f2f1',
            bubbleFromUserBackground: '#1d70b8',
            bubbleFromUserTextColor: '#ffffff',
            suggestedActionLayout: 'stacked',
            hideUploadButton: true,
            sendBoxButtonColor: '#1d70b8',
            timestampColor: '#505a5f',
          },
        },
        root
      );
    })
    .catch(fail);
})();
