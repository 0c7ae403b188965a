import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  DUTCH_SIDECODES,
  IDENTIFIER_TYPES,
  normaliseIdentifier,
  type IdentifierType,
  type Normalised,
} from './identifiers.js';

function valid(type: IdentifierType, raw: string): { value: string; display: string } {
  const result = normaliseIdentifier(type, raw);
  assert.ok(result.ok, `${type} ${JSON.stringify(raw)} should be valid, got ${JSON.stringify(result)}`);
  return { value: result.value, display: result.display };
}

function refused(type: IdentifierType, raw: string): string {
  const result = normaliseIdentifier(type, raw);
  assert.ok(!result.ok, `${type} ${JSON.stringify(raw)} should be refused, got ${JSON.stringify(result)}`);
  assert.match(result.rule, /^[a-z]+(?:-[a-z]+)*$/, 'the rule is kebab-case');
  assert.match(result.message, /^[A-Z0-9].*\.$/, 'the message is a sentence');
  return result.rule;
}

function sameValue(type: IdentifierType, spellings: string[], value: string, display?: string): void {
  for (const spelling of spellings) {
    const result = valid(type, spelling);
    assert.equal(result.value, value, `${type} ${JSON.stringify(spelling)}`);
    if (display !== undefined) assert.equal(result.display, display, `${type} ${JSON.stringify(spelling)}`);
  }
}

// ---- any type -------------------------------------------------------------------------------------------------

test('every type refuses an empty or blank value as empty', () => {
  for (const type of IDENTIFIER_TYPES) {
    assert.equal(refused(type, ''), 'empty');
    assert.equal(refused(type, ' \t\n '), 'empty');
  }
});

test('every type refuses more than 300 characters as too-long, URLs more than 2048', () => {
  for (const type of IDENTIFIER_TYPES) {
    if (type !== 'url') assert.equal(refused(type, '1'.repeat(301)), 'too-long');
  }
  const base = 'https://example.com/';
  assert.equal(refused('url', base + 'a'.repeat(2049 - base.length)), 'too-long');
  assert.equal(valid('url', base + 'a'.repeat(2048 - base.length)).value.length, 2048);
});

test('surrounding whitespace is trimmed before anything else', () => {
  assert.equal(valid('kvk', '  12345678 \n').value, '12345678');
  assert.equal(valid('email', '\tjan@example.nl  ').value, 'jan@example.nl');
});

// ---- phone -------------------------------------------------------------------------------------------------

test('phone: Dutch spellings of one mobile number give one E.164 value', () => {
  sameValue(
    'phone',
    [
      '06-12345678',
      '0612345678',
      '06 1234 5678',
      '+31 6 1234 5678',
      '0031612345678',
      '+31612345678',
      '+31 (0)6 12345678',
    ],
    '+31612345678',
    '+31 6 12345678',
  );
});

test('phone: landlines and foreign numbers are valid in international format', () => {
  sameValue('phone', ['020-1234567', '+31 20 123 4567'], '+31201234567', '+31 20 123 4567');
  sameValue('phone', ['+32 470 12 34 56', '0032470123456'], '+32470123456', '+32 470 12 34 56');
  sameValue('phone', ['+49 1511 2345678'], '+4915112345678');
});

test('phone: numbers that are too short, too long or not numbers are refused', () => {
  for (const raw of ['06-1234567', '06-123456789', '112', 'bel me', '06-1234567a', 'bel 0612345678 na zes']) {
    assert.equal(refused('phone', raw), 'phone-invalid', raw);
  }
});

// ---- address -----------------------------------------------------------------------------------------------

test('address: spellings of postcode and house number give one value', () => {
  sameValue('address', ['1234 ab 12', '1234AB 12', '1234AB,12', ' 1234 AB , 12 '], '1234AB 12', '1234AB 12');
  sameValue(
    'address',
    ['1234AB, 12-a', '1234AB 12 A', '1234ab12a', '1234 AB 12-A', '1234AB 12/a'],
    '1234AB 12-A',
    '1234AB 12-A',
  );
  assert.equal(valid('address', '9999 ZZ 99999 bis').value, '9999ZZ 99999-BIS');
  assert.equal(valid('address', '1011AB 1 2').value, '1011AB 1-2');
  assert.equal(valid('address', '1011AB 007').value, '1011AB 7');
});

test('address: a postcode that starts with 0, has SA, SD or SS, or is malformed is refused', () => {
  for (const raw of [
    '0123 AB 12',
    '1234 SA 1',
    '1234 SD 1',
    '1234 ss 1',
    '123 AB 12',
    '12345 AB 12',
    '1234 A 12',
  ]) {
    assert.equal(refused('address', raw), 'postcode-invalid', raw);
  }
  assert.equal(refused('address', '1234 ABC 12'), 'postcode-invalid');
  assert.equal(refused('address', 'Kerkstraat 12, 1234 AB'), 'postcode-invalid');
});

test('address: the house number must be there and lie between 1 and 99999', () => {
  assert.equal(refused('address', '1234 AB'), 'house-number-missing');
  assert.equal(refused('address', '1234 AB Kerkstraat 12'), 'house-number-missing');
  assert.equal(refused('address', '1234 AB 0'), 'house-number-invalid');
  assert.equal(refused('address', '1234 AB 100000'), 'house-number-invalid');
});

test('address: an addition has at most four letters or digits', () => {
  assert.equal(valid('address', '1234 AB 12 ABCD').value, '1234AB 12-ABCD');
  assert.equal(refused('address', '1234 AB 12 ABCDE'), 'house-number-addition-invalid');
  assert.equal(refused('address', '1234 AB 12 A B'), 'house-number-addition-invalid');
  assert.equal(refused('address', '1234 AB 12 #3'), 'house-number-addition-invalid');
});

// ---- KvK -----------------------------------------------------------------------------------------------------

test('kvk: eight digits, with or without spaces and dots, give one value', () => {
  sameValue('kvk', ['12345678', '1234 5678', '12.34.56.78', '12 34 56 78'], '12345678', '12345678');
  assert.equal(valid('kvk', '01234567').value, '01234567');
});

test('kvk: anything but eight digits is refused', () => {
  for (const raw of ['1234567', '123456789', '1234567a', 'KvK 12345678', '1234-5678']) {
    assert.equal(refused('kvk', raw), 'kvk-invalid', raw);
  }
});

// ---- licence plate ---------------------------------------------------------------------------------------

test('licence plate: every Dutch sidecode 1-14 is recognised with or without separators, in any case', () => {
  assert.equal(DUTCH_SIDECODES.length, 14);
  let letter = 0;
  let digit = 0;
  for (const sidecode of DUTCH_SIDECODES) {
    const display = [...sidecode]
      .map((c) => (c === 'X' ? 'BDFGHJ'[letter++ % 6]! : c === '9' ? String(++digit % 10) : '-'))
      .join('');
    const value = display.replace(/-/g, '');
    sameValue(
      'licence-plate',
      [display, value, value.toLowerCase(), display.replace(/-/g, ' '), ` ${display.toLowerCase()} `],
      value,
      display,
    );
  }
});

test('licence plate: known plates of several sidecodes', () => {
  sameValue('licence-plate', ['AB-12-34', 'ab1234'], 'AB1234', 'AB-12-34');
  sameValue('licence-plate', ['12-BDF-3', '12bdf3', '12 BDF 3'], '12BDF3', '12-BDF-3');
  sameValue('licence-plate', ['GHJ-12-K', 'ghj12k'], 'GHJ12K', 'GHJ-12-K');
  sameValue('licence-plate', ['NL:12-BDF-3', 'nl: 12bdf3'], '12BDF3', '12-BDF-3');
});

test('licence plate: six characters in no sidecode, or the wrong length, are refused', () => {
  for (const raw of ['ABCDEF', '123456', 'A1B2C3', 'AB-12-345', 'AB-12-3', 'AB_12_34', 'NL:ABCDEF']) {
    assert.equal(refused('licence-plate', raw), 'licence-plate-invalid', raw);
  }
});

test('licence plate: a foreign plate carries its ISO country code', () => {
  sameValue('licence-plate', ['PL:WA12345', 'pl: wa 12345', 'PL : WA-123-45'], 'PL:WA12345', 'PL:WA12345');
  sameValue('licence-plate', ['DE:B-AB 1234', 'de:bab1234'], 'DE:BAB1234');
  assert.equal(valid('licence-plate', 'DE:LÖ-AB 12').value, 'DE:LÖAB12');
  assert.equal(valid('licence-plate', 'BE:1-ABC-123').value, 'BE:1ABC123');
  // Cyrillic letters that look Latin are read as Latin, so both keyboards link.
  assert.equal(valid('licence-plate', 'UA:АА1234ВС').value, 'UA:AA1234BC');
  assert.equal(refused('licence-plate', 'XX:AB123'), 'licence-plate-country-invalid');
  assert.equal(refused('licence-plate', 'UK:AB12CDE'), 'licence-plate-country-invalid');
  assert.equal(refused('licence-plate', 'PL:'), 'licence-plate-invalid');
  assert.equal(refused('licence-plate', 'PL:ABCDE123456'), 'licence-plate-invalid');
  assert.equal(refused('licence-plate', 'PL:WA#12345'), 'licence-plate-invalid');
});

// ---- IBAN ----------------------------------------------------------------------------------------------------

test('iban: spellings give the electronic format, shown in groups of four', () => {
  sameValue(
    'iban',
    ['NL91ABNA0417164300', 'nl91 abna 0417 1643 00', 'NL91-ABNA-0417-1643-00'],
    'NL91ABNA0417164300',
    'NL91 ABNA 0417 1643 00',
  );
  sameValue('iban', ['DE89 3704 0044 0532 0130 00'], 'DE89370400440532013000', 'DE89 3704 0044 0532 0130 00');
  sameValue('iban', ['BE68 5390 0754 7034'], 'BE68539007547034');
});

test('iban: a wrong check digit, country or length is refused', () => {
  for (const raw of ['NL92ABNA0417164300', 'NL91ABNA041716430', 'XX91ABNA0417164300', '0417164300']) {
    assert.equal(refused('iban', raw), 'iban-invalid', raw);
  }
});

// ---- e-mail ----------------------------------------------------------------------------------------------

test('email: the address is lowercased', () => {
  sameValue(
    'email',
    ['Jan.Jansen@Example.NL', 'jan.jansen@example.nl', ' JAN.JANSEN@EXAMPLE.NL '],
    'jan.jansen@example.nl',
  );
  assert.equal(
    valid('email', "o'brien+tag@mail.sub.example.co.uk").value,
    "o'brien+tag@mail.sub.example.co.uk",
  );
});

test('email: addresses without one @, a dotted domain or with spaces are refused', () => {
  const local = 'a'.repeat(64);
  const longDomain = `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.nl`;
  for (const raw of [
    'jan',
    'jan@',
    '@example.nl',
    'jan@example',
    'jan@@example.nl',
    'jan@ex@ample.nl',
    'jan jansen@example.nl',
    'jan@exa mple.nl',
    'jan..jansen@example.nl',
    '.jan@example.nl',
    'jan@-example.nl',
    'jan@example..nl',
    'jan@example.n1',
    `${local}a@example.nl`,
    `${local}@${longDomain}`,
  ]) {
    assert.equal(refused('email', raw), 'email-invalid', raw);
  }
});

// ---- URL -------------------------------------------------------------------------------------------------------

test('url: scheme and host are lowercased, default port, fragment and an empty path slash are dropped', () => {
  sameValue(
    'url',
    ['HTTPS://Example.COM', 'https://example.com/', 'https://EXAMPLE.com:443/#top', 'https://example.com#x'],
    'https://example.com',
    'https://example.com',
  );
  sameValue('url', ['http://Example.com:80/Ads/123?Id=AbC#p2'], 'http://example.com/Ads/123?Id=AbC');
  sameValue('url', ['http://example.com:8080/a/'], 'http://example.com:8080/a/');
  sameValue('url', ['https://example.com/?q=1', 'https://example.com?q=1'], 'https://example.com?q=1');
});

test('url: other schemes, no host, credentials and bare domains are refused', () => {
  for (const raw of [
    'ftp://example.com/file',
    'mailto:jan@example.nl',
    'javascript:alert(1)',
    'www.example.com',
    'https://',
    'https://exa mple.com',
    'https://user:secret@example.com/',
  ]) {
    assert.equal(refused('url', raw), 'url-invalid', raw);
  }
});

// ---- properties ------------------------------------------------------------------------------------------------

/** Normalising the value again gives the same value; normalising the display gives that value too. */
function stable(type: IdentifierType, raw: string): Normalised {
  const first = normaliseIdentifier(type, raw);
  if (first.ok) {
    const again = normaliseIdentifier(type, first.value);
    assert.deepEqual(again.ok && again.value, first.value, `${type} ${JSON.stringify(raw)}: value`);
    const fromDisplay = normaliseIdentifier(type, first.display);
    assert.deepEqual(
      fromDisplay.ok && fromDisplay.value,
      first.value,
      `${type} ${JSON.stringify(raw)}: display`,
    );
  }
  return first;
}

const separator = fc.constantFrom('', '', ' ', '-');
const withSeparators = (parts: string[]) =>
  fc
    .array(separator, { minLength: parts.length, maxLength: parts.length })
    .map((seps) => parts.map((part, i) => (i === 0 ? part : seps[i] + part)).join(''));
const randomCase = (s: string) =>
  fc
    .array(fc.boolean(), { minLength: s.length, maxLength: s.length })
    .map((upper) => [...s].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''));
const digit = fc.constantFrom(...'0123456789');
const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');

const phones = fc
  .tuple(
    fc.constantFrom('06', '+31 6', '0031 6', '+316'),
    fc.constantFrom(...'12345'),
    fc.array(digit, { minLength: 7, maxLength: 7 }),
  )
  .chain(([prefix, first, rest]) =>
    withSeparators([prefix, first + rest.slice(0, 3).join(''), rest.slice(3).join('')]),
  );

const addresses = fc
  .tuple(
    fc.integer({ min: 1000, max: 9999 }),
    letter,
    letter,
    fc.integer({ min: 0, max: 120_000 }),
    fc.option(fc.stringMatching(/^[a-zA-Z0-9]{1,5}$/)),
    fc.constantFrom('', ' ', ', ', ','),
  )
  .map(([pc, a, b, nr, add, sep]) => `${pc} ${a}${b}${sep}${nr}${add === null ? '' : ` ${add}`}`);

const kvks = fc
  .array(digit, { minLength: 7, maxLength: 9 })
  .chain((digits) => withSeparators(digits).map((s) => s.replace(/-/g, '.')));

const dutchPlates = fc
  .constantFrom(...DUTCH_SIDECODES)
  .chain((sidecode) =>
    fc
      .tuple(...[...sidecode.replace(/-/g, '')].map((c) => (c === 'X' ? letter : digit)))
      .chain((chars) => withSeparators(chars).chain(randomCase)),
  );

const foreignPlates = fc
  .tuple(
    fc.constantFrom('DE', 'pl', 'Be', 'RO', 'XX', 'NL', 'UA'),
    fc.stringMatching(/^[a-zA-Z0-9 \-АВЕКМНОРСТУХ]{0,12}$/),
  )
  .map(([country, plate]) => `${country}:${plate}`);

function checkedIban(bank: string, account: string): string {
  const numeric = [...`${bank}${account}NL00`]
    .map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c))
    .join('');
  const check = 98 - Number(BigInt(numeric) % 97n);
  return `NL${String(check).padStart(2, '0')}${bank}${account}`;
}

const ibans = fc
  .tuple(fc.array(letter, { minLength: 4, maxLength: 4 }), fc.array(digit, { minLength: 10, maxLength: 10 }))
  .map(([bank, account]) => checkedIban(bank.join(''), account.join('')))
  .chain((iban) => fc.constantFrom(iban, iban.toLowerCase(), iban.replace(/(.{4})/g, '$1 ')));

const urls = fc
  .webUrl({ withQueryParameters: true, withFragments: true })
  .chain((url) => fc.constantFrom(url, url.toUpperCase(), url.replace('://', '://WWW.')));

const byType: Record<IdentifierType, fc.Arbitrary<string>> = {
  phone: phones,
  address: addresses,
  kvk: kvks,
  'licence-plate': fc.oneof(dutchPlates, foreignPlates),
  iban: ibans,
  email: fc.emailAddress().chain(randomCase),
  url: urls,
};

test('property: normalising a normalised value (or its display form) gives the same value, for every type', () => {
  for (const type of IDENTIFIER_TYPES) {
    fc.assert(
      fc.property(byType[type], (raw) => {
        stable(type, raw);
      }),
      { numRuns: 300 },
    );
  }
});

test('property: generated Dutch plates, checked IBANs and 8-digit KvK numbers are all accepted', () => {
  fc.assert(fc.property(dutchPlates, (raw) => normaliseIdentifier('licence-plate', raw).ok));
  fc.assert(fc.property(ibans, (raw) => normaliseIdentifier('iban', raw).ok));
  fc.assert(
    fc.property(
      fc.array(digit, { minLength: 8, maxLength: 8 }),
      (digits) => normaliseIdentifier('kvk', digits.join(' ')).ok,
    ),
  );
});

test('property: any string is either a stable value or a refusal with a rule and a message', () => {
  fc.assert(
    fc.property(fc.constantFrom(...IDENTIFIER_TYPES), fc.string({ maxLength: 40 }), (type, raw) => {
      const result = stable(type, raw);
      if (!result.ok) assert.ok(result.rule.length > 0 && result.message.length > 0);
    }),
    { numRuns: 2000 },
  );
});
