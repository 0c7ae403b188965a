// A valid professional signal for the intake API, with a person and three identifiers; overrides replace fields.
export const validSignal = (overrides: Record<string, unknown> = {}) => ({
  observedOn: '2026-02-27',
  forms: ['arbeidsuitbuiting'],
  indicators: ['AU-01'],
  narrative: 'Workers are brought to the greenhouse at 5 in the morning and collected at 22.',
  persons: [{ role: 'mogelijk-slachtoffer', approximateAge: 34, gender: 'man', nationality: 'ro' }],
  identifiers: [
    { type: 'phone', value: '06-12345678' },
    { type: 'iban', value: 'nl91 abna 0417 1643 00' },
    { type: 'licence-plate', value: '12-abc-3' },
  ],
  ...overrides,
});
