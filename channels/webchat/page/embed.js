// One <script> tag a council pastes into its own site: a button that opens the helpline chat
// (served from this bot) in a panel, and closes it again. Nothing else is loaded.
(function () {
  'use strict';
  var script = document.currentScript;
  var origin = new URL(script.src).origin;
  var labels = {{labels}};
  var button = document.createElement('button');
  button.type = 'button';
  button.textContent = labels.open;
  button.setAttribute('aria-expanded', 'false');
  button.style.cssText = 'position:fixed;right:16px;bottom:16px;z-index:2147483000;padding:12px 16px;border:0;border-radius:4px;background:#1d70b8;color:#fff;font:700 16px system-ui,sans-serif;cursor:pointer';
  var panel = null;
  button.addEventListener('click', function () {
    if (panel) {
      panel.remove();
      panel = null;
      button.textContent = labels.open;
      button.setAttribute('aria-expanded', 'false');
      return;
    }
    panel = document.createElement('iframe');
    panel.src = origin + '/chat';
    panel.title = labels.title;
    panel.style.cssText = 'position:fixed;right:16px;bottom:72px;z-index:2147483000;width:min(400px,calc(100vw - 32px));height:min(640px,calc(100vh - 96px));border:1px solid #b1b4b6;border-radius:4px;background:#fff';
    document.body.appendChild(panel);
    button.textContent = labels.close;
    button.setAttribute('aria-expanded', 'true');
  });
  document.body.appendChild(button);
  // Quick exit in the chat leaves this page too: the page about missing children must not stay on screen.
  window.addEventListener('message', function (event) {
    if (event.origin !== origin || !event.data || typeof event.data.helplineQuickExit !== 'string') return;
    if (panel) panel.remove();
    button.remove();
    window.location.replace(event.data.helplineQuickExit);
  });
})();
