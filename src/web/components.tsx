// Form and content components in NL Design System markup (Utrecht community CSS); see shared nl-design-system.md.
import type { ComponentChildren } from 'preact';

export function Heading({
  level = 1,
  children,
  id,
}: {
  level?: 1 | 2 | 3 | 4;
  children: ComponentChildren;
  id?: string;
}) {
  const Tag = `h${level}` as 'h1';
  return (
    <Tag class={`utrecht-heading-${level}`} id={id}>
      {children}
    </Tag>
  );
}

export function Paragraph({ children, lead }: { children: ComponentChildren; lead?: boolean }) {
  return <p class={`utrecht-paragraph${lead ? ' utrecht-paragraph--lead' : ''}`}>{children}</p>;
}

export function Alert({
  type,
  children,
}: {
  type: 'info' | 'ok' | 'warning' | 'error';
  children: ComponentChildren;
}) {
  return (
    <div class={`utrecht-alert utrecht-alert--${type}`}>
      <div class="utrecht-alert__content">
        <div
          class="utrecht-alert__message"
          role={type === 'error' || type === 'warning' ? 'alert' : 'status'}
        >
          {children}
        </div>
      </div>
    </div>
  );
}

export function Form({
  action,
  csrf,
  children,
  method = 'post',
  label,
}: {
  action: string;
  csrf: string;
  children: ComponentChildren;
  method?: 'post' | 'get';
  label?: string;
}) {
  return (
    <form class="utrecht-form" method={method} action={action} aria-label={label} novalidate>
      {method === 'post' && <input type="hidden" name="_csrf" value={csrf} />}
      {children}
    </form>
  );
}

interface FieldProps {
  name: string;
  label: string;
  value?: string;
  error?: string | undefined;
  description?: string;
  type?: 'text' | 'email' | 'password' | 'search' | 'date' | 'tel';
  autocomplete?: string;
  required?: boolean;
  inputMode?: 'numeric' | 'text' | 'email';
  maxLength?: number;
}

/** Label, description and error message around one input, wired up with ids for assistive technology. */
function FieldFrame({
  name,
  label,
  error,
  description,
  kind,
  input,
}: {
  name: string;
  label: string;
  error?: string | undefined;
  description?: string | undefined;
  kind: 'text' | 'select';
  input: (attributes: {
    id: string;
    'aria-invalid'?: 'true';
    'aria-describedby'?: string;
  }) => ComponentChildren;
}) {
  const id = `field-${name}`;
  const describedBy = [description ? `${id}-description` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      class={`utrecht-form-field utrecht-form-field--distanced${kind === 'text' ? ' utrecht-form-field--text' : ''}${error ? ' utrecht-form-field--invalid' : ''}`}
    >
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {label}
        </label>
      </div>
      {description && (
        <div class="utrecht-form-field__description utrecht-form-field-description" id={`${id}-description`}>
          {description}
        </div>
      )}
      {error && (
        <div class="utrecht-form-field__error-message utrecht-form-field-error-message" id={`${id}-error`}>
          {error}
        </div>
      )}
      <div class="utrecht-form-field__input">
        {input({
          id,
          ...(error ? { 'aria-invalid': 'true' as const } : {}),
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        })}
      </div>
    </div>
  );
}

export function TextField({
  name,
  label,
  value,
  error,
  description,
  type = 'text',
  autocomplete,
  required,
  inputMode,
  maxLength,
}: FieldProps) {
  return (
    <FieldFrame
      name={name}
      label={label}
      error={error}
      description={description}
      kind="text"
      input={(attributes) => (
        <input
          class={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}`}
          name={name}
          type={type}
          value={value ?? ''}
          autocomplete={autocomplete}
          required={required}
          inputMode={inputMode}
          maxLength={maxLength}
          {...attributes}
        />
      )}
    />
  );
}

export function TextArea({
  name,
  label,
  value,
  error,
  description,
  rows = 4,
  maxLength,
}: {
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
  description?: string;
  rows?: number;
  maxLength?: number;
}) {
  return (
    <FieldFrame
      name={name}
      label={label}
      error={error}
      description={description}
      kind="text"
      input={(attributes) => (
        <textarea
          class={`utrecht-textarea utrecht-textarea--html-textarea${error ? ' utrecht-textarea--invalid' : ''}`}
          name={name}
          rows={rows}
          maxLength={maxLength}
          {...attributes}
        >
          {value}
        </textarea>
      )}
    />
  );
}

export function SelectField({
  name,
  label,
  options,
  value,
  error,
  description,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string;
  error?: string | undefined;
  description?: string;
}) {
  return (
    <FieldFrame
      name={name}
      label={label}
      error={error}
      description={description}
      kind="select"
      input={(attributes) => (
        <select class="utrecht-select utrecht-select--html-select" name={name} {...attributes}>
          {options.map((o) => (
            <option value={o.value} selected={o.value === value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

export function CheckboxGroup({
  name,
  legend,
  options,
  values,
  error,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  values: string[];
  error?: string | undefined;
}) {
  const id = `field-${name}`;
  return (
    <div class={`utrecht-form-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}`}>
      <fieldset
        class="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset"
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {legend}
        </legend>
        {error && (
          <div class="utrecht-form-field-error-message" id={`${id}-error`}>
            {error}
          </div>
        )}
        {options.map((o) => (
          <div class="utrecht-form-field utrecht-form-field--checkbox">
            <div class="utrecht-form-field__label utrecht-form-field__label--checkbox">
              <label class="utrecht-form-label utrecht-form-label--checkbox">
                <input
                  class="utrecht-checkbox utrecht-checkbox--html-input"
                  type="checkbox"
                  name={name}
                  value={o.value}
                  checked={values.includes(o.value)}
                />{' '}
                {o.label}
              </label>
            </div>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

export function Button({
  children,
  variant = 'primary',
  name,
  value,
}: {
  children: ComponentChildren;
  variant?: 'primary' | 'secondary' | 'subtle';
  name?: string;
  value?: string;
}) {
  return (
    <button
      type="submit"
      class={`utrecht-button utrecht-button--${variant}-action`}
      name={name}
      value={value}
    >
      {children}
    </button>
  );
}

export function ButtonGroup({ children }: { children: ComponentChildren }) {
  return <div class="utrecht-button-group">{children}</div>;
}

export function Link({
  href,
  children,
  current,
}: {
  href: string;
  children: ComponentChildren;
  current?: boolean;
}) {
  return (
    <a class="utrecht-link utrecht-link--html-a" href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}

export function Table({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: string[];
  rows: ComponentChildren[][];
}) {
  return (
    <div class="app-table-scroll">
      <table class="utrecht-table utrecht-table--html-table">
        <caption class="utrecht-table__caption">{caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {head.map((h) => (
              <th class="utrecht-table__header-cell" scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {rows.map((row) => (
            <tr class="utrecht-table__row">
              {row.map((cell) => (
                <td class="utrecht-table__cell">{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DataList({ items }: { items: [string, ComponentChildren][] }) {
  return (
    <dl class="utrecht-data-list utrecht-data-list--html-dl">
      {items.map(([key, value]) => (
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">{key}</dt>
          <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ErrorSummary({
  errors,
  title,
}: {
  errors: Record<string, string | undefined>;
  title: string;
}) {
  const entries = Object.entries(errors).filter(([, message]) => message);
  if (entries.length === 0) return null;
  return (
    <Alert type="error">
      <p class="utrecht-paragraph">{title}</p>
      <ul class="utrecht-unordered-list">
        {entries.map(([field, message]) => (
          <li class="utrecht-unordered-list__item">
            <a class="utrecht-link utrecht-link--html-a" href={`#field-${field}`}>
              {message}
            </a>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
