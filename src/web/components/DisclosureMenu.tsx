import { useRef, useState } from 'react';
import { NavLink } from 'react-router';
import { Button } from './Button';

export interface DisclosureMenuItem {
  to: string;
  label: string;
  id: string;
}

/**
 * A header menu like "Beveiliging": a disclosure button with a list of links. Escape closes it
 * and returns the focus to the button; so does leaving it with Tab.
 * Ids: the button `{id}-button`, the list `{id}`, the links as given.
 */
export function DisclosureMenu({ id, label, listLabel, items }: { id: string; label: string; listLabel: string; items: DisclosureMenuItem[] }) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  if (items.length === 0) return null;
  return (
    <div
      className="eh-menu"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <Button
        id={`${id}-button`}
        ref={buttonRef}
        appearance="secondary"
        className="eh-menu__button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((current) => !current)}
      >
        {label}
        <span className="eh-menu__caret" aria-hidden="true" />
      </Button>
      <ul id={id} className="eh-menu__list" hidden={!open} aria-label={listLabel}>
        {items.map((item) => (
          <li key={item.to} className="eh-menu__item">
            <NavLink id={item.id} to={item.to} end className="eh-menu__link" onClick={() => setOpen(false)}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </div>
  );
}
