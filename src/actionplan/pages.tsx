// Pages of the action plan: the plan as a tree, the filterable table of actions, and one action with its history.
import type { ComponentChildren } from 'preact';
import {
  Alert,
  Button,
  ButtonGroup,
  Form,
  Heading,
  Link,
  Paragraph,
  SelectField,
  Table,
} from '../web/components.js';
import type { PageContext } from '../web/layout.js';
import type { PlanSummary, PlanTree } from './plan.js';
import { reportDecision } from './report.js';
import { FORMS, STATUSES } from './rules.js';
import type { Action, OrganisationRef } from './service.js';

/** Choose which plan a view shows (a GET form, so it works without JavaScript). */
export function PlanPicker({
  page,
  action,
  plans,
  value,
}: {
  page: PageContext;
  action: string;
  plans: PlanSummary[];
  value: string;
}) {
  return (
    <Form action={action} method="get" csrf="" label={page.t('ap.plan')}>
      <div class="app-filters">
        <SelectField
          name="plan"
          label={page.t('ap.plan')}
          value={value}
          options={plans.map((p) => ({ value: p.code, label: `${p.code} · ${p.title}` }))}
        />
        <ButtonGroup>
          <Button variant="secondary">{page.t('ap.filter.apply')}</Button>
        </ButtonGroup>
      </div>
    </Form>
  );
}

export function SubNav({ page }: { page: PageContext }) {
  const items: [string, string][] = [
    ['/actieplan', 'ap.tab.tree'],
    ['/actieplan/acties', 'ap.tab.table'],
    ['/actieplan/mijn-acties', 'ap.tab.mine'],
    ['/actieplan/voortgang', 'ap.tab.dashboard'],
    ['/actieplan/indicatoren', 'ap.tab.indicators'],
  ];
  // The report's form only for those who may produce it: the programme team and action holders.
  if (page.session && reportDecision(page.session.actor).allowed)
    items.push(['/actieplan/rapportage', 'ap.tab.report']);
  const path = page.path.split('?')[0];
  return (
    <nav aria-label={page.t('ap.subnav')} class="app-subnav">
      <ul class="app-subnav__list">
        {items.map(([href, key]) => (
          <li class="app-subnav__item">
            <Link href={href} current={path === href}>
              {page.t(key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export const StatusBadge = ({
  page,
  action,
}: {
  page: PageContext;
  action: Pick<Action, 'status' | 'overduePeriod'>;
}) => (
  <>
    <span class="app-badge">{page.t(`ap.status.${action.status}`)}</span>
    {action.overduePeriod && (
      <>
        {' '}
        <strong>{page.t('ap.overdue', { period: action.overduePeriod })}</strong>
      </>
    )}
  </>
);

export const holderNames = (page: PageContext, holders: { name: string }[]) =>
  holders.length ? (
    holders.map((h) => h.name).join(', ')
  ) : (
    <span class="app-muted">{page.t('ap.noHolder')}</span>
  );

export function PlanPage({ page, plans, tree }: { page: PageContext; plans: PlanSummary[]; tree: PlanTree }) {
  const { t } = page;
  return (
    <>
      <Heading>{t('ap.title')}</Heading>
      <Paragraph lead>{t('ap.intro')}</Paragraph>
      <SubNav page={page} />
      <PlanPicker page={page} action="/actieplan" plans={plans} value={tree.code} />
      <Heading level={2}>
        {t(`ap.plan.kind.${tree.kind}`)} {tree.code}: {tree.title}
      </Heading>
      <Paragraph>
        {tree.published && <>{t('ap.plan.published', { date: tree.published })}. </>}
        {tree.reportingFrom
          ? t('ap.plan.reporting', { date: tree.reportingFrom })
          : t('ap.plan.noReporting')}{' '}
        <span class="app-muted">{t('ap.source', { source: tree.source })}</span>
      </Paragraph>
      <Heading level={3}>{t('ap.goals')}</Heading>
      <ol class="utrecht-ordered-list">
        {tree.strategicGoals.map((g) => (
          <li class="utrecht-ordered-list__item">{g.title}</li>
        ))}
      </ol>
      <Heading level={3}>{t('ap.lines')}</Heading>
      {tree.actionLines.map((line) => (
        <section aria-labelledby={`line-${line.code}`}>
          <Heading level={4} id={`line-${line.code}`}>
            {t('ap.line', { number: line.number, title: line.title })}
          </Heading>
          <Paragraph>{line.description}</Paragraph>
          {line.actions.length === 0 ? (
            <Paragraph>
              <span class="app-muted">{t('ap.line.noActions')}</span>
            </Paragraph>
          ) : (
            <ul class="utrecht-unordered-list">
              {line.actions.map((a) => (
                <li class="utrecht-unordered-list__item">
                  <Link href={`/actieplan/acties/${a.code}`}>
                    {a.code} {a.title}
                  </Link>{' '}
                  <StatusBadge page={page} action={a} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}

export interface TableView {
  plans: { code: string; title: string }[];
  actionLines: { code: string; planCode: string; number: number; title: string }[];
  holders: string[];
  query: Record<string, string>;
  actions: Action[];
}

export function ActionsTable({
  page,
  actions,
  caption,
}: {
  page: PageContext;
  actions: Action[];
  caption: string;
}) {
  const { t } = page;
  if (actions.length === 0) return <Paragraph>{t('ap.table.none')}</Paragraph>;
  return (
    <Table
      caption={caption}
      head={[
        t('ap.col.code'),
        t('ap.col.action'),
        t('ap.col.holders'),
        t('ap.col.forms'),
        t('ap.col.status'),
      ]}
      rows={actions.map((a) => [
        a.code,
        <Link href={`/actieplan/acties/${a.code}`}>{a.title}</Link>,
        holderNames(page, a.holders),
        a.forms.map((f) => t(`ap.form.${f}`)).join(', '),
        <StatusBadge page={page} action={a} />,
      ])}
    />
  );
}

export function TablePage({ page, view }: { page: PageContext; view: TableView }) {
  const { t } = page;
  const all = { value: '', label: t('ap.filter.all') };
  const q = view.query;
  return (
    <>
      <Heading>{t('ap.tab.table')}</Heading>
      <SubNav page={page} />
      <Form action="/actieplan/acties" method="get" csrf="" label={t('ap.filter')}>
        <div class="app-filters">
          <SelectField
            name="plan"
            label={t('ap.col.plan')}
            value={q.plan ?? ''}
            options={[all, ...view.plans.map((p) => ({ value: p.code, label: p.code }))]}
          />
          <SelectField
            name="actielijn"
            label={t('ap.col.line')}
            value={q.actielijn ?? ''}
            options={[
              all,
              ...view.actionLines.map((l) => ({
                value: l.code,
                label: `${l.planCode} · ${l.number}. ${l.title}`,
              })),
            ]}
          />
          <SelectField
            name="actiehouder"
            label={t('ap.filter.holder')}
            value={q.actiehouder ?? ''}
            options={[all, ...view.holders.map((h) => ({ value: h, label: h }))]}
          />
          <SelectField
            name="uitbuitingsvorm"
            label={t('ap.filter.form')}
            value={q.uitbuitingsvorm ?? ''}
            options={[all, ...FORMS.map((f) => ({ value: f, label: t(`ap.form.${f}`) }))]}
          />
          <SelectField
            name="status"
            label={t('ap.col.status')}
            value={q.status ?? ''}
            options={[all, ...STATUSES.map((s) => ({ value: s, label: t(`ap.status.${s}`) }))]}
          />
          <ButtonGroup>
            <Button variant="secondary">{t('ap.filter.apply')}</Button>
          </ButtonGroup>
        </div>
      </Form>
      <Paragraph>
        <Link href="/actieplan/acties">{t('ap.filter.reset')}</Link>
      </Paragraph>
      <ActionsTable
        page={page}
        actions={view.actions}
        caption={t('ap.table.caption', { count: view.actions.length })}
      />
    </>
  );
}

export function OrgList({ page, list }: { page: PageContext; list: OrganisationRef[] }): ComponentChildren {
  if (list.length === 0) return <span class="app-muted">{page.t('ap.noHolder')}</span>;
  return (
    <ul class="utrecht-unordered-list">
      {list.map((o) => (
        <li class="utrecht-unordered-list__item">
          {o.name}
          {o.organisationId && <span class="app-muted"> ({page.t('ap.action.inSchakel')})</span>}
        </li>
      ))}
    </ul>
  );
}

export function MinePage({
  page,
  actions,
  organisation,
}: {
  page: PageContext;
  actions: Action[];
  organisation: string;
}) {
  const { t } = page;
  const late = actions.filter((a) => a.overduePeriod);
  return (
    <>
      <Heading>{t('ap.mine.title')}</Heading>
      <SubNav page={page} />
      {actions.length === 0 ? (
        <Paragraph>{t('ap.mine.none', { organisation })}</Paragraph>
      ) : (
        <>
          <Paragraph lead>{t('ap.mine.intro', { organisation })}</Paragraph>
          {late.length > 0 ? (
            <Alert type="warning">{t('ap.mine.overdue', { count: late.length })}</Alert>
          ) : (
            <Alert type="ok">{t('ap.mine.allUpToDate')}</Alert>
          )}
          <ActionsTable page={page} actions={actions} caption={t('ap.mine.title')} />
        </>
      )}
    </>
  );
}
