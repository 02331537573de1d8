import type { InputHTMLAttributes, ReactNode } from 'react';
import { useT } from '../i18n';
import { cx } from './Heading';

interface ShellProps {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | null;
  optional?: boolean;
  className?: string;
  children: ReactNode;
}

export function describedBy(id: string, description?: ReactNode, error?: string | null): string | undefined {
  const ids = [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** utrecht-form-field: a label, an optional description, the error beside the field, the control. */
function FieldShell({ id, label, description, error, optional, className, children }: ShellProps) {
  const t = useT();
  return (
    <div className={cx('utrecht-form-field', 'utrecht-form-field--text', error && 'utrecht-form-field--invalid', 'eh-field', className)}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
          {optional ? <span className="eh-optional"> {t('common.optional')}</span> : null}
        </label>
      </div>
      {description ? (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={`${id}-description`}>
          {description}
        </div>
      ) : null}
      {error ? (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message eh-field-error" id={`${id}-error`}>
          {error}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

type NativeInput = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'type'>;

interface TextFieldProps extends NativeInput {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'date' | 'number' | 'search';
  description?: ReactNode;
  error?: string | null;
  optional?: boolean;
  /** Announced as required (aria-required); validation itself is done in JS / on the server. */
  required?: boolean;
  fieldClassName?: string;
}

export function TextField({
  id,
  label,
  value,
  onChange,
  type = 'text',
  description,
  error,
  optional,
  required,
  fieldClassName,
  className,
  ...rest
}: TextFieldProps) {
  return (
    <FieldShell id={id} label={label} description={description} error={error} optional={optional} className={fieldClassName}>
      <input
        id={id}
        name={id}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={cx(
          'utrecht-textbox',
          'utrecht-textbox--html-input',
          type === 'number' && 'utrecht-textbox--numeric',
          type === 'password' && 'utrecht-textbox--password',
          error && 'utrecht-textbox--invalid',
          className,
        )}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
        aria-required={required || undefined}
        {...rest}
      />
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  /** Label of the empty first option; omit to have no empty option. */
  emptyLabel?: string;
  description?: ReactNode;
  error?: string | null;
  optional?: boolean;
  required?: boolean;
  disabled?: boolean;
  fieldClassName?: string;
}

export function SelectField({
  id,
  label,
  value,
  onChange,
  options,
  emptyLabel,
  description,
  error,
  optional,
  required,
  disabled,
  fieldClassName,
}: SelectFieldProps) {
  return (
    <FieldShell id={id} label={label} description={description} error={error} optional={optional} className={fieldClassName}>
      <select
        id={id}
        name={id}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        className={cx('utrecht-select', 'utrecht-select--html-select', error && 'utrecht-select--invalid')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
        aria-required={required || undefined}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

interface TextareaFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  description?: ReactNode;
  error?: string | null;
  optional?: boolean;
  rows?: number;
  fieldClassName?: string;
}

export function TextareaField({
  id,
  label,
  value,
  onChange,
  description,
  error,
  optional,
  rows = 3,
  fieldClassName,
}: TextareaFieldProps) {
  return (
    <FieldShell id={id} label={label} description={description} error={error} optional={optional} className={fieldClassName}>
      <textarea
        id={id}
        name={id}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={cx('utrecht-textarea', 'utrecht-textarea--html-textarea', error && 'utrecht-textarea--invalid')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
      />
    </FieldShell>
  );
}

interface CheckboxGroupProps {
  id: string;
  legend: ReactNode;
  options: Array<Option & { group?: string }>;
  values: string[];
  onChange: (values: string[]) => void;
  description?: ReactNode;
  error?: string | null;
  optional?: boolean;
  /** Lay a long list of short options out in columns (e.g. the region's municipalities). */
  columns?: boolean;
}

/** A fieldset of checkboxes (an accessible multi-select); options may carry a group caption. */
export function CheckboxGroup({ id, legend, options, values, onChange, description, error, optional, columns }: CheckboxGroupProps) {
  const t = useT();
  const groups = new Map<string, Array<Option>>();
  for (const option of options) {
    const group = option.group ?? '';
    const list = groups.get(group) ?? [];
    list.push(option);
    groups.set(group, list);
  }
  const toggle = (value: string, checked: boolean) => {
    onChange(checked ? [...values, value] : values.filter((v) => v !== value));
  };
  return (
    <fieldset
      id={id}
      className={cx(
        'utrecht-form-fieldset',
        'utrecht-form-fieldset--html-fieldset',
        error && 'utrecht-form-fieldset--invalid',
        error && 'utrecht-form-field--invalid',
        'eh-fieldset',
      )}
      aria-describedby={describedBy(id, description, error)}
      aria-invalid={error ? true : undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend}
        {optional ? <span className="eh-optional"> {t('common.optional')}</span> : null}
      </legend>
      {description ? (
        <div className="utrecht-form-field-description" id={`${id}-description`}>
          {description}
        </div>
      ) : null}
      {error ? (
        <div className="utrecht-form-field-error-message eh-field-error" id={`${id}-error`}>
          {error}
        </div>
      ) : null}
      <div className={cx('eh-checkbox-groups', columns && 'eh-checkbox-groups--columns')}>
        {[...groups.entries()].map(([group, list]) => (
          <div key={group || 'default'} className="eh-checkbox-group">
            {group ? <p className="utrecht-paragraph eh-checkbox-group__caption">{group}</p> : null}
            {list.map((option) => {
              const optionId = `${id}-${option.value}`;
              return (
                <div key={option.value} className="utrecht-form-field utrecht-form-field--checkbox eh-checkbox">
                  <input
                    type="checkbox"
                    id={optionId}
                    className="utrecht-checkbox utrecht-checkbox--html-input"
                    checked={values.includes(option.value)}
                    onChange={(event) => toggle(option.value, event.target.checked)}
                  />
                  <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={optionId}>
                    {option.label}
                  </label>
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </fieldset>
  );
}

interface CheckboxFieldProps {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  description?: ReactNode;
  error?: string | null;
  required?: boolean;
}

/** One checkbox with its label (e.g. a confirmation), with the error above it like other fields. */
export function CheckboxField({ id, label, checked, onChange, description, error, required }: CheckboxFieldProps) {
  return (
    <div
      className={cx(
        'utrecht-form-field',
        error && 'utrecht-form-field--invalid',
        'eh-field',
        'eh-checkbox-field',
      )}
    >
      {description ? (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={`${id}-description`}>
          {description}
        </div>
      ) : null}
      {error ? (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message eh-field-error" id={`${id}-error`}>
          {error}
        </div>
      ) : null}
      <div className="eh-checkbox">
        <input
          type="checkbox"
          id={id}
          name={id}
          className={cx('utrecht-checkbox', 'utrecht-checkbox--html-input', error && 'utrecht-checkbox--invalid')}
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, description, error)}
          aria-required={required || undefined}
        />
        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
          {label}
        </label>
      </div>
    </div>
  );
}

interface RadioGroupProps {
  id: string;
  legend: ReactNode;
  options: Option[];
  value: string;
  onChange: (value: string) => void;
  description?: ReactNode;
  error?: string | null;
  optional?: boolean;
  required?: boolean;
  /** Options side by side (short choices such as yes / no). */
  inline?: boolean;
  className?: string;
}

/**
 * A fieldset of radio buttons (one choice). Ids: the fieldset `{id}`, each option `{id}-{value}`.
 * The arrow keys move between the options (native radio behaviour).
 */
export function RadioGroup({
  id,
  legend,
  options,
  value,
  onChange,
  description,
  error,
  optional,
  required,
  inline,
  className,
}: RadioGroupProps) {
  const t = useT();
  return (
    <fieldset
      id={id}
      className={cx(
        'utrecht-form-fieldset',
        'utrecht-form-fieldset--html-fieldset',
        error && 'utrecht-form-fieldset--invalid',
        error && 'utrecht-form-field--invalid',
        'eh-fieldset',
        className,
      )}
      aria-describedby={describedBy(id, description, error)}
      aria-invalid={error ? true : undefined}
      aria-required={required || undefined}
      role="radiogroup"
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend}
        {optional ? <span className="eh-optional"> {t('common.optional')}</span> : null}
      </legend>
      {description ? (
        <div className="utrecht-form-field-description" id={`${id}-description`}>
          {description}
        </div>
      ) : null}
      {error ? (
        <div className="utrecht-form-field-error-message eh-field-error" id={`${id}-error`}>
          {error}
        </div>
      ) : null}
      <div className={cx('eh-radios', inline && 'eh-radios--inline')}>
        {options.map((option) => {
          const optionId = `${id}-${option.value}`;
          return (
            <div key={option.value} className="utrecht-form-field utrecht-form-field--radio eh-checkbox">
              <input
                type="radio"
                id={optionId}
                name={id}
                value={option.value}
                className={cx('utrecht-radio-button', 'utrecht-radio-button--html-input', error && 'utrecht-radio-button--invalid')}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
              />
              <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={optionId}>
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
