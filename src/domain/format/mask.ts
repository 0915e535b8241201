// Customer contacts shown in group chats: enough to recognise a buyer, not enough to contact them.

/** 'ivan.petrov@mail.ru' → 'iv***@mail.ru'; one visible character for very short names; no '@' → masked whole. */
export function maskEmail(email: string): string {
  const value = email.trim();
  if (value === '') return '';
  const at = value.lastIndexOf('@');
  const local = Array.from(at === -1 ? value : value.slice(0, at));
  const domain = at === -1 ? '' : value.slice(at);
  // Already masked (at most two characters, then ***): as it is.
  if (local.length <= 5 && local.slice(-3).join('') === '***') return `${local.join('')}${domain}`;
  const keep = local.length > 3 ? 2 : local.length > 1 ? 1 : 0;
  return `${local.slice(0, keep).join('')}***${domain}`;
}

/**
 * '+7 912 345-67-89' → '+7 *** ***-**-89': every digit becomes '*' except the last two and, when the
 * number starts with '+' and a separator follows, the country code. Separators keep their places so
 * the number still looks like itself; letters and other symbols are masked like digits. Short
 * numbers (4 digits or fewer) show no digits at all. A '*' counts as a masked digit, so that masking again
 * (a group's job data is stored masked, and the alert masks what it shows) changes nothing.
 */
export function maskPhone(phone: string): string {
  const chars = Array.from(phone.trim());
  if (chars.length === 0) return '';
  const slot = (c: string) => /[\d*]/.test(c);
  const digitCount = chars.filter(slot).length;
  const countryCode = /^\+\d{1,3}[\s(.-]/.exec(chars.join(''))?.[0].length ?? 0;
  let digitsSeen = 0;
  return chars
    .map((c, i) => {
      if (slot(c)) {
        digitsSeen++;
        const tail = digitCount > 4 && digitsSeen > digitCount - 2;
        return tail || (digitCount > 4 && i < countryCode) ? c : '*';
      }
      return /[\s()+.-]/.test(c) ? c : '*';
    })
    .join('');
}
