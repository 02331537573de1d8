import { cx } from './Heading';

interface ProgressProps {
  id: string;
  label: string;
  /** 0..1; undefined shows an indeterminate bar (busy, how long is unknown). */
  ratio?: number;
  /** Spoken and shown beside the bar, e.g. "1,2 MB van 3,4 MB". */
  detail?: string;
  className?: string;
}

/**
 * A native <progress> with a visible label (announced politely as it changes). Ids: `{id}` on the
 * bar, `{id}-label` on its name.
 */
export function Progress({ id, label, ratio, detail, className }: ProgressProps) {
  const percent = ratio === undefined ? undefined : Math.round(Math.min(Math.max(ratio, 0), 1) * 100);
  return (
    <div className={cx('eh-progress-field', className)}>
      <p className="utrecht-paragraph eh-progress-field__label" id={`${id}-label`} role="status">
        {label}
        {percent !== undefined ? ` ${percent}%` : ''}
        {detail ? <span className="eh-muted"> — {detail}</span> : null}
      </p>
      <progress id={id} className="eh-progress-field__bar" max={100} value={percent} aria-labelledby={`${id}-label`} />
    </div>
  );
}
