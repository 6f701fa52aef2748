/** Block Kit's limits, in one place: the renderer reads them and the tests check every message against them. */
export const SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  /** The top-level `text` shown in notifications; Slack truncates past 40,000, we stay far below. */
  fallbackText: 3000,
} as const;
