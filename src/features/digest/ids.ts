/** Slack ids of the digest's blocks: action, callback and block ids, unique across the app by their prefix. */

export const DIGEST_IDS = {
  summaryBlock: 'digest_summary',
  flowBlock: 'digest_flow',
  valueBlock: 'digest_value',
  engagementBlock: 'digest_engagement',
  benefitsBlock: 'digest_benefits',
  libraryBlock: 'digest_library',
} as const;
