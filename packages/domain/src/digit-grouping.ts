// Shared by money formatting and error messages so both group digits the same way.
export function groupDigits(digits: string, separator: string): string {
  const head = digits.length % 3 || 3;
  let grouped = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) {
    grouped += separator + digits.slice(i, i + 3);
  }
  return grouped;
}
