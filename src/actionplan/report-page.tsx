// The form to produce the progress report: plan, first and last day, and the choice between the web page and the
// Word file. A GET form (it changes nothing but the audit log), so it works without JavaScript and can be bookmarked.
import {
  Button,
  ButtonGroup,
  ErrorSummary,
  Form,
  Heading,
  Paragraph,
  SelectField,
  TextField,
} from '../web/components.js';
import type { PageContext } from '../web/layout.js';
import type { PlanSummary } from './plan.js';
import { SubNav } from './pages.js';

export interface ReportFormView {
  plans: PlanSummary[];
  values: { plan: string; van: string; tot: string };
  errors?: Record<string, string | undefined>;
}

export function ReportFormPage({ page, view }: { page: PageContext; view: ReportFormView }) {
  const { t } = page;
  const errors = view.errors ?? {};
  return (
    <>
      <Heading>{t('ap.report.form.title')}</Heading>
      <SubNav page={page} />
      <Paragraph lead>{t('ap.report.form.intro')}</Paragraph>
      <Paragraph>{t('ap.report.form.formats')}</Paragraph>
      <ErrorSummary errors={errors} title={t('ap.report.form.errors')} />
      <Form action="/actieplan/rapportage" method="get" csrf="" label={t('ap.report.form.label')}>
        <SelectField
          name="plan"
          label={t('ap.plan')}
          value={view.values.plan}
          error={errors.plan}
          options={view.plans.map((p) => ({ value: p.code, label: `${p.code} · ${p.title}` }))}
        />
        <div class="app-filters">
          <TextField
            name="van"
            type="date"
            label={t('ap.report.form.from')}
            value={view.values.van}
            error={errors.van}
          />
          <TextField
            name="tot"
            type="date"
            label={t('ap.report.form.to')}
            value={view.values.tot}
            error={errors.tot}
          />
        </div>
        <ButtonGroup>
          <Button name="formaat" value="html">
            {t('ap.report.form.html')}
          </Button>
          <Button variant="secondary" name="formaat" value="docx">
            {t('ap.report.form.docx')}
          </Button>
        </ButtonGroup>
      </Form>
      <Paragraph>
        <span class="app-muted">{t('ap.report.form.who')}</span>
      </Paragraph>
    </>
  );
}
