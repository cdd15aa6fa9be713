// The fake Slack lives in sandbox/slack-stand-in.ts, as the sandbox runs it too; tests know it by
// this name.
export {
  BOT_USER_ID,
  type FakeCanvas,
  type FakeEphemeral,
  type FakeFile,
  type FakeMessage,
  type FakeUser,
  type FakeView,
  type RecordedCall,
  type ResponseContext,
  SlackStandIn as FakeSlack,
} from '../../sandbox/slack-stand-in';
