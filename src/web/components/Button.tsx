import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';
import { Link, type LinkProps } from 'react-router';
import { cx } from './Heading';

export type ButtonAppearance = 'primary' | 'secondary' | 'subtle';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  appearance?: ButtonAppearance;
  /** Destructive action (red). */
  danger?: boolean;
  busy?: boolean;
  children: ReactNode;
  ref?: Ref<HTMLButtonElement>;
}

const appearanceClass: Record<ButtonAppearance, string> = {
  primary: 'primary-action',
  secondary: 'secondary-action',
  subtle: 'subtle',
};

export function Button({
  appearance = 'secondary',
  danger,
  busy,
  type = 'button',
  className,
  disabled,
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={cx(
        'utrecht-button',
        `utrecht-button--${appearanceClass[appearance]}`,
        danger && 'utrecht-button--danger',
        busy && 'utrecht-button--busy',
        type === 'submit' && 'utrecht-button--submit',
        disabled && 'utrecht-button--disabled',
        className,
      )}
      disabled={disabled}
      aria-busy={busy || undefined}
      {...rest}
    >
      {children}
    </button>
  );
}

/** A router link that looks like a button (navigation, not an action). */
export function ButtonLink({
  appearance = 'secondary',
  className,
  ...rest
}: LinkProps & { appearance?: ButtonAppearance }) {
  return (
    <Link
      className={cx(
        'utrecht-button-link',
        'utrecht-button-link--html-a',
        `utrecht-button-link--${appearanceClass[appearance]}`,
        className,
      )}
      {...rest}
    />
  );
}

/** A router link with the utrecht-link look. */
export function AppLink({ className, ...rest }: LinkProps) {
  return <Link className={cx('utrecht-link', 'utrecht-link--html-a', className)} {...rest} />;
}

export function ButtonGroup({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cx('utrecht-button-group', 'eh-button-group', className)}>{children}</div>;
}
