// Identifiers that let signals be linked: one canonical `value` per identifier, whatever the spelling.
// Pure: no I/O. Phone numbers and IBANs are checked by libphonenumber-js and ibantools, not by home-made rules.
import { electronicFormatIBAN, friendlyFormatIBAN, isValidIBAN } from 'ibantools';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export const IDENTIFIER_TYPES = ['phone', 'address', 'kvk', 'licence-plate', 'iban', 'email', 'url'] as const;
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];
export type Normalised =
  { ok: true; value: string; display: string } | { ok: false; rule: string; message: string };

const MAX_LENGTH = 300;
const MAX_URL_LENGTH = 2048;

function ok(value: string, display: string = value): Normalised {
  return { ok: true, value, display };
}

function fail(rule: string, message: string): Normalised {
  return { ok: false, rule, message };
}

/** The canonical value (for linking) and the display form of an identifier, or the rule it breaks. */
export function normaliseIdentifier(type: IdentifierType, raw: string): Normalised {
  const input = raw.trim();
  if (input === '') return fail('empty', 'The value is empty; enter an identifier.');
  const max = type === 'url' ? MAX_URL_LENGTH : MAX_LENGTH;
  if (input.length > max) return fail('too-long', `The value is longer than ${max} characters.`);
  switch (type) {
    case 'phone':
      return phone(input);
    case 'address':
      return address(input);
    case 'kvk':
      return kvk(input);
    case 'licence-plate':
      return licencePlate(input);
    case 'iban':
      return iban(input);
    case 'email':
      return email(input);
    case 'url':
      return url(input);
  }
}

// ---- phone -------------------------------------------------------------------------------------------------

// Only what people type around a number; libphonenumber-js would otherwise pick a number out of any text.
const PHONE_CHARACTERS = /^\+?[0-9 ().\-/]+$/;

function phone(input: string): Normalised {
  const message =
    'This is not a valid phone number. Give a Dutch number such as 06-12345678 or 020-1234567, ' +
    'or an international number with its country code, such as +32 470 12 34 56.';
  if (!PHONE_CHARACTERS.test(input)) return fail('phone-invalid', message);
  const parsed = parsePhoneNumberFromString(input, 'NL');
  if (!parsed?.isValid()) return fail('phone-invalid', message);
  return ok(parsed.number, parsed.formatInternational());
}

// ---- address: postcode + house number (+ addition) ---------------------------------------------------------

const ADDRESS_EXAMPLE = 'such as 1234 AB 12 or 1234 AB 12-A';

function address(input: string): Normalised {
  const upper = input.toUpperCase();
  const postcode = /^([0-9]{4}) ?([A-Z]{2})(?![A-Z])/.exec(upper);
  if (!postcode || postcode[1]!.startsWith('0') || ['SA', 'SD', 'SS'].includes(postcode[2]!)) {
    return fail(
      'postcode-invalid',
      `The address must start with a Dutch postcode: four digits (not starting with 0) and two letters ` +
        `(not SA, SD or SS), followed by the house number, ${ADDRESS_EXAMPLE}.`,
    );
  }
  const code = `${postcode[1]}${postcode[2]}`;
  const rest = upper.slice(postcode[0].length).replace(/^[\s,]+/, '');
  if (!/^[0-9]/.test(rest)) {
    return fail(
      'house-number-missing',
      `The house number is missing after the postcode; give postcode and house number, ${ADDRESS_EXAMPLE}.`,
    );
  }
  const parts = /^([0-9]+)(?:[\s\-/]*([A-Z0-9]+))?$/.exec(rest);
  if (!parts) {
    return fail(
      'house-number-addition-invalid',
      `After the house number only an addition of up to 4 letters or digits may follow, ${ADDRESS_EXAMPLE}.`,
    );
  }
  const number = Number(parts[1]);
  if (number < 1 || number > 99_999) {
    return fail('house-number-invalid', `The house number must be between 1 and 99999, ${ADDRESS_EXAMPLE}.`);
  }
  const addition = parts[2];
  if (addition !== undefined && addition.length > 4) {
    return fail(
      'house-number-addition-invalid',
      `The addition to the house number has at most 4 letters or digits, ${ADDRESS_EXAMPLE}.`,
    );
  }
  return ok(addition === undefined ? `${code} ${number}` : `${code} ${number}-${addition}`);
}

// ---- KvK number ----------------------------------------------------------------------------------------------

function kvk(input: string): Normalised {
  const digits = input.replace(/[\s.]/g, '');
  if (!/^[0-9]{8}$/.test(digits)) {
    return fail('kvk-invalid', 'A KvK number has exactly 8 digits, such as 12345678 or 1234 5678.');
  }
  return ok(digits);
}

// ---- licence plate ---------------------------------------------------------------------------------------

/**
 * The Dutch sidecodes 1–14 (RDW): X is a letter, 9 a digit. Without separators every plate has six characters
 * and each sidecode a different pattern of letters and digits, so the sidecode (and with it the dashes) follows
 * from the characters alone.
 */
export const DUTCH_SIDECODES = [
  'XX-99-99',
  '99-99-XX',
  '99-XX-99',
  'XX-99-XX',
  'XX-XX-99',
  '99-XX-XX',
  '99-XXX-9',
  '9-XXX-99',
  'XX-999-X',
  'X-999-XX',
  'XXX-99-X',
  'X-99-XXX',
  '9-XX-999',
  '999-XX-9',
] as const;

const SIDECODE_BY_SHAPE = new Map(DUTCH_SIDECODES.map((code) => [code.replace(/-/g, ''), code]));

// ISO 3166-1 alpha-2, officially assigned codes.
const ISO_COUNTRIES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW ' +
    'BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ ' +
    'FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ ' +
    'IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH ' +
    'MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL ' +
    'PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD ' +
    'TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

// Cyrillic plates (Russia, Ukraine, Bulgaria, …) use only letters that look like Latin ones; read them as Latin
// so that a plate typed on either keyboard links.
const CYRILLIC_TO_LATIN: Record<string, string> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
};

const PLATE_SEPARATORS = /[\s\-.·]/g;

function licencePlate(input: string): Normalised {
  const upper = input.toUpperCase();
  const prefixed = /^([A-Z]{2})\s*:\s*(.*)$/.exec(upper);
  if (prefixed && prefixed[1] !== 'NL') return foreignPlate(prefixed[1]!, prefixed[2]!);
  const plate = (prefixed ? prefixed[2]! : upper).replace(PLATE_SEPARATORS, '');
  const message =
    'This is not a Dutch licence plate: it has six letters and digits in one of the RDW sidecodes, ' +
    'such as AB-12-34, 12-ABC-3 or GHJ-12-K. Give a foreign plate with its country code, such as DE:B AB 1234.';
  if (!/^[A-Z0-9]{6}$/.test(plate)) return fail('licence-plate-invalid', message);
  const shape = plate.replace(/[A-Z]/g, 'X').replace(/[0-9]/g, '9');
  const sidecode = SIDECODE_BY_SHAPE.get(shape);
  if (!sidecode) return fail('licence-plate-invalid', message);
  let display = '';
  let i = 0;
  for (const c of sidecode) display += c === '-' ? '-' : plate[i++];
  return ok(plate, display);
}

function foreignPlate(country: string, rest: string): Normalised {
  if (!ISO_COUNTRIES.has(country)) {
    return fail(
      'licence-plate-country-invalid',
      `${country} is not an ISO 3166 country code; start a foreign plate with a code such as DE:, BE:, PL: or GB:.`,
    );
  }
  const plate = [...rest.replace(PLATE_SEPARATORS, '')].map((c) => CYRILLIC_TO_LATIN[c] ?? c).join('');
  if (!/^[A-Z0-9ÄÖÜ]{1,10}$/.test(plate)) {
    return fail(
      'licence-plate-invalid',
      'After the country code a foreign plate has 1 to 10 letters and digits, such as PL:WA 12345 or DE:B-AB 1234.',
    );
  }
  return ok(`${country}:${plate}`);
}

// ---- IBAN --------------------------------------------------------------------------------------------------

function iban(input: string): Normalised {
  const electronic = electronicFormatIBAN(input);
  if (!electronic || !isValidIBAN(electronic)) {
    return fail(
      'iban-invalid',
      'This is not a valid IBAN (country code, check digits and account number), such as NL91 ABNA 0417 1643 00.',
    );
  }
  return ok(electronic, friendlyFormatIBAN(electronic) ?? electronic);
}

// ---- e-mail ----------------------------------------------------------------------------------------------

const EMAIL_LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function email(input: string): Normalised {
  const lower = input.toLowerCase();
  const invalid = fail(
    'email-invalid',
    'This is not a valid e-mail address: one @, no spaces, a domain with a dot, such as naam@voorbeeld.nl.',
  );
  if (lower.length > 254) return invalid;
  const at = lower.split('@');
  if (at.length !== 2) return invalid;
  const [local, domain] = at as [string, string];
  if (local.length > 64 || !EMAIL_LOCAL.test(local)) return invalid;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return invalid;
  if (!/^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(labels[labels.length - 1]!)) return invalid;
  return ok(lower);
}

// ---- URL -----------------------------------------------------------------------------------------------------

function url(input: string): Normalised {
  const message =
    'This is not a valid web address: it starts with http:// or https:// and names a host, ' +
    'such as https://www.voorbeeld.nl/advertentie/123.';
  let parsed: URL;
  try {
    parsed = new URL(input);
  } catch {
    return fail('url-invalid', message);
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.hostname === '') {
    return fail('url-invalid', message);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return fail('url-invalid', 'Give the web address without a user name or password in it.');
  }
  // WHATWG URL already lowercases scheme and host, drops the default port and normalises the path's encoding.
  const path = parsed.pathname === '/' ? '' : parsed.pathname;
  const value = `${parsed.protocol}//${parsed.host}${path}${parsed.search}`;
  if (value.length > MAX_URL_LENGTH)
    return fail('too-long', `The value is longer than ${MAX_URL_LENGTH} characters.`);
  return ok(value);
}
