// The reporter's own signals: the coarse status, the feedback partners wrote, and the messages.
import {
  Alert,
  Button,
  DataList,
  ErrorSummary,
  Form,
  Heading,
  Link,
  Paragraph,
  Table,
  TextArea,
} from '../../web/components.js';
import { formatDateTime } from '../../web/i18n.js';
import type { PageContext } from '../../web/layout.js';
import type { OwnSignal, ReporterStatus } from '../reporter.js';
import { LIMITS } from '../vocabulary.js';
import { one, formList, Messages, type Errors, type Values } from './shared.js';

const reporterStatusText = (page: PageContext, status: ReporterStatus) => page.t(`sig.rstatus.${status}`);

export function MinePage({
  page,
  items,
}: {
  page: PageContext;
  items: { id: string; reference: string; status: ReporterStatus; forms: string[]; receivedAt: string }[];
}) {
  const { t, lang } = page;
  return (
    <>
      <Heading>{t('sig.mine.title')}</Heading>
      <Paragraph lead>{t('sig.mine.intro')}</Paragraph>
      <Paragraph>
        <Link href="/signalen/nieuw">{t('sig.intake.title')}</Link>
      </Paragraph>
      {items.length === 0 ? (
        <Paragraph>{t('sig.mine.empty')}</Paragraph>
      ) : (
        <Table
          caption={t('sig.mine.caption', { count: items.length })}
          head={[t('sig.col.reference'), t('sig.col.received'), t('sig.col.forms'), t('sig.col.status')]}
          rows={items.map((s) => [
            <Link href={`/mijn-signalen/${s.id}`}>{s.reference}</Link>,
            formatDateTime(lang, s.receivedAt),
            formList(page, s.forms),
            reporterStatusText(page, s.status),
          ])}
        />
      )}
    </>
  );
}

export function OwnSignalPage({
  page,
  signal,
  saved,
  errors,
  values,
}: {
  page: PageContext;
  signal: OwnSignal;
  saved?: string | undefined;
  errors: Errors;
  values: Values;
}) {
  const { t, lang } = page;
  return (
    <>
      <Paragraph>
        <Link href="/mijn-signalen">{t('sig.back.mine')}</Link>
      </Paragraph>
      <Heading>{t('sig.own.title', { reference: signal.reference })}</Heading>
      {saved && <Alert type="ok">{t(`sig.saved.${saved}`, { reference: signal.reference })}</Alert>}
      <ErrorSummary title={t('sig.errors')} errors={errors} />
      <DataList
        items={[
          [t('sig.col.status'), reporterStatusText(page, signal.status)],
          [t('sig.col.received'), formatDateTime(lang, signal.receivedAt)],
          [t('sig.field.observedOn'), signal.observedOn ?? '—'],
          [t('sig.field.municipality'), signal.municipalityCode ?? '—'],
          [t('sig.col.forms'), formList(page, signal.forms)],
        ]}
      />
      <Heading level={2}>{t('sig.own.feedback')}</Heading>
      {signal.feedback.length === 0 ? (
        <Paragraph>{t('sig.own.noFeedback')}</Paragraph>
      ) : (
        <ul class="utrecht-unordered-list">
          {signal.feedback.map((f) => (
            <li class="utrecht-unordered-list__item">
              <span class="app-muted">{formatDateTime(lang, f.at)}</span> {f.summary}
            </li>
          ))}
        </ul>
      )}
      <Heading level={2}>{t('sig.messages.title')}</Heading>
      <Messages page={page} messages={signal.messages} />
      <Form action={`/mijn-signalen/${signal.id}/berichten`} csrf={page.csrf} label={t('sig.messages.write')}>
        <TextArea
          name="body"
          label={t('sig.messages.write')}
          value={one(values, 'body')}
          error={errors.body}
          maxLength={LIMITS.message}
        />
        <Button variant="secondary">{t('sig.messages.send')}</Button>
      </Form>
      <Heading level={2}>{t('sig.own.yourReport')}</Heading>
      <div class="app-narrative">{signal.narrative}</div>
    </>
  );
}
