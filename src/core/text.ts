/**
 * Remote text (titles, subjects, names) shown on a terminal: control
 * characters (escape sequences included) become spaces and a long text is
 * cut, so a hostile value can neither move the cursor nor flood the screen.
 * The stored value and --json keep the text as it came.
 */
export function plainLine(text: string, max = 160): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
