import { Button as AriaButton, ButtonProps } from 'react-aria-components';

type Variant = 'primary' | 'secondary' | 'danger' | 'quiet';

/** React Aria's button (press on touch, mouse and keyboard alike) in our styles; `big` for the one action a screen is for. */
export function Button({ variant = 'primary', big = false, className, ...props }: ButtonProps & { variant?: Variant; big?: boolean }) {
  return <AriaButton {...props} className={['button', `button--${variant}`, big ? 'button--big' : '', className ?? ''].join(' ').trim()} />;
}
