/**
 * Describes why JSON.parse failed without quoting the input: V8's messages include a snippet of
 * the text ("Unexpected token 'a', "my seed is…" is not valid JSON"), and that text may be a secret.
 */
export function describeJsonError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const position = message.match(/at position (\d+)/)?.[1];
  const where = position === undefined ? '' : ` at position ${position}`;
  if (/Unexpected end of JSON input|Unterminated string/i.test(message)) return `the JSON ends too early${where}`;
  if (/Bad control character/i.test(message)) return `a control character inside a string${where}`;
  if (/Expected property name/i.test(message)) return `a property name was expected${where}`;
  if (/Expected ',' or '[}\]]'/i.test(message)) return `a comma or closing bracket was expected${where}`;
  if (/Unexpected non-whitespace character after JSON/i.test(message)) return `extra text after the JSON value${where}`;
  return `unexpected character${where}`;
}
