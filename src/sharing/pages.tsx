import {
  Alert,
  Button,
  ButtonGroup,
  ErrorSummary,
  Form,
  Heading,
  Paragraph,
  TextField,
} from '../web/components.js';
import type { PageContext } from '../web/layout.js';
import type { RuleView } from './service.js';

const list = (page: PageContext, prefix: string, values: string[]) =>
  values.map((v) => page.t(`${prefix}.${v}`)).join(', ');

function Rule({
  page,
  rule,
  canConfirm,
  error,
}: {
  page: PageContext;
  rule: RuleView;
  canConfirm: boolean;
  error?: string | undefined;
}) {
  const { t, lang } = page;
  return (
    <section class="app-card app-rule" aria-labelledby={`rule-${rule.id}`}>
      <h2 class="utrecht-heading-3" id={`rule-${rule.id}`}>
        {rule.id} · {list(page, 'orgType', rule.sourceTypes)} → {list(page, 'orgType', rule.recipientTypes)}
      </h2>
      <p class="utrecht-paragraph">
        <span class="app-badge">{t(`sharing.status.${rule.status}`)}</span>
      </p>
      <p class="utrecht-paragraph">{rule.explanation[lang]}</p>
      <dl class="utrecht-data-list utrecht-data-list--html-dl">
        {(
          [
            [t('sharing.col.purpose'), list(page, 'purpose', rule.purposes)],
            [t('sharing.col.categories'), list(page, 'category', rule.categories)],
            [t('sharing.col.basis'), rule.legalBasis],
            [
              t('sharing.col.consent'),
              `${t(`sharing.consent.${rule.consent}`)}${rule.safetyException ? ` ${t('sharing.safety')}` : ''}`,
            ],
            [t('sharing.source'), `${rule.source} (${rule.confidence}, v${rule.version})`],
          ] as const
        ).map(([key, value]) => (
          <div class="utrecht-data-list__item">
            <dt class="utrecht-data-list__item-key">{key}</dt>
            <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{value}</dd>
          </div>
        ))}
      </dl>
      {canConfirm && rule.status === 'to-be-confirmed' && (
        <Form
          action={`/deelregels/${rule.id}/bevestiging`}
          csrf={page.csrf}
          label={`${t('sharing.confirm')} ${rule.id}`}
        >
          <TextField
            name={`note-${rule.id}`}
            label={t('sharing.confirmNote')}
            description={t('sharing.confirmNoteHelp')}
            error={error}
          />
          <ButtonGroup>
            <Button variant="secondary">{`${t('sharing.confirm')} ${rule.id}`}</Button>
          </ButtonGroup>
        </Form>
      )}
    </section>
  );
}

export function RulesPage({
  page,
  rules,
  canConfirm,
  notice,
  errors,
}: {
  page: PageContext;
  rules: RuleView[];
  canConfirm: boolean;
  notice?: string;
  errors: Record<string, string>;
}) {
  const { t } = page;
  return (
    <>
      <Heading>{t('sharing.title')}</Heading>
      {notice && <Alert type="ok">{notice}</Alert>}
      <ErrorSummary errors={errors} title={t('common.errorSummary')} />
      <Paragraph lead>{t('sharing.intro')}</Paragraph>
      <Paragraph>{t('sharing.tbcIntro')}</Paragraph>
      <div class="app-rules">
        {rules.map((rule) => (
          <Rule page={page} rule={rule} canConfirm={canConfirm} error={errors[`note-${rule.id}`]} />
        ))}
      </div>
    </>
  );
}
