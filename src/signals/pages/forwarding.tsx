// Forwarding with the legal basis shown per recipient, and the recipient's inbox and minimal view.
import {
  Alert,
  Button,
  ButtonGroup,
  CheckboxGroup,
  DataList,
  ErrorSummary,
  Form,
  Heading,
  Link,
  Paragraph,
  SelectField,
  Table,
  TextArea,
} from '../../web/components.js';
import { formatDateTime } from '../../web/i18n.js';
import type { PageContext } from '../../web/layout.js';
import type { RecipientOption } from '../forwarding.js';
import type { ForwardedSignalView, InboxItem } from '../inbox.js';
import type { SignalView } from '../views.js';
import { FORWARD_STATUSES, LIMITS, OUTCOMES, SIGNAL_CATEGORIES } from '../vocabulary.js';
import { one, many, Badges, formList, personText, type Errors, type Values } from './shared.js';

export interface ForwardFormView {
  signal: Pick<SignalView, 'id' | 'reference' | 'forms'>;
  options: RecipientOption[];
  values: Values;
  errors: Errors;
}

export function ForwardPage({ page, view }: { page: PageContext; view: ForwardFormView }) {
  const { t } = page;
  const { values, errors } = view;
  const chosen = many(values, 'categories');
  return (
    <>
      <Paragraph>
        <Link href={`/signalen/${view.signal.id}`}>
          {t('sig.back.signal', { reference: view.signal.reference })}
        </Link>
      </Paragraph>
      <Heading>{t('sig.forward.title', { reference: view.signal.reference })}</Heading>
      <Paragraph lead>{t('sig.forward.intro')}</Paragraph>
      <ErrorSummary title={t('sig.errors')} errors={errors} />
      <Form
        action={`/signalen/${view.signal.id}/doorzetten`}
        csrf={page.csrf}
        label={t('sig.forward.title', { reference: view.signal.reference })}
      >
        <CheckboxGroup
          name="categories"
          legend={t('sig.forward.categories')}
          options={SIGNAL_CATEGORIES.map((c) => ({ value: c, label: t(`sig.category.${c}.long`) }))}
          values={chosen.length ? chosen : [...SIGNAL_CATEGORIES]}
          error={errors.categories}
        />
        <Heading level={2}>{t('sig.forward.recipients')}</Heading>
        {errors.recipients && <Alert type="error">{errors.recipients}</Alert>}
        {view.options.map((o) => {
          const name = `purpose.${o.organisation.id}`;
          return (
            <div class="app-recipient">
              <SelectField
                name={name}
                label={`${o.organisation.name} (${t(`sig.orgtype.${o.organisation.type}`)})`}
                value={one(values, name)}
                error={errors[name]}
                options={[
                  { value: '', label: t('sig.forward.notTo') },
                  ...o.purposes.map((p) => ({
                    value: p.purpose,
                    label: `${t(`sig.purpose.${p.purpose}`)}${p.decision.allowed ? '' : ` — ${t('sig.forward.noBasis')}`}`,
                  })),
                ]}
              />
              <ul class="app-muted app-basis">
                {o.purposes.map((p) => (
                  <li>
                    {t(`sig.purpose.${p.purpose}`)}:{' '}
                    {p.decision.allowed ? (
                      <>
                        {t(p.decision.toBeConfirmed ? 'sig.forward.allowedTbc' : 'sig.forward.allowed', {
                          rule: p.decision.rule.id,
                          basis: p.decision.rule.legalBasis,
                        })}
                        {p.decision.withheld.length > 0 &&
                          ` ${t('sig.forward.withheld', { list: p.decision.withheld.map((c) => t(`sig.category.${c}`)).join(', ') })}`}
                      </>
                    ) : (
                      t('sig.forward.refused', { reason: t(`sig.refusal.${p.decision.code}`) })
                    )}
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
        <TextArea
          name="reason"
          label={t('sig.forward.reason')}
          value={one(values, 'reason')}
          error={errors.reason}
          maxLength={LIMITS.reason}
        />
        <ButtonGroup>
          <Button>{t('sig.forward.submit')}</Button>
        </ButtonGroup>
      </Form>
    </>
  );
}

export function InboxPage({
  page,
  items,
  status,
}: {
  page: PageContext;
  items: InboxItem[];
  status: string;
}) {
  const { t, lang } = page;
  return (
    <>
      <Heading>{t('sig.inbox.title')}</Heading>
      <Paragraph lead>{t('sig.inbox.intro')}</Paragraph>
      <Form action="/doorzettingen" method="get" csrf={page.csrf} label={t('sig.queue.filter')}>
        <div class="app-filters">
          <SelectField
            name="status"
            label={t('sig.col.status')}
            value={status}
            options={[
              { value: '', label: t('sig.all') },
              ...FORWARD_STATUSES.map((s) => ({ value: s, label: t(`sig.fstatus.${s}`) })),
            ]}
          />
          <ButtonGroup>
            <Button variant="secondary">{t('sig.queue.apply')}</Button>
          </ButtonGroup>
        </div>
      </Form>
      {items.length === 0 ? (
        <Paragraph>{t('sig.inbox.empty')}</Paragraph>
      ) : (
        <Table
          caption={t('sig.inbox.caption', { count: items.length })}
          head={[
            t('sig.col.reference'),
            t('sig.inbox.from'),
            t('sig.forward.purpose'),
            t('sig.col.forms'),
            t('sig.col.urgency'),
            t('sig.col.status'),
            t('sig.inbox.at'),
          ]}
          rows={items.map((f) => [
            <Link href={`/doorzettingen/${f.id}`}>{f.reference}</Link>,
            f.from,
            t(`sig.purpose.${f.purpose}`),
            formList(page, f.forms),
            <Badges page={page} s={{ acute: f.acute, minors: f.minors, overdue: false, reviewDue: false }} />,
            f.outcome ? t(`sig.outcome.${f.outcome}`) : t(`sig.fstatus.${f.status}`),
            formatDateTime(lang, f.forwardedAt),
          ])}
        />
      )}
    </>
  );
}

export function ReceivedPage({
  page,
  view,
  values,
  errors,
  saved,
}: {
  page: PageContext;
  view: ForwardedSignalView;
  values: Values;
  errors: Errors;
  saved?: string | undefined;
}) {
  const { t, lang } = page;
  const withheld = (what: string) => <span class="app-muted">{t('sig.received.withheld', { what })}</span>;
  return (
    <>
      <Paragraph>
        <Link href="/doorzettingen">{t('sig.back.inbox')}</Link>
      </Paragraph>
      <Heading>{t('sig.received.title', { reference: view.reference })}</Heading>
      {saved && <Alert type="ok">{t(`sig.saved.${saved}`)}</Alert>}
      <ErrorSummary title={t('sig.errors')} errors={errors} />
      <Alert type="info">
        {t('sig.received.basis', {
          from: view.from.name,
          purpose: t(`sig.purpose.${view.purpose}`),
          rule: view.rule.id,
          basis: view.rule.legalBasis,
        })}{' '}
        {view.withheld.length > 0 &&
          t('sig.received.withheldList', {
            list: view.withheld.map((c) => t(`sig.category.${c}`)).join(', '),
          })}
      </Alert>
      <DataList
        items={[
          [t('sig.col.status'), t(`sig.fstatus.${view.status}`)],
          [t('sig.col.received'), formatDateTime(lang, view.receivedAt)],
          [t('sig.field.observedOn'), view.observedOn ?? '—'],
          [t('sig.field.municipality'), view.municipalityCode ?? t('sig.unknown')],
          [t('sig.col.forms'), formList(page, view.forms)],
          [
            t('sig.col.urgency'),
            <Badges
              page={page}
              s={{ acute: view.acute, minors: view.minors, overdue: false, reviewDue: false }}
            />,
          ],
          [
            t('sig.detail.reporter'),
            view.reporter
              ? [view.reporter.name, view.reporter.organisation].filter(Boolean).join(', ')
              : withheld(t('sig.category.contact')),
          ],
        ]}
      />
      <Heading level={2}>{t('sig.field.narrative')}</Heading>
      {view.narrative !== null ? (
        <div class="app-narrative">{view.narrative}</div>
      ) : (
        withheld(t('sig.category.narrative'))
      )}
      <Heading level={2}>{t('sig.intake.persons')}</Heading>
      {view.persons === null ? (
        withheld(t('sig.category.identifying'))
      ) : view.persons.length === 0 ? (
        <Paragraph>—</Paragraph>
      ) : (
        <ul class="utrecht-unordered-list">
          {view.persons.map((p) => (
            <li class="utrecht-unordered-list__item">{personText(page, p)}</li>
          ))}
        </ul>
      )}
      <Heading level={2}>{t('sig.intake.identifiers')}</Heading>
      {view.identifiers === null ? (
        withheld(t('sig.category.identifiers'))
      ) : view.identifiers.length === 0 ? (
        <Paragraph>—</Paragraph>
      ) : (
        <Table
          caption={t('sig.intake.identifiers')}
          head={[t('sig.identifier.typeCol'), t('sig.identifier.valueCol')]}
          rows={view.identifiers.map((x) => [t(`sig.identifier.${x.type}`), x.display])}
        />
      )}
      {view.status === 'verzonden' && (
        <Form
          action={`/doorzettingen/${view.id}/acceptatie`}
          csrf={page.csrf}
          label={t('sig.received.accept')}
        >
          <Button>{t('sig.received.accept')}</Button>
        </Form>
      )}
      {view.status !== 'afgerond' ? (
        <>
          <Heading level={2}>{t('sig.received.outcome')}</Heading>
          <Form
            action={`/doorzettingen/${view.id}/uitkomst`}
            csrf={page.csrf}
            label={t('sig.received.outcome')}
          >
            <SelectField
              name="outcome"
              label={t('sig.forward.outcome')}
              value={one(values, 'outcome')}
              error={errors.outcome}
              options={[
                { value: '', label: t('sig.choose') },
                ...OUTCOMES.map((o) => ({ value: o, label: t(`sig.outcome.${o}`) })),
              ]}
            />
            <TextArea
              name="reason"
              label={t('sig.received.reason')}
              value={one(values, 'reason')}
              error={errors.reason}
              maxLength={LIMITS.reason}
            />
            <TextArea
              name="reporterSummary"
              label={t('sig.received.summary')}
              description={t('sig.received.summary.help')}
              value={one(values, 'reporterSummary')}
              error={errors.reporterSummary}
              maxLength={LIMITS.reason}
            />
            <Button>{t('sig.received.submit')}</Button>
          </Form>
        </>
      ) : (
        <DataList
          items={[
            [t('sig.forward.outcome'), t(`sig.outcome.${view.outcome}`)],
            [t('sig.received.reason'), view.outcomeReason ?? ''],
            [t('sig.received.summary'), view.reporterSummary ?? '—'],
          ]}
        />
      )}
    </>
  );
}
