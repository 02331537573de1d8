import { useState, type ReactNode } from 'react';
import { Button } from './Button';

interface RevealProps {
  /** Id of the revealed region; the button is `{id}-toggle`. */
  id: string;
  label: ReactNode;
  /** Open from the start (e.g. the first time something is asked for). */
  initiallyOpen?: boolean;
  children: ReactNode;
}

/** A disclosure button that shows a secondary form or panel only when asked for. */
export function Reveal({ id, label, initiallyOpen = false, children }: RevealProps) {
  const [open, setOpen] = useState(initiallyOpen);
  if (initiallyOpen) return <div id={id}>{children}</div>;
  return (
    <div className="eh-reveal">
      <Button id={`${id}-toggle`} appearance="secondary" aria-expanded={open} aria-controls={id} onClick={() => setOpen((v) => !v)}>
        {label}
        <span className={open ? 'eh-reveal__caret eh-reveal__caret--open' : 'eh-reveal__caret'} aria-hidden="true" />
      </Button>
      <div id={id} hidden={!open}>
        {open ? children : null}
      </div>
    </div>
  );
}
