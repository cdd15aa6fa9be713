// The fake Slack moved to src/sandbox/slack-stand-in.ts because the sandbox runs it too; the
// tests keep their names.
export {
  BOT_USER_ID,
  type FakeEphemeral,
  type FakeFile,
  type FakeMessage,
  type FakeUser,
  type FakeView,
  type RecordedCall,
  type ResponseContext,
  SlackStandIn as FakeSlack,
} from '../../sandbox/slack-stand-in';
