import { renderAudit } from '../../src/features/audit/blocks';
import { AUDIT_ACTIONS, type AuditRow, recordAudit } from '../../src/features/audit/service';
import { LANGUAGES, type Locale, translatorFor } from '../../src/i18n';
import { validateSurface } from '../../src/slack/kit/limits';
import { uncataloguedText } from '../support/i18n';
import { LEAD, LEAD2, startTestApp, type TestApp } from '../support/test-app';

/** `/pmo audit` in every language, within Block Kit's limits, every action in words. */

const LOCALES: Locale[] = [...LANGUAGES, 'pseudo'];
const ACTIONS = Object.values(AUDIT_ACTIONS);

const rows = (n: number): AuditRow[] =>
  Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    actor: i % 4 === 3 ? 'ERASED-0123456789AB' : `U${String(i).padStart(10, '0')}`,
    action: ACTIONS[i % ACTIONS.length]!,
    target: i % 2 ? 'UTARGET12345' : null,
    subject: i % 3 ? 'x'.repeat(500) : null,
    detail: null,
    at: new Date(Date.UTC(2026, 11, 1, 9, i)),
  }));

describe.each(LOCALES)('the audit log in %s', (locale) => {
  const tr = translatorFor(locale);
  const check = (payload: unknown) => {
    expect(validateSurface('message', payload as never)).toEqual([]);
    if (locale === 'pseudo') expect(uncataloguedText(payload, ['x', 'ERASED-0123456789AB'])).toEqual([]);
  };

  it('the latest changes (every action), filtered, and empty', () => {
    check(renderAudit(tr, rows(50)));
    check(renderAudit(tr, rows(50), 'UPERSON1234'));
    check(renderAudit(tr, []));
    check(renderAudit(tr, [], 'UPERSON1234'));
  });

  it('names every action in words, and an unknown one as it was recorded', () => {
    const shown = JSON.stringify(renderAudit(tr, rows(ACTIONS.length)));
    for (const action of ACTIONS) expect(shown).not.toContain(action);
    const unknown = JSON.stringify(renderAudit(tr, [{ ...rows(1)[0]!, action: 'future.thing' }]));
    expect(unknown).toContain('future.thing');
  });
});

describe('through the app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      users: [
        { id: LEAD, name: 'Léa', locale: 'fr-FR' },
        { id: LEAD2, name: 'Lee', locale: 'en-US' },
      ],
    });
    await recordAudit(t.db, {
      actor: LEAD2,
      action: AUDIT_ACTIONS.catalogAdd,
      subject: 'service Portfolio review',
      at: t.clock.now(),
    });
  });
  afterAll(() => t.stop());

  it('a French lead reads the log in French, an English one in English', async () => {
    const fr = await t.slash(LEAD, 'audit');
    expect(String(fr.body.text)).toBe('Journal d’audit : les dernières modifications (1)');
    expect(JSON.stringify(fr.body.blocks)).toContain(
      `<@${LEAD2}> a ajouté un service — service Portfolio review`,
    );
    const en = await t.slash(LEAD2, 'audit');
    expect(String(en.body.text)).toBe('Audit log: the latest changes (1)');
    expect(JSON.stringify(en.body.blocks)).toContain(`<@${LEAD2}> added a service`);
    expect(String((await t.slash(LEAD, 'audit nobody')).body.text)).toContain('Nommez une personne');
  });
});
