import type { CSSProperties, ReactNode, Ref } from 'react';

/**
 * A region that scrolls inside itself (a wide table, a long list): focusable, so keyboard users
 * can scroll it with the arrow keys (WCAG 2.1.1), and named, so a screen reader says what it is.
 */
export function ScrollRegion(props: { label: string; className?: string; style?: CSSProperties; children: ReactNode; ref?: Ref<HTMLDivElement> }) {
  const { label, className, style, children, ref } = props;
  return (
    <div ref={ref} className={`scroll-region${className ? ` ${className}` : ''}`} role="region" aria-label={label} tabIndex={0} style={style}>
      {children}
    </div>
  );
}
