/**
 * The bot scopes the install link asks for: the manifest's oauth_config.scopes.bot (a test keeps
 * the two the same). Written here because the built image does not ship manifest.yml.
 */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'chat:write.public',
  'users:read',
  'im:write',
  'mpim:write',
  'im:history',
  'channels:history',
  'groups:history',
  'canvases:write',
  'canvases:read',
  'pins:write',
  'reactions:read',
  'files:write',
] as const;
