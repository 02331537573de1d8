import { useEffect, useId, useRef, useState, type ReactNode, type TdHTMLAttributes, type ThHTMLAttributes } from 'react';
import { cx } from './Heading';

interface TableProps {
  caption: ReactNode;
  /** Hide the caption visually (it stays available to screen readers). */
  hideCaption?: boolean;
  children: ReactNode;
  className?: string;
  id?: string;
}

/**
 * utrecht-table in a scrolling container, with a caption that names the table. When the table
 * is wider than the screen the container becomes a focusable, named group so keyboard users
 * can scroll it.
 */
export function Table({ caption, hideCaption, children, className, id }: TableProps) {
  const captionId = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const [scrollable, setScrollable] = useState(false);

  useEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    const check = () => setScrollable(element.scrollWidth > element.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return (
    <div
      ref={containerRef}
      className="utrecht-table-container utrecht-table-container--overflow-inline eh-table-container"
      {...(scrollable ? { tabIndex: 0, role: 'group', 'aria-labelledby': captionId } : {})}
    >
      <table id={id} className={cx('utrecht-table', 'utrecht-table--html-table', 'eh-table', className)}>
        <caption id={captionId} className={cx('utrecht-table__caption', hideCaption && 'eh-visually-hidden')}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return <thead className="utrecht-table__header">{children}</thead>;
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="utrecht-table__body">{children}</tbody>;
}

export function Tr({ children, className }: { children: ReactNode; className?: string }) {
  return <tr className={cx('utrecht-table__row', className)}>{children}</tr>;
}

export function Th({
  numeric,
  className,
  scope = 'col',
  ...rest
}: ThHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return (
    <th
      scope={scope}
      className={cx(
        'utrecht-table__header-cell',
        numeric && 'utrecht-table__header-cell--numeric-column',
        scope === 'row' && 'eh-row-header',
        className,
      )}
      {...rest}
    />
  );
}

export function Td({ numeric, className, ...rest }: TdHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return (
    <td
      className={cx(
        'utrecht-table__cell',
        numeric && 'utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data',
        className,
      )}
      {...rest}
    />
  );
}
