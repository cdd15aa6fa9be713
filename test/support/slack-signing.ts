// Signing lives in src/sandbox/slack-signing.ts because the sandbox signs its requests too.
export { signedHeaders } from '../../sandbox/slack-signing';
