import { Button, ButtonGroup, Form, Heading, Link, Paragraph, Table, TextField } from '../web/components.js';
import { formatDateTime } from '../web/i18n.js';
import type { PageContext } from '../web/layout.js';
import type { AuditEvent } from './types.js';

export interface AuditFilters {
  actie?: string;
  gebruiker?: string;
  van?: string;
  tot?: string;
}

/** A label in the reader's language where one exists, else the stable code itself. */
function label(t: PageContext['t'], prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  const text = t(key);
  return text === key ? code : text;
}

export function AuditPage({
  page,
  events,
  names,
  filters,
  olderHref,
}: {
  page: PageContext;
  events: AuditEvent[];
  names: Map<string, string>;
  filters: AuditFilters;
  olderHref?: string;
}) {
  const { t, lang } = page;
  return (
    <>
      <Heading>{t('audit.title')}</Heading>
      <Paragraph>{t('audit.intro', { organisation: page.session!.actor.organisationName ?? '' })}</Paragraph>
      <Form action="/audit" method="get" csrf="" label={t('common.search')}>
        <div class="app-filters">
          <TextField
            name="actie"
            label={t('audit.filter.action')}
            description={t('audit.filter.actionHelp')}
            value={filters.actie}
          />
          <TextField name="gebruiker" label={t('audit.filter.user')} value={filters.gebruiker} />
          <TextField name="van" type="date" label={t('audit.filter.from')} value={filters.van} />
          <TextField name="tot" type="date" label={t('audit.filter.to')} value={filters.tot} />
          <ButtonGroup>
            <Button variant="secondary">{t('common.search')}</Button>
          </ButtonGroup>
        </div>
      </Form>
      {events.length === 0 ? (
        <Paragraph>{t('audit.none')}</Paragraph>
      ) : (
        <>
          <Paragraph>
            {events.length === 1 ? t('audit.shownOne') : t('audit.shown', { count: events.length })}
          </Paragraph>
          <Table
            caption={t('audit.results')}
            head={[
              t('audit.col.when'),
              t('audit.col.who'),
              t('audit.col.action'),
              t('audit.col.outcome'),
              t('audit.col.record'),
              t('audit.col.purpose'),
            ]}
            rows={events.map((e) => [
              formatDateTime(lang, e.occurredAt),
              e.actorUserId ? (names.get(e.actorUserId) ?? e.actorUserId) : t('audit.nobody'),
              <>
                {label(t, 'audit.action', e.action)}
                <br />
                <code class="app-muted">{e.action}</code>
              </>,
              t(`audit.outcome.${e.outcome}`),
              e.recordType
                ? `${label(t, 'audit.record', e.recordType)}${e.recordId ? ` ${e.recordType === 'user' ? (names.get(e.recordId) ?? e.recordId) : e.recordId}` : ''}`
                : '–',
              [
                e.purpose,
                e.fields.length ? e.fields.map((f) => label(t, 'audit.field', f)).join(', ') : null,
                typeof e.details.reason === 'string' ? e.details.reason : null,
              ]
                .filter(Boolean)
                .join(' · ') || '–',
            ])}
          />
          {olderHref && (
            <Paragraph>
              <Link href={olderHref}>{t('audit.older')}</Link>
            </Paragraph>
          )}
        </>
      )}
    </>
  );
}
