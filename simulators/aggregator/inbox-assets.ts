import { CONTROL_PREFIX } from './control-api.ts';

/**
 * The inbox page's style and script, inline so that the page needs nothing from any network.
 * Colours are GOV.UK Frontend's, which meet WCAG AA contrast on the backgrounds used here.
 */
export const INBOX_STYLE = `
:root { font-family: system-ui, sans-serif; line-height: 1.4; color: #0b0c0c; background: #fff; }
body { margin: 0; }
.banner { background: #0b0c0c; color: #fff; padding: 0.5rem 1rem; }
.banner p { margin: 0; font-weight: bold; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
.layout { display: grid; grid-template-columns: minmax(12rem, 1fr) 3fr; gap: 1.5rem; }
@media (max-width: 40rem) { .layout { grid-template-columns: 1fr; } }
.handsets { list-style: none; padding: 0; margin: 0; }
.handsets li { margin: 0 0 0.5rem; }
a { color: #1d70b8; }
a:visited { color: #4c2c92; }
a[aria-current="page"] { color: #0b0c0c; font-weight: bold; }
.hint, .meta, .no-reply { color: #505a5f; }
.meta { margin: 0; font-size: 0.875rem; }
.thread { border: 1px solid #b1b4b6; border-radius: 0.5rem; padding: 0.75rem 1rem; }
.thread { margin: 0 0 1.5rem; }
.thread h3 { margin-top: 0; }
.conversation { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; }
.conversation { gap: 0.75rem; }
.conversation li { max-width: 80%; padding: 0.5rem 0.75rem; border-radius: 0.75rem; }
.received { background: #f3f2f1; align-self: flex-start; }
.sent { background: #1d70b8; color: #fff; align-self: flex-end; }
.sent .meta { color: #fff; }
.text { margin: 0 0 0.25rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.reply { margin-top: 1rem; display: grid; gap: 0.25rem; }
textarea { font: inherit; padding: 0.25rem; border: 2px solid #0b0c0c; }
button { font: inherit; justify-self: start; padding: 0.4rem 1rem; border: 0; border-radius: 4px; }
button { background: #00703c; color: #fff; cursor: pointer; }
:focus-visible { outline: 3px solid #ffdd00; box-shadow: 0 0 0 5px #0b0c0c; }
`;

/**
 * Posts a reply box's text to the handset's reply route, then adds the reply to its thread and
 * says so in the status region. Replies are added with textContent: never parsed as markup.
 */
export const INBOX_SCRIPT = `
(function () {
  var status = document.getElementById('reply-status');

  function shown(iso) {
    return iso.slice(0, 19).replace('T', ' ') + ' UTC';
  }

  function addReply(list, sent) {
    var item = document.createElement('li');
    var text = document.createElement('p');
    var meta = document.createElement('p');
    var time = document.createElement('time');
    item.className = 'sent';
    text.className = 'text';
    text.textContent = sent.text;
    meta.className = 'meta';
    time.dateTime = sent.sentAt;
    time.textContent = shown(sent.sentAt);
    meta.append(time, ' · You replied');
    item.append(text, meta);
    list.append(item);
  }

  function send(form) {
    var field = form.querySelector('textarea');
    var button = form.querySelector('button');
    var url = '${CONTROL_PREFIX}/handsets/' + encodeURIComponent(form.dataset.number) + '/reply';
    button.disabled = true;
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to: form.dataset.to, text: field.value })
    })
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) throw new Error(body.error || 'HTTP ' + response.status);
          return body;
        });
      })
      .then(function (sent) {
        addReply(document.getElementById(form.dataset.conversation), sent);
        field.value = '';
        status.textContent = 'Reply sent to ' + form.dataset.to + '.';
      })
      .catch(function (error) {
        status.textContent = 'Reply not sent: ' + error.message;
      })
      .finally(function () {
        button.disabled = false;
      });
  }

  document.querySelectorAll('form.reply').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      send(form);
    });
  });
})();
`;
