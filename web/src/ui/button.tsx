import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';

export interface ButtonProps extends Omit<AriaButtonProps, 'className'> {
  variant?: 'primary' | 'secondary' | 'quiet' | 'danger';
  size?: 'normal' | 'small';
  className?: string;
}

/** A button (React Aria: consistent press, keyboard and focus behaviour) in the house style. */
export function Button({ variant = 'secondary', size = 'normal', className, ...props }: ButtonProps) {
  const classes = ['button', `button-${variant}`, size === 'small' ? 'button-small' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return <AriaButton {...props} className={classes} />;
}
