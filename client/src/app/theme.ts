import { createTheme, DEFAULT_THEME, Modal, Notification, type CSSVariablesResolver, type DefaultMantineColor, type MantineColorsTuple } from '@mantine/core';

/**
 * The library's palettes with a darker end. Filled buttons and badges, light badges, links and
 * coloured text all use a palette's shade 9 (primaryShade 9), and the library's own shade 9 of
 * green, yellow, orange and teal falls below the 4.5:1 that WCAG 2.1 AA asks of text, on white and
 * on its own light tint. Shade 8 is what a filled button turns to under the pointer.
 */
const withDarkEnd = (name: DefaultMantineColor, shade8: string, shade9: string): MantineColorsTuple => {
  const [s0, s1, s2, s3, s4, s5, s6, s7] = DEFAULT_THEME.colors[name];
  return [s0, s1, s2, s3, s4, s5, s6, s7, shade8, shade9];
};

/**
 * The theme, in the person's language: the library's close buttons (dialogs, toasts) show only an
 * icon, so they get their name here, once for every dialog and toast.
 */
export const themeFor = (closeLabel: string) =>
  createTheme({
    primaryColor: 'blue',
    primaryShade: { light: 9, dark: 8 },
    // White or black text on filled colours, whichever reads better.
    autoContrast: true,
    colors: {
      red: withDarkEnd('red', '#c92a2a', '#b52525'),
      green: withDarkEnd('green', '#2b8a3e', '#22743a'),
      yellow: withDarkEnd('yellow', '#9a6500', '#855600'),
      orange: withDarkEnd('orange', '#c24c0c', '#a8410a'),
      teal: withDarkEnd('teal', '#087f5b', '#0a6e50'),
    },
    components: {
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
      Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
    },
  });

/** Dimmed text (hints, secondary facts) a shade darker than the library's, so it reads at 4.5:1. */
export const cssVariablesResolver: CSSVariablesResolver = (current) => ({
  variables: {},
  light: { '--mantine-color-dimmed': current.colors.gray[7] },
  dark: {},
});
