// What the signal pages share: form values and errors, urgency badges, deadlines, people, messages.
import { Paragraph } from '../../web/components.js';
import { formatDateTime } from '../../web/i18n.js';
import type { PageContext } from '../../web/layout.js';
import type { SignalSummary, SignalView } from '../views.js';

export type Errors = Record<string, string | undefined>;
export type Values = Record<string, string | string[] | undefined>;

export const one = (values: Values, name: string) => {
  const v = values[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};
export const many = (values: Values, name: string) => {
  const v = values[name];
  return Array.isArray(v) ? v : v ? [v] : [];
};

/** How many people and identifiers the page offers; the API takes up to the full limits. */
export const PAGE_PERSONS = 3;
export const PAGE_IDENTIFIERS = 5;

export function Badges({
  page,
  s,
}: {
  page: PageContext;
  s: Pick<SignalSummary, 'acute' | 'minors' | 'overdue' | 'reviewDue'>;
}) {
  const { t } = page;
  return (
    <>
      {s.acute && <span class="app-badge app-badge--alert">{t('sig.badge.acute')}</span>}{' '}
      {s.minors && <span class="app-badge app-badge--alert">{t('sig.badge.minors')}</span>}{' '}
      {s.overdue && <strong class="app-overdue">{t('sig.badge.overdue')}</strong>}{' '}
      {s.reviewDue && <strong class="app-overdue">{t('sig.badge.reviewDue')}</strong>}
    </>
  );
}

// Made once: building an Intl.DateTimeFormat costs far more than formatting with one (a queue page formats 500).
const AMSTERDAM_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const DAY: Record<PageContext['lang'], Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/Amsterdam' }),
};

/** A deadline at an Amsterdam midnight is the end of the day before ("t/m 30 nov 2026"); an acute one has a time. */
export function formatDeadline(page: PageContext, iso: string): string {
  const at = new Date(iso);
  if (AMSTERDAM_TIME.format(at) !== '00:00') return formatDateTime(page.lang, at);
  return page.t('sig.deadline.endOf', { day: DAY[page.lang].format(new Date(at.getTime() - 60_000)) });
}

export const formList = (page: PageContext, forms: string[]) =>
  forms.map((f) => page.t(`sig.form.${f}`)).join(', ');

export const personText = (page: PageContext, p: SignalView['persons'][number]) =>
  [
    page.t(`sig.role.${p.role}`),
    p.approximateAge !== null ? page.t('sig.person.ageN', { age: p.approximateAge }) : '',
    p.gender ? page.t(`sig.gender.${p.gender}`) : '',
    p.nationality ?? '',
    p.description ?? '',
  ]
    .filter(Boolean)
    .join(' · ');

export function Messages({
  page,
  messages,
}: {
  page: PageContext;
  messages: { at: string; author: string; authorName: string | null; body: string }[];
}) {
  const { t, lang } = page;
  if (messages.length === 0) return <Paragraph>{t('sig.messages.none')}</Paragraph>;
  return (
    <ol class="app-messages">
      {messages.map((m) => (
        <li class={`app-message app-message--${m.author}`}>
          <span class="app-muted">
            {formatDateTime(lang, m.at)} ·{' '}
            {m.author === 'reporter'
              ? t('sig.messages.reporter')
              : (m.authorName ?? t('sig.messages.officer'))}
          </span>
          <div class="app-message__body">{m.body}</div>
        </li>
      ))}
    </ol>
  );
}
