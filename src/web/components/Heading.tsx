import type { HTMLAttributes, ReactNode, Ref } from 'react';

type Level = 1 | 2 | 3 | 4 | 5 | 6;

interface HeadingProps extends HTMLAttributes<HTMLHeadingElement> {
  level: Level;
  children: ReactNode;
  ref?: Ref<HTMLHeadingElement>;
}

/** A heading with the utrecht-heading-N look of the same level. */
export function Heading({ level, className, children, ...rest }: HeadingProps) {
  const Tag = `h${level}` as const;
  return (
    <Tag className={cx(`utrecht-heading-${level}`, className)} {...rest}>
      {children}
    </Tag>
  );
}

export function Paragraph({
  lead,
  small,
  className,
  ...rest
}: HTMLAttributes<HTMLParagraphElement> & { lead?: boolean; small?: boolean }) {
  return (
    <p
      className={cx('utrecht-paragraph', lead && 'utrecht-paragraph--lead', small && 'utrecht-paragraph--small', className)}
      {...rest}
    />
  );
}

/** Join class names, skipping falsy ones. */
export function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}
