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

  // Phone numbers in the bot's words become links that call them with one tap: 999, 101, 116 000, 0800 1111.
  var PHONE = /(^|[^\d])(999|101|111|116 ?\d{3}|0\d{3,4}(?: ?\d{3,4}){1,2})(?!\d)/g;
  function withCallLinks(html) {
    var template = document.createElement('template');
    template.innerHTML = html;
    var walker = document.createTreeWalker(template.content, NodeFilter.SHOW_TEXT);
    var texts = [];
    while (walker.nextNode()) if (!walker.currentNode.parentElement || !walker.currentNode.parentElement.closest('a')) texts.push(walker.currentNode);
    texts.forEach(function (node) {
      var text = node.nodeValue;
      if (!PHONE.test(text)) return;
      PHONE.lastIndex = 0;
      var fragment = document.createDocumentFragment();
      var at = 0;
      text.replace(PHONE, function (match, before, number, offset) {
        var start = offset + before.length;
        fragment.appendChild(document.createTextNode(text.slice(at, start)));
        var link = document.createElement('a');
        link.href = 'tel:' + number.replace(/ /g, '');
        link.textContent = number;
        fragment.appendChild(link);
        at = start + number.length;
        return match;
      });
      fragment.appendChild(document.createTextNode(text.slice(at)));
      node.parentNode.replaceChild(fragment, node);
    });
    return template.innerHTML;
  }
  var renderMarkdown = window.WebChat.renderMarkdown;

  // The bot says each reply's language; when the user switches in the chat, the page's own
  // words, its direction and Web Chat's follow, with the conversation kept.
  var shown = config.locale;
  var asked;
  var renderChat = function () {};
  function setText(id, text) {
    var element = document.getElementById(id);
    if (element) element.textContent = text;
  }
  function follow(locale) {
    if (!locale || locale === shown || locale === asked) return;
    asked = locale;
    fetch('/widget/words?lang=' + encodeURIComponent(locale))
      .then(function (response) {
        if (!response.ok) throw new Error('words ' + response.status);
        return response.json();
      })
      .then(function (words) {
        shown = words.locale;
        config.dir = words.dir;
        config.failed = words.text.failed;
        document.documentElement.lang = words.locale;
        document.documentElement.dir = words.dir;
        document.title = words.text.title;
        setText('heading', words.text.heading);
        setText('quick-exit', words.text.quickExit);
        setText('quick-exit-hint', words.text.quickExitHint);
        setText('data-link', words.text.dataLink);
        document.getElementById('chat').setAttribute('aria-label', words.text.chatLabel);
        root.setAttribute('aria-label', words.text.chatLabel);
        // Escaped by the server, with the numbers as call links, as on the page it served.
        document.getElementById('danger-line').innerHTML = words.html.dangerLine;
        document.getElementById('other-numbers').innerHTML = words.html.otherNumbers;
        renderChat();
      })
      .catch(function () {
        asked = undefined;
      });
  }
  var store = window.WebChat.createStore({}, function () {
    return function (next) {
      return function (action) {
        if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
          var activity = action.payload && action.payload.activity;
          if (activity && activity.type === 'message' && activity.from && activity.from.role !== 'user') follow(activity.locale);
        }
        return next(action);
      };
    };
  });

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
      var directLine = window.WebChat.createDirectLine({ domain: base, token: session.token });
      renderChat = function () {
        window.WebChat.renderWebChat(
          {
            directLine: directLine,
            store: store,
            userID: session.userId,
            locale: shown,
            dir: config.dir,
            renderMarkdown: function (markdown, options, linkOptions) {
              return withCallLinks(renderMarkdown(markdown, options, linkOptions));
            },
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
      };
      renderChat();
    })
    .catch(fail);
})();
