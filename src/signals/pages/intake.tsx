// The professional's intake form: the questions that matter first, the optional sections folded away.
import type { ComponentChildren } from 'preact';
import {
  Alert,
  Button,
  ButtonGroup,
  CheckboxGroup,
  ErrorSummary,
  Form,
  Heading,
  Paragraph,
  SelectField,
  TextArea,
  TextField,
} from '../../web/components.js';
import type { PageContext } from '../../web/layout.js';
import { IDENTIFIER_TYPES } from '../identifiers.js';
import { FORMS, GENDERS, LIMITS, PERSON_ROLES, SECTORS } from '../vocabulary.js';
import { one, many, PAGE_PERSONS, PAGE_IDENTIFIERS, type Errors, type Values } from './shared.js';

export interface IntakeFormView {
  municipalities: { code: string; name: string }[];
  indicators: { code: string; form: string; label: string }[];
  values: Values;
  errors: Errors;
  token: string;
}

function Section({ title, children, open }: { title: string; children: ComponentChildren; open?: boolean }) {
  return (
    <details class="app-details" open={open}>
      <summary class="app-details__summary">{title}</summary>
      <div class="app-details__body">{children}</div>
    </details>
  );
}

const hasError = (errors: Errors, prefix: string) =>
  Object.keys(errors).some((k) => k.startsWith(prefix) && errors[k]);

export function IntakePage({ page, view }: { page: PageContext; view: IntakeFormView }) {
  const { t } = page;
  const { values, errors } = view;
  const formOptions = FORMS.map((f) => ({ value: f, label: t(`sig.form.${f}`) }));
  return (
    <>
      <Heading>{t('sig.intake.title')}</Heading>
      <Paragraph lead>{t('sig.intake.intro')}</Paragraph>
      <ErrorSummary title={t('sig.errors')} errors={errors} />
      <Form action="/signalen/nieuw" csrf={page.csrf} label={t('sig.intake.title')}>
        <input type="hidden" name="token" value={view.token} />
        <SelectField
          name="municipalityCode"
          label={t('sig.field.municipality')}
          value={one(values, 'municipalityCode')}
          error={errors.municipalityCode}
          options={[
            { value: '', label: t('sig.field.municipality.choose') },
            ...view.municipalities.map((m) => ({ value: m.code, label: m.name })),
          ]}
        />
        <TextField
          name="observedOn"
          type="date"
          label={t('sig.field.observedOn')}
          value={one(values, 'observedOn')}
          error={errors.observedOn}
        />
        <CheckboxGroup
          name="forms"
          legend={t('sig.field.forms')}
          options={formOptions}
          values={many(values, 'forms')}
          error={errors.forms}
        />
        <TextArea
          name="narrative"
          label={t('sig.field.narrative')}
          description={t('sig.field.narrative.help')}
          value={one(values, 'narrative')}
          error={errors.narrative}
          rows={6}
          maxLength={LIMITS.narrative}
        />
        <CheckboxGroup
          name="urgency"
          legend={t('sig.field.urgency')}
          options={[
            { value: 'acute', label: t('sig.field.acute') },
            { value: 'minors', label: t('sig.field.minors') },
            { value: 'seriousDisadvantage', label: t('sig.field.seriousDisadvantage') },
          ]}
          values={many(values, 'urgency')}
        />
        <Section title={t('sig.intake.indicators')} open={hasError(errors, 'indicators')}>
          <Paragraph>{t('sig.intake.indicators.help')}</Paragraph>
          {errors.indicators && <Alert type="error">{errors.indicators}</Alert>}
          {FORMS.map((form) => {
            const list = view.indicators.filter((i) => i.form === form);
            return list.length ? (
              <CheckboxGroup
                name="indicators"
                legend={t(`sig.form.${form}`)}
                options={list.map((i) => ({ value: i.code, label: i.label }))}
                values={many(values, 'indicators')}
              />
            ) : null;
          })}
          <SelectField
            name="sector"
            label={t('sig.field.sector')}
            value={one(values, 'sector')}
            error={errors.sector}
            options={[
              { value: '', label: t('sig.none') },
              ...SECTORS.map((s) => ({ value: s, label: t(`sig.sector.${s}`) })),
            ]}
          />
        </Section>
        <Section title={t('sig.intake.persons')} open={hasError(errors, 'persons')}>
          <Paragraph>{t('sig.intake.persons.help')}</Paragraph>
          {Array.from({ length: PAGE_PERSONS }, (_, i) => (
            <fieldset class="app-fieldset">
              <legend class="utrecht-form-fieldset__legend">{t('sig.person.n', { n: i + 1 })}</legend>
              <SelectField
                name={`persons.${i}.role`}
                label={t('sig.person.role')}
                value={one(values, `persons.${i}.role`)}
                error={errors[`persons.${i}.role`]}
                options={[
                  { value: '', label: t('sig.none') },
                  ...PERSON_ROLES.map((r) => ({ value: r, label: t(`sig.role.${r}`) })),
                ]}
              />
              <TextField
                name={`persons.${i}.approximateAge`}
                label={t('sig.person.age')}
                inputMode="numeric"
                value={one(values, `persons.${i}.approximateAge`)}
                error={errors[`persons.${i}.approximateAge`]}
              />
              <SelectField
                name={`persons.${i}.gender`}
                label={t('sig.person.gender')}
                value={one(values, `persons.${i}.gender`)}
                options={[
                  { value: '', label: t('sig.none') },
                  ...GENDERS.map((g) => ({ value: g, label: t(`sig.gender.${g}`) })),
                ]}
              />
              <TextField
                name={`persons.${i}.nationality`}
                label={t('sig.person.nationality')}
                description={t('sig.person.nationality.help')}
                value={one(values, `persons.${i}.nationality`)}
                error={errors[`persons.${i}.nationality`]}
                maxLength={2}
              />
              <TextField
                name={`persons.${i}.description`}
                label={t('sig.person.description')}
                value={one(values, `persons.${i}.description`)}
                error={errors[`persons.${i}.description`]}
                maxLength={LIMITS.description}
              />
            </fieldset>
          ))}
        </Section>
        <Section title={t('sig.intake.identifiers')} open={hasError(errors, 'identifiers')}>
          <Paragraph>{t('sig.intake.identifiers.help')}</Paragraph>
          {Array.from({ length: PAGE_IDENTIFIERS }, (_, i) => (
            <div class="app-pair">
              <SelectField
                name={`identifiers.${i}.type`}
                label={t('sig.identifier.type', { n: i + 1 })}
                value={one(values, `identifiers.${i}.type`)}
                error={errors[`identifiers.${i}.type`]}
                options={[
                  { value: '', label: t('sig.none') },
                  ...IDENTIFIER_TYPES.map((x) => ({ value: x, label: t(`sig.identifier.${x}`) })),
                ]}
              />
              <TextField
                name={`identifiers.${i}.value`}
                label={t('sig.identifier.value', { n: i + 1 })}
                value={one(values, `identifiers.${i}.value`)}
                error={errors[`identifiers.${i}.value`]}
              />
            </div>
          ))}
        </Section>
        <ButtonGroup>
          <Button>{t('sig.intake.submit')}</Button>
        </ButtonGroup>
      </Form>
    </>
  );
}
