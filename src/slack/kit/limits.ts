/**
 * Checks a payload against the Block Kit limits in ../shared/SLACK.md. The fake Slack runs
 * every message, modal and Home tab through this and fails the test on any violation, as
 * real Slack would answer `invalid_blocks`.
 */

type Json = Record<string, unknown>;
export type Surface = 'message' | 'modal' | 'home';

const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 };

export function validateSurface(surface: Surface, payload: Json): string[] {
  const problems: string[] = [];
  const p = (msg: string) => problems.push(msg);
  const blocks = (payload.blocks as Json[] | undefined) ?? [];

  if (surface === 'message') {
    const text = payload.text as string | undefined;
    if (blocks.length && (typeof text !== 'string' || text.trim() === ''))
      p('message with blocks has no top-level text (notifications and screen readers need it)');
    if (!blocks.length && (typeof text !== 'string' || text === '')) p('message has neither text nor blocks');
    if (typeof text === 'string' && text.length > 40000) p('message text over 40,000 chars');
  } else {
    if (surface === 'modal' && payload.type !== 'modal')
      p(`view type should be modal, got ${String(payload.type)}`);
    if (surface === 'home' && payload.type !== 'home')
      p(`view type should be home, got ${String(payload.type)}`);
    if (surface === 'modal') {
      checkPlain(payload.title, 24, 'modal title', p, true);
      checkPlain(payload.submit, 24, 'modal submit', p);
      checkPlain(payload.close, 24, 'modal close', p);
      if (blocks.some((b) => b.type === 'input') && !payload.submit)
        p('modal with an input block needs a submit');
    }
    if (typeof payload.private_metadata === 'string' && payload.private_metadata.length > 3000)
      p('private_metadata over 3000 chars');
    if (typeof payload.callback_id === 'string' && payload.callback_id.length > 255)
      p('callback_id over 255 chars');
  }
  if (!Array.isArray(blocks)) {
    p('blocks is not an array');
    return problems;
  }
  if (blocks.length > MAX_BLOCKS[surface])
    p(`${blocks.length} blocks on a ${surface} (max ${MAX_BLOCKS[surface]})`);

  const blockIds = new Set<string>();
  const actionIds = new Set<string>();
  let textTotal = 0;
  blocks.forEach((block, i) => {
    const where = `block ${i} (${String(block.type)})`;
    const bid = block.block_id as string | undefined;
    if (bid !== undefined) {
      if (bid.length > 255) p(`${where}: block_id over 255`);
      if (blockIds.has(bid)) p(`${where}: duplicate block_id ${bid}`);
      blockIds.add(bid);
    }
    const countText = (t: unknown) => {
      if (t && typeof t === 'object' && typeof (t as Json).text === 'string')
        textTotal += ((t as Json).text as string).length;
    };
    switch (block.type) {
      case 'section': {
        if (!block.text && !block.fields) p(`${where}: needs text or fields`);
        if (block.text) checkText(block.text, 3000, `${where} text`, p);
        countText(block.text);
        const fields = block.fields as Json[] | undefined;
        if (fields) {
          if (fields.length > 10) p(`${where}: ${fields.length} fields (max 10)`);
          for (const f of fields) {
            checkText(f, 2000, `${where} field`, p);
            countText(f);
          }
        }
        if (block.accessory) checkElement(block.accessory as Json, where, p, actionIds);
        break;
      }
      case 'header':
        checkPlain(block.text, 150, `${where} text`, p, true);
        countText(block.text);
        break;
      case 'context': {
        const els = (block.elements as Json[] | undefined) ?? [];
        if (els.length === 0 || els.length > 10) p(`${where}: ${els.length} elements (1–10)`);
        for (const e of els) {
          if (e.type === 'image') continue;
          checkText(e, 3000, `${where} element`, p);
          countText(e);
        }
        break;
      }
      case 'actions': {
        const els = (block.elements as Json[] | undefined) ?? [];
        if (els.length === 0 || els.length > 25) p(`${where}: ${els.length} elements (1–25)`);
        for (const e of els) checkElement(e, where, p, actionIds);
        break;
      }
      case 'input': {
        if (surface === 'message') p(`${where}: input blocks are not allowed in messages`);
        checkPlain(block.label, 2000, `${where} label`, p, true);
        if (block.hint) checkPlain(block.hint, 2000, `${where} hint`, p);
        if (!block.element) p(`${where}: needs an element`);
        else checkElement(block.element as Json, where, p, actionIds);
        break;
      }
      case 'divider':
      case 'image':
      case 'rich_text':
        break;
      default:
        p(`${where}: unknown block type`);
    }
  });
  if (surface === 'message' && textTotal > 13000)
    p(`message block text totals ${textTotal} chars (msg_blocks_too_long)`);
  if (surface === 'modal' && JSON.stringify(payload).length > 250_000) p('modal over 250 kB');
  return problems;
}

function checkText(t: unknown, max: number, where: string, p: (m: string) => void): void {
  if (!t || typeof t !== 'object') {
    p(`${where}: missing text object`);
    return;
  }
  const o = t as Json;
  if (o.type !== 'plain_text' && o.type !== 'mrkdwn') p(`${where}: text type ${String(o.type)}`);
  if (typeof o.text !== 'string' || o.text.length === 0) p(`${where}: empty text`);
  else if (o.text.length > max) p(`${where}: ${o.text.length} chars (max ${max})`);
}

function checkPlain(t: unknown, max: number, where: string, p: (m: string) => void, required = false): void {
  if (t === undefined) {
    if (required) p(`${where}: missing`);
    return;
  }
  checkText(t, max, where, p);
  if ((t as Json).type !== 'plain_text') p(`${where}: must be plain_text`);
}

function checkOptions(options: unknown, max: number, where: string, p: (m: string) => void): void {
  const list = (options as Json[] | undefined) ?? [];
  if (list.length > max) p(`${where}: ${list.length} options (max ${max})`);
  const values = new Set<string>();
  for (const o of list) {
    checkText(o.text, 75, `${where} option text`, p);
    if (o.description) checkText(o.description, 75, `${where} option description`, p);
    const v = o.value as string | undefined;
    if (typeof v !== 'string' || v.length === 0 || v.length > 75)
      p(`${where}: option value must be 1–75 chars`);
    else if (values.has(v)) p(`${where}: duplicate option value ${v}`);
    else values.add(v);
  }
}

function checkElement(e: Json, where: string, p: (m: string) => void, actionIds: Set<string>): void {
  const aid = e.action_id as string | undefined;
  if (aid !== undefined) {
    if (aid.length > 255) p(`${where}: action_id over 255`);
    if (actionIds.has(aid)) p(`${where}: duplicate action_id ${aid}`);
    actionIds.add(aid);
  }
  if (e.placeholder) checkPlain(e.placeholder, 150, `${where} placeholder`, p);
  if (e.confirm) {
    const c = e.confirm as Json;
    checkPlain(c.title, 100, `${where} confirm title`, p, true);
    checkText(c.text, 300, `${where} confirm text`, p);
    checkPlain(c.confirm, 30, `${where} confirm button`, p, true);
    checkPlain(c.deny, 30, `${where} deny button`, p, true);
  }
  switch (e.type) {
    case 'button':
      checkPlain(e.text, 75, `${where} button`, p, true);
      if (typeof e.value === 'string' && e.value.length > 2000) p(`${where}: button value over 2000`);
      if (typeof e.url === 'string' && e.url.length > 3000) p(`${where}: button url over 3000`);
      break;
    case 'static_select':
    case 'multi_static_select':
      if (e.option_groups) {
        const groups = e.option_groups as Json[];
        if (groups.length > 100) p(`${where}: over 100 option groups`);
        for (const g of groups) checkOptions(g.options, 100, where, p);
      } else {
        const n = ((e.options as unknown[]) ?? []).length;
        if (n === 0) p(`${where}: select with no options`);
        checkOptions(e.options, 100, where, p);
      }
      break;
    case 'checkboxes':
    case 'radio_buttons':
      checkOptions(e.options, 10, where, p);
      if (((e.options as unknown[]) ?? []).length === 0) p(`${where}: no options`);
      break;
    case 'overflow': {
      const n = ((e.options as unknown[]) ?? []).length;
      if (n < 2 || n > 5) p(`${where}: overflow needs 2–5 options`);
      checkOptions(e.options, 5, where, p);
      break;
    }
    case 'plain_text_input':
      if (typeof e.max_length === 'number' && e.max_length > 3000) p(`${where}: max_length over 3000`);
      if (
        typeof e.initial_value === 'string' &&
        typeof e.max_length === 'number' &&
        e.initial_value.length > e.max_length
      )
        p(`${where}: initial_value longer than max_length`);
      break;
    case 'datepicker':
    case 'users_select':
    case 'multi_users_select':
    case 'conversations_select':
    case 'channels_select':
    case 'number_input':
    case 'url_text_input':
    case 'timepicker':
    case 'image':
      break;
    default:
      p(`${where}: unknown element type ${String(e.type)}`);
  }
}
