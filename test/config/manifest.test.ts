import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { REDIRECT_PATH } from '../../src/slack/installations/oauth-routes';
import { BOT_SCOPES } from '../../src/slack/installations/scopes';

/**
 * manifest.yml must validate against Slack's published schema. A copy (with its licence) lives
 * in test/fixtures, so the test needs nothing outside the repository and no network.
 */
const SCHEMA_DIR = path.resolve(__dirname, '../fixtures/slack-manifest-schema');
const ROOT = path.resolve(__dirname, '../..');

function loadValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  // The entry schema references the versioned files by their published URLs; register the
  // local copies under those URLs so validation needs no network.
  for (const version of ['1.0.0', '2.0.0']) {
    const schema = JSON.parse(
      fs.readFileSync(path.join(SCHEMA_DIR, `manifest.schema.${version}.json`), 'utf8'),
    );
    delete schema.$schema;
    ajv.addSchema(
      schema,
      `https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/manifest.schema.${version}.json`,
    );
  }
  const entry = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, 'manifest.schema.json'), 'utf8'));
  delete entry.$schema;
  return ajv.compile(entry);
}

describe('manifest.yml', () => {
  const manifest = parse(fs.readFileSync(path.join(ROOT, 'manifest.yml'), 'utf8'));
  const validate = loadValidator();

  it("validates against Slack's manifest schema", () => {
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the validator rejects a broken manifest (so the check above can fail)', () => {
    const broken = structuredClone(manifest);
    broken.display_information.name = 'x'.repeat(40);
    expect(validate(broken)).toBe(false);
  });

  it('declares /pmo with a usage hint, interactivity, the Home tab and app_home_opened', () => {
    const pmo = manifest.features.slash_commands.find((c: { command: string }) => c.command === '/pmo');
    expect(pmo.usage_hint).toMatch(/request/);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toContain('app_home_opened');
    expect(manifest.settings).toHaveProperty('socket_mode_enabled');
  });

  it('declares the shortcuts, the workflow step and what custom steps need', () => {
    const shortcuts = manifest.features.shortcuts.map((s: { type: string; callback_id: string }) => [
      s.type,
      s.callback_id,
    ]);
    expect(shortcuts).toEqual([
      ['message', 'pmo_ask_about_message'],
      ['global', 'pmo_new_request'],
      ['global', 'pmo_library'],
    ]);
    const step = manifest.functions.create_pmo_request;
    expect(step.input_parameters.properties.needed_by.type).toBe('slack#/types/date');
    expect(step.input_parameters.properties.requester.type).toBe('slack#/types/user_id');
    expect(step.input_parameters.required).toEqual(['requester', 'service', 'need', 'expected_value']);
    expect(Object.keys(step.output_parameters.properties)).toEqual(['reference']);
    expect(manifest.settings).toMatchObject({ org_deploy_enabled: true, function_runtime: 'remote' });
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['reaction_added', 'function_executed']),
    );
    // The schema checks the step too: without a title it is refused.
    const broken = structuredClone(manifest);
    delete broken.functions.create_pmo_request.title;
    expect(validate(broken)).toBe(false);
  });

  it('is ready for OAuth and org-wide installs: the redirect URL, org deploy, rotation off by default', () => {
    expect(manifest.oauth_config.redirect_urls).toEqual([`https://pmo.example.com${REDIRECT_PATH}`]);
    expect(manifest.settings).toMatchObject({ org_deploy_enabled: true, token_rotation_enabled: false });
  });

  it('the install link asks for the manifest’s bot scopes', () => {
    expect([...BOT_SCOPES].sort()).toEqual([...(manifest.oauth_config.scopes.bot as string[])].sort());
  });

  it('asks only for scopes whose Web API methods the code calls', () => {
    // Table types mention every column; only code that runs counts. The sandbox's stand-in for
    // Slack (src/sandbox) implements those methods, it does not call them: it does not count.
    const src = readAll(path.join(ROOT, 'src'), ['sandbox']).replace(
      /export interface \w+Table \{[^}]*\}/g,
      '',
    );
    const needs: Record<string, RegExp> = {
      commands: /app\.command\(/,
      'chat:write': /chat\.postMessage|chat\.update/,
      'chat:write.public': /announce_channel/,
      'users:read': /users\.info/,
      'im:write': /conversations\.open/,
      'mpim:write': /conversations\.open/,
      'im:history': /conversations\.history/,
      'channels:history': /conversations\.history/,
      'groups:history': /conversations\.history/,
      'reactions:read': /'reaction_added'/,
      'files:write': /completeUploadExternal/,
      'canvases:write': /canvases\.create|canvases\.edit/,
      'canvases:read': /canvases\.sections\.lookup/,
      'pins:write': /pins\.add/,
    };
    for (const scope of manifest.oauth_config.scopes.bot as string[]) {
      expect([scope, needs[scope]?.test(src) ?? false]).toEqual([scope, true]);
    }
  });
});

function readAll(dir: string, skipDirs: string[] = []): string {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => !(e.isDirectory() && skipDirs.includes(e.name)))
    .map((e) =>
      e.isDirectory() ? readAll(path.join(dir, e.name)) : fs.readFileSync(path.join(dir, e.name), 'utf8'),
    )
    .join('\n');
}
