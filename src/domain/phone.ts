// Phones as buyers type them, compared by their digits: "+7 (900) 123-45-67", "8 900 123 45 67" and
// "9001234567" are one Russian number. /buyer finds a buyer's e-mail by the phone on their orders.

// E.164 numbers have at most 15 digits; fewer than 10 is no full number anyone types for a buyer.
const MIN_DIGITS = 10;
const MAX_DIGITS = 15;

/**
 * The digits that identify a phone, Russian numbers always as 7XXXXXXXXXX (the trunk prefix 8 and a
 * missing country code are how people write them at home); null when it cannot be a full number.
 */
export function phoneKey(phone: string): string | null {
  const typed = phone.trim();
  const digits = typed.replace(/\D/g, '');
  if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) return null;
  if (typed.startsWith('+')) return digits;
  if (digits.length === 11 && /^[78]/.test(digits)) return `7${digits.slice(1)}`;
  // Ten digits starting with 9 is a Russian mobile written without its prefix.
  if (digits.length === 10 && digits.startsWith('9')) return `7${digits}`;
  return digits;
}

/** Does the text read as one phone number: digits with the usual separators, and enough of them? */
export function looksLikePhone(text: string): boolean {
  return /^\+?[\d\s().-]+$/.test(text.trim()) && phoneKey(text) !== null;
}

/** Do two phones as typed name the same number? */
export function samePhone(a: string, b: string): boolean {
  const key = phoneKey(a);
  return key !== null && key === phoneKey(b);
}
