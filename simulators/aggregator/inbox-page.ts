import { CONTROL_PREFIX } from './control-api.ts';
import type { HandsetInbox, HandsetReply, HandsetSummary, HandsetText } from './handsets.ts';
import { markup, raw, type Html } from './html.ts';
import { INBOX_SCRIPT, INBOX_STYLE } from './inbox-assets.ts';
import { threadsOf, type Thread, type ThreadEntry } from './threads.ts';

export interface InboxView {
  readonly handsets: readonly HandsetSummary[];
  /** The `number` the page was asked for, as written. */
  readonly asked: string | undefined;
  /** That handset's texts; undefined when none was asked for or it is not a number. */
  readonly inbox: HandsetInbox | undefined;
  /** Whether a service receives texts at an address, so that the thread gets a reply box. */
  readonly takesReplies: (address: string) => boolean;
}

/**
 * `GET /_sim/inbox`: the fictional handsets as one self-contained page. Choosing a handset shows
 * its texts threaded by sender as a phone would, each with its time, encoding, fragments and
 * status, and a reply box on threads whose sender takes replies.
 */
export function renderInbox(view: InboxView): string {
  const number = view.inbox?.number;
  const title = number === undefined ? 'Handset inbox' : `${number}: handset inbox`;
  return markup`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – sms-assure simulator</title>
<style>${raw(INBOX_STYLE)}</style>
</head>
<body>
<header class="banner"><p>sms-assure simulator</p></header>
<main>
<h1>Handset inbox</h1>
<p class="hint">Fictional phones on the simulator's networks. Every number is reserved for
drama or testing, so nothing here reaches a real person.</p>
<div class="layout">
${handsetList(view.handsets, number)}
${phone(view)}
</div>
<p id="reply-status" role="status"></p>
</main>
<script>${raw(INBOX_SCRIPT)}</script>
</body>
</html>
`.markup;
}

function handsetList(handsets: readonly HandsetSummary[], selected: string | undefined): Html {
  const items = handsets.map((h) => {
    const counts = `${plural(h.messages, 'text')}, ${plural(h.replies, 'reply', 'replies')}`;
    const link = markup`<a href="${inboxLink(h.number)}"${current(h.number === selected)}>`;
    return markup`<li>${link}${h.number}</a> <span class="hint">${counts}</span></li>\n`;
  });
  const list =
    items.length === 0
      ? markup`<p class="hint">No handset has received or sent a text yet.</p>`
      : markup`<ul class="handsets">\n${items}</ul>`;
  return markup`<nav aria-labelledby="handsets-heading">
<h2 id="handsets-heading">Handsets</h2>
${list}
</nav>`;
}

function phone(view: InboxView): Html {
  const { inbox, asked } = view;
  if (!inbox) {
    const hint =
      asked === undefined
        ? 'Choose a handset to see its texts.'
        : `${asked} is not a phone number. Choose a handset from the list.`;
    return markup`<section aria-labelledby="phone-heading">
<h2 id="phone-heading">No handset chosen</h2>
<p class="hint">${hint}</p>
</section>`;
  }

  const threads = threadsOf(inbox);
  const body =
    threads.length === 0
      ? markup`<p class="hint">Nothing on this phone yet.</p>`
      : threads.map((thread, i) => threadView(thread, i, inbox.number, view.takesReplies));
  return markup`<section aria-labelledby="phone-heading">
<h2 id="phone-heading">Texts on ${inbox.number}</h2>
${body}
</section>`;
}

function threadView(
  thread: Thread,
  index: number,
  number: string,
  takesReplies: (address: string) => boolean,
): Html {
  const replies = takesReplies(thread.from)
    ? replyForm(thread.from, index, number)
    : markup`<p class="no-reply">${thread.from} does not take replies.</p>`;
  return markup`<article class="thread" aria-labelledby="thread-${index}">
<h3 id="thread-${index}">${thread.from}</h3>
<ol class="conversation" id="conversation-${index}">
${thread.entries.map(entryView)}</ol>
${replies}
</article>
`;
}

function entryView(entry: ThreadEntry): Html {
  return entry.kind === 'received' ? receivedView(entry.text) : sentView(entry.reply);
}

function receivedView(text: HandsetText): Html {
  const details = [
    'Received',
    text.encoding,
    plural(text.fragments, 'fragment'),
    `status ${text.status}`,
  ].join(' · ');
  return markup`<li class="received"><p class="text">${text.body}</p>
<p class="meta">${time(text.receivedAt)} · ${details}</p></li>
`;
}

function sentView(reply: HandsetReply): Html {
  return markup`<li class="sent"><p class="text">${reply.body}</p>
<p class="meta">${time(reply.sentAt)} · You replied</p></li>
`;
}

function replyForm(to: string, index: number, number: string): Html {
  const target = markup`data-number="${number}" data-to="${to}"`;
  return markup`<form class="reply" ${target} data-conversation="conversation-${index}">
<label for="reply-${index}">Reply to ${to}</label>
<textarea id="reply-${index}" name="text" rows="2" maxlength="918" required></textarea>
<button type="submit">Send reply</button>
</form>`;
}

function time(iso: string): Html {
  return markup`<time datetime="${iso}">${iso.slice(0, 19).replace('T', ' ')} UTC</time>`;
}

function inboxLink(number: string): string {
  return `${CONTROL_PREFIX}/inbox?number=${encodeURIComponent(number)}`;
}

function current(yes: boolean): Html {
  return raw(yes ? ' aria-current="page"' : '');
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
