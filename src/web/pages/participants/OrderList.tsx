import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from '../../components/Button';
import { useT } from '../../i18n';

interface OrderListProps<T extends string> {
  /** Ids: the list `{id}`, each item `{id}-{value}`, its buttons `{id}-{value}-up` and `{id}-{value}-down`. */
  id: string;
  values: readonly T[];
  labelOf: (value: T) => string;
  onChange: (next: T[]) => void;
  /** Said through the page's live region after a move ("… now in place 2 of 4"). */
  announce: (message: string) => void;
  /** The content of an item; its label by default. */
  renderItem?: (value: T, index: number) => ReactNode;
  /** The element that names the list (a legend or heading). */
  labelledBy?: string;
}

/**
 * An ordered list whose items move with "Omhoog" / "Omlaag" buttons: no dragging, every move
 * is a button press, announced politely, and the focus stays with the item that moved (on the
 * other button when it reached the top or bottom).
 */
export function OrderList<T extends string>({ id, values, labelOf, onChange, announce, renderItem, labelledBy }: OrderListProps<T>) {
  const t = useT();
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    if (!pendingFocus.current) return;
    document.getElementById(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  }, [values]);

  const move = (index: number, delta: -1 | 1) => {
    const to = index + delta;
    if (to < 0 || to >= values.length) return;
    const next = [...values];
    const [item] = next.splice(index, 1);
    next.splice(to, 0, item);
    const atTop = to === 0;
    const atBottom = to === values.length - 1;
    const button = atTop ? 'down' : atBottom ? 'up' : delta < 0 ? 'up' : 'down';
    pendingFocus.current = `${id}-${item}-${button}`;
    onChange(next);
    announce(t('priority.moved', { label: labelOf(item), position: to + 1, total: values.length }));
  };

  return (
    <ol className="eh-order" id={id} aria-labelledby={labelledBy}>
      {values.map((value, index) => (
        <li key={value} className="eh-order__item" id={`${id}-${value}`} data-value={value}>
          <div className="eh-order__content">{renderItem ? renderItem(value, index) : <span className="eh-order__label">{labelOf(value)}</span>}</div>
          <div className="eh-order__buttons">
            <Button id={`${id}-${value}-up`} appearance="secondary" className="eh-order__button" disabled={index === 0} onClick={() => move(index, -1)}>
              <span aria-hidden="true">↑ </span>
              {t('priority.up')}
              <span className="eh-visually-hidden">: {labelOf(value)}</span>
            </Button>
            <Button
              id={`${id}-${value}-down`}
              appearance="secondary"
              className="eh-order__button"
              disabled={index === values.length - 1}
              onClick={() => move(index, 1)}
            >
              <span aria-hidden="true">↓ </span>
              {t('priority.down')}
              <span className="eh-visually-hidden">: {labelOf(value)}</span>
            </Button>
          </div>
        </li>
      ))}
    </ol>
  );
}
