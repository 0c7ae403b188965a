// The municipal monitor's pages: the national overview (tile map, coverage per police unit and per element, the
// municipalities that have not answered) and one municipality's answers, history and self-assessment form.
import {
  Alert,
  Button,
  ButtonGroup,
  ErrorSummary,
  Form,
  Heading,
  Link,
  Paragraph,
  SelectField,
  Table,
  TextField,
} from '../../web/components.js';
import { formatDateTime } from '../../web/i18n.js';
import type { PageContext } from '../../web/layout.js';
import { ANSWER_STATUSES, ELEMENTS, type Element } from './elements.js';
import type { MunicipalityView, Overview } from './service.js';
import { TileMap } from './tilemap.js';

export interface FormState {
  values?: Record<string, string>;
  errors?: Record<string, string>;
  saved?: boolean;
}

const label = (page: PageContext, e: Element) => (page.lang === 'nl' ? e.nl : e.en);
const explanation = (page: PageContext, e: Element) =>
  page.lang === 'nl' ? e.explanationNl : e.explanationEn;
const elementLabel = (page: PageContext, code: string) => {
  const e = ELEMENTS.find((x) => x.code === code);
  return e ? label(page, e) : code;
};

export function OverviewPage({ page, overview }: { page: PageContext; overview: Overview }) {
  const { t } = page;
  // One decimal below 10 %, so one "ja" among 342 municipalities does not read as 0 %.
  const pct = (n: number) =>
    `${(n * 100).toFixed(n > 0 && n < 0.1 ? 1 : 0).replace('.', page.lang === 'nl' ? ',' : '.')}%`;
  const avg = (n: number | null) =>
    n === null ? '–' : n.toFixed(1).replace('.', page.lang === 'nl' ? ',' : '.');
  return (
    <>
      <Heading>{t('mm.title')}</Heading>
      <Paragraph lead>{t('mm.intro')}</Paragraph>
      <Paragraph>
        {t('mm.answered', { answered: overview.answered, total: overview.municipalities })}
      </Paragraph>
      <Heading level={2}>{t('mm.map.heading')}</Heading>
      <TileMap page={page} tiles={overview.tiles} regions={overview.regions} />
      <Table
        caption={t('mm.regions.caption')}
        head={[
          t('mm.col.region'),
          t('mm.col.municipalities'),
          t('mm.col.answered'),
          t('mm.col.notAnswered'),
          t('mm.col.average'),
        ]}
        rows={overview.regions.map((r) => [
          r.name,
          String(r.municipalities),
          String(r.answered),
          String(r.municipalities - r.answered),
          avg(r.averageScore),
        ])}
      />
      <Heading level={2}>{t('mm.elements.heading')}</Heading>
      <Table
        caption={t('mm.elements.caption', { total: overview.municipalities })}
        head={[
          t('mm.col.element'),
          t('mm.status.ja'),
          t('mm.status.deels'),
          t('mm.status.nee'),
          t('mm.status.onbekend'),
          t('mm.col.share'),
        ]}
        rows={overview.elements.map((e) => [
          label(page, e),
          String(e.yes),
          String(e.partly),
          String(e.no),
          String(e.unknown),
          pct(e.share),
        ])}
      />
      <details>
        <summary>{t('mm.elements.about')}</summary>
        <ul class="utrecht-unordered-list">
          {ELEMENTS.map((e) => (
            <li class="utrecht-unordered-list__item">
              <strong>{label(page, e)}</strong>: {explanation(page, e)}{' '}
              <span class="app-muted">({t('mm.elements.sourceLines', { source: e.source })})</span>
            </li>
          ))}
        </ul>
        <Paragraph>{t('mm.source')}</Paragraph>
      </details>
      <Heading level={2}>{t('mm.missing.heading')}</Heading>
      {overview.regions.map((r) =>
        r.notAnswered.length === 0 ? null : (
          <details>
            <summary>{t('mm.missing.summary', { region: r.name, count: r.notAnswered.length })}</summary>
            <p class="utrecht-paragraph">
              {r.notAnswered.map((m, i) => (
                <>
                  {i > 0 && ', '}
                  <Link href={`/gemeentelijke-aanpak/${m.code}`}>{m.name}</Link>
                </>
              ))}
            </p>
          </details>
        ),
      )}
    </>
  );
}

function AssessmentForm({
  page,
  view,
  form,
}: {
  page: PageContext;
  view: MunicipalityView;
  form: FormState;
}) {
  const { t } = page;
  const errors = form.errors ?? {};
  const value = (name: string, code: string) => {
    if (form.values) return form.values[`${name}_${code}`] ?? '';
    const current = view.current.find((a) => a.element === code);
    if (!current) return '';
    return name === 'status'
      ? current.status
      : name === 'evidence'
        ? current.evidence
        : (current.evidenceOn ?? '');
  };
  const statusOptions = [
    { value: '', label: t('mm.form.skip') },
    ...ANSWER_STATUSES.map((s) => ({ value: s, label: t(`mm.status.${s}`) })),
  ];
  return (
    <>
      <Heading level={2} id="invullen">
        {t('mm.form.heading')}
      </Heading>
      <Paragraph>{t('mm.form.intro')}</Paragraph>
      <ErrorSummary errors={errors} title={t('mm.form.errors')} />
      <Form action={`/gemeentelijke-aanpak/${view.code}`} csrf={page.csrf} label={t('mm.form.heading')}>
        {ELEMENTS.map((e) => (
          <fieldset class="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset">
            <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
              {label(page, e)}
            </legend>
            <p class="utrecht-paragraph app-muted">{explanation(page, e)}</p>
            <SelectField
              name={`status_${e.code}`}
              label={t('mm.form.status')}
              options={statusOptions}
              value={value('status', e.code)}
              error={errors[`status_${e.code}`]}
            />
            <TextField
              name={`evidence_${e.code}`}
              label={t('mm.form.evidence')}
              value={value('evidence', e.code)}
              error={errors[`evidence_${e.code}`]}
              maxLength={1000}
            />
            <TextField
              name={`evidenceOn_${e.code}`}
              label={t('mm.form.evidenceOn')}
              type="date"
              value={value('evidenceOn', e.code)}
              error={errors[`evidenceOn_${e.code}`]}
            />
          </fieldset>
        ))}
        <ButtonGroup>
          <Button>{t('mm.form.submit')}</Button>
        </ButtonGroup>
      </Form>
    </>
  );
}

export function MunicipalityPage({
  page,
  view,
  form,
}: {
  page: PageContext;
  view: MunicipalityView;
  form: FormState;
}) {
  const { t, lang } = page;
  const answersTable = (caption: string, answers: MunicipalityView['current']) => (
    <Table
      caption={caption}
      head={[t('mm.col.element'), t('mm.col.status'), t('mm.col.evidence'), t('mm.col.evidenceOn')]}
      rows={answers.map((a) => [
        elementLabel(page, a.element),
        t(`mm.status.${a.status}`),
        a.evidence || '–',
        a.evidenceOn ?? '–',
      ])}
    />
  );
  return (
    <>
      <Paragraph>
        <Link href="/gemeentelijke-aanpak">{t('mm.back')}</Link>
      </Paragraph>
      <Heading>{view.name}</Heading>
      <Paragraph lead>
        {view.answered
          ? t('mm.muni.score', { score: view.score, total: ELEMENTS.length, region: view.policeUnit })
          : t('mm.muni.none', { region: view.policeUnit })}
      </Paragraph>
      {form.saved && <Alert type="ok">{t('mm.saved')}</Alert>}
      {view.answered && answersTable(t('mm.current.caption'), view.current)}
      {view.canSubmit && <AssessmentForm page={page} view={view} form={form} />}
      <Heading level={2}>{t('mm.history.heading')}</Heading>
      {view.history.length === 0 && <Paragraph>{t('mm.history.none')}</Paragraph>}
      {view.history.map((a) =>
        answersTable(
          t('mm.history.caption', {
            at: formatDateTime(lang, a.submittedAt),
            organisation: a.organisation,
            by: a.submittedBy,
          }),
          a.answers.map((x) => ({ ...x, submittedAt: a.submittedAt })),
        ),
      )}
    </>
  );
}
