/** Discord's message limits, in one place: the renderer reads them, the tests check every message against them. */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** All titles, descriptions, field names and values, footers and authors of a message together. */
  total: 6000,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  customId: 100,
  buttonLabel: 80,
  /** Buttons in one action row. */
  buttonsPerRow: 5,
} as const;
