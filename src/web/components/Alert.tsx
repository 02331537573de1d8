import type { ReactNode } from 'react';
import { cx } from './Heading';

export type AlertType = 'info' | 'ok' | 'warning' | 'error';

interface AlertProps {
  type?: AlertType;
  /** 'alert' for errors that appear after an action, 'status' for polite confirmations. */
  role?: 'alert' | 'status';
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
  id?: string;
  tabIndex?: number;
}

const icons: Record<AlertType, string> = { info: 'i', ok: '✓', warning: '!', error: '!' };

/** utrecht-alert; the title is bold text (not a heading) so it never disturbs the heading order. */
export function Alert({ type = 'info', role, title, children, className, id, tabIndex }: AlertProps) {
  return (
    <div
      className={cx('utrecht-alert', `utrecht-alert--${type}`, 'eh-alert', className)}
      role={role}
      id={id}
      tabIndex={tabIndex}
    >
      <div className="utrecht-alert__icon eh-alert__icon" aria-hidden="true">
        {icons[type]}
      </div>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          {title ? <p className="utrecht-paragraph eh-alert__title">{title}</p> : null}
          {children}
        </div>
      </div>
    </div>
  );
}
