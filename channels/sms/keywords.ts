// The single-word messages carriers and Twilio treat as opt-out, opt-in and help requests. A
// message is a keyword only when it is that one word; so no dialog asks for a one-word reply
// that is one of these (options on SMS are answered by number).
//
// CANCEL, END and QUIT are not opt-outs here: a young person texts "cancel" about their meeting,
// or "end" to stop a chat, and is answered (the council removes them from Twilio's opt-out words,
// docs/deploy.md). Where Twilio still blocks them, the first reply it refuses records the opt-out.
export type Keyword = 'optOut' | 'optIn' | 'help';

const KEYWORDS: ReadonlyMap<string, Keyword> = new Map([
  ...['STOP', 'STOPALL', 'UNSUBSCRIBE'].map((word) => [word, 'optOut'] as const),
  ...['START', 'YES', 'UNSTOP'].map((word) => [word, 'optIn'] as const),
  ...['HELP', 'INFO'].map((word) => [word, 'help'] as const),
]);

export function keywordOf(body: string): Keyword | undefined {
  return KEYWORDS.get(body.trim().toUpperCase());
}
