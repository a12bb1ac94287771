const ID_NUMBER = /(?<![0-9])([1-9][0-9]{2})[0-9]{11}([0-9]{3}[0-9Xx])(?![0-9])/g;

/**
 * The conversation is kept in localStorage and may be read by the next person at a shared
 * computer: an 18-digit ID number the person typed is shown and kept as 310***********2347.
 * The full number only leaves in the request to the server.
 */
export function maskIdNumbers(text: string): string {
  return text.replace(ID_NUMBER, (_match, head: string, tail: string) => `${head}${'*'.repeat(11)}${tail}`);
}
