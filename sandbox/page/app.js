// The sandbox page: a minimal Slack client for this one app. Plain browser JavaScript, no
// dependencies, no network beyond this server. Everything the app sent is shown with
// textContent / DOM nodes — never innerHTML — so no text from the app or a person can run.

(() => {
  const S = {
    data: null,
    version: -1,
    me: localStorage.getItem('sandbox.me') || '',
    tab: localStorage.getItem('sandbox.tab') || 'channel:pmo',
    gen: 0,
    keys: {},
    lastHomeOpen: '',
  };
  const $ = (id) => document.getElementById(id);
  let uid = 0;
  const nextId = (p) => `${p}-${++uid}`;

  // ---------- tiny DOM helper (text only) ----------
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat()) {
      if (c === undefined || c === null || c === false) continue;
      el.append(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return el;
  }

  // Calls in flight, on <body data-pending>: lets a browser test wait until the app answered.
  let pending = 0;
  const setPending = (n) => {
    pending = n;
    document.body.dataset.pending = String(n);
  };
  async function api(path, body) {
    setPending(pending + 1);
    try {
      const res = await fetch(`/sandbox/api/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = await res.json().catch(() => ({}));
      if (!res.ok) toast(json.error || `HTTP ${res.status}`);
      return json;
    } finally {
      setPending(pending - 1);
    }
  }

  function toast(text) {
    const t = $('toast');
    t.textContent = text;
    t.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => {
      t.hidden = true;
    }, 5000);
  }

  // ---------- mrkdwn (display only) ----------
  const EMOJI = {
    white_check_mark: '✅',
    heavy_check_mark: '✔️',
    x: '❌',
    warning: '⚠️',
    wave: '👋',
    tada: '🎉',
    star: '⭐',
    hourglass: '⌛',
    hourglass_flowing_sand: '⏳',
    calendar: '📅',
    memo: '📝',
    bulb: '💡',
    inbox_tray: '📥',
    outbox_tray: '📤',
    bell: '🔔',
    no_bell: '🔕',
    raised_hands: '🙌',
    pray: '🙏',
    thumbsup: '👍',
    '+1': '👍',
    thumbsdown: '👎',
    eyes: '👀',
    rocket: '🚀',
    speech_balloon: '💬',
    question: '❓',
    information_source: 'ℹ️',
    chart_with_upwards_trend: '📈',
    bar_chart: '📊',
    clipboard: '📋',
    mailbox: '📫',
    envelope: '✉️',
    handshake: '🤝',
    seedling: '🌱',
    sparkles: '✨',
    pause_button: '⏸️',
    arrow_right: '➡️',
    busts_in_silhouette: '👥',
    bust_in_silhouette: '👤',
    mag: '🔍',
    lock: '🔒',
    gear: '⚙️',
    hammer_and_wrench: '🛠️',
    calendar_spiral: '🗓️',
    zzz: '💤',
    large_green_circle: '🟢',
    large_yellow_circle: '🟡',
    red_circle: '🔴',
    white_circle: '⚪',
    package: '📦',
    raised_hand: '✋',
    no_entry_sign: '🚫',
    heavy_multiplication_x: '✖️',
    new: '🆕',
  };
  const decode = (s) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  const emojify = (s) => s.replace(/:([a-z0-9_+-]+):/g, (m, name) => EMOJI[name] || m);

  function nameOf(id) {
    const p = (S.data?.cast || []).find((c) => c.id === id);
    return p ? p.name : id;
  }
  function channelNameOf(id) {
    const c = (S.data?.channels || []).find((x) => x.id === id);
    return c ? c.name : id;
  }
  function safeHref(url) {
    return /^(https?:|mailto:)/i.test(url) ? url : null;
  }

  // <…> tokens: links, mentions, channels, specials.
  function angleNode(inner) {
    const [target, label] = splitOnce(inner, '|');
    if (target.startsWith('@'))
      return h('span', { class: 'mention', text: `@${label || nameOf(target.slice(1))}` });
    if (target.startsWith('#'))
      return h('span', { class: 'mention', text: `#${label || channelNameOf(target.slice(1))}` });
    if (target.startsWith('!subteam^')) return h('span', { class: 'mention', text: label || '@group' });
    if (target.startsWith('!date^')) return document.createTextNode(decode(label || target));
    if (target.startsWith('!')) return h('span', { class: 'mention', text: `@${target.slice(1)}` });
    const href = safeHref(decode(target));
    const text = emojify(decode(label || target));
    return href
      ? h('a', { href, target: '_blank', rel: 'noopener noreferrer', text })
      : document.createTextNode(text);
  }
  function splitOnce(s, sep) {
    const i = s.indexOf(sep);
    return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + 1)];
  }

  // Inline formatting over a string whose <…> tokens were swapped for placeholders.
  const INLINE =
    /`([^`\n]+)`|(^|[^\w*])\*([^*\n]+)\*(?!\w)|(^|[^\w_])_([^_\n]+)_(?!\w)|(^|[^\w~])~([^~\n]+)~(?!\w)/;
  function inline(text, tokens, parent) {
    let rest = text;
    while (rest) {
      const m = INLINE.exec(rest);
      if (!m) {
        leaf(rest, tokens, parent);
        return;
      }
      const lead = m[2] ?? m[4] ?? m[6] ?? '';
      leaf(rest.slice(0, m.index) + lead, tokens, parent);
      if (m[1] !== undefined) parent.append(h('code', { text: restore(m[1], tokens) }));
      else {
        const tag = m[3] !== undefined ? 'strong' : m[5] !== undefined ? 'em' : 's';
        const el = h(tag, {});
        inline(m[3] ?? m[5] ?? m[7], tokens, el);
        parent.append(el);
      }
      rest = rest.slice(m.index + m[0].length);
    }
  }
  const PLACEHOLDER = /\uE000(\d+)\uE001/g;
  function restore(s, tokens) {
    return decode(s.replace(PLACEHOLDER, (_m, i) => `<${tokens[Number(i)]}>`));
  }
  function leaf(s, tokens, parent) {
    let last = 0;
    for (const m of s.matchAll(PLACEHOLDER)) {
      if (m.index > last) parent.append(emojify(decode(s.slice(last, m.index))));
      parent.append(angleNode(tokens[Number(m[1])]));
      last = m.index + m[0].length;
    }
    if (last < s.length) parent.append(emojify(decode(s.slice(last))));
  }

  function mrkdwn(text, tag = 'div') {
    const root = h(tag, { class: 'mrkdwn' });
    const tokens = [];
    const swapped = String(text).replace(/<([^<>\n]+)>/g, (_m, inner) => {
      tokens.push(inner);
      return `\uE000${tokens.length - 1}\uE001`;
    });
    // ```code blocks``` first, then quotes line by line, then inline formatting.
    const parts = swapped.split(/```/);
    parts.forEach((part, i) => {
      if (i % 2 === 1) {
        root.append(h('pre', { text: restore(part.replace(/^\n/, ''), tokens) }));
        return;
      }
      const lines = part.split('\n');
      lines.forEach((line, j) => {
        const quote = /^(&gt;|>) ?/.exec(line);
        if (quote) {
          const bq = h('blockquote', {});
          inline(line.slice(quote[0].length), tokens, bq);
          root.append(bq);
          return;
        }
        inline(line, tokens, root);
        if (j < lines.length - 1) root.append('\n');
      });
    });
    return root;
  }

  function textObject(t, tag) {
    if (!t) return document.createTextNode('');
    if (t.type === 'mrkdwn') return mrkdwn(t.text, tag);
    return h(tag || 'span', { text: t.emoji === false ? t.text : emojify(t.text) });
  }
  const plain = (t) => (t ? (t.type === 'mrkdwn' ? decode(t.text) : t.text) : '');

  // ---------- Block Kit ----------
  // A surface: { kind: 'message', channel, ts } | { kind: 'ephemeral', ts } | { kind: 'view', viewId, root }
  // Controls of a view are kept so the page can send state.values like Slack does.
  const controlsOf = new WeakMap();

  function renderBlocks(blocks, surface) {
    const frag = h('div', { class: 'blocks' });
    for (const b of blocks || []) frag.append(renderBlock(b, surface));
    return frag;
  }

  function renderBlock(b, surface) {
    const bid = b.block_id || '';
    switch (b.type) {
      case 'header':
        return h('div', { class: 'block header' }, h('h3', { text: emojify(b.text?.text || '') }));
      case 'divider':
        return h('hr', {});
      case 'section': {
        const body = h('div', { class: 'body' });
        if (b.text) body.append(textObject(b.text, 'div'));
        if (b.fields)
          body.append(
            h(
              'div',
              { class: 'fields' },
              b.fields.map((f) => textObject(f, 'div')),
            ),
          );
        const sec = h('div', { class: 'block section', 'data-block-id': bid }, body);
        if (b.accessory) sec.append(renderElement(b.accessory, bid, surface, false).node);
        return sec;
      }
      case 'context':
        return h(
          'div',
          { class: 'block context' },
          (b.elements || []).map((e) =>
            e.type === 'image' ? h('span', { text: `[${e.alt_text || 'image'}]` }) : textObject(e, 'span'),
          ),
        );
      case 'actions':
        return h(
          'div',
          { class: 'block actions', 'data-block-id': bid },
          (b.elements || []).map((e) => renderElement(e, bid, surface, false).node),
        );
      case 'input':
        return renderInput(b, surface);
      case 'image':
        return h('div', { class: 'block', text: `[image: ${b.alt_text || ''}]` });
      case 'rich_text':
        return h('div', { class: 'block mrkdwn', text: richText(b) });
      default:
        return h('div', {
          class: 'block unsupported',
          text: `[block type ${b.type} is not shown by the sandbox]`,
        });
    }
  }

  function richText(node) {
    if (!node || typeof node !== 'object') return '';
    if (typeof node.text === 'string') return node.text;
    if (node.type === 'user') return `@${nameOf(node.user_id)}`;
    if (node.type === 'link') return node.text || node.url;
    return (node.elements || []).map(richText).join(node.type === 'rich_text_list' ? '\n' : '');
  }

  function renderInput(b, surface) {
    const bid = b.block_id || '';
    const id = nextId('in');
    const ctl = renderElement(b.element, bid, surface, true, id, b.dispatch_action === true);
    const label = plain(b.label);
    const group = ['checkboxes', 'radio_buttons'].includes(b.element.type) || ctl.group;
    const labelEl = group
      ? h(
          'div',
          { class: 'label', id: `${id}-label` },
          label,
          b.optional ? h('span', { class: 'optional', text: ' (optional)' }) : null,
        )
      : h(
          'label',
          { for: id },
          label,
          b.optional ? h('span', { class: 'optional', text: ' (optional)' }) : null,
        );
    if (group) ctl.node.setAttribute('aria-labelledby', `${id}-label`);
    const wrap = h(
      'div',
      { class: 'input-block', 'data-block-id': bid },
      labelEl,
      ctl.node,
      b.hint ? h('div', { class: 'hint-text', text: plain(b.hint) }) : null,
      h('div', { class: 'field-error', role: 'alert', 'data-testid': `error-${bid}`, hidden: true }),
    );
    if (surface.kind === 'view') {
      const list = controlsOf.get(surface.root) || [];
      list.push({
        blockId: bid,
        actionId: b.element.action_id,
        optional: b.optional === true,
        element: b.element,
        wrap,
        ...ctl,
      });
      controlsOf.set(surface.root, list);
    }
    return wrap;
  }

  function _optionsOf(e) {
    return [...(e.options || []), ...(e.option_groups || []).flatMap((g) => g.options || [])];
  }
  function fillOptions(select, e) {
    if (e.option_groups) {
      for (const g of e.option_groups) {
        const og = h('optgroup', { label: plain(g.label) });
        for (const o of g.options || []) og.append(h('option', { value: o.value, text: plain(o.text) }));
        select.append(og);
      }
    } else
      for (const o of e.options || []) select.append(h('option', { value: o.value, text: plain(o.text) }));
  }
  function people() {
    return (S.data?.cast || []).map((c) => ({ value: c.id, text: c.name }));
  }
  function conversations() {
    return (S.data?.channels || []).map((c) => ({ value: c.id, text: `#${c.name}` }));
  }

  /**
   * One interactive element. Returns { node, get, set }. Outside input blocks (and in input
   * blocks with dispatch_action) a change is sent to the app at once as block_actions.
   */
  function renderElement(e, blockId, surface, inInput, id, dispatch) {
    const fire = (selected) => sendAction(surface, blockId, e, selected);
    const live = !inInput || dispatch;
    const selectLike = (multi, opts, initial) => {
      const sel = h('select', {
        id,
        multiple: multi || undefined,
        'aria-label': inInput ? undefined : plain(e.placeholder) || e.action_id,
      });
      if (!multi) sel.append(h('option', { value: '', text: plain(e.placeholder) || 'Choose…' }));
      if (opts) for (const o of opts) sel.append(h('option', { value: o.value, text: o.text }));
      else fillOptions(sel, e);
      if (multi) sel.size = Math.min(6, sel.options.length || 1);
      const set = (v) => {
        const vals = v === null || v === undefined ? [] : Array.isArray(v) ? v : [v];
        for (const o of sel.options) o.selected = vals.includes(o.value);
      };
      set(initial);
      const get = () => (multi ? [...sel.selectedOptions].map((o) => o.value) : sel.value || null);
      if (live) sel.addEventListener('change', () => fire(get()));
      return { node: sel, get, set };
    };
    switch (e.type) {
      case 'button': {
        const btn = h('button', {
          type: 'button',
          class: `btn ${e.style || ''}`,
          text: emojify(plain(e.text)),
          onclick: async () => {
            if (e.confirm && !(await confirmDialog(e.confirm))) return;
            const href = e.url && safeHref(e.url);
            if (href) window.open(href, '_blank', 'noopener');
            btn.disabled = true;
            try {
              await fire(null);
            } finally {
              btn.disabled = false;
            }
          },
        });
        return { node: btn, get: () => null, set: () => undefined };
      }
      case 'static_select':
        return selectLike(false, null, e.initial_option?.value);
      case 'multi_static_select':
        return selectLike(
          true,
          null,
          (e.initial_options || []).map((o) => o.value),
        );
      case 'external_select':
      case 'multi_external_select':
        return {
          node: h('span', { class: 'unsupported', text: '[external selects are not in the sandbox]' }),
          get: () => null,
          set: () => undefined,
        };
      case 'users_select':
        return selectLike(false, people(), e.initial_user);
      case 'multi_users_select':
        return selectLike(true, people(), e.initial_users || []);
      case 'conversations_select':
      case 'channels_select':
        return selectLike(false, conversations(), e.initial_conversation || e.initial_channel);
      case 'multi_conversations_select':
      case 'multi_channels_select':
        return selectLike(true, conversations(), e.initial_conversations || e.initial_channels || []);
      case 'overflow': {
        const sel = h('select', { 'aria-label': 'More actions', class: 'overflow' });
        sel.append(h('option', { value: '', text: '⋯' }));
        fillOptions(sel, e);
        sel.addEventListener('change', async () => {
          const v = sel.value;
          sel.value = '';
          if (v) await fire(v);
        });
        return { node: sel, get: () => null, set: () => undefined };
      }
      case 'datepicker':
      case 'timepicker': {
        const input = h('input', {
          id,
          type: e.type === 'datepicker' ? 'date' : 'time',
          'aria-label': inInput ? undefined : plain(e.placeholder) || e.action_id,
        });
        input.value = (e.type === 'datepicker' ? e.initial_date : e.initial_time) || '';
        if (live) input.addEventListener('change', () => fire(input.value || null));
        return {
          node: input,
          get: () => input.value || null,
          set: (v) => {
            input.value = v || '';
          },
        };
      }
      case 'plain_text_input':
      case 'number_input':
      case 'url_text_input':
      case 'email_text_input': {
        const type =
          { number_input: 'number', url_text_input: 'url', email_text_input: 'email' }[e.type] || 'text';
        const input = e.multiline
          ? h('textarea', { id })
          : h('input', {
              id,
              type,
              step: e.type === 'number_input' ? (e.is_decimal_allowed ? 'any' : '1') : undefined,
              min: e.min_value,
              max: e.max_value,
            });
        if (e.placeholder) input.placeholder = plain(e.placeholder);
        if (e.max_length) input.maxLength = e.max_length;
        input.value = e.initial_value ?? '';
        if (live) input.addEventListener('change', () => fire(input.value));
        return {
          node: input,
          get: () => input.value,
          set: (v) => {
            input.value = v ?? '';
          },
          minLength: e.min_length,
        };
      }
      case 'checkboxes':
      case 'radio_buttons': {
        const radio = e.type === 'radio_buttons';
        const name = nextId('choice');
        const fs = h('fieldset', { role: radio ? 'radiogroup' : 'group' });
        const boxes = [];
        for (const o of e.options || []) {
          const cid = nextId('opt');
          const box = h('input', { type: radio ? 'radio' : 'checkbox', id: cid, name, value: o.value });
          boxes.push(box);
          fs.append(
            h(
              'div',
              { class: 'choice' },
              box,
              h(
                'label',
                { for: cid },
                textObject(o.text, 'span'),
                o.description ? h('div', { class: 'desc', text: plain(o.description) }) : null,
              ),
            ),
          );
        }
        const get = () =>
          radio
            ? boxes.find((b) => b.checked)?.value || null
            : boxes.filter((b) => b.checked).map((b) => b.value);
        const set = (v) => {
          const vals = v === null || v === undefined ? [] : Array.isArray(v) ? v : [v];
          for (const b of boxes) b.checked = vals.includes(b.value);
        };
        set(radio ? e.initial_option?.value : (e.initial_options || []).map((o) => o.value));
        if (live) fs.addEventListener('change', () => fire(get()));
        return { node: fs, get, set, group: true };
      }
      case 'image':
        return {
          node: h('span', { text: `[${e.alt_text || 'image'}]` }),
          get: () => null,
          set: () => undefined,
        };
      default:
        return {
          node: h('span', { class: 'unsupported', text: `[${e.type} is not shown by the sandbox]` }),
          get: () => null,
          set: () => undefined,
        };
    }
  }

  function valuesOf(root) {
    const values = {};
    for (const c of controlsOf.get(root) || []) {
      values[c.blockId] ??= {};
      values[c.blockId][c.actionId] = c.get();
    }
    return values;
  }

  async function sendAction(surface, blockId, e, selected) {
    let where;
    if (surface.kind === 'view')
      where = { type: 'view', viewId: surface.viewId, values: valuesOf(surface.root) };
    else if (surface.kind === 'ephemeral') where = { type: 'ephemeral', ts: surface.ts };
    else where = { type: 'message', channel: surface.channel, ts: surface.ts };
    await api('action', { user: S.me, block_id: blockId, action_id: e.action_id, selected, where });
  }

  function confirmDialog(c) {
    return new Promise((resolve) => {
      const root = $('dialog-root');
      const done = (ok) => {
        root.replaceChildren();
        resolve(ok);
      };
      root.replaceChildren(
        h(
          'div',
          { class: 'dialog-backdrop' },
          h(
            'div',
            { class: 'dialog', role: 'alertdialog', 'aria-modal': 'true', 'aria-label': plain(c.title) },
            h('h2', { class: 'dialog-title', text: plain(c.title) }),
            textObject(c.text, 'div'),
            h(
              'div',
              { class: 'buttons' },
              h('button', {
                type: 'button',
                class: 'btn',
                text: plain(c.deny) || 'Cancel',
                onclick: () => done(false),
              }),
              h('button', {
                type: 'button',
                class: `btn ${c.style === 'danger' ? 'danger' : 'primary'}`,
                text: plain(c.confirm) || 'Yes',
                onclick: () => done(true),
              }),
            ),
          ),
        ),
      );
    });
  }

  // ---------- panes ----------
  function tsLabel(ts) {
    const d = new Date(Number(String(ts).split('.')[0]) * 1000);
    return d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function renderMessage(m, channel, inThread) {
    const bot = m.user === 'UPMOBOT';
    const surface = { kind: 'message', channel, ts: m.ts };
    const el = h(
      'div',
      { class: 'message', 'data-ts': m.ts },
      h(
        'div',
        { class: 'meta' },
        h('span', { class: 'author', text: bot ? 'PMO Concierge' : nameOf(m.user) }),
        bot ? h('span', { class: 'app-tag', text: 'APP' }) : null,
        tsLabel(m.ts),
        m.edited ? ' (edited)' : '',
        inThread
          ? null
          : h('button', {
              type: 'button',
              class: 'btn link reply',
              text: 'Reply in thread',
              onclick: () => setThread({ channel, ts: m.ts }),
            }),
        // The message's "More actions" menu in Slack: the app's message shortcut.
        h('button', {
          type: 'button',
          class: 'btn link shortcut',
          text: 'Ask the PMO about this',
          'data-testid': 'ask-pmo',
          onclick: () => api('shortcut', { kind: 'message', user: S.me, channel, ts: m.ts }),
        }),
      ),
      m.blocks?.length ? renderBlocks(m.blocks, surface) : mrkdwn(m.text || ''),
      (m.files || []).map((f) =>
        h(
          'figure',
          { class: 'file' },
          h('img', {
            src: `/sandbox/api/file?id=${encodeURIComponent(f.id)}`,
            alt: f.altText,
            title: f.title,
          }),
          h('figcaption', { text: f.title }),
        ),
      ),
    );
    if (m.replies?.length) {
      el.append(
        h(
          'div',
          { class: 'thread', 'data-testid': 'thread' },
          h('div', {
            class: 'thread-label',
            text: `${m.replies.length} ${m.replies.length === 1 ? 'reply' : 'replies'}`,
          }),
          m.replies.map((r) => renderMessage(r, channel, true)),
        ),
      );
    }
    return el;
  }

  /** Messages typed next go into this thread (slash commands never do, as in Slack). */
  function setThread(thread) {
    S.thread = thread;
    $('thread-chip').hidden = !thread;
    if (thread) $('composer-input').focus();
  }

  function currentConversation() {
    const d = S.data;
    if (!d) return null;
    if (S.tab === 'dm' || S.tab === 'home')
      return { id: d.dm.id, name: 'PMO Concierge', messages: d.dm.messages };
    const name = S.tab.replace(/^channel:/, '');
    return d.channels.find((c) => c.name === name) || d.channels[0];
  }

  function renderTabs() {
    const d = S.data;
    const tabs = $('channel-tabs');
    const key = JSON.stringify(d.channels.map((c) => [c.name, c.messages.length]));
    if (S.keys.tabs !== key) {
      S.keys.tabs = key;
      tabs.replaceChildren(
        ...d.channels.map((c) =>
          h(
            'button',
            { type: 'button', role: 'tab', class: 'tab', 'data-tab': `channel:${c.name}` },
            `# ${c.name}`,
            c.messages.length
              ? h('span', { class: 'count', 'aria-hidden': 'true', text: String(c.messages.length) })
              : null,
          ),
        ),
      );
    }
    for (const t of document.querySelectorAll('[role=tab]'))
      t.setAttribute('aria-selected', String(t.dataset.tab === S.tab));
  }

  function renderPane() {
    const d = S.data;
    const pane = $('pane');
    if (S.tab === 'home') {
      $('pane-title').textContent = 'PMO Concierge — Home';
      $('composer').hidden = true;
      const key = `home:${d.me}:${d.home ? d.home.hash : ''}`;
      if (S.keys.pane === key) return;
      S.keys.pane = key;
      if (!d.home) {
        pane.replaceChildren(
          h('div', { class: 'empty', text: 'The app has not published a Home tab for you (yet).' }),
        );
        return;
      }
      const root = h('div', { class: 'home', 'data-testid': 'home' });
      const surface = { kind: 'view', viewId: d.home.id, root };
      root.append(renderBlocks(d.home.view.blocks, surface));
      pane.replaceChildren(root);
      return;
    }
    $('composer').hidden = false;
    const conv = currentConversation();
    $('pane-title').textContent = S.tab === 'dm' ? 'PMO Concierge — Messages' : `# ${conv.name}`;
    const key = `conv:${d.me}:${conv.id}:${JSON.stringify(conv.messages)}:${(S.data.cast || []).length}`;
    if (S.keys.pane === key) return;
    S.keys.pane = key;
    const stick = pane.scrollTop + pane.clientHeight >= pane.scrollHeight - 40;
    pane.replaceChildren(
      ...(conv.messages.length
        ? conv.messages.map((m) => renderMessage(m, conv.id))
        : [h('div', { class: 'empty', text: 'No messages here yet.' })]),
    );
    if (stick) pane.scrollTop = pane.scrollHeight;
  }

  function renderEphemerals() {
    const list = S.data.ephemerals;
    const key = JSON.stringify(list);
    if (S.keys.eph === key) return;
    S.keys.eph = key;
    $('ephemerals').replaceChildren(
      ...list.map((e) =>
        h(
          'div',
          { class: 'ephemeral', 'data-ts': e.ts },
          h(
            'div',
            { class: 'meta' },
            h('span', {
              text: `Only visible to you · #${channelNameOf(e.channel) === e.channel ? 'direct message' : channelNameOf(e.channel)}`,
            }),
            h('button', {
              type: 'button',
              class: 'btn link',
              'aria-label': 'Dismiss message',
              text: 'Dismiss',
              onclick: () => api('dismiss', { user: S.me, ts: e.ts }),
            }),
          ),
          e.blocks?.length ? renderBlocks(e.blocks, { kind: 'ephemeral', ts: e.ts }) : mrkdwn(e.text || ''),
        ),
      ),
    );
    $('ephemerals').lastElementChild?.scrollIntoView({ block: 'nearest' });
  }

  function renderModal() {
    const m = S.data.modal;
    const root = $('modal-root');
    const key = m ? `${m.id}:${m.hash}` : '';
    if (S.keys.modal !== key) {
      // The same view updated by the app keeps what the person typed, as in Slack.
      const old = root.querySelector('.modal');
      const kept = old && old.dataset.viewId === m?.id ? valuesOf(old) : {};
      S.keys.modal = key;
      if (!m) {
        root.replaceChildren();
        return;
      }
      const v = m.view;
      const box = h('div', {
        class: 'modal',
        role: 'dialog',
        'aria-modal': 'true',
        'aria-labelledby': 'modal-title',
        'data-view-id': m.id,
        'data-testid': 'modal',
      });
      const surface = { kind: 'view', viewId: m.id, root: box };
      const errorLine = h('div', { class: 'modal-error', role: 'alert', hidden: true });
      const close = () => api('close', { user: S.me, viewId: m.id, values: valuesOf(box) });
      const submitBtn = v.submit
        ? h('button', { type: 'submit', class: 'btn primary', text: plain(v.submit) })
        : null;
      const body = h('div', { class: 'modal-body' });
      const form = h(
        'form',
        {
          novalidate: true,
          onsubmit: async (ev) => {
            ev.preventDefault();
            if (!v.submit) return;
            if (!checkRequired(box)) {
              box.querySelector('.has-error')?.scrollIntoView({ block: 'center' });
              return;
            }
            submitBtn.disabled = true;
            try {
              const res = await api('submit', { user: S.me, viewId: m.id, values: valuesOf(box) });
              errorLine.hidden = !res.error;
              errorLine.textContent = res.error || '';
              if (res.errors) {
                showErrors(box, res.errors);
                box.querySelector('.has-error')?.scrollIntoView({ block: 'center' });
              }
            } finally {
              submitBtn.disabled = false;
            }
          },
        },
        h(
          'header',
          {},
          h('h2', { id: 'modal-title', text: plain(v.title) }),
          m.depth > 1 ? h('span', { class: 'depth', text: `${m.depth} views open` }) : null,
          h('button', {
            type: 'button',
            class: 'btn link',
            'aria-label': 'Close',
            text: '✕',
            onclick: close,
          }),
        ),
        body,
        errorLine,
        h(
          'footer',
          {},
          h('button', { type: 'button', class: 'btn', text: plain(v.close) || 'Cancel', onclick: close }),
          submitBtn,
        ),
      );
      box.append(form);
      body.append(renderBlocks(v.blocks, surface));
      for (const c of controlsOf.get(box) || []) {
        const prev = kept[c.blockId]?.[c.actionId];
        if (prev !== undefined && c.set) c.set(prev);
      }
      root.replaceChildren(h('div', { class: 'modal-backdrop' }, box));
    }
    if (m) showErrors(root.querySelector('.modal'), m.errors || {});
  }

  function showErrors(box, errors) {
    for (const c of controlsOf.get(box) || []) setError(c, errors[c.blockId]);
  }
  function setError(c, message) {
    const el = c.wrap.querySelector('.field-error');
    el.hidden = !message;
    el.textContent = message || '';
    c.wrap.classList.toggle('has-error', Boolean(message));
  }

  /** Slack checks required inputs (and min_length) in the client before anything is sent. */
  function checkRequired(box) {
    let ok = true;
    for (const c of controlsOf.get(box) || []) {
      const v = c.get();
      const empty = v === null || v === '' || (Array.isArray(v) && v.length === 0);
      let message = '';
      if (empty && !c.optional) message = 'Please complete this required field.';
      else if (!empty && c.minLength && String(v).length < c.minLength)
        message = `Must be at least ${c.minLength} characters.`;
      setError(c, message);
      if (message) ok = false;
    }
    return ok;
  }

  function renderTop() {
    const d = S.data;
    const sel = $('person');
    const key = JSON.stringify(d.cast.map((c) => [c.id, c.role]));
    if (S.keys.cast !== key) {
      S.keys.cast = key;
      sel.replaceChildren(...d.cast.map((c) => h('option', { value: c.id, text: `${c.name} (${c.role})` })));
    }
    sel.value = d.me;
    const me = d.cast.find((c) => c.id === d.me);
    if (me?.locale && document.activeElement !== $('slack-language')) $('slack-language').value = me.locale;
    $('role').textContent = me ? `${me.title} · ${me.tz}` : '';
    const offsetDays = Math.round((d.clock.offsetMs / 86400000) * 10) / 10;
    $('clock').textContent =
      `App time: ${new Date(d.clock.now).toLocaleString([], { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })}${offsetDays ? ` (+${offsetDays} d)` : ''}`;
    const v = $('violations');
    v.hidden = d.violations.length === 0;
    v.textContent = d.violations.length
      ? `Slack would have rejected a payload:\n${d.violations.join('\n')}`
      : '';
  }

  function apply(d) {
    S.data = d;
    S.version = d.version;
    renderTop();
    renderTabs();
    renderPane();
    renderEphemerals();
    renderModal();
    document.body.dataset.version = String(d.version);
    document.body.dataset.me = d.me;
  }

  async function poll(gen) {
    while (gen === S.gen) {
      try {
        const res = await fetch(`/sandbox/api/state?user=${encodeURIComponent(S.me)}&since=${S.version}`);
        if (gen !== S.gen) return;
        if (res.status === 400 && S.me) {
          // a remembered person who is not in this sandbox's cast: start as the default one
          S.me = '';
          localStorage.removeItem('sandbox.me');
          continue;
        }
        if (!res.ok) {
          await sleep(500);
          continue;
        }
        const d = await res.json();
        if (gen !== S.gen) return;
        S.me = d.me;
        apply(d);
      } catch {
        await sleep(1000);
      }
    }
  }
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

  function restartPolling() {
    S.gen++;
    S.version = -1;
    S.keys = {};
    void poll(S.gen);
  }

  function openTab(tab) {
    S.tab = tab;
    localStorage.setItem('sandbox.tab', tab);
    if (tab === 'home') void api('home-opened', { user: S.me });
    if (S.data) {
      renderTabs();
      renderPane();
    }
  }

  // ---------- wiring ----------
  $('person').addEventListener('change', (ev) => {
    S.me = ev.target.value;
    localStorage.setItem('sandbox.me', S.me);
    restartPolling();
    if (S.tab === 'home') void api('home-opened', { user: S.me });
  });
  // As in Slack's preferences: the app hears a user_change and speaks the new language.
  $('slack-language').addEventListener('change', async (ev) => {
    await api('slack-language', { user: S.me, locale: ev.target.value });
    if (S.tab === 'home') void api('home-opened', { user: S.me });
  });
  document.addEventListener('click', (ev) => {
    const tab = ev.target.closest?.('[role=tab]');
    if (tab) openTab(tab.dataset.tab);
  });
  $('composer').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const input = $('composer-input');
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    const channel = currentConversation()?.id;
    if (text.startsWith('/')) await api('command', { user: S.me, channel, text });
    else {
      const thread = S.thread && S.thread.channel === channel ? S.thread.ts : undefined;
      await api('message', { user: S.me, channel, text, threadTs: thread });
      setThread(null);
    }
  });
  $('thread-cancel').addEventListener('click', () => setThread(null));
  // ⚡ Shortcuts in the composer: the app's global shortcut.
  $('global-shortcut').addEventListener('click', () => api('shortcut', { kind: 'global', user: S.me }));
  $('run-jobs').addEventListener('click', async () => {
    const btn = $('run-jobs');
    btn.disabled = true;
    try {
      const res = await api('jobs', { shiftMs: Number($('shift').value) });
      if (res.outbox) {
        const jobs = res.jobs.length ? res.jobs.join(', ') : 'none wired into the sandbox yet';
        toast(
          `App time is now ${new Date(res.now).toLocaleString()}. Jobs run: ${jobs}. ${res.outbox.sent} message(s) delivered.`,
        );
      }
    } finally {
      btn.disabled = false;
    }
  });
  if (S.tab === 'home' && S.me) void api('home-opened', { user: S.me });
  restartPolling();
})();
